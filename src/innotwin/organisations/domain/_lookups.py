"""What the registry's domain functions look up in the database: regions, duplicates, slugs, and the
validation of one organisation's values through the same engine that validates import files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from innotwin.core.errors import DataError
from innotwin.core.registry import (
    ExistingOrganisations,
    OrganisationRecord,
    RegionIndex,
    RegionRef,
    Sheet,
    SheetRow,
    translated_by,
    validate_rows,
)
from innotwin.core.registry.schema import COLUMN_NAMES
from innotwin.core.registry.vocabulary import lookup_key
from innotwin.organisations.enums import ORGANISATION_REGION_LEVELS
from innotwin.organisations.models import Organisation
from innotwin.regions.models import Region


def region_ref(region: Region) -> RegionRef:
    return RegionRef(
        code=region.pk,
        country=region.country_id,
        level=region.level,
        name_en=region.name_en,
        name_ko=region.name_ko,
        latitude=region.latitude,
        longitude=region.longitude,
    )


def region_index(codes: Iterable[str] | None = None) -> RegionIndex:
    """The regions an organisation can be placed in (or only those with ``codes``) as the engine's index."""
    regions = Region.objects.filter(level__in=ORGANISATION_REGION_LEVELS)
    if codes is not None:
        regions = regions.filter(pk__in=list(codes))
    return RegionIndex.of(
        region_ref(region)
        for region in regions.only("code", "country", "level", "name_en", "name_ko", "latitude", "longitude")
    )


def existing_organisations(
    *, regions: Iterable[str] | None = None, exclude: int | None = None
) -> ExistingOrganisations:
    """Names (per region) and register numbers already stored, for finding duplicates."""
    queryset = Organisation.objects.all()
    if regions is not None:
        queryset = queryset.filter(region__in=list(regions))
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude)
    names: dict[tuple[str, str], set[str]] = {}
    external_ids: set[str] = set()
    for name_en, name_ko, region, external_id in queryset.values_list(
        "name_en", "name_ko", "region", "external_id"
    ):
        for name in (name_en, name_ko):
            if name:
                names.setdefault((lookup_key(name), region), set()).add(external_id)
        if external_id:
            external_ids.add(external_id)
    return ExistingOrganisations(
        names={key: frozenset(numbers) for key, numbers in names.items()},
        external_ids=frozenset(external_ids),
    )


def current_year() -> int:
    return timezone.localdate().year


def validate_values(
    values: Mapping[str, Any],
    *,
    exclude: int | None = None,
    may_add_into: Callable[[str], bool] | None = None,
) -> OrganisationRecord:
    """One organisation's values (text per import column) validated as an import row would be.

    Raises :class:`DataError` whose problems name the field (``name_en``, ``region``, …) in the reader's
    language.
    """
    cells = tuple(str(values.get(name) or "") for name in COLUMN_NAMES)
    sheet = Sheet(file="", header=COLUMN_NAMES, rows=(SheetRow(line=1, cells=cells),))
    region_text = str(values.get("region") or "").strip()
    # A form sends a region code; the API may send a name, which needs every region to resolve.
    one = region_index([region_text]) if region_text else None
    index = one if one is not None and region_text in one else region_index()
    with translated_by(gettext):
        report = validate_rows(
            sheet,
            {name: name for name in COLUMN_NAMES},
            regions=index,
            existing=existing_organisations(exclude=exclude),
            may_import_into=may_add_into or (lambda _code: True),
            current_year=current_year(),
        )
    if report.problems:
        raise DataError(
            [problem.__class__(problem.message, field=problem.field) for problem in report.problems]
        )
    return report.records[0]


def values_of(organisation: Organisation) -> dict[str, str]:
    """An organisation's values as text per import column (for forms, PATCH merges and exports)."""
    values = {name: getattr(organisation, name, "") for name in COLUMN_NAMES if hasattr(organisation, name)}
    values["region"] = organisation.region_id
    values["industries"] = industry_text(organisation.industries.all())
    values["founded_year"] = str(organisation.founded_year or "")
    return {name: "" if value is None else str(value) for name, value in values.items()}


INDUSTRY_PREFIX = {"uk-sic2007": "SIC", "ksic10": "KSIC", "isic4": "ISIC"}


def industry_text(codes: Iterable[Any]) -> str:
    """Industry codes (stored rows or parsed codes) as an import file writes them: ``SIC:62012; KSIC:582``."""
    return "; ".join(f"{INDUSTRY_PREFIX[code.scheme]}:{code.code}" for code in codes)


RECORD_FIELDS = (
    "name_en",
    "name_ko",
    "type",
    "size_band",
    "founded_year",
    "website",
    "description_en",
    "description_en_origin",
    "description_ko",
    "description_ko_origin",
    "keywords_en",
    "keywords_en_origin",
    "keywords_ko",
    "keywords_ko_origin",
    "external_id",
    "postcode",
    "locality",
    "latitude",
    "longitude",
)
"""Fields a :class:`OrganisationRecord` sets on an :class:`Organisation`, besides region and industries."""


RESERVED_SLUGS = frozenset({"new", "moderation", "import", "export", "profiles", "my-data"})
"""Words the registry's own pages use in their addresses, which no organisation's slug may be."""


def unique_slug(record: OrganisationRecord, *, source: str, taken: set[str]) -> str:
    """A slug not in ``taken`` (which it is added to): from the English name, else the register number."""
    base = slugify(record.name_en)[:100]
    if base in RESERVED_SLUGS:
        base = f"{base}-organisation"
    if not base:
        base = (
            slugify(f"{source or 'org'}-{record.external_id}")[:100] if record.external_id else "organisation"
        )
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def taken_slugs() -> set[str]:
    """Every stored slug (a set of short strings: 75,000 take a few megabytes)."""
    return set(Organisation.objects.values_list("slug", flat=True))


def today() -> dt.date:
    return timezone.localdate()
