"""Exports for funders: observations with their evidence as CSV or XLSX, and the report as PDF.

Every export is built from :func:`innotwin.impact.domain.summary.impact_summary` — the function the
dashboards use — so an exported figure always equals the one on screen. Text cells are neutralised against
spreadsheet formula injection exactly as the registry's exports are (:mod:`innotwin.organisations.
interfaces.exporters`): a leading apostrophe in CSV, the string type in XLSX.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from innotwin.impact.domain.summary import Summary
from innotwin.impact.models import Observation
from innotwin.organisations.interfaces.exporters import _text_cell, csv_chunks
from innotwin.web.pdf import html_to_pdf

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "impact" / "report.css"

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def observation_columns() -> list[tuple[str, str]]:
    """(field, header) of each exported observation column, headers in the active language."""
    return [
        ("id", _("Observation")),
        ("pair", _("Twin pair")),
        ("kpi", _("KPI code")),
        ("kpi_name", _("KPI")),
        ("value", _("Value")),
        ("unit", _("Unit")),
        ("value_krw", _("Value in won")),
        ("amount", _("Amount as reported")),
        ("currency", _("Currency")),
        ("exchange_rate", _("Won per pound")),
        ("rate_date", _("Date of the exchange rate")),
        ("rate_source", _("Source of the exchange rate")),
        ("period_start", _("From")),
        ("period_end", _("To")),
        ("country", _("Country")),
        ("organisation", _("Attributed to organisation")),
        ("project", _("Attributed to project")),
        ("part_sme", _("Of which SMEs")),
        ("part_women_led", _("Of which women-led organisations")),
        ("method", _("Method")),
        ("status", _("Status")),
        ("record", _("innotwin record")),
        ("record_label", _("Record")),
        ("evidence_url", _("Evidence link")),
        ("evidence_document", _("Evidence document")),
        ("evidence_note", _("Note on the evidence")),
        ("collected_by", _("Collected by")),
        ("reported_at", _("Reported at")),
        ("demo", _("Demo data")),
    ]


def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return value


def observation_row(observation: Observation) -> dict[str, Any]:
    row = {
        "id": observation.pk,
        "pair": observation.pair.slug,
        "kpi": observation.kpi_id,
        "kpi_name": observation.kpi.name,
        "value": observation.value,
        "unit": observation.kpi.get_unit_display(),
        "value_krw": observation.value_krw,
        "amount": observation.amount,
        "currency": observation.currency,
        "exchange_rate": observation.exchange_rate,
        "rate_date": observation.rate_date.isoformat() if observation.rate_date else "",
        "rate_source": observation.rate_source,
        "period_start": observation.period_start.isoformat(),
        "period_end": observation.period_end.isoformat(),
        "country": observation.country,
        "organisation": str(observation.organisation or ""),
        "project": observation.project,
        "part_sme": observation.part_sme,
        "part_women_led": observation.part_women_led,
        "method": observation.method,
        "status": observation.status,
        "record": observation.record.token if observation.record else "",
        "record_label": observation.record_title,
        "evidence_url": observation.evidence_url,
        "evidence_document": observation.evidence_file.name.rsplit("/", 1)[-1]
        if observation.evidence_file
        else "",
        "evidence_note": observation.evidence_note,
        "collected_by": observation.collector,
        "reported_at": observation.reported_at.isoformat(timespec="seconds"),
        "demo": _("yes") if observation.is_demo else "",
    }
    return {name: _plain(value) for name, value in row.items()}


def headline_columns() -> list[tuple[str, str]]:
    return [
        ("kpi", _("KPI code")),
        ("kpi_name", _("KPI")),
        ("verified", _("Verified total")),
        ("unit", _("Unit")),
        ("verified_krw", _("Verified total in won")),
        ("verified_count", _("Verified observations")),
        ("awaiting", _("Awaiting verification")),
        ("latest", _("Latest period ends")),
        ("verified_demo", _("Of which demo data")),
    ]


def headline_rows(summary: Summary) -> list[dict[str, Any]]:
    return [
        {
            "kpi": item.kpi.code,
            "kpi_name": item.kpi.name,
            "verified": _plain(item.verified),
            "unit": item.kpi.get_unit_display(),
            "verified_krw": _plain(item.verified_krw) if item.kpi.is_money else "",
            "verified_count": item.verified_count,
            "awaiting": _plain(item.awaiting),
            "latest": item.latest.isoformat() if item.latest else "",
            "verified_demo": item.verified_demo,
        }
        for item in summary.headlines
    ]


def csv_text(summary: Summary) -> str:
    """Every observation of the summary with its evidence, as CSV (UTF-8 with a byte-order mark)."""
    return "".join(
        csv_chunks((observation_row(item) for item in summary.observations), columns=observation_columns())
    )


def csv_iter(summary: Summary) -> Iterator[str]:
    return csv_chunks((observation_row(item) for item in summary.observations), columns=observation_columns())


def xlsx_bytes(summary: Summary) -> bytes:
    """A workbook: the headline figures, then every observation with its evidence, then the KPIs."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheets = [
        (_("Headline"), headline_columns(), headline_rows(summary)),
        (_("Observations"), observation_columns(), [observation_row(item) for item in summary.observations]),
        (
            _("KPIs"),
            [
                ("kpi", _("KPI code")),
                ("name", _("KPI")),
                ("definition", _("Definition")),
                ("evidence", _("How it is evidenced")),
            ],
            [
                {
                    "kpi": h.kpi.code,
                    "name": h.kpi.name,
                    "definition": h.kpi.definition,
                    "evidence": h.kpi.evidence,
                }
                for h in summary.headlines
            ],
        ),
    ]
    for title, columns, rows in sheets:
        sheet = workbook.create_sheet(title[:31])
        sheet.append([_text_cell(sheet, header) for _name, header in columns])
        for row in rows:
            sheet.append([_text_cell(sheet, _number(row[name])) for name, _header in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _number(value: Any) -> Any:
    """Numbers as numbers (so a spreadsheet can add them up); everything else stays text."""
    if isinstance(value, str) and value and value.replace(".", "", 1).isdigit():
        return Decimal(value) if "." in value else int(value)
    return value


def report_html(summary: Summary, *, language: str) -> str:
    """The report as the HTML that WeasyPrint lays out (the same template body as the dashboard)."""
    from innotwin.impact.interfaces.presentation import dashboard_context

    with translation.override(language):
        return render_to_string("impact/report_pdf.html", dashboard_context(summary, pdf=True))


def report_pdf(summary: Summary, *, language: str = "en") -> bytes:
    """The report as PDF bytes in ``language`` (printed by :func:`innotwin.web.pdf.html_to_pdf`)."""
    return html_to_pdf(report_html(summary, language=language), stylesheet=STYLESHEET)
