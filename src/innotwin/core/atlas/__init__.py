"""The regional atlas: comparable UK and Korean indicators from official data, every value traceable.

Typical use::

    from pathlib import Path
    from innotwin.core.atlas import build_atlas, write_bundle

    bundle = build_atlas(Path("../shared/data"))
    write_bundle(bundle, Path("out"))

or, for one source, ``load_source("bres_employment", shared_dir=..., geography=load_geography(...))``.
The bundled default atlas is in ``innotwin/data/atlas/bundle`` (rebuild it with
``innotwin atlas build --from ../shared/data``).
"""

from innotwin.core.atlas.build import AtlasBundle, build_atlas
from innotwin.core.atlas.bundle_io import BUNDLE_FILES, write_bundle
from innotwin.core.atlas.catalogue import INDICATORS, indicator
from innotwin.core.atlas.geography import Geography, KoreanSido, kr_sido, kr_sido_by_kosis_code
from innotwin.core.atlas.model import (
    Gap,
    Indicator,
    LoadResult,
    Observation,
    Quality,
    Region,
    RegionLevel,
    Source,
)
from innotwin.core.atlas.reference import BUNDLE_DIR
from innotwin.core.atlas.registry import GEOGRAPHY_FILES, SOURCES, SourceSpec, load_geography, load_source
from innotwin.core.atlas.selection import DEFAULT_SELECTION, PROGRAMME_FOCUS, BundleSelection, FocusPlace

__all__ = [
    "BUNDLE_DIR",
    "BUNDLE_FILES",
    "DEFAULT_SELECTION",
    "GEOGRAPHY_FILES",
    "INDICATORS",
    "PROGRAMME_FOCUS",
    "SOURCES",
    "AtlasBundle",
    "BundleSelection",
    "FocusPlace",
    "Gap",
    "Geography",
    "Indicator",
    "KoreanSido",
    "LoadResult",
    "Observation",
    "Quality",
    "Region",
    "RegionLevel",
    "Source",
    "SourceSpec",
    "build_atlas",
    "indicator",
    "kr_sido",
    "kr_sido_by_kosis_code",
    "load_geography",
    "load_source",
    "write_bundle",
]
