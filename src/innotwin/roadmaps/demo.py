"""Demo roadmaps for the demo pairs (``demo.yaml``), loaded through the domain functions. Running it again
changes nothing: a pair that already has a roadmap is left alone."""

from __future__ import annotations

import calendar
import datetime as dt
from importlib import resources
from typing import Any

import yaml
from django.db import transaction
from django.utils import timezone

from innotwin.pairs.models import TwinPair
from innotwin.roadmaps.domain.agreements import register_agreement
from innotwin.roadmaps.domain.proposals import create_proposal, move_proposal, save_milestone
from innotwin.roadmaps.domain.roadmap import add_objective, draft_roadmap
from innotwin.roadmaps.models import Roadmap

LABEL = "innotwin demo"
_PATH = {
    "idea": [],
    "scoping": ["scoping"],
    "submitted": ["scoping", "submitted"],
    "funded": ["scoping", "submitted", "funded"],
    "delivering": ["scoping", "submitted", "funded", "delivering"],
}


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _data() -> dict[str, Any]:
    text = resources.files("innotwin.roadmaps").joinpath("demo.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@transaction.atomic
def load_roadmaps_demo(today: dt.date | None = None) -> int:
    """Create the demo roadmaps that do not exist yet; returns how many were created."""
    today = today or timezone.localdate()
    created = 0
    for slug, body in _data()["roadmaps"].items():
        pair = TwinPair.objects.filter(slug=slug).first()
        if pair is None or Roadmap.objects.filter(pair=pair).exists():
            continue
        roadmap = draft_roadmap(
            actor=None,
            pair=pair,
            values={key: body[key] for key in ("title_en", "title_ko", "vision_en", "vision_ko")},
            is_demo=True,
            actor_label=LABEL,
        )
        for objective in body["objectives"]:
            add_objective(actor=None, roadmap=roadmap, values=objective, actor_label=LABEL)
        for title, facts in body["agreements"].items():
            agreement = pair.agreements.filter(title_en=title).first()
            if agreement is None:
                continue
            expires = (
                _add_months(agreement.signed_on, 12 * facts["years"])
                if facts.get("years") and agreement.signed_on
                else None
            )
            register_agreement(agreement=agreement, themes=facts["themes"], expires_on=expires)
        for item in body["proposals"]:
            starts = today + dt.timedelta(days=item["starts_in_days"])
            proposal = create_proposal(
                actor=None,
                pair=pair,
                values={
                    "title_en": item["title_en"],
                    "title_ko": item["title_ko"],
                    "pillar": item["pillar"],
                    "theme": item["theme"],
                    "starts_on": starts,
                    "ends_on": _add_months(starts, item["months"]),
                },
                is_demo=True,
                actor_label=LABEL,
            )
            for stage in _PATH[item["stage"]]:
                proposal = move_proposal(actor=None, proposal=proposal, stage=stage, actor_label=LABEL)
            for milestone in item["milestones"]:
                save_milestone(
                    actor=None,
                    proposal=proposal,
                    values={
                        "title_en": milestone["title_en"],
                        "title_ko": milestone["title_ko"],
                        "due_on": today + dt.timedelta(days=milestone["in_days"]),
                    },
                    actor_label=LABEL,
                )
        created += 1
    return created
