"""Stores what the atlas engines read into the database, all or nothing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from innotwin.atlas.models import BundleLoad, Gap, Indicator, Industry, Observation, Source
from innotwin.core.atlas.bundle_read import StoredBundle, bundle_digest, read_bundle
from innotwin.core.atlas.model import Gap as CoreGap
from innotwin.core.atlas.model import Indicator as CoreIndicator
from innotwin.core.atlas.model import LoadResult
from innotwin.core.atlas.model import Observation as CoreObservation
from innotwin.core.atlas.model import Region as CoreRegion
from innotwin.core.atlas.model import Source as CoreSource
from innotwin.core.errors import DataError, Problem
from innotwin.regions.models import Country, Region

COUNTRY_NAMES = {"GB": ("United Kingdom", "영국"), "KR": ("Republic of Korea", "대한민국")}


@dataclass(frozen=True)
class StoreSummary:
    regions: int
    indicators: int
    sources: int
    observations: int
    gaps: int


def _store_regions(regions: Iterable[CoreRegion]) -> int:
    regions = list(regions)
    for code in sorted({region.country for region in regions}):
        name_en, name_ko = COUNTRY_NAMES.get(code, (code, code))
        Country.objects.get_or_create(code=code, defaults={"name_en": name_en, "name_ko": name_ko})
    fields = ["country_id", "level", "name_en", "name_ko", "latitude", "longitude", "oecd_tl2", "oecd_tl3"]
    Region.objects.bulk_create(
        [
            Region(
                code=r.code,
                country_id=r.country,
                level=str(r.level),
                name_en=r.name_en,
                name_ko=r.name_ko,
                latitude=r.lat,
                longitude=r.lon,
                oecd_tl2=r.oecd_tl2 or "",
                oecd_tl3=r.oecd_tl3 or "",
            )
            for r in regions
        ],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=fields,
    )
    # Parents are set once every region exists, whatever order the input lists them in.
    known = set(Region.objects.values_list("code", flat=True))
    problems = [
        Problem(
            f"region {r.code} names the parent {r.parent_code}, which is not a known region", field="parent"
        )
        for r in regions
        if r.parent_code and r.parent_code not in known
    ]
    if problems:
        raise DataError(problems)
    by_code = {r.code: r.parent_code for r in regions}
    objects = list(Region.objects.filter(code__in=by_code))
    for obj in objects:
        obj.parent_id = by_code[obj.code] or None
    Region.objects.bulk_update(objects, ["parent"])
    return len(regions)


def _store_indicators(indicators: Iterable[CoreIndicator]) -> int:
    rows = [
        Indicator(
            code=i.code,
            name_en=i.name_en,
            name_ko=i.name_ko,
            definition_en=i.definition_en,
            definition_ko=i.definition_ko,
            unit=i.unit,
        )
        for i in indicators
    ]
    Indicator.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name_en", "name_ko", "definition_en", "definition_ko", "unit"],
    )
    return len(rows)


def _store_sources(sources: Iterable[CoreSource]) -> int:
    rows = [
        Source(key=s.key, publisher=s.publisher, dataset=s.dataset, url=s.url, licence=s.licence, via=s.via)
        for s in sources
    ]
    Source.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["publisher", "dataset", "url", "licence", "via"],
    )
    return len(rows)


def _check_references(observations: list[CoreObservation], gaps: Iterable[CoreGap]) -> None:
    regions = set(Region.objects.values_list("code", flat=True))
    indicators = set(Indicator.objects.values_list("code", flat=True))
    problems: list[Problem] = []
    for kind, items in (("observation", observations), ("gap", list(gaps))):
        for item in items:
            if item.region_code not in regions:
                problems.append(Problem(f"{kind} for unknown region {item.region_code}", field="region_code"))
            if item.indicator_code not in indicators:
                problems.append(
                    Problem(f"{kind} for unknown indicator {item.indicator_code}", field="indicator_code")
                )
    if problems:
        raise DataError(problems)


def _replace_observations(observations: list[CoreObservation], gaps: list[CoreGap]) -> None:
    """Values from the sources given replace every value those sources gave before."""
    source_keys = {o.source.key for o in observations} | {g.source_key for g in gaps if g.source_key}
    Observation.objects.filter(source_id__in=source_keys).delete()
    Gap.objects.filter(source_id__in=source_keys).delete()
    Observation.objects.bulk_create(
        [
            Observation(
                region_id=o.region_code,
                indicator_id=o.indicator_code,
                period=o.period,
                industry_classification=o.industry_classification,
                industry_code=o.industry_code,
                value=o.value,
                unit=o.unit,
                source_id=o.source.key,
                quality=str(o.quality),
                note=o.note,
            )
            for o in observations
        ],
        batch_size=2000,
    )
    Gap.objects.bulk_create(
        [
            Gap(
                region_id=g.region_code,
                indicator_id=g.indicator_code,
                period=g.period,
                reason=g.reason,
                source_id=g.source_key or None,
            )
            for g in gaps
        ],
        batch_size=2000,
    )


@transaction.atomic
def store_bundle(*, bundle: StoredBundle) -> StoreSummary:
    """Store a whole atlas bundle; values of the bundle's sources replace what those sources gave before."""
    regions = _store_regions(bundle.regions)
    indicators = _store_indicators(bundle.indicators)
    sources = _store_sources(bundle.sources)
    Industry.objects.bulk_create(
        [
            Industry(
                classification=row.classification,
                code=row.code,
                sections=row.sections,
                isic4_divisions=row.isic4_divisions,
                ksic10=row.ksic10,
                name_en=row.name_en,
                name_ko=row.name_ko,
                note=row.note,
            )
            for row in bundle.industries
        ],
        update_conflicts=True,
        unique_fields=["classification", "code"],
        update_fields=["sections", "isic4_divisions", "ksic10", "name_en", "name_ko", "note"],
    )
    observations, gaps = list(bundle.observations), list(bundle.gaps)
    # A gap-only row (no source) belongs to the bundle as a whole: replace them all.
    Gap.objects.filter(source__isnull=True).delete()
    _check_references(observations, gaps)
    _replace_observations(observations, gaps)
    return StoreSummary(regions, indicators, sources, len(observations), len(gaps))


@transaction.atomic
def store_bundle_once(*, directory: Path) -> StoreSummary | None:
    """Store the bundle in ``directory`` unless this database already holds exactly that bundle."""
    digest = bundle_digest(directory)
    if BundleLoad.objects.filter(digest=digest).exists():
        return None
    summary = store_bundle(bundle=read_bundle(directory))
    BundleLoad.objects.create(digest=digest)
    return summary


@transaction.atomic
def store_load_result(*, result: LoadResult) -> StoreSummary:
    """Store what one source loader read from one file; its values replace that source's earlier values."""
    regions = _store_regions(result.regions) if result.regions else 0
    sources = _store_sources({o.source.key: o.source for o in result.observations}.values())
    observations, gaps = list(result.observations), list(result.gaps)
    _check_references(observations, gaps)
    _replace_observations(observations, gaps)
    return StoreSummary(regions, 0, sources, len(observations), len(gaps))
