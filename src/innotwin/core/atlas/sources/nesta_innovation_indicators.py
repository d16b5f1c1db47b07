"""UK regional innovation indicators at NUTS2, from the Nesta/BEIS *Regional innovation indicators* set.

Files: ``ds/data/processed/<source>/<indicator>.nuts2.csv`` of github.com/nestauk/beis-indicators (MIT;
data last updated April 2020), four columns ``year, nuts_id, nuts_year_spec, <indicator>``. The
indicator is chosen by the file name (see :data:`INDICATOR_FILES`). Regions are NUTS2 codes of the
version in ``nuts_year_spec``; they are mapped to ITL2 only where the area is the same
(:meth:`~innotwin.core.atlas.geography.Geography.itl2_for_nuts2`), so older Scottish and London rows drop out.

Eurostat values are Eurostat's own NUTS2 statistics (official); Innovate UK, UKRI and HESA values were
summed to NUTS2 by Nesta from award- or university-level data (derived). Two Eurostat files are named
``..._rd_workforce_data`` but hold R&D *expenditure* of the higher-education and government sectors
(their schema requests ``rd_e_gerdreg`` in ``MIO_EUR``); they are loaded as expenditure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Quality, Source
from innotwin.core.atlas.sources._common import Collector
from innotwin.core.errors import DataError, NotFoundError, Problem

__all__ = ["INDICATOR_FILES", "IndicatorFile", "load"]

_VIA = "github.com/nestauk/beis-indicators@c1124f6 (ds/data/processed)"


def _eurostat(table: str, what: str) -> Source:
    return Source(
        key=f"eurostat-{table}",
        publisher="Eurostat",
        dataset=table,
        url=f"https://ec.europa.eu/eurostat/databrowser/view/{table}/default/table",
        licence="CC-BY-4.0",
        via=_VIA,
    )


_GERD = _eurostat("rd_e_gerdreg", "R&D expenditure")
_RD_PERSONNEL = _eurostat("rd_p_persreg", "R&D personnel")
_PATENTS = _eurostat("pat_ep_rtot", "EPO patent applications")
_UKRI = Source(
    key="ukri-gtr",
    publisher="UKRI",
    dataset="Gateway to Research",
    url="https://gtr.ukri.org/",
    licence="OGL-3.0",
    via=_VIA,
)
_INNOVATE_UK = Source(
    key="innovate-uk-funded-projects",
    publisher="Innovate UK",
    dataset="Innovate UK funded projects",
    url="https://www.gov.uk/government/publications/innovate-uk-funded-projects",
    licence="OGL-3.0",
    via=_VIA,
)
_HESA = Source(
    key="hesa-nuts2",
    publisher="HESA",
    dataset="HESA open data",
    url="https://www.hesa.ac.uk/data-and-analysis",
    licence="CC-BY-4.0",
    via=_VIA,
)


@dataclass(frozen=True, kw_only=True, slots=True)
class IndicatorFile:
    """How one Nesta indicator file is read."""

    indicator_code: str
    unit: str
    source: Source
    quality: Quality


INDICATOR_FILES: Mapping[str, IndicatorFile] = {
    "eurostat_berd_data.nuts2": IndicatorFile(
        indicator_code="rd_expenditure_business", unit="EUR", source=_GERD, quality=Quality.OFFICIAL
    ),
    "eurostat_higher_ed_rd_workforce_data.nuts2": IndicatorFile(
        indicator_code="rd_expenditure_higher_education", unit="EUR", source=_GERD, quality=Quality.OFFICIAL
    ),
    "eurostat_gov_rd_workforce_data.nuts2": IndicatorFile(
        indicator_code="rd_expenditure_government", unit="EUR", source=_GERD, quality=Quality.OFFICIAL
    ),
    "eurostat_private_rd_headcount_workforce_data.nuts2": IndicatorFile(
        indicator_code="rd_personnel_business", unit="persons", source=_RD_PERSONNEL, quality=Quality.OFFICIAL
    ),
    "epo_patent_applications.nuts2": IndicatorFile(
        indicator_code="epo_patent_applications",
        unit="applications",
        source=_PATENTS,
        quality=Quality.OFFICIAL,
    ),
    "total_ukri_funding.nuts2": IndicatorFile(
        indicator_code="ukri_funding", unit="GBP", source=_UKRI, quality=Quality.DERIVED
    ),
    "gbp_innovate_uk_funding.nuts2": IndicatorFile(
        indicator_code="innovate_uk_funding", unit="GBP", source=_INNOVATE_UK, quality=Quality.DERIVED
    ),
    "gbp_research_income.nuts2": IndicatorFile(
        indicator_code="university_research_income",
        unit="GBP",
        source=_HESA,
        quality=Quality.DERIVED,
    ),
    "total_postgraduates.nuts2": IndicatorFile(
        indicator_code="postgraduate_research_students",
        unit="persons",
        source=_HESA,
        quality=Quality.DERIVED,
    ),
}
"""File name without ``.csv`` → how its values are loaded."""


def load(*, path: Path, geography: Geography) -> LoadResult:
    """The file's indicator per ITL2 region and year."""
    stem = path.name.removesuffix(".csv")
    spec = INDICATOR_FILES.get(stem)
    if spec is None:
        known = ", ".join(sorted(INDICATOR_FILES))
        raise DataError(
            [Problem(f"'{path.name}' is not an indicator file this loader knows ({known}).", file=str(path))]
        )
    value_column = stem.removesuffix(".nuts2")
    table = read_table(path, columns=("year", "nuts_id", "nuts_year_spec", value_column))
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("year", "nuts_id"))
    for row in table:
        log = collector.log
        year, version = log.year(row, "year"), log.year(row, "nuts_year_spec")
        if year is None or version is None:
            continue
        try:
            region = geography.itl2_for_nuts2(row["nuts_id"].strip(), nuts_version=version)
        except NotFoundError as error:
            log.add(f"Unknown region code: {error}", line=row.line, field="nuts_id")
            continue
        if region is None or not keys.add((year, region), row):
            continue
        collector.add(
            log.number(row, value_column),
            region_code=region,
            indicator_code=spec.indicator_code,
            period=year,
            unit=spec.unit,
            source=spec.source,
            quality=spec.quality,
        )
    return collector.result()
