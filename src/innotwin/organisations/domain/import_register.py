from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from innotwin.accounts.models import User
from innotwin.core.registry import OrganisationRecord
from innotwin.core.registry.registers import RegisterReader
from innotwin.organisations.domain._lookups import RECORD_FIELDS, taken_slugs
from innotwin.organisations.domain.create_organisation import industry_rows
from innotwin.organisations.domain.import_organisations import batches, store_new
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.enums import Verification
from innotwin.organisations.models import Organisation, OrganisationIndustry


@dataclass(frozen=True)
class RegisterImportResult:
    """What a register import did: organisations created and updated, rows skipped by reason."""

    source: str
    file: str
    created: int
    updated: int
    unchanged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    unknown_industries: Counter[str] = field(default_factory=Counter)

    @property
    def read(self) -> int:
        return self.created + self.updated + self.unchanged + sum(self.skipped.values())


def _update(batch: list[OrganisationRecord], existing: dict[str, Organisation]) -> int:
    """Write what changed in ``batch`` to the stored organisations; returns how many changed.

    Only changed rows are written, one UPDATE each (``bulk_update`` builds a CASE per row and field, which
    is far slower here): re-importing an unchanged register writes nothing.
    """
    stored: dict[int, set[tuple[str, str]]] = {organisation.pk: set() for organisation in existing.values()}
    for organisation_id, scheme, code in OrganisationIndustry.objects.filter(
        organisation__in=list(existing.values())
    ).values_list("organisation_id", "scheme", "code"):
        stored[organisation_id].add((scheme, code))
    now = timezone.now()
    changed = 0
    replaced: list[Organisation] = []
    new_industries: list[OrganisationIndustry] = []
    for record in batch:
        organisation = existing[record.external_id]
        changes = {
            name: getattr(record, name)
            for name in RECORD_FIELDS
            if getattr(organisation, name) != getattr(record, name)
        }
        if organisation.region_id != record.region:
            changes["region_id"] = record.region
        codes = {(code.scheme, code.code) for code in record.industries}
        if codes != stored[organisation.pk]:
            replaced.append(organisation)
            new_industries.extend(industry_rows(record, organisation))
        if changes:
            Organisation.objects.filter(pk=organisation.pk).update(**changes, updated_at=now)
        changed += bool(changes or codes != stored[organisation.pk])
    OrganisationIndustry.objects.filter(organisation__in=replaced).delete()
    OrganisationIndustry.objects.bulk_create(new_industries)
    return changed


@transaction.atomic
def import_register(
    *, actor: User | None, reader: RegisterReader, actor_label: str = SYSTEM
) -> RegisterImportResult:
    """Store every usable row of an official register; re-importing updates by register number.

    Organisations from a register are marked as such. A row the reader cannot use is skipped and counted
    (see the reader's rules); a broken file stores nothing.
    """
    slugs = taken_slugs()
    created = updated = unchanged = 0
    for batch in batches(reader):
        numbers = [record.external_id for record in batch]
        existing = {
            organisation.external_id: organisation
            for organisation in Organisation.objects.filter(source=reader.source, external_id__in=numbers)
        }
        new = [record for record in batch if record.external_id not in existing]
        seen: set[str] = set()
        unique_new = []
        for record in new:
            if record.external_id in seen:
                reader.skip("the register repeats a number already read")
                continue
            seen.add(record.external_id)
            unique_new.append(record)
        created += len(
            store_new(unique_new, source=reader.source, verification=Verification.REGISTER, slugs=slugs)
        )
        known = [record for record in batch if record.external_id in existing]
        changed = _update(known, existing)
        updated += changed
        unchanged += len(known) - changed
    result = RegisterImportResult(
        source=reader.source,
        file=reader.path.name,
        created=created,
        updated=updated,
        unchanged=unchanged,
        skipped=Counter(reader.skipped),
        unknown_industries=Counter(reader.unknown_industries),
    )
    record_audit(
        actor=actor,
        action="organisations.register_imported",
        object_type="import",
        object_id=reader.path.name[:64],
        label=f"{reader.source}: {reader.path.name}",
        changes={
            "source": reader.source,
            "file": reader.path.name,
            "created": created,
            "updated": updated,
            "unchanged": unchanged,
            "skipped": sum(reader.skipped.values()),
        },
        actor_label=actor_label,
    )
    return result
