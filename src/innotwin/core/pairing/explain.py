"""Why a pair scores as it does: industries and themes on each side, suggested themes, plain sentences.

Explanations are computed for one pair at a time, on demand, in O(K + T·K) for K industries and T
themes, so that scoring millions of pairs never builds millions of explanations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from innotwin.core.pairing.dimensions import Prepared
from innotwin.core.pairing.phrases import complementarity_sentence, overall_sentence, shared_sentence
from innotwin.core.pairing.scores import PairScore
from innotwin.core.pairing.themes import ThemeMap

__all__ = [
    "RELATED_PERCENTILE",
    "IndustryEvidence",
    "PairExplanation",
    "SuggestedTheme",
    "ThemeEvidence",
    "explain_pair",
]

#: A one-sided specialisation supports a complementary theme when the other side's relatedness
#: percentile in that industry is at least the median.
RELATED_PERCENTILE = 0.5


@dataclass(frozen=True, kw_only=True)
class IndustryEvidence:
    """One industry in an explanation; ``value`` is what the list is ranked by (see the list's doc)."""

    industry: str
    name_en: str
    name_ko: str
    rca_a: float
    rca_b: float
    relatedness_a: float
    relatedness_b: float
    value: float


@dataclass(frozen=True, kw_only=True)
class ThemeEvidence:
    """A theme one region is strong in; ``value`` counts the theme's industries it is specialised in."""

    theme: str
    name_en: str
    name_ko: str
    industries: tuple[str, ...]
    value: float


@dataclass(frozen=True, kw_only=True)
class SuggestedTheme:
    """A collaboration theme for the pair, the pillars it serves and the evidence for it.

    ``strength`` = shared specialisations in the theme + the relatedness percentiles of its
    complementary industries + 1 if both regions list the theme among their policy priorities.
    """

    theme: str
    name_en: str
    name_ko: str
    pillars: tuple[str, ...]
    basis: tuple[str, ...]
    shared_industries: tuple[str, ...]
    complementary_industries: tuple[str, ...]
    strength: float


@dataclass(frozen=True, kw_only=True)
class PairExplanation:
    """Everything that explains one pair's score.

    * ``strengths_a`` / ``strengths_b``: each region's top specialisations (``value`` = its RCA);
    * ``shared``: specialisations of both (``value`` = the smaller RCA);
    * ``complementary_a_to_b``: a's specialisations that b lacks (``value`` = b's relatedness
      percentile in the industry, the industry's contribution to the complementarity score), and the
      reverse in ``complementary_b_to_a``;
    * ``themes_a`` / ``themes_b``: the themes each region is most specialised in;
    * ``suggested_themes``: themes for the pair with their pillars;
    * ``sentences_en`` / ``sentences_ko``: three sentences generated from these numbers.
    """

    pair: PairScore
    strengths_a: tuple[IndustryEvidence, ...]
    strengths_b: tuple[IndustryEvidence, ...]
    shared: tuple[IndustryEvidence, ...]
    complementary_a_to_b: tuple[IndustryEvidence, ...]
    complementary_b_to_a: tuple[IndustryEvidence, ...]
    themes_a: tuple[ThemeEvidence, ...]
    themes_b: tuple[ThemeEvidence, ...]
    suggested_themes: tuple[SuggestedTheme, ...]
    sentences_en: tuple[str, ...]
    sentences_ko: tuple[str, ...]


def _ranked(
    prep: Prepared,
    i: int,
    j: int,
    mask: NDArray[np.bool_],
    value: NDArray[np.float64],
    tiebreak: NDArray[np.float64],
    top: int,
) -> tuple[IndustryEvidence, ...]:
    """The ``top`` industries in ``mask`` by ``value`` (descending), ``tiebreak`` (descending), code."""
    industries = prep.data.industries
    chosen = sorted(np.flatnonzero(mask), key=lambda k: (-value[k], -tiebreak[k], industries[k]))[:top]
    return tuple(
        IndustryEvidence(
            industry=industries[k],
            name_en=prep.data.industry_name(industries[k]),
            name_ko=prep.data.industry_name(industries[k], language="ko"),
            rca_a=float(prep.rca_a[i, k]),
            rca_b=float(prep.rca_b[j, k]),
            relatedness_a=float(prep.relatedness_a[i, k]),
            relatedness_b=float(prep.relatedness_b[j, k]),
            value=float(value[k]),
        )
        for k in chosen
    )


def _side_themes(
    prep: Prepared, special: NDArray[np.bool_], themes: ThemeMap, membership: NDArray[np.bool_], top: int
) -> tuple[ThemeEvidence, ...]:
    industries = prep.data.industries
    counts = (membership & special[np.newaxis, :]).sum(axis=1)
    chosen = sorted(np.flatnonzero(counts), key=lambda t: (-counts[t], t))[:top]
    return tuple(
        ThemeEvidence(
            theme=themes.themes[t].id,
            name_en=themes.themes[t].name_en,
            name_ko=themes.themes[t].name_ko,
            industries=tuple(industries[k] for k in np.flatnonzero(membership[t] & special)),
            value=float(counts[t]),
        )
        for t in chosen
    )


def _suggested_themes(
    prep: Prepared, i: int, j: int, themes: ThemeMap, membership: NDArray[np.bool_], top: int
) -> tuple[SuggestedTheme, ...]:
    industries = prep.data.industries
    special_a, special_b = prep.special_a[i] > 0, prep.special_b[j] > 0
    related_to_b = special_a & ~special_b & (prep.relatedness_b[j] >= RELATED_PERCENTILE)
    related_to_a = special_b & ~special_a & (prep.relatedness_a[i] >= RELATED_PERCENTILE)
    # The relatedness of each complementary industry to the side that lacks it.
    support = np.where(related_to_b, prep.relatedness_b[j], 0.0) + np.where(
        related_to_a, prep.relatedness_a[i], 0.0
    )
    both = special_a & special_b
    tags_both = prep.data.a.policy_tags[i] & prep.data.b.policy_tags[j]
    found = []
    for t, theme in enumerate(themes.themes):
        shared = tuple(industries[k] for k in np.flatnonzero(membership[t] & both))
        complementary = tuple(
            industries[k] for k in np.flatnonzero(membership[t] & (related_to_a | related_to_b))
        )
        in_policy = theme.id in tags_both
        strength = len(shared) + float(support[membership[t]].sum()) + (1.0 if in_policy else 0.0)
        if strength > 0:
            evidence = (
                ("shared", bool(shared)),
                ("complementary", bool(complementary)),
                ("policy", in_policy),
            )
            basis = tuple(name for name, present in evidence if present)
            found.append((strength, t, theme, basis, shared, complementary))
    found.sort(key=lambda item: (-round(item[0], 12), item[1]))
    return tuple(
        SuggestedTheme(
            theme=theme.id,
            name_en=theme.name_en,
            name_ko=theme.name_ko,
            pillars=theme.pillars,
            basis=basis,
            shared_industries=shared,
            complementary_industries=complementary,
            strength=strength,
        )
        for strength, _, theme, basis, shared, complementary in found[:top]
    )


def explain_pair(
    prep: Prepared,
    pair: PairScore,
    i: int,
    j: int,
    *,
    themes: ThemeMap,
    membership: NDArray[np.bool_],
    top: int = 5,
) -> PairExplanation:
    """The explanation of the pair at row ``i`` and column ``j``, with ``top`` items per list.

    ``membership`` is ``themes.membership(prep.data.industries)``, computed once per result.
    Complexity: O(K log K + T·K) for K industries and T themes.
    """
    special_a, special_b = prep.special_a[i] > 0, prep.special_b[j] > 0
    rca_a, rca_b = prep.rca_a[i], prep.rca_b[j]
    smaller = np.minimum(rca_a, rca_b)
    shared = _ranked(prep, i, j, special_a & special_b, smaller, np.maximum(rca_a, rca_b), top)
    a_to_b = _ranked(prep, i, j, special_a & ~special_b, prep.relatedness_b[j], rca_a, top)
    b_to_a = _ranked(prep, i, j, special_b & ~special_a, prep.relatedness_a[i], rca_b, top)
    names = (pair.name_a, pair.name_b)
    names_ko = (pair.name_a_ko, pair.name_b_ko)
    scored = pair.scored
    counted = [part for part in scored if part.weight > 0]
    best = max(counted, key=lambda part: (part.score, -pair.dimensions.index(part)), default=None)
    sentences = (
        overall_sentence(
            names=names,
            names_ko=names_ko,
            profile=pair.profile,
            total=pair.total,
            scored=len(scored),
            dimensions=len(pair.dimensions),
            best=None if best is None or math.isnan(pair.total) else (best.dimension, best.score),
        ),
        shared_sentence(
            names=names,
            names_ko=names_ko,
            threshold=prep.threshold,
            count=int((special_a & special_b).sum()),
            lead=None
            if not shared
            else (shared[0].name_en, shared[0].name_ko, shared[0].rca_a, shared[0].rca_b),
        ),
        complementarity_sentence(
            names=names,
            names_ko=names_ko,
            a_to_b=None
            if not a_to_b
            else (a_to_b[0].name_en, a_to_b[0].name_ko, a_to_b[0].rca_a, a_to_b[0].value),
            b_to_a=None
            if not b_to_a
            else (b_to_a[0].name_en, b_to_a[0].name_ko, b_to_a[0].rca_b, b_to_a[0].value),
        ),
    )
    return PairExplanation(
        pair=pair,
        strengths_a=_ranked(prep, i, j, special_a, rca_a, rca_a, top),
        strengths_b=_ranked(prep, i, j, special_b, rca_b, rca_b, top),
        shared=shared,
        complementary_a_to_b=a_to_b,
        complementary_b_to_a=b_to_a,
        themes_a=_side_themes(prep, special_a, themes, membership, 3),
        themes_b=_side_themes(prep, special_b, themes, membership, 3),
        suggested_themes=_suggested_themes(prep, i, j, themes, membership, 3),
        sentences_en=tuple(english for english, _ in sentences),
        sentences_ko=tuple(korean for _, korean in sentences),
    )
