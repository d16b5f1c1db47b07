"""City-pair discovery: score every cross-country pair of regions, explain it, test its stability.

Typical use::

    from innotwin.core.pairing import PairingInput, RegionSet, assess_robustness, score_pairs

    result = score_pairs(PairingInput(a=uk_regions, b=korean_regions), profile="balanced")
    best = result.top(10)
    why = result.explain(best[0].a, best[0].b)          # industries, themes, sentences (en, ko)
    stability = assess_robustness(result, k=10, random_state=0)

The method, with every formula, default and known weakness, is in ``docs/methods/pairing.md``.
"""

from innotwin.core.pairing.engine import score_pairs
from innotwin.core.pairing.explain import IndustryEvidence, PairExplanation, SuggestedTheme, ThemeEvidence
from innotwin.core.pairing.inputs import (
    GOVERNANCE_ATTRIBUTES,
    INDICATORS,
    RESEARCH_INDICATORS,
    SCALE_INDICATORS,
    PairingInput,
    RegionSet,
)
from innotwin.core.pairing.profiles import DIMENSIONS, WeightProfile, get_profile, load_profile, load_profiles
from innotwin.core.pairing.result import PairingResult
from innotwin.core.pairing.robustness import LeaveOneOut, RobustnessResult, assess_robustness
from innotwin.core.pairing.scores import DimensionScore, PairScore
from innotwin.core.pairing.themes import Pillar, Theme, ThemeMap, load_theme_map

__all__ = [
    "DIMENSIONS",
    "GOVERNANCE_ATTRIBUTES",
    "INDICATORS",
    "RESEARCH_INDICATORS",
    "SCALE_INDICATORS",
    "DimensionScore",
    "IndustryEvidence",
    "LeaveOneOut",
    "PairExplanation",
    "PairScore",
    "PairingInput",
    "PairingResult",
    "Pillar",
    "RegionSet",
    "RobustnessResult",
    "SuggestedTheme",
    "Theme",
    "ThemeEvidence",
    "ThemeMap",
    "WeightProfile",
    "assess_robustness",
    "get_profile",
    "load_profile",
    "load_profiles",
    "load_theme_map",
    "score_pairs",
]
