"""Import files for the registry's tests, written the way people write them (CSV and XLSX)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

HEADER_EN = [
    "Name (English)",
    "Name (Korean)",
    "Type",
    "Region",
    "Industry codes",
    "Founded",
    "Website",
    "Description (English)",
    "Description (English) origin",
]


def csv_bytes(
    rows: list[list[str]], header: list[str] | None = None, *, encoding: str = "utf-8-sig"
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header or HEADER_EN)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list[object]], header: list[str] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header or HEADER_EN)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD_ROWS = [
    [
        "Lough Labs",
        "",
        "research institute",
        "Belfast",
        "SIC:72190",
        "2012",
        "https://lough.example",
        "Applied AI research.",
        "original",
    ],
    ["", "세종스마트시티", "중소기업", "KR-50", "KSIC:62", "", "", "", ""],
    ["Mersey Tidal", "머지 조력", "sme", "E08000012", "35110", "2019", "", "Tidal energy.", "machine"],
]
