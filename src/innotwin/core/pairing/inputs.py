"""What the pairing engine scores: the regions of two countries, described the same way.

A :class:`RegionSet` holds one country's regions: codes and names, a regions × industries employment
matrix (harmonised industry codes, e.g. ISIC Rev.4 divisions), scalar indicators (NaN where a region has
no value), policy-priority tags, and urban tier and governance attributes. A :class:`PairingInput` puts
two region sets side by side and checks that their industry columns are the same, in the same order.

Every check runs before anything is scored; all problems found are raised together in one
:class:`~innotwin.core.errors.DataError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike, NDArray

from innotwin.core.errors import DataError, Problem

__all__ = [
    "GOVERNANCE_ATTRIBUTES",
    "INDICATORS",
    "RESEARCH_INDICATORS",
    "SCALE_INDICATORS",
    "PairingInput",
    "RegionSet",
]

#: Indicators of size and prosperity, compared by their ratio. Money must be in PPP US dollars.
SCALE_INDICATORS = ("population", "output", "output_per_head_ppp")
#: Indicators of the research and innovation base, compared per head of population.
RESEARCH_INDICATORS = ("universities", "rnd_personnel", "rnd_spending", "patents", "public_rnd_funding")
INDICATORS = SCALE_INDICATORS + RESEARCH_INDICATORS
#: Urban tier and governance attributes, compared for likeness.
GOVERNANCE_ATTRIBUTES = ("tier", "capital", "authority")


def _message(parameter: str, requirement: str, got: object) -> Problem:
    return Problem(f"The '{parameter}' parameter of RegionSet must be {requirement}. Got {got} instead.")


def _strings(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(str(value) for value in values)


def _column(
    parameter: str, values: Sequence[Any] | None, size: int, default: object, problems: list[Problem]
) -> tuple[Any, ...]:
    """One entry per region (``default`` for all when ``values`` is None)."""
    column = (default,) * size if values is None else tuple(values)
    if len(column) != size:
        problems.append(_message(parameter, f"one entry per region ({size})", f"{len(column)} entries"))
    return column


def _is_tier(value: object) -> bool:
    if value is None:
        return True
    return isinstance(value, int | np.integer) and not isinstance(value, bool) and bool(value >= 1)


def _employment(
    values: ArrayLike, size: int, industries: tuple[str, ...], codes: tuple[str, ...], problems: list[Problem]
) -> NDArray[np.float64]:
    try:
        matrix = np.array(values, dtype=np.float64)
    except (TypeError, ValueError):
        problems.append(_message("employment", "a 2-D array of numbers", type(values).__name__))
        return np.zeros((size, len(industries)))
    if matrix.shape != (size, len(industries)):
        expected = f"of shape (regions, industries) = ({size}, {len(industries)})"
        problems.append(_message("employment", expected, f"shape {matrix.shape}"))
        return np.zeros((size, len(industries)))
    if not np.isfinite(matrix).all():
        problems.append(
            _message("employment", "finite (fill suppressed cells explicitly)", "NaN or infinity")
        )
    elif (matrix < 0).any():
        problems.append(_message("employment", "non-negative", f"minimum {float(matrix.min())!r}"))
    else:
        empty = [codes[row] for row in np.flatnonzero(matrix.sum(axis=1) <= 0)]
        if empty:
            problems.append(_message("employment", "positive in every region's total", f"zero for {empty}"))
    matrix.flags.writeable = False
    return matrix


def _indicators(
    indicators: Mapping[str, ArrayLike], size: int, problems: list[Problem]
) -> dict[str, NDArray[np.float64]]:
    checked: dict[str, NDArray[np.float64]] = {}
    for name, values in indicators.items():
        parameter = f"indicators[{name}]"
        if name not in INDICATORS:
            problems.append(_message("indicators", f"keyed by names from {list(INDICATORS)}", repr(name)))
            continue
        try:
            vector = np.array(values, dtype=np.float64)
        except (TypeError, ValueError):
            problems.append(_message(parameter, "numbers (NaN where missing)", "other values"))
            continue
        if vector.shape != (size,):
            problems.append(_message(parameter, f"one value per region ({size})", f"shape {vector.shape}"))
            continue
        present = vector[~np.isnan(vector)]
        if not np.isfinite(present).all() or (present < 0).any():
            problems.append(
                _message(parameter, "finite and non-negative, or NaN where missing", "other values")
            )
        elif name in SCALE_INDICATORS and (present <= 0).any():
            problems.append(_message(parameter, "positive, or NaN where missing", "zero"))
        vector.flags.writeable = False
        checked[name] = vector
    return checked


def _totals(values: ArrayLike | None, industries: int, problems: list[Problem]) -> NDArray[np.float64] | None:
    if values is None:
        return None
    totals = np.array(values, dtype=np.float64)
    if totals.shape != (industries,):
        problems.append(
            _message("industry_totals", f"one total per industry ({industries})", f"shape {totals.shape}")
        )
    elif not np.isfinite(totals).all() or (totals < 0).any() or totals.sum() <= 0:
        problems.append(_message("industry_totals", "finite, non-negative and not all zero", "other values"))
    totals.flags.writeable = False
    return totals


@dataclass(frozen=True, eq=False, init=False)
class RegionSet:
    """The regions of one country, with everything the pairing engine compares.

    ``employment`` is a regions × ``industries`` matrix of jobs (or another size measure of activity);
    specialisation is measured against ``industry_totals`` (the country's industry totals; by default
    the sum of the regions given). ``indicators`` maps names from :data:`INDICATORS` to one value per
    region, NaN where unknown; money is in PPP US dollars (see :mod:`innotwin.core.economics.ppp`).
    ``policy_tags`` gives each region's policy priorities (an empty collection means "not recorded",
    never "none"); tags are compared after trimming and case folding. ``capital``, ``tier`` (1 = the
    largest cities) and ``authority`` (e.g. ``"metropolitan"`` or ``"provincial"``) may be ``None`` per
    region. Korean names default to the English ones.

    The constructor copies and validates everything and raises one
    :class:`~innotwin.core.errors.DataError` listing every problem; arrays are stored read-only.
    """

    country: str
    codes: tuple[str, ...]
    names_en: tuple[str, ...]
    names_ko: tuple[str, ...]
    industries: tuple[str, ...]
    employment: NDArray[np.float64]
    indicators: Mapping[str, NDArray[np.float64]]
    policy_tags: tuple[frozenset[str], ...]
    capital: tuple[bool | None, ...]
    tier: tuple[int | None, ...]
    authority: tuple[str | None, ...]
    industry_totals: NDArray[np.float64] | None

    def __init__(
        self,
        *,
        country: str,
        codes: Sequence[str],
        names_en: Sequence[str],
        industries: Sequence[str],
        employment: ArrayLike,
        names_ko: Sequence[str] | None = None,
        indicators: Mapping[str, ArrayLike] | None = None,
        policy_tags: Sequence[Iterable[str]] | None = None,
        capital: Sequence[bool | None] | None = None,
        tier: Sequence[int | None] | None = None,
        authority: Sequence[str | None] | None = None,
        industry_totals: ArrayLike | None = None,
    ) -> None:
        problems: list[Problem] = []
        region_codes = _strings(codes)
        size = len(region_codes)
        industry_codes = _strings(industries)
        if not str(country).strip():
            problems.append(_message("country", "a non-empty name", repr(country)))
        if size == 0:
            problems.append(_message("codes", "a non-empty sequence of region codes", "no regions"))
        if len(set(region_codes)) != size:
            duplicates = sorted({code for code in region_codes if region_codes.count(code) > 1})
            problems.append(_message("codes", "unique", f"duplicates {duplicates}"))
        if len(set(industry_codes)) != len(industry_codes):
            problems.append(_message("industries", "unique industry codes", "duplicates"))
        english = _strings(names_en)
        if len(english) != size:
            problems.append(_message("names_en", f"one name per region ({size})", f"{len(english)} names"))
        korean = english if names_ko is None else _strings(names_ko)
        if len(korean) != size:
            problems.append(_message("names_ko", f"one name per region ({size})", f"{len(korean)} names"))
        tags = _column("policy_tags", policy_tags, size, (), problems)
        if any(isinstance(entry, str) or not isinstance(entry, Iterable) for entry in tags):
            problems.append(
                _message("policy_tags", "a collection of tags per region", "a string or a scalar")
            )
        capitals = _column("capital", capital, size, None, problems)
        if any(value is not None and not isinstance(value, bool | np.bool_) for value in capitals):
            problems.append(_message("capital", "True, False or None per region", "other values"))
        tiers = _column("tier", tier, size, None, problems)
        if any(not _is_tier(value) for value in tiers):
            problems.append(_message("tier", "a positive integer or None per region", "other values"))
        authorities = _column("authority", authority, size, None, problems)
        matrix = _employment(employment, size, industry_codes, region_codes, problems)
        values = _indicators(indicators or {}, size, problems)
        totals = _totals(industry_totals, len(industry_codes), problems)
        if problems:
            raise DataError(problems)
        for name, value in (
            ("country", str(country)),
            ("codes", region_codes),
            ("names_en", english),
            ("names_ko", tuple(ko if ko.strip() else en for ko, en in zip(korean, english, strict=True))),
            ("industries", industry_codes),
            ("employment", matrix),
            ("indicators", MappingProxyType(values)),
            (
                "policy_tags",
                tuple(
                    frozenset(str(tag).strip().casefold() for tag in entry if str(tag).strip())
                    for entry in tags
                    if isinstance(entry, Iterable)
                ),
            ),
            ("capital", tuple(None if value is None else bool(value) for value in capitals)),
            ("tier", tuple(None if value is None else int(str(value)) for value in tiers)),
            (
                "authority",
                tuple(
                    None if value is None or not str(value).strip() else str(value) for value in authorities
                ),
            ),
            ("industry_totals", totals),
        ):
            object.__setattr__(self, name, value)

    def __len__(self) -> int:
        return len(self.codes)

    @classmethod
    def from_frames(
        cls,
        *,
        country: str,
        employment: pd.DataFrame,
        regions: pd.DataFrame | None = None,
        industry_totals: pd.Series | None = None,
    ) -> RegionSet:
        """A region set from an employment frame (index: region codes; columns: industry codes).

        ``regions`` (indexed by the same codes, any order) may hold the columns ``name_en``,
        ``name_ko``, any of :data:`INDICATORS`, ``policy_tags`` (an iterable of tags or a
        ``;``-separated string), ``capital``, ``tier`` and ``authority``. Missing names default to the
        codes. ``industry_totals`` is indexed by industry code.
        """
        codes = [str(code) for code in employment.index]
        details = (
            pd.DataFrame(index=employment.index) if regions is None else regions.reindex(employment.index)
        )

        def column(name: str) -> list[Any] | None:
            if name not in details.columns:
                return None
            return [None if _is_missing(value) else _whole(value) for value in details[name]]

        names_en, names_ko, tags = column("name_en"), column("name_ko"), column("policy_tags")
        totals = None if industry_totals is None else industry_totals.reindex(employment.columns)
        return cls(
            country=country,
            codes=codes,
            names_en=codes if names_en is None else [str(name) for name in names_en],
            names_ko=None if names_ko is None else ["" if name is None else str(name) for name in names_ko],
            industries=[str(code) for code in employment.columns],
            employment=employment.to_numpy(dtype=np.float64),
            indicators={
                name: details[name].to_numpy(dtype=np.float64, na_value=np.nan)
                for name in INDICATORS
                if name in details.columns
            },
            policy_tags=None if tags is None else [_tag_list(value) for value in tags],
            capital=column("capital"),
            tier=column("tier"),
            authority=column("authority"),
            industry_totals=None if totals is None else totals.to_numpy(dtype=np.float64, na_value=np.nan),
        )


def _whole(value: object) -> object:
    """A whole float (as pandas stores integers next to NaN) as an int; anything else unchanged."""
    if isinstance(value, float | np.floating) and float(value).is_integer():
        return int(value)
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float | np.floating):
        return bool(np.isnan(value))
    return value is pd.NA


def _tag_list(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(tag for tag in (part.strip() for part in value.split(";")) if tag)
    if isinstance(value, Iterable):
        return tuple(str(tag) for tag in value)
    return (str(value),)


@dataclass(frozen=True, eq=False, kw_only=True)
class PairingInput:
    """Two countries' region sets with the same industry columns; ``a`` is the first country.

    ``industry_names_en`` and ``industry_names_ko`` name the industry codes in explanations (codes are
    shown where a name is missing).
    """

    a: RegionSet
    b: RegionSet
    industry_names_en: Mapping[str, str] = field(default_factory=dict)
    industry_names_ko: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        problems: list[Problem] = []
        if tuple(self.a.industries) != tuple(self.b.industries):
            same_set = set(self.a.industries) == set(self.b.industries)
            got = "the same industries in another order" if same_set else "different industries"
            problems.append(
                Problem(
                    "The 'b' parameter of PairingInput must have the same industry columns, in the same "
                    f"order, as 'a'. Got {got} instead."
                )
            )
        for parameter, names in (
            ("industry_names_en", self.industry_names_en),
            ("industry_names_ko", self.industry_names_ko),
        ):
            unknown = sorted(set(names) - set(self.a.industries))
            if unknown:
                problems.append(
                    Problem(
                        f"The '{parameter}' parameter of PairingInput must name only industries of the "
                        f"input. Got {unknown} instead."
                    )
                )
        if problems:
            raise DataError(problems)
        object.__setattr__(self, "industry_names_en", MappingProxyType(dict(self.industry_names_en)))
        object.__setattr__(self, "industry_names_ko", MappingProxyType(dict(self.industry_names_ko)))

    @property
    def industries(self) -> tuple[str, ...]:
        """The industry codes, in column order."""
        return tuple(self.a.industries)

    def industry_name(self, industry: str, *, language: str = "en") -> str:
        """The industry's name in ``language`` (``"en"`` or ``"ko"``); else English; else the code."""
        english = self.industry_names_en.get(industry, industry)
        return self.industry_names_ko.get(industry, english) if language == "ko" else english
