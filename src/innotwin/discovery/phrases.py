"""The words of discovery pages in one place: dimension, indicator and profile names, left-out reasons."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from innotwin.core.pairing import RESEARCH_INDICATORS, SCALE_INDICATORS

DIMENSION_LABELS: dict[str, Promise] = {
    "scale": gettext_lazy("Scale"),
    "structure": gettext_lazy("Economic structure"),
    "shared_specialisation": gettext_lazy("Shared specialisations"),
    "complementarity": gettext_lazy("Complementarity"),
    "research": gettext_lazy("Research and innovation base"),
    "policy": gettext_lazy("Policy priorities"),
    "governance": gettext_lazy("Urban tier and governance"),
}

DIMENSION_QUESTIONS: dict[str, Promise] = {
    "scale": gettext_lazy("Are the two regions of similar size and prosperity?"),
    "structure": gettext_lazy("Are their patterns of over- and under-represented industries alike?"),
    "shared_specialisation": gettext_lazy("How many of their specialisations do they share?"),
    "complementarity": gettext_lazy(
        "Is each strong where the other is weak, in industries related to what the other already does?"
    ),
    "research": gettext_lazy("Are both strong in research and innovation for their country?"),
    "policy": gettext_lazy("Do their published strategies name the same priorities?"),
    "governance": gettext_lazy("Are they counterpart authorities of a similar urban tier?"),
}

INDICATOR_LABELS: dict[str, Promise] = {
    "population": gettext_lazy("Population"),
    "output": gettext_lazy("Output (GDP, PPP US dollars)"),
    "output_per_head_ppp": gettext_lazy("Output per head (PPP US dollars)"),
    "universities": gettext_lazy("Universities"),
    "rnd_personnel": gettext_lazy("R&D personnel"),
    "rnd_spending": gettext_lazy("R&D expenditure"),
    "patents": gettext_lazy("Patent applications"),
    "public_rnd_funding": gettext_lazy("Public R&D funding"),
    "tier": gettext_lazy("Urban tier"),
    "capital": gettext_lazy("Capital region"),
    "authority": gettext_lazy("Authority type"),
}

COMPONENT_LABELS: dict[str, Promise] = {
    **INDICATOR_LABELS,
    "cosine_symmetric_rca": gettext_lazy("Cosine of the symmetric location quotients"),
    "specialisations_a": gettext_lazy("Specialisations of the first region"),
    "specialisations_b": gettext_lazy("Specialisations of the second region"),
    "shared": gettext_lazy("Shared"),
    "a_to_b": gettext_lazy("First region's offer to the second"),
    "b_to_a": gettext_lazy("Second region's offer to the first"),
    "tags_a": gettext_lazy("Priorities of the first region"),
    "tags_b": gettext_lazy("Priorities of the second region"),
}

PROFILE_LABELS: dict[str, Promise] = {
    "balanced": gettext_lazy("Balanced"),
    "complementarity-first": gettext_lazy("Complementarity first"),
    "peers": gettext_lazy("Peers"),
}

PROFILE_DESCRIPTIONS: dict[str, Promise] = {
    "balanced": gettext_lazy(
        "Every dimension counts the same: the default when there is no agreed reason to prefer one."
    ),
    "complementarity-first": gettext_lazy(
        "Partners that can each bring what the other lacks; complementarity counts three times, research one "
        "and a half, similarity of size, structure and governance half."
    ),
    "peers": gettext_lazy(
        "Look-alikes for policy learning: scale, structure and governance count double, complementarity half."
    ),
}

AUTHORITY_LABELS: dict[str, Promise] = {
    "metropolitan": gettext_lazy("metropolitan authority"),
    "provincial": gettext_lazy("provincial or county authority"),
}

BASIS_LABELS: dict[str, Promise] = {
    "shared": gettext_lazy("shared specialisations"),
    "complementary": gettext_lazy("complementary specialisations"),
    "policy": gettext_lazy("both strategies name it"),
}

_COMPONENT_DIMENSIONS = {"scale": SCALE_INDICATORS, "research": RESEARCH_INDICATORS}


def label(mapping: dict[str, Promise], key: str) -> str:
    """The translated label of ``key``, or the key itself when it has none (e.g. a user's profile)."""
    return str(mapping[key]) if key in mapping else key


def left_out_reason(
    *,
    dimension: str,
    name_a: str,
    name_b: str,
    inputs_a: set[str],
    inputs_b: set[str],
) -> str:
    """Why ``dimension`` has no score for the pair, in the reader's language.

    ``inputs_a`` and ``inputs_b`` name what each region has: engine indicators, ``"tags"`` for recorded
    policy priorities and ``"governance"`` for a row in the governance table.
    """
    values = {"dimension": label(DIMENSION_LABELS, dimension).lower(), "a": name_a, "b": name_b}
    if dimension in _COMPONENT_DIMENSIONS or dimension == "governance":
        names = _COMPONENT_DIMENSIONS.get(dimension, ("governance",))
        has_a, has_b = bool(inputs_a & set(names)), bool(inputs_b & set(names))
        if not has_a and not has_b:
            return _("No %(dimension)s data for %(a)s or %(b)s.") % values
        if not has_a or not has_b:
            return _("No %(dimension)s data for %(region)s.") % {
                **values,
                "region": name_b if has_a else name_a,
            }
        return _("No %(dimension)s indicator is known for both regions.") % values
    if dimension == "policy":
        missing = [name for name, have in ((name_a, inputs_a), (name_b, inputs_b)) if "tags" not in have]
        if len(missing) == 2:
            return _("No policy priorities are recorded for %(a)s or %(b)s.") % values
        return _("No policy priorities are recorded for %(region)s.") % {
            "region": missing[0] if missing else name_a
        }
    if dimension == "structure":
        return _("The industry mix of one region equals its country's, leaving no pattern to compare.")
    return _("Neither region is specialised in any industry.")
