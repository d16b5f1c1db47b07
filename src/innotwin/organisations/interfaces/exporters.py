"""Exports of the registry's public data — organisations and their published profiles — as CSV, XLSX or
JSON, and the downloadable import templates in English and Korean.

Contact people are never exported here (their data is personal; a person downloads their own data from
the privacy page). Every text cell is written so that a spreadsheet shows it as text and never runs it as
a formula: in CSV a risky value gets a leading apostrophe (:func:`innotwin.core.registry.neutralise`); in
XLSX every text cell is stored with the string type, so ``=…`` stays text. Exports use the template's
columns, so an exported file can be imported again.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet

from innotwin.core.registry import COLUMNS, neutralise
from innotwin.organisations.domain._lookups import industry_text
from innotwin.organisations.models import OpportunityProfile, Organisation

EXTRA_COLUMNS = (("slug", "Identifier", "식별자"), ("verification", "Verification", "검증 상태"),
                 ("source", "Source register", "출처 등록부"))  # fmt: skip
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
}


Columns = list[tuple[str, str]]


def template_columns(language: str = "en") -> Columns:
    """(field, header) of every import column, headers in ``language``."""
    return [(column.name, column.header_en if language == "en" else column.header_ko) for column in COLUMNS]


def headers(language: str = "en") -> Columns:
    """(field, header) of every exported column: the import columns between an identifier and the
    verification and source."""
    index = 1 if language == "en" else 2
    extras = [(extra[0], extra[index]) for extra in EXTRA_COLUMNS]
    return [extras[0], *template_columns(language), *extras[1:]]


def _organisation_row(organisation: Organisation) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(organisation, name, "") for name, _header in headers()}
    row["region"] = organisation.region_id
    row["industries"] = industry_text(organisation.industries.all())
    return row


def export_rows(organisations: QuerySet[Organisation]) -> Iterator[dict[str, Any]]:
    """One dict per organisation with every exported field, read in chunks (75,000 rows stay light)."""
    queryset = organisations.select_related(None).prefetch_related("industries").order_by("pk")
    for organisation in queryset.iterator(chunk_size=2000):
        row: dict[str, Any] = {name: getattr(organisation, name) for name, _header in headers()
                               if name not in {"region", "industries"}}  # fmt: skip
        row["region"] = organisation.region_id
        row["industries"] = industry_text(organisation.industries.all())
        yield {name: "" if value is None else value for name, value in row.items()}


def csv_chunks(rows: Iterable[dict[str, Any]], *, columns: Columns) -> Iterator[str]:
    """A CSV file (UTF-8 with a byte-order mark, so spreadsheets read Korean right) in chunks."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([header for _name, header in columns])
    for number, row in enumerate(rows, start=1):
        writer.writerow([neutralise(row[name]) for name, _header in columns])
        if number % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _text_cell(sheet: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # a string, even when it begins with "=": never a formula
    return cell


def xlsx_bytes(
    rows: Iterable[dict[str, Any]], *, columns: Columns, language: str = "en", guide: bool = False
) -> bytes:
    """An XLSX workbook of ``rows`` (write-only, so memory stays flat); with ``guide``, a second sheet
    explains each import column in ``language``."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("organisations" if language == "en" else "기관")  # fmt: skip
    sheet.append([_text_cell(sheet, header) for _name, header in columns])
    for row in rows:
        sheet.append([_text_cell(sheet, row[name]) for name, _header in columns])
    if guide:
        help_sheet = workbook.create_sheet("guide" if language == "en" else "안내")
        titles = ("Column", "Required", "What to write") if language == "en" else ("열", "필수", "작성 방법")
        help_sheet.append(list(titles))
        for column in COLUMNS:
            required = ("yes" if language == "en" else "예") if column.required else ""
            help_sheet.append(
                [_text_cell(help_sheet, column.header_en if language == "en" else column.header_ko),
                 required, _text_cell(help_sheet, column.hint_en if language == "en" else column.hint_ko)]
            )  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _profile(profile: OpportunityProfile) -> dict[str, Any]:
    return {
        "id": profile.pk,
        "kind": profile.kind,
        "business_kind": profile.business_kind,
        **{name: getattr(profile, name) for name in (
            "title_en", "title_en_origin", "title_ko", "title_ko_origin", "summary_en", "summary_en_origin",
            "summary_ko", "summary_ko_origin", "partner_types", "partner_size", "partner_role", "stage")},
        "pillar": profile.pillar_id,
        "industries": industry_text(profile.industries.all()),
        "expires_on": profile.expires_on.isoformat(),
    }  # fmt: skip


def json_chunks(
    organisations: QuerySet[Organisation], *, live_profiles: QuerySet[OpportunityProfile]
) -> Iterator[str]:
    """A JSON document ``{"organisations": [...]}``, each with its published profiles, in chunks."""
    queryset = organisations.prefetch_related(
        "industries",
        Prefetch("profiles", queryset=live_profiles.prefetch_related("industries"), to_attr="live_profiles"),
    ).order_by("pk")
    yield '{"organisations": ['
    for number, organisation in enumerate(queryset.iterator(chunk_size=2000)):
        row = _organisation_row(organisation)
        row["profiles"] = [_profile(profile) for profile in organisation.live_profiles]
        yield ("," if number else "") + json.dumps(row, ensure_ascii=False)
    yield "]}"


def template_csv(language: str) -> str:
    """The CSV import template: the header row in ``language`` and nothing else."""
    return "".join(csv_chunks([], columns=template_columns(language)))


def template_xlsx(language: str) -> bytes:
    """The XLSX import template: the header row, and a guide sheet explaining each column."""
    return xlsx_bytes([], columns=template_columns(language), language=language, guide=True)
