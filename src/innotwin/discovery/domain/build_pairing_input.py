"""Reads the atlas into the pairing engine's input, one region set per country, every value with its source.

* **Employment by industry** — the first of the atlas's sector indicators (``employment_bres``,
  ``workers_establishment_census``) the country's regions have at the level, latest year, harmonised
  ISIC Rev.4 groups. A region of the level without it is left out of the input and listed with the
  reason the atlas records. Suppressed cells count as 0, as the publishers' own totals do.
* **Population** — ``population``, the latest year in which the most regions of the side have it.
* **Output per head (PPP US dollars)** — ``oecd_gdp_per_head_usd_ppp`` where the OECD publishes it for the
  region; otherwise the region's ``gdp_per_head`` in national currency of the same year divided by the
  country's implied PPP rate: national currency per US dollar, the population-weighted ratio of
  ``gdp_per_head`` to ``oecd_gdp_per_head_usd_ppp`` over the country's regions that have both.
  **Output** = output per head × population of that year.
* **Research** — for each engine indicator the first atlas indicator of :data:`RESEARCH_SOURCES` that
  any region of the side has, used for all its regions (the engine ranks them within the country, so
  only comparability within a country matters); the latest year in which the most regions have it.
* **Policy tags and governance** — the committed tables of :mod:`innotwin.discovery.reference`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count
from django.utils.translation import gettext as _

from innotwin.atlas.domain.region_profile import SECTOR_CLASSIFICATION, SECTOR_INDICATORS
from innotwin.atlas.models import Gap, Industry, Observation, Source
from innotwin.bilingual import pick
from innotwin.core.errors import DataError, NotFoundError
from innotwin.core.pairing import PairingInput, RegionSet
from innotwin.discovery import reference
from innotwin.regions.enums import RegionLevel
from innotwin.regions.models import Country, Region

#: Engine research indicator → atlas indicators that may stand for it, in order of preference.
RESEARCH_SOURCES: dict[str, tuple[str, ...]] = {
    "universities": ("universities",),
    "rnd_personnel": ("rd_personnel", "rd_personnel_business"),
    "rnd_spending": ("rd_expenditure_total", "rd_expenditure_business"),
    "patents": ("epo_patent_applications",),
    "public_rnd_funding": ("ukri_funding",),
}
POPULATION = "population"
GDP_PER_HEAD = "gdp_per_head"
GDP_PER_HEAD_PPP = "oecd_gdp_per_head_usd_ppp"
#: The unit of values converted to PPP dollars here (the OECD's own figures keep their unit).
PPP_UNIT = "USD (PPP, constant prices)"


@dataclass(frozen=True)
class SourceNote:
    """A source as the pages cite it."""

    key: str
    publisher: str
    dataset: str
    url: str
    licence: str


@dataclass(frozen=True)
class InputValue:
    """One value the engine compares: read from ``indicator`` of ``period`` in ``source``; for a value
    converted to PPP dollars, ``ppp_rate`` is the national currency per US dollar used."""

    value: float
    indicator: str
    period: int
    source: str
    unit: str
    ppp_rate: float | None = None


@dataclass(frozen=True)
class PPPBasis:
    """The implied PPP rate of one country and year, and how many regions it rests on."""

    currency: str
    period: int
    rate: float
    regions: int


@dataclass(frozen=True)
class Excluded:
    """A region of the level that the engine cannot score, and why (as the atlas records it)."""

    code: str
    name_en: str
    name_ko: str
    reason: str

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)


@dataclass(frozen=True)
class SideInput:
    """What one country's side of the input is made of."""

    country: str
    country_name_en: str
    country_name_ko: str
    level: str
    codes: tuple[str, ...]
    sector_indicator: str
    sector_period: int
    sector_sources: tuple[str, ...]
    #: engine indicator → region code → value with its provenance (only values present).
    values: dict[str, dict[str, InputValue]] = field(default_factory=dict)
    excluded: tuple[Excluded, ...] = ()
    ppp: PPPBasis | None = None

    @property
    def country_name(self) -> str:
        return pick(en=self.country_name_en, ko=self.country_name_ko)


@dataclass(frozen=True, eq=False)
class DiscoveryInput:
    """The engine's input and the provenance of every value in it."""

    data: PairingInput
    a: SideInput
    b: SideInput
    sources: dict[str, SourceNote]


def _country(code: str) -> Country:
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        known = ", ".join(Country.objects.order_by("code").values_list("code", flat=True))
        raise NotFoundError(
            _("There is no country with the code %(code)s; the atlas has %(known)s.")
            % {"code": code, "known": known}
        )
    return country


def sector_levels(country: str) -> list[str]:
    """Region levels of ``country`` with employment by industry in the atlas, the best covered first
    (the whole country, level ``country``, is not a level of regions to pair)."""
    rows = (
        Observation.objects.filter(
            region__country_id=country,
            indicator_id__in=SECTOR_INDICATORS,
            industry_classification=SECTOR_CLASSIFICATION,
        )
        .exclude(region__level=RegionLevel.COUNTRY)
        .values("region__level")
        .annotate(regions=Count("region", distinct=True))
        .order_by("-regions", "region__level")
    )
    return [row["region__level"] for row in rows]


def _level(country: Country, level: str | None) -> str:
    levels = sector_levels(country.code)
    if not levels:
        raise DataError(
            _("The atlas has no employment by industry for %(country)s, so its regions cannot be paired.")
            % {"country": country.name_en}
        )
    if level is None:
        return levels[0]
    if level not in levels:
        raise NotFoundError(
            _(
                "The atlas has no employment by industry for regions of level '%(level)s' in %(country)s; "
                "levels with it: %(levels)s."
            )
            % {"level": level, "country": country.name_en, "levels": ", ".join(levels)}
        )
    return level


def _employment(country: Country, level: str) -> tuple[str, int, dict[str, dict[str, float]], set[str]]:
    """The sector indicator, its latest year, region → industry → value, and the sources."""
    rows = Observation.objects.filter(
        region__country_id=country.code,
        region__level=level,
        indicator_id__in=SECTOR_INDICATORS,
        industry_classification=SECTOR_CLASSIFICATION,
    )
    present = set(rows.values_list("indicator_id", flat=True).distinct())
    indicator = next(code for code in SECTOR_INDICATORS if code in present)
    period = max(rows.filter(indicator_id=indicator).values_list("period", flat=True))
    matrix: dict[str, dict[str, float]] = defaultdict(dict)
    sources: set[str] = set()
    for region, industry, value, source in rows.filter(indicator_id=indicator, period=period).values_list(
        "region_id", "industry_code", "value", "source_id"
    ):
        matrix[region][industry] = value
        sources.add(source)
    return indicator, period, dict(matrix), sources


def _best_period(by_period: dict[int, dict[str, tuple[float, str]]], codes: list[str]) -> int | None:
    """The latest year among those in which the most of ``codes`` have a value."""
    if not by_period:
        return None
    return max(by_period, key=lambda period: (sum(code in by_period[period] for code in codes), period))


def _implied_ppp(country: Country, period: int) -> PPPBasis | None:
    """National currency per PPP dollar in ``period``: Σ gdp_per_head·pop / Σ ppp_per_head·pop over the
    country's regions (of the best-covered level) that have all three values."""
    table: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    units: set[str] = set()
    for level, region, indicator, value, unit in Observation.objects.filter(
        region__country_id=country.code,
        indicator_id__in=(GDP_PER_HEAD, GDP_PER_HEAD_PPP, POPULATION),
        period=period,
        industry_code="",
    ).values_list("region__level", "region_id", "indicator_id", "value", "unit"):
        table[(level, region)][indicator] = value
        if indicator == GDP_PER_HEAD:
            units.add(unit)
    complete: dict[str, list[dict[str, float]]] = defaultdict(list)
    for (level, _region), values in table.items():
        if len(values) == 3:
            complete[level].append(values)
    if not complete or len(units) != 1:
        return None
    rows = max(complete.values(), key=len)
    national = sum(row[GDP_PER_HEAD] * row[POPULATION] for row in rows)
    dollars = sum(row[GDP_PER_HEAD_PPP] * row[POPULATION] for row in rows)
    return PPPBasis(currency=units.pop(), period=period, rate=national / dollars, regions=len(rows))


def _scalars(country: Country, codes: list[str]) -> tuple[dict[str, dict[str, InputValue]], PPPBasis | None]:
    """Population, output, output per head and the research indicators of the side's regions."""
    wanted = {POPULATION, GDP_PER_HEAD, GDP_PER_HEAD_PPP} | {
        c for chain in RESEARCH_SOURCES.values() for c in chain
    }
    table: dict[str, dict[int, dict[str, tuple[float, str, str]]]] = defaultdict(lambda: defaultdict(dict))
    for region, indicator, period, value, source, unit in Observation.objects.filter(
        region_id__in=codes, indicator_id__in=wanted, industry_code=""
    ).values_list("region_id", "indicator_id", "period", "value", "source_id", "unit"):
        table[indicator][period][region] = (value, source, unit)

    def read(indicator: str, period: int | None) -> dict[str, InputValue]:
        if period is None:
            return {}
        return {
            region: InputValue(value=value, indicator=indicator, period=period, source=source, unit=unit)
            for region, (value, source, unit) in table[indicator][period].items()
        }

    values: dict[str, dict[str, InputValue]] = {}
    values["population"] = read(POPULATION, _best_period(table[POPULATION], codes))
    for name, chain in RESEARCH_SOURCES.items():
        indicator = next((code for code in chain if table[code]), None)
        if indicator is not None:
            values[name] = read(indicator, _best_period(table[indicator], codes))

    # Output per head in PPP dollars: the latest year with the best coverage for which a rate exists.
    candidates = sorted(set(table[GDP_PER_HEAD]) | set(table[GDP_PER_HEAD_PPP]), reverse=True)
    bases = {period: _implied_ppp(country, period) for period in candidates}
    usable = [period for period in candidates if bases[period] is not None]
    ppp = None
    if usable:
        period = max(
            usable,
            key=lambda p: (
                sum(c in table[GDP_PER_HEAD][p] or c in table[GDP_PER_HEAD_PPP][p] for c in codes),
                p,
            ),
        )
        ppp = bases[period]
        per_head: dict[str, InputValue] = {}
        for code in codes:
            if code in table[GDP_PER_HEAD_PPP][period]:
                value, source, unit = table[GDP_PER_HEAD_PPP][period][code]
                per_head[code] = InputValue(
                    value=value, indicator=GDP_PER_HEAD_PPP, period=period, source=source, unit=unit
                )
            elif code in table[GDP_PER_HEAD][period] and ppp is not None:
                value, source, _unit = table[GDP_PER_HEAD][period][code]
                per_head[code] = InputValue(
                    value=value / ppp.rate,
                    indicator=GDP_PER_HEAD,
                    period=period,
                    source=source,
                    unit=PPP_UNIT,
                    ppp_rate=ppp.rate,
                )
        values["output_per_head_ppp"] = per_head
        population = table[POPULATION][period]
        values["output"] = {
            code: InputValue(
                value=entry.value * population[code][0],
                indicator=entry.indicator,
                period=period,
                source=entry.source,
                unit=PPP_UNIT,
                ppp_rate=entry.ppp_rate,
            )
            for code, entry in per_head.items()
            if code in population
        }
    return {name: found for name, found in values.items() if found}, ppp


def _side(country: Country, level: str) -> tuple[SideInput, dict[str, dict[str, float]], list[Region]]:
    indicator, period, matrix, sources = _employment(country, level)
    regions = list(Region.objects.filter(country_id=country.code, level=level).order_by("code"))
    included = [r for r in regions if sum(matrix.get(r.code, {}).values()) > 0]
    missing = [r for r in regions if r not in included]
    reasons = {
        gap.region_id: gap.reason
        for gap in Gap.objects.filter(region__in=missing, indicator_id=indicator).order_by("-period")
    }
    excluded = tuple(
        Excluded(
            code=r.code,
            name_en=r.name_en,
            name_ko=r.name_ko,
            reason=reasons.get(r.code, f"no {indicator} values in the atlas for this region").rstrip("."),
        )
        for r in missing
    )
    codes = [r.code for r in included]
    values, ppp = _scalars(country, codes)
    side = SideInput(
        country=country.code,
        country_name_en=country.name_en,
        country_name_ko=country.name_ko,
        level=level,
        codes=tuple(codes),
        sector_indicator=indicator,
        sector_period=period,
        sector_sources=tuple(sorted(sources)),
        values=values,
        excluded=excluded,
        ppp=ppp,
    )
    return side, matrix, included


def _region_set(
    side: SideInput, matrix: dict[str, dict[str, float]], regions: list[Region], industries: list[str]
) -> RegionSet:
    table = reference.governance()
    rules = [table.get(region.code) for region in regions]
    return RegionSet(
        country=side.country,
        codes=[region.code for region in regions],
        names_en=[region.name_en for region in regions],
        names_ko=[region.name_ko for region in regions],
        industries=industries,
        employment=np.array([[matrix[r.code].get(i, 0.0) for i in industries] for r in regions]),
        indicators={
            name: [found[r.code].value if r.code in found else np.nan for r in regions]
            for name, found in side.values.items()
        },
        policy_tags=[reference.policy_tags(region.code) for region in regions],
        capital=[None if rule is None else rule.capital for rule in rules],
        tier=[None if rule is None else rule.tier for rule in rules],
        authority=[None if rule is None else rule.authority for rule in rules],
    )


def build_pairing_input(
    *, country_a: str, country_b: str, level_a: str | None = None, level_b: str | None = None
) -> DiscoveryInput:
    """The pairing engine's input for every region of ``country_a`` against every region of ``country_b``."""
    first, second = _country(country_a), _country(country_b)
    if first.code == second.code:
        raise DataError(
            _(
                "City pairs join regions of two countries; choose two different countries "
                "(got %(code)s twice)."
            )
            % {"code": first.code}
        )
    side_a, matrix_a, regions_a = _side(first, _level(first, level_a))
    side_b, matrix_b, regions_b = _side(second, _level(second, level_b))
    codes = {i for rows in (matrix_a, matrix_b) for row in rows.values() for i in row}
    names = {
        industry.code: industry
        for industry in Industry.objects.filter(classification=SECTOR_CLASSIFICATION, code__in=codes)
    }
    industries = sorted(codes)
    data = PairingInput(
        a=_region_set(side_a, matrix_a, regions_a, industries),
        b=_region_set(side_b, matrix_b, regions_b, industries),
        industry_names_en={code: names[code].name_en for code in industries if code in names},
        industry_names_ko={
            code: names[code].name_ko for code in industries if code in names and names[code].name_ko
        },
    )
    keys = {*side_a.sector_sources, *side_b.sector_sources}
    for side in (side_a, side_b):
        keys |= {entry.source for found in side.values.values() for entry in found.values()}
    sources = {
        source.key: SourceNote(
            key=source.key,
            publisher=source.publisher,
            dataset=source.dataset,
            url=source.url,
            licence=source.licence,
        )
        for source in Source.objects.filter(key__in=keys)
    }
    return DiscoveryInput(data=data, a=side_a, b=side_b, sources=sources)
