"""Why two regions score as they do: the engine's explanation with the pair's rank, robustness and data."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, NotFoundError
from innotwin.core.pairing import PairExplanation, WeightProfile
from innotwin.discovery import reference
from innotwin.discovery.domain.build_pairing_input import InputValue, SideInput
from innotwin.discovery.domain.rank_pairs import RankBand, RankedPair, Ranking, rank_pairs, scored_pairs
from innotwin.regions.models import Region


@dataclass(frozen=True)
class PairReport:
    """One pair's explanation, its place in the ranking, and every input value with its provenance."""

    ranking: Ranking
    entry: RankedPair
    band: RankBand | None
    explanation: PairExplanation
    side_a: SideInput
    side_b: SideInput
    inputs_a: dict[str, InputValue]
    inputs_b: dict[str, InputValue]
    policy_a: tuple[reference.PolicyDocument, ...]
    policy_b: tuple[reference.PolicyDocument, ...]
    governance_a: reference.Governance | None
    governance_b: reference.Governance | None

    @property
    def a(self) -> str:
        return self.entry.a

    @property
    def b(self) -> str:
        return self.entry.b

    def available(self, side: str) -> set[str]:
        """What region ``side`` (``"a"`` or ``"b"``) has: engine indicators, ``"tags"`` for recorded
        policy priorities and ``"governance"`` for a row in the governance table."""
        inputs, policy, governance = (
            (self.inputs_a, self.policy_a, self.governance_a)
            if side == "a"
            else (self.inputs_b, self.policy_b, self.governance_b)
        )
        return {*inputs, *(["tags"] if policy else []), *(["governance"] if governance else [])}


def _region(code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise NotFoundError(_("There is no region with the code %(code)s.") % {"code": code})
    return region


def _check_scored(ranking: Ranking, side: SideInput, region: Region) -> None:
    if region.code in side.codes:
        return
    excluded = next((item for item in side.excluded if item.code == region.code), None)
    if excluded is not None:
        raise DataError(
            _("%(name)s cannot be paired: the atlas has no employment by industry for it (%(reason)s).")
            % {"name": region.name_en, "reason": excluded.reason}
        )
    raise DataError(
        _(
            "%(name)s cannot be paired: it is a region of level '%(level)s', and the atlas has employment "
            "by industry for %(country)s at level '%(expected)s'."
        )
        % {
            "name": region.name_en,
            "level": region.level,
            "country": side.country_name_en,
            "expected": side.level,
        }
    )


def explain_pair(*, a: str, b: str, profile: str | WeightProfile = "balanced") -> PairReport:
    """The explanation of the pair of region ``a`` (its country ranked first) and region ``b``."""
    first, second = _region(a), _region(b)
    if first.country_id == second.country_id:
        raise DataError(
            _("A city pair joins regions of two countries; %(a)s and %(b)s are both in %(country)s.")
            % {"a": first.name_en, "b": second.name_en, "country": first.country_id}
        )
    levels = {"level_a": None, "level_b": None}
    ranking = rank_pairs(country_a=first.country_id, country_b=second.country_id, profile=profile, **levels)
    if first.level != ranking.a.level or second.level != ranking.b.level:
        levels = {"level_a": first.level, "level_b": second.level}
        ranking = rank_pairs(
            country_a=first.country_id, country_b=second.country_id, profile=profile, **levels
        )
    _check_scored(ranking, ranking.a, first)
    _check_scored(ranking, ranking.b, second)
    data, result = scored_pairs(
        country_a=first.country_id,
        country_b=second.country_id,
        profile=profile,
        fingerprint=ranking.fingerprint,
        **levels,
    )
    entry = ranking.pair(first.code, second.code)
    if entry is None:  # both regions were checked above; kept for a clear message if the atlas changed
        raise NotFoundError(_("The pair %(a)s – %(b)s was not scored.") % {"a": a, "b": b})
    documents = reference.policy_documents()
    table = reference.governance()
    return PairReport(
        ranking=ranking,
        entry=entry,
        band=next((band for band in ranking.rank_bands if (band.a, band.b) == (a, b)), None),
        explanation=result.explain(first.code, second.code),
        side_a=data.a,
        side_b=data.b,
        inputs_a={name: found[a] for name, found in data.a.values.items() if a in found},
        inputs_b={name: found[b] for name, found in data.b.values.items() if b in found},
        policy_a=documents.get(a, ()),
        policy_b=documents.get(b, ()),
        governance_a=table.get(a),
        governance_b=table.get(b),
    )
