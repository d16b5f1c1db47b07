"""Writing an atlas bundle as compact, byte-stable CSV files.

Files (UTF-8 without BOM, ``\\n`` line ends, rows sorted, numbers with at most six decimals and no
trailing zeros, no timestamps), so that the same bundle always gives the same bytes:

* ``observations.csv`` — region, indicator, period, industry, value, unit, quality, and the provenance of
  every row (publisher, dataset, licence; ``sources.csv`` has the URL and route of each publisher-dataset);
* ``regions.csv`` — codes, levels, parents, English and Korean names, centroids, OECD codes;
* ``indicators.csv`` — the catalogue, in English and Korean;
* ``gaps.csv`` — values the data cannot give, with the reason;
* ``sources.csv`` — every source: publisher, dataset, URL, licence, how the file reached us;
* ``industries.csv`` — harmonised ISIC groups and the 25 GVA sectors with their divisions.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from innotwin.core.atlas.build import AtlasBundle
from innotwin.core.atlas.industries import GVA25_CLASSIFICATION, ISIC4_CLASSIFICATION

__all__ = ["BUNDLE_FILES", "OBSERVATION_COLUMNS", "format_number", "write_bundle"]

BUNDLE_FILES = (
    "gaps.csv",
    "indicators.csv",
    "industries.csv",
    "observations.csv",
    "regions.csv",
    "sources.csv",
)

OBSERVATION_COLUMNS = (
    "region_code",
    "indicator_code",
    "period",
    "industry_classification",
    "industry_code",
    "value",
    "unit",
    "quality",
    "publisher",
    "dataset",
    "licence",
    "note",
)


def format_number(value: float | None) -> str:
    """A fixed text form of a number: ``1234``, ``0.5``, ``-3.25``; at most six decimals; empty for None."""
    if value is None:
        return ""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def write_bundle(bundle: AtlasBundle, out_dir: Path) -> tuple[Path, ...]:
    """Write ``bundle`` into ``out_dir`` (created if needed); return the paths written, in name order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    tables: dict[str, tuple[Sequence[str], Iterable[Sequence[object]]]] = {
        "observations.csv": (
            OBSERVATION_COLUMNS,
            (
                (
                    o.region_code,
                    o.indicator_code,
                    o.period,
                    o.industry_classification,
                    o.industry_code,
                    format_number(o.value),
                    o.unit,
                    o.quality.value,
                    o.source.publisher,
                    o.source.dataset,
                    o.source.licence,
                    o.note,
                )
                for o in bundle.observations
            ),
        ),
        "regions.csv": (
            (
                "code",
                "country",
                "level",
                "parent_code",
                "name_en",
                "name_ko",
                "lat",
                "lon",
                "oecd_tl2",
                "oecd_tl3",
            ),
            (
                (
                    r.code,
                    r.country,
                    r.level.value,
                    r.parent_code or "",
                    r.name_en,
                    r.name_ko,
                    format_number(r.lat),
                    format_number(r.lon),
                    r.oecd_tl2 or "",
                    r.oecd_tl3 or "",
                )
                for r in bundle.regions
            ),
        ),
        "indicators.csv": (
            ("code", "name_en", "name_ko", "definition_en", "definition_ko", "unit"),
            (
                (i.code, i.name_en, i.name_ko, i.definition_en, i.definition_ko, i.unit)
                for i in bundle.indicators
            ),
        ),
        "gaps.csv": (
            ("region_code", "indicator_code", "period", "reason", "source_key"),
            (
                (
                    g.region_code,
                    g.indicator_code,
                    "" if g.period is None else g.period,
                    g.reason,
                    g.source_key,
                )
                for g in bundle.gaps
            ),
        ),
        "sources.csv": (
            ("key", "publisher", "dataset", "url", "licence", "via"),
            ((s.key, s.publisher, s.dataset, s.url, s.licence, s.via) for s in bundle.sources),
        ),
        "industries.csv": (
            ("classification", "code", "sections", "isic4_divisions", "ksic10", "name_en", "name_ko", "note"),
            [
                *(
                    (
                        ISIC4_CLASSIFICATION,
                        g.code,
                        g.sections,
                        " ".join(g.isic_divisions),
                        " ".join(g.ksic_divisions),
                        g.name_en,
                        g.name_ko,
                        "",
                    )
                    for g in bundle.industry_groups
                ),
                *(
                    (
                        GVA25_CLASSIFICATION,
                        s.code,
                        "",
                        " ".join(sorted(s.isic_divisions)),
                        s.ksic_definition,
                        s.name_en,
                        s.name_ko,
                        s.note,
                    )
                    for s in bundle.gva_sectors
                ),
            ],
        ),
    }
    written = []
    for name in BUNDLE_FILES:
        header, rows = tables[name]
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        path = out_dir / name
        path.write_bytes(buffer.getvalue().encode("utf-8"))
        written.append(path)
    return tuple(written)
