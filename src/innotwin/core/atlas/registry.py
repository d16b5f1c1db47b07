"""Where each source lives in the shared data folder and which loader reads it.

Adding a source is one loader module in ``innotwin.core.atlas.sources`` and one entry in
:data:`SOURCES` (observations) or :data:`GEOGRAPHY_FILES` (geography). Paths are relative to the shared
data folder (``INNOTWIN_SHARED_DATA``; ``../shared/data`` by default).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from innotwin.core.atlas.geography import City, Geography, assemble_geography
from innotwin.core.atlas.industries import IsicLabels
from innotwin.core.atlas.model import Gap, LoadResult, Observation, Region
from innotwin.core.atlas.sources import (
    bres_employment,
    geonames_cities,
    isic_labels,
    kosis_establishment_census,
    kosis_grdp_per_capita,
    kosis_grdp_structure,
    kosis_higher_education,
    kosis_labour_force,
    kosis_population,
    kostat_admin_codes,
    kr_rnd_expenditure,
    kr_rnd_personnel,
    krx_listed_companies,
    nesta_innovation_indicators,
    oecd_regional_metro,
    oecd_regional_tl2,
    ons_business_demography,
    ons_gdp_population,
    ons_gva_by_industry,
    ons_lad_centroids,
    ons_lad_combined_authority,
)
from innotwin.core.errors import DataError, NotFoundError, Problem

__all__ = [
    "GEOGRAPHY_FILES",
    "SOURCES",
    "Loader",
    "SourceSpec",
    "load_geography",
    "load_isic_labels",
    "load_source",
]

_T = TypeVar("_T")

Loader = Callable[..., LoadResult]
"""``load(*, path: Path, geography: Geography) -> LoadResult``."""


@dataclass(frozen=True, kw_only=True, slots=True)
class SourceSpec:
    """One observation source: its loader and the file(s) it reads in the shared data folder."""

    name: str
    load: Loader
    paths: tuple[str, ...]


def _spec(name: str, load: Loader, *paths: str) -> tuple[str, SourceSpec]:
    return name, SourceSpec(name=name, load=load, paths=paths)


_UK = "uk_regional"
_DEMOGRAPHY = f"{_UK}/business_demography/ons_business_demography_{{}}_enterprises_LA_2017_2022_long.csv"
_NESTA = "uk_innovation_indicators/ds/data/processed"
_KR = "kr_regional"

SOURCES: Mapping[str, SourceSpec] = dict(
    (
        _spec(
            "ons_gdp_population",
            ons_gdp_population.load,
            f"{_UK}/ons_gdp_population_all_itl_regions_1998_2021_long.csv",
        ),
        _spec(
            "ons_gva_by_industry",
            ons_gva_by_industry.load,
            f"{_UK}/ons_gva_ITL1_table1c_current_prices_gbp_million.csv",
            f"{_UK}/ons_gva_ITL2_table2c_current_prices_gbp_million.csv",
            f"{_UK}/ons_gva_ITL3_table3c_current_prices_gbp_million.csv",
        ),
        _spec(
            "bres_employment", bres_employment.load, f"{_UK}/bres_employment_ITL2_by_SIC2digit_2015_2021.csv"
        ),
        _spec(
            "ons_business_demography",
            ons_business_demography.load,
            *(
                _DEMOGRAPHY.format(kind)
                for kind in ("active", "active10plus", "births", "deaths", "highgrowth")
            ),
        ),
        _spec(
            "nesta_innovation_indicators",
            nesta_innovation_indicators.load,
            f"{_NESTA}/eurostat/eurostat_berd_data.nuts2.csv",
            f"{_NESTA}/eurostat/eurostat_higher_ed_rd_workforce_data.nuts2.csv",
            f"{_NESTA}/eurostat/eurostat_gov_rd_workforce_data.nuts2.csv",
            f"{_NESTA}/eurostat/eurostat_private_rd_headcount_workforce_data.nuts2.csv",
            f"{_NESTA}/eurostat/epo_patent_applications.nuts2.csv",
            f"{_NESTA}/gtr/total_ukri_funding.nuts2.csv",
            f"{_NESTA}/innovate_uk/gbp_innovate_uk_funding.nuts2.csv",
            f"{_NESTA}/hesa/gbp_research_income.nuts2.csv",
            f"{_NESTA}/hesa/total_postgraduates.nuts2.csv",
        ),
        _spec("kosis_population", kosis_population.load, f"{_KR}/kosis_population_by_sido_gender_long.csv"),
        _spec(
            "kosis_labour_force",
            kosis_labour_force.load,
            f"{_KR}/kosis_economically_active_population_by_sido_long.csv",
        ),
        _spec(
            "kosis_higher_education",
            kosis_higher_education.load,
            f"{_KR}/kosis_university_statistics_by_sido_long.csv",
            f"{_KR}/kosis_graduate_school_statistics_by_sido_long.csv",
        ),
        _spec(
            "kosis_grdp_per_capita",
            kosis_grdp_per_capita.load,
            f"{_KR}/kosis_DT_1C86_grdp_income_per_capita_by_sido_1985_2021.csv",
        ),
        _spec(
            "kosis_grdp_structure",
            kosis_grdp_structure.load,
            "kr_regional_industry/kosis_grdp_gva_structure_by_sido_25sectors_2015_2019_2023.csv",
        ),
        _spec(
            "kosis_establishment_census",
            kosis_establishment_census.load,
            "kr_regional_industry/kosis_business_census_2023_workers_by_sido_ksic10_division.csv",
        ),
        _spec(
            "kr_rnd_personnel",
            kr_rnd_personnel.load,
            "kr_regional_rnd/kr_rnd_personnel_by_sido_2015_2020.csv",
        ),
        _spec(
            "kr_rnd_expenditure",
            kr_rnd_expenditure.load,
            "kr_regional_rnd/kr_total_rnd_expenditure_by_sido_2017_2021.csv",
        ),
        _spec(
            "oecd_regional_tl2",
            oecd_regional_tl2.load,
            "oecd_regional/oecd_ro2023_gdp_pop_tl2_00_20_imputed_l.csv",
        ),
        _spec(
            "oecd_regional_metro",
            oecd_regional_metro.load,
            "oecd_regional/oecd_ro2023_gdp_pop_00_20_imputed_agg_l.csv",
        ),
        _spec(
            "krx_listed_companies",
            krx_listed_companies.load,
            "organisations/krx_kind_all_listed_companies_2026-05.csv",
        ),
    )
)
"""Observation sources by name, in the order the build loads them."""

GEOGRAPHY_FILES: Mapping[str, str] = {
    "ons_itl_regions": f"{_UK}/ons_gdp_population_all_itl_regions_1998_2021_long.csv",
    "ons_lad_centroids": "geo/ons_LAD_Dec2022_UK_centroids.csv",
    "ons_lad_combined_authority": "geo/ons_LAD_to_Combined_Authority_May2024_EN.csv",
    "kostat_admin_codes": "geo/kr_admin_codes_2010_ko_en_zh_translation.csv",
    "geonames_cities": "geo/geonames_cities5000_GB_KR.csv",
    "isic_labels": "classifications/isic_rev4_labels_en.csv",
}
"""Files that define regions, places and classification labels, by name."""


def load_geography(*, shared_dir: Path) -> Geography:
    """Read every geography file and assemble the atlas geography; one DataError lists all problems."""
    problems: list[Problem] = []

    def attempt(read: Callable[..., _T], name: str, empty: _T) -> _T:
        try:
            return read(path=shared_dir / GEOGRAPHY_FILES[name])
        except DataError as error:
            problems.extend(error.problems)
            return empty

    uk_regions: tuple[Region, ...] = attempt(ons_gdp_population.read_regions, "ons_itl_regions", ())
    districts: tuple[Region, ...] = attempt(ons_lad_centroids.read_regions, "ons_lad_centroids", ())
    authorities = attempt(
        ons_lad_combined_authority.read_combined_authorities,
        "ons_lad_combined_authority",
        ons_lad_combined_authority.CombinedAuthorities(regions=(), lad_to_combined_authority={}),
    )
    sigungu: tuple[Region, ...] = attempt(kostat_admin_codes.read_regions, "kostat_admin_codes", ())
    cities: tuple[City, ...] = attempt(geonames_cities.read_cities, "geonames_cities", ())
    if problems:
        raise DataError(problems)
    return assemble_geography(
        uk_regions=uk_regions,
        districts=districts,
        combined_authorities=authorities.regions,
        lad_to_combined_authority=authorities.lad_to_combined_authority,
        sigungu=sigungu,
        cities=cities,
    )


def load_isic_labels(*, shared_dir: Path) -> IsicLabels:
    """English ISIC Rev.4 section and division labels from the shared data."""
    return isic_labels.read_labels(path=shared_dir / GEOGRAPHY_FILES["isic_labels"])


def load_source(name: str, *, shared_dir: Path, geography: Geography) -> LoadResult:
    """Load every file of source ``name``; one DataError lists the problems of all its files."""
    try:
        spec = SOURCES[name]
    except KeyError:
        raise NotFoundError(f"No source is named '{name}'; known sources: {', '.join(SOURCES)}.") from None
    problems: list[Problem] = []
    observations: list[Observation] = []
    regions: list[Region] = []
    gaps: list[Gap] = []
    for relative in spec.paths:
        try:
            result = spec.load(path=shared_dir / relative, geography=geography)
        except DataError as error:
            problems.extend(error.problems)
            continue
        observations.extend(result.observations)
        regions.extend(result.regions)
        gaps.extend(result.gaps)
    if problems:
        raise DataError(problems)
    return LoadResult(observations=tuple(observations), regions=tuple(regions), gaps=tuple(gaps))
