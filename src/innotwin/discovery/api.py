"""``/api/v1/discovery``: ranked city pairs, one pair explained, proposing a pair, the stored evidence."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from innotwin.accounts.permissions import Action, require_permission, visible
from innotwin.core.errors import DataError
from innotwin.discovery.domain.explain_pair import explain_pair
from innotwin.discovery.domain.propose_twin_pair import propose_twin_pair
from innotwin.discovery.domain.rank_pairs import Ranking, default_countries, rank_pairs
from innotwin.discovery.domain.snapshot_pair import snapshot_pair
from innotwin.discovery.forms import profile_choices
from innotwin.discovery.models import PairEvidence
from innotwin.pairs.models import TwinPair

router = Router(tags=["discovery"])


class RankingQuery(Schema):
    country_a: str | None = Field(None, alias="from", description="Country of the first regions (ISO code).")
    country_b: str | None = Field(None, alias="to", description="Country of the second regions (ISO code).")
    level_a: str | None = Field(
        None, description="Region level of the first country [default: best covered]."
    )
    level_b: str | None = Field(
        None, description="Region level of the second country [default: best covered]."
    )
    profile: str = Field("balanced", description="Weight profile: balanced, complementarity-first or peers.")
    top: int | None = Field(None, ge=1, description="Return only the best N pairs [default: all].")
    min_score: float | None = Field(None, ge=0, le=1, description="Return only pairs scoring at least this.")


class ProfileOut(Schema):
    name: str
    description: str
    weights: dict[str, float]


class SourceOut(Schema):
    key: str
    publisher: str
    dataset: str
    url: str
    licence: str


class InputSummaryOut(Schema):
    indicator: str
    atlas_indicators: list[str]
    years: list[int]
    sources: list[str]
    regions: int


class ExcludedOut(Schema):
    code: str
    name_en: str
    name_ko: str
    reason: str


class SideOut(Schema):
    country: str
    level: str
    regions: int
    employment_indicator: str
    employment_year: int
    employment_sources: list[str]
    inputs: list[InputSummaryOut]
    excluded: list[ExcludedOut]


class RankedPairOut(Schema):
    rank: int
    a: str
    b: str
    name_a_en: str
    name_a_ko: str
    name_b_en: str
    name_b_ko: str
    total: float | None
    dimensions_with_data: int
    left_out: list[str]
    top_k_probability: float
    strongest_dimension: str | None
    scores: dict[str, float | None]


class RankingOut(Schema):
    profile: ProfileOut
    atlas_fingerprint: str
    pairs_ranked: int
    k: int = Field(description="Robustness: the top k whose membership is tested.")
    n_draws: int
    spread: float
    random_state: int
    a: SideOut
    b: SideOut
    sources: list[SourceOut]
    pairs: list[RankedPairOut]


class ProposeIn(Schema):
    profile: str = "balanced"


class ProposedOut(Schema):
    slug: str
    status: str
    evidence_id: int
    url: str


def _check_profile(profile: str) -> None:
    names = dict(profile_choices())
    if profile not in names:
        raise DataError(
            _("There is no weight profile called '%(name)s'; choose one of %(names)s.")
            % {"name": profile, "names": ", ".join(names)}
        )


def _side(ranking: Ranking, which: str) -> dict[str, Any]:
    side = ranking.a if which == "a" else ranking.b
    inputs = []
    for name, found in side.values.items():
        inputs.append(
            {
                "indicator": name,
                "atlas_indicators": sorted({entry.indicator for entry in found.values()}),
                "years": sorted({entry.period for entry in found.values()}),
                "sources": sorted({entry.source for entry in found.values()}),
                "regions": len(found),
            }
        )
    return {
        "country": side.country,
        "level": side.level,
        "regions": len(side.codes),
        "employment_indicator": side.sector_indicator,
        "employment_year": side.sector_period,
        "employment_sources": list(side.sector_sources),
        "inputs": inputs,
        "excluded": [vars(item) for item in side.excluded],
    }


@router.get("/rankings", response=RankingOut, summary="Every cross-country pair of regions, ranked")
def get_ranking(request: HttpRequest, query: Query[RankingQuery]) -> dict[str, Any]:
    """Pairs best first with their dimension scores, the dimensions left out, and the share of weight
    perturbations in which each pair stays in the top k; every input's measure, years and sources."""
    require_permission(request.user, Action.VIEW_DISCOVERY)
    _check_profile(query.profile)
    first, second = default_countries()
    ranking = rank_pairs(
        country_a=query.country_a or first,
        country_b=query.country_b or second,
        level_a=query.level_a,
        level_b=query.level_b,
        profile=query.profile,
    )
    pairs = [
        p
        for p in ranking.pairs
        if query.min_score is None or (p.total is not None and p.total >= query.min_score)
    ]
    if query.top is not None:
        pairs = pairs[: query.top]
    return {
        "profile": {
            "name": ranking.profile.name,
            "description": ranking.profile.description,
            "weights": ranking.profile.weights,
        },
        "atlas_fingerprint": ranking.fingerprint,
        "pairs_ranked": len(ranking.pairs),
        "k": ranking.k,
        "n_draws": ranking.n_draws,
        "spread": ranking.spread,
        "random_state": ranking.random_state,
        "a": _side(ranking, "a"),
        "b": _side(ranking, "b"),
        "sources": [vars(note) for _key, note in sorted(ranking.sources.items())],
        "pairs": [
            {
                **{field: getattr(p, field) for field in ("rank", "a", "b", "total", "left_out", "scores")},
                "name_a_en": p.name_a_en,
                "name_a_ko": p.name_a_ko,
                "name_b_en": p.name_b_en,
                "name_b_ko": p.name_b_ko,
                "dimensions_with_data": p.present,
                "top_k_probability": p.top_k_probability,
                "strongest_dimension": p.strongest,
            }
            for p in pairs
        ],
    }


@router.get("/pairs/{a}/{b}", response=dict[str, Any], summary="One pair explained")
def get_explanation(request: HttpRequest, a: str, b: str, profile: str = "balanced") -> dict[str, Any]:
    """The pair's score by dimension (left-out dimensions with the reason), rank and robustness, top
    industries each side with location quotients, shared and complementary industries, suggested
    themes with pillars, sentences in English and Korean, and every input value with its year and source."""
    require_permission(request.user, Action.VIEW_DISCOVERY)
    _check_profile(profile)
    return snapshot_pair(report=explain_pair(a=a, b=b, profile=profile))


@router.post("/pairs/{a}/{b}/propose", response={201: ProposedOut}, summary="Propose the pair as a twin pair")
def post_proposal(request: HttpRequest, a: str, b: str, body: ProposeIn) -> Status[dict[str, Any]]:
    """Create the twin pair in status proposed with the explanation stored as its evidence
    (programme administrators only)."""
    require_permission(request.user, Action.PROPOSE_PAIR)
    _check_profile(body.profile)
    pair = propose_twin_pair(a=a, b=b, profile=body.profile, proposed_by=request.user)  # type: ignore[arg-type]
    evidence = pair.discovery_evidence.first()
    return Status(
        201,
        {
            "slug": pair.slug,
            "status": pair.status,
            "evidence_id": evidence.pk if evidence else 0,
            "url": reverse("discovery:evidence", kwargs={"slug": pair.slug}),
        },
    )


@router.get(
    "/evidence/{slug}", response=list[dict[str, Any]], summary="The evidence a twin pair was proposed on"
)
def get_evidence(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    """Every stored evidence snapshot of a twin pair the caller may see, newest first."""
    pair = visible(request.user, Action.VIEW_PAIR, TwinPair.objects.all()).filter(slug=slug).first()
    if pair is None:
        raise Http404(f"There is no twin pair {slug!r} that you may see.")
    return [
        {"id": e.pk, "created_at": e.created_at.isoformat(), "profile": e.profile, "snapshot": e.snapshot}
        for e in PairEvidence.objects.filter(pair=pair)
    ]
