"""Propose a discovered pair as a twin pair, with the evidence it was chosen on."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import InvalidStateError
from innotwin.core.pairing import WeightProfile
from innotwin.discovery.domain.explain_pair import explain_pair
from innotwin.discovery.domain.snapshot_pair import snapshot_pair
from innotwin.discovery.models import PairEvidence
from innotwin.pairs.domain.create_twin_pair import create_twin_pair
from innotwin.pairs.enums import PairStatus, PillarCode
from innotwin.pairs.models import TwinPair


def _free_slug(base: str) -> str:
    slug, n = base, 1
    while TwinPair.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def propose_twin_pair(
    *, a: str, b: str, profile: str | WeightProfile = "balanced", proposed_by: User | None = None
) -> TwinPair:
    """Create the twin pair of regions ``a`` and ``b`` in status proposed, with its evidence attached."""
    report = explain_pair(a=a, b=b, profile=profile)
    existing = (
        TwinPair.objects.filter(Q(region_a_id=a, region_b_id=b) | Q(region_a_id=b, region_b_id=a))
        .select_related("region_a", "region_b")
        .first()
    )
    if existing is not None:
        raise InvalidStateError(
            _("%(pair)s is already a twin pair (%(status)s); nothing was changed.")
            % {"pair": existing.name, "status": existing.get_status_display()}
        )
    explanation = report.explanation
    pillars = [
        PillarCode(code)
        for code in PillarCode.values
        if any(code in theme.pillars for theme in explanation.suggested_themes)
    ]
    entry = report.entry
    pair = create_twin_pair(
        region_a=a,
        region_b=b,
        status=PairStatus.PROPOSED,
        summary_en=" ".join(explanation.sentences_en),
        summary_ko=" ".join(explanation.sentences_ko),
        pillars=tuple(pillars) or tuple(PillarCode),
        slug=_free_slug(slugify(f"{entry.name_a_en}-{entry.name_b_en}") or "pair"),
    )
    PairEvidence.objects.create(
        pair=pair,
        proposed_by=proposed_by,
        profile=report.ranking.profile.name,
        total=entry.total,
        rank=entry.rank,
        pairs_ranked=len(report.ranking.pairs),
        top_k_probability=entry.top_k_probability,
        atlas_fingerprint=report.ranking.fingerprint,
        snapshot=snapshot_pair(report=report),
    )
    return pair
