"""A pair's roadmap and its versions: draft → signed (date, signatories, document) → superseded; its
vision, themes and objectives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import DataError, InvalidStateError, Problem
from innotwin.core.roadmaps import DocumentProblem, check_document, diff
from innotwin.pairs.models import TwinPair
from innotwin.roadmaps.domain._common import parse_date, pillar_and_theme, record_changes
from innotwin.roadmaps.enums import RoadmapStatus
from innotwin.roadmaps.models import Objective, Roadmap, Theme

ROADMAP_FIELDS = ("title_en", "title_ko", "vision_en", "vision_ko")


def current_roadmap(pair: TwinPair) -> Roadmap | None:
    """The newest version that is not superseded (a signed one, or the draft that will replace it)."""
    return pair.roadmaps.exclude(status=RoadmapStatus.SUPERSEDED).order_by("-version").first()


def signed_roadmap(pair: TwinPair) -> Roadmap | None:
    return pair.roadmaps.filter(status=RoadmapStatus.SIGNED).order_by("-version").first()


def _snapshot(roadmap: Roadmap) -> dict[str, str]:
    snapshot = {name: getattr(roadmap, name) for name in ROADMAP_FIELDS}
    snapshot["status"] = roadmap.status
    snapshot["themes"] = (
        ", ".join(sorted(roadmap.themes.values_list("code", flat=True))) if roadmap.pk else ""
    )
    return snapshot


def _record(roadmap: Roadmap, before: Mapping[str, str], actor: User | None, actor_label: str) -> None:
    record_changes(
        pair=roadmap.pair,
        proposal=None,
        record="roadmap",
        record_id=roadmap.pk,
        changes=diff(before, _snapshot(roadmap)),
        actor=actor,
        actor_label=actor_label,
    )


def _themes(codes: Sequence[str]) -> list[Theme]:
    found = list(Theme.objects.filter(code__in=codes))
    missing = sorted(set(codes) - {theme.code for theme in found})
    if missing:
        known = ", ".join(Theme.objects.values_list("code", flat=True))
        raise DataError(
            [
                Problem(
                    _("The themes %(missing)s are not in the taxonomy; known themes: %(known)s.")
                    % {"missing": ", ".join(missing), "known": known},
                    field="themes",
                )
            ]
        )
    return found


@transaction.atomic
def draft_roadmap(
    *,
    actor: User | None,
    pair: TwinPair,
    values: Mapping[str, Any],
    themes: Sequence[str] | None = None,
    is_demo: bool = False,
    actor_label: str = "",
) -> Roadmap:
    """Edit the pair's draft, or start one: the first version, or a new version copying the signed one's
    vision, themes and objectives (the signed one stays in force until the new one is signed)."""
    unknown = sorted(set(values) - set(ROADMAP_FIELDS))
    if unknown:
        raise DataError(_("A roadmap has no field %(fields)s.") % {"fields": ", ".join(unknown)})
    draft = pair.roadmaps.filter(status=RoadmapStatus.DRAFT).first()
    before: dict[str, str] = {}
    if draft is None:
        signed = signed_roadmap(pair)
        latest = pair.roadmaps.order_by("-version").first()
        draft = Roadmap(pair=pair, version=(latest.version + 1) if latest else 1, is_demo=is_demo)
        if signed is not None:
            for name in ROADMAP_FIELDS:
                setattr(draft, name, getattr(signed, name))
        draft.save()
        if signed is not None:
            draft.themes.set(signed.themes.all())
            Objective.objects.bulk_create(
                Objective(
                    roadmap=draft,
                    title_en=item.title_en,
                    title_ko=item.title_ko,
                    pillar_id=item.pillar_id,
                    theme_id=item.theme_id,
                    target_date=item.target_date,
                    position=item.position,
                )
                for item in signed.objectives.all()
            )
    else:
        before = _snapshot(draft)
    for name in ROADMAP_FIELDS:
        if name in values:
            setattr(draft, name, str(values[name] or "").strip())
    draft.save()
    if themes is not None:
        draft.themes.set(_themes(themes))
    _record(draft, before, actor, actor_label)
    return draft


@transaction.atomic
def add_objective(
    *, actor: User | None, roadmap: Roadmap, values: Mapping[str, Any], actor_label: str = ""
) -> Objective:
    """Add an objective (title, pillar, theme, target date) to a draft roadmap."""
    if roadmap.status != RoadmapStatus.DRAFT:
        raise InvalidStateError(
            _("Version %(version)s of this roadmap is %(status)s; objectives are added to a draft.")
            % {"version": roadmap.version, "status": roadmap.get_status_display()}
        )
    problems: list[Problem] = []
    pillar, theme = pillar_and_theme(values, problems)
    title_en, title_ko = str(values.get("title_en") or "").strip(), str(values.get("title_ko") or "").strip()
    if not (title_en or title_ko):
        problems.append(Problem(_("Give the objective a title in English or Korean."), field="title_en"))
    if pillar is None and not any(p.field == "pillar" for p in problems):
        problems.append(Problem(_("Choose the pillar the objective serves."), field="pillar"))
    if theme is None and not any(p.field == "theme" for p in problems):
        problems.append(Problem(_("Choose the objective's theme."), field="theme"))
    target = parse_date(values.get("target_date"), "target_date", problems)
    if problems or pillar is None or theme is None:
        raise DataError(problems)
    objective = Objective.objects.create(
        roadmap=roadmap,
        title_en=title_en,
        title_ko=title_ko,
        pillar=pillar,
        theme=theme,
        target_date=target,
        position=roadmap.objectives.count(),
    )
    roadmap.themes.add(theme)
    record_changes(
        pair=roadmap.pair,
        proposal=None,
        record="objective",
        record_id=objective.pk,
        changes=diff(
            {},
            {
                "title_en": title_en,
                "title_ko": title_ko,
                "pillar": pillar.code,
                "theme": theme.code,
                "target_date": target.isoformat() if target else "",
            },
        ),
        actor=actor,
        actor_label=actor_label,
    )
    return objective


@transaction.atomic
def sign_roadmap(
    *,
    actor: User | None,
    roadmap: Roadmap,
    signed_on: dt.date | str | None,
    signatories_uk: str,
    signatories_kr: str,
    document: tuple[str, bytes] | None = None,
    actor_label: str = "",
) -> Roadmap:
    """Sign a draft: it needs the date and signatories on both sides; the signed document (file name,
    bytes) is checked like any document. The version signed before it becomes superseded."""
    locked = Roadmap.objects.select_for_update().get(pk=roadmap.pk)
    if locked.status != RoadmapStatus.DRAFT:
        raise InvalidStateError(
            _("Version %(version)s is %(status)s; only a draft can be signed.")
            % {"version": locked.version, "status": locked.get_status_display()}
        )
    problems: list[Problem] = []
    date = parse_date(signed_on, "signed_on", problems)
    if date is None and not problems:
        problems.append(Problem(_("Give the date the roadmap was signed."), field="signed_on"))
    if not signatories_uk.strip():
        problems.append(Problem(_("Name the signatories on the UK side."), field="signatories_uk"))
    if not signatories_kr.strip():
        problems.append(Problem(_("Name the signatories on the Korean side."), field="signatories_kr"))
    if document is not None:
        try:
            check_document(document[1], filename=document[0])
        except DocumentProblem as refused:
            problems.append(Problem(refused.problems[0].message, field="signed_document"))
    if problems:
        raise DataError(problems)
    before = _snapshot(locked)
    for previous in locked.pair.roadmaps.filter(status=RoadmapStatus.SIGNED):
        old = _snapshot(previous)
        previous.status = RoadmapStatus.SUPERSEDED
        previous.save(update_fields=["status", "updated_at"])
        _record(previous, old, actor, actor_label)
    locked.status = RoadmapStatus.SIGNED
    locked.signed_on = date
    locked.signatories_uk = signatories_uk.strip()
    locked.signatories_kr = signatories_kr.strip()
    if document is not None:
        locked.signed_document.save(document[0], ContentFile(document[1]), save=False)
    locked.save()
    _record(locked, before, actor, actor_label)
    return locked
