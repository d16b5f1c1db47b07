from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.db import transaction
from django.utils.translation import gettext

from innotwin.accounts.models import User
from innotwin.accounts.permissions import Action, has_permission
from innotwin.core.errors import DataError
from innotwin.core.registry import (
    OrganisationRecord,
    Sheet,
    ValidationReport,
    check_mapping,
    translated_by,
    validate_rows,
)
from innotwin.core.registry.schema import ColumnMapping
from innotwin.organisations.domain._lookups import (
    current_year,
    existing_organisations,
    region_index,
    taken_slugs,
    unique_slug,
)
from innotwin.organisations.domain.create_organisation import industry_rows, organisation_from
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.enums import Verification
from innotwin.organisations.models import Organisation, OrganisationIndustry

BATCH = 2000


@dataclass(frozen=True)
class ImportResult:
    """What an import did: the validation report, and how many organisations it stored."""

    report: ValidationReport
    created: int
    dry_run: bool


def batches(records: Iterable[OrganisationRecord], size: int = BATCH) -> Iterator[list[OrganisationRecord]]:
    iterator = iter(records)
    while batch := list(islice(iterator, size)):
        yield batch


def store_new(
    records: list[OrganisationRecord], *, source: str, verification: str, slugs: set[str]
) -> list[Organisation]:
    """Create organisations for ``records`` in bulk, with their industries."""
    organisations = [
        organisation_from(
            record,
            slug=unique_slug(record, source=source, taken=slugs),
            source=source,
            verification=verification,
        )
        for record in records
    ]
    Organisation.objects.bulk_create(organisations)
    OrganisationIndustry.objects.bulk_create(
        [
            row
            for record, organisation in zip(records, organisations, strict=True)
            for row in industry_rows(record, organisation)
        ]
    )
    return organisations


def validate_import(*, actor: User | None, sheet: Sheet, mapping: ColumnMapping) -> ValidationReport:
    """Check the mapping, then every row; a report listing every problem by row and column."""
    with translated_by(gettext):
        mapping_problems = check_mapping(sheet.header, mapping, file=sheet.file)
        if mapping_problems:
            return ValidationReport(
                file=sheet.file, rows=len(sheet), records=(), problems=tuple(mapping_problems)
            )
        return validate_rows(
            sheet,
            mapping,
            regions=region_index(),
            existing=existing_organisations(),
            may_import_into=(lambda code: True)
            if actor is None
            else (lambda code: has_permission(actor, Action.IMPORT_INTO_REGION, code)),
            current_year=current_year(),
        )


@transaction.atomic
def import_organisations(
    *,
    actor: User | None,
    sheet: Sheet,
    mapping: ColumnMapping,
    dry_run: bool = False,
    actor_label: str = SYSTEM,
) -> ImportResult:
    """Import every row of ``sheet`` or none: a problem anywhere raises :class:`DataError` listing them all.

    With ``dry_run`` nothing is stored and the report is returned, problems included, without raising.
    """
    report = validate_import(actor=actor, sheet=sheet, mapping=mapping)
    if dry_run:
        return ImportResult(report=report, created=0, dry_run=True)
    if not report.ok:
        raise DataError(report.problems)
    slugs = taken_slugs()
    created = 0
    for batch in batches(report.records):
        created += len(store_new(batch, source="", verification=Verification.UNVERIFIED, slugs=slugs))
    record_audit(
        actor=actor,
        action="organisations.imported",
        object_type="import",
        object_id=sheet.file[:64],
        label=sheet.file,
        changes={"file": sheet.file, "rows": report.rows, "created": created},
        actor_label=actor_label,
    )
    return ImportResult(report=report, created=created, dry_run=False)
