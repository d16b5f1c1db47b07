"""Reading uploaded CSV and XLSX files: encodings, sizes, formulas and shapes, each a located problem."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from innotwin.core.errors import DataError, Problem
from innotwin.core.registry.tabular import read_csv, read_sheet, read_xlsx

HEADER = "Name (English),Type,Region\n"


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _problems(exc: pytest.ExceptionInfo[DataError]) -> list[Problem]:
    return list(exc.value.problems)


def test_read_csv_utf8_with_bom_gives_header_and_numbered_rows() -> None:
    sheet = read_csv(("\ufeff" + HEADER + "Acme,sme,KR-26\n\nBeta,university,KR-27\n").encode(), file="a.csv")
    assert sheet.header == ("Name (English)", "Type", "Region")
    assert [(row.line, row.cells) for row in sheet] == [
        (2, ("Acme", "sme", "KR-26")),
        (4, ("Beta", "university", "KR-27")),
    ]


def test_read_csv_semicolon_separated_is_recognised() -> None:
    sheet = read_csv(b"name_en;type;region\nAcme;sme;KR-26\n", file="a.csv")
    assert sheet.rows[0].cells == ("Acme", "sme", "KR-26")


def test_read_csv_wrong_encoding_names_the_byte_and_the_fix() -> None:
    data = "name_ko,type,region\n부산기계,sme,KR-26\n".encode("cp949")
    with pytest.raises(DataError) as exc:
        read_csv(data, file="korean.csv")
    assert _problems(exc) == [
        Problem(
            "The file is not utf-8 text (byte 21). Save it as 'CSV UTF-8' (or, for a file saved by Korean "
            "Excel, import it with the encoding cp949).",
            file="korean.csv",
        )
    ]


def test_read_csv_cp949_when_asked_decodes_korean() -> None:
    data = "name_ko,type,region\n부산기계,sme,KR-26\n".encode("cp949")
    assert read_csv(data, file="k.csv", encoding="cp949").rows[0].cells[0] == "부산기계"


def test_read_csv_oversized_file_is_refused_before_reading() -> None:
    with pytest.raises(DataError) as exc:
        read_csv(HEADER.encode() + b"x,sme,KR-26\n" * 200, file="big.csv", max_bytes=1000)
    assert _problems(exc)[0].message.startswith(
        "The file is 0.0 MB; the largest file innotwin imports at once"
    )


def test_read_csv_too_many_rows_is_refused() -> None:
    with pytest.raises(DataError) as exc:
        read_csv((HEADER + "x,sme,KR-26\n" * 11).encode(), file="rows.csv", max_rows=10)
    assert _problems(exc)[0].message == (
        "The file has 11 data rows; the most innotwin imports at once is 10. Split it into smaller files."
    )


def test_read_csv_formula_cells_are_problems_by_row_and_column() -> None:
    data = (HEADER + 'Acme,sme,KR-26\n"=HYPERLINK(""http://x"",""y"")",sme,KR-26\nOk, =1+1 ,KR-26\n').encode()
    with pytest.raises(DataError) as exc:
        read_csv(data, file="f.csv")
    assert [(p.line, p.field) for p in _problems(exc)] == [(3, "Name (English)"), (4, "Type")]


def test_read_csv_row_wider_than_header_is_a_problem() -> None:
    with pytest.raises(DataError) as exc:
        read_csv((HEADER + "Acme,sme,KR-26,extra\n").encode(), file="w.csv")
    assert _problems(exc) == [
        Problem("The row has 4 cells but the header names 3 columns.", file="w.csv", line=2)
    ]


def test_read_csv_duplicate_and_empty_headers_are_problems() -> None:
    with pytest.raises(DataError) as exc:
        read_csv(b"Type,,Type,Region\nsme,x,sme,KR-26\n", file="h.csv")
    assert [p.message for p in _problems(exc)] == [
        "Column 2 has no name in the header row.",
        "The column 'Type' appears twice in the header row.",
    ]


@pytest.mark.parametrize("data", [b"", b"  \n\n"])
def test_read_csv_empty_file_is_a_problem(data: bytes) -> None:
    with pytest.raises(DataError, match="The file is empty"):
        read_csv(data, file="e.csv")


def test_read_csv_binary_file_is_refused() -> None:
    with pytest.raises(DataError, match="binary data"):
        read_csv(b"name\x00,type\n", file="b.csv")


def test_read_xlsx_turns_numbers_and_dates_into_text() -> None:
    import datetime as dt

    sheet = read_xlsx(
        _xlsx([["Name", "Founded", "Since"], ["Acme", 1998.0, dt.datetime(2020, 5, 1)]]), file="a.xlsx"
    )
    assert sheet.rows[0].cells == ("Acme", "1998", "2020-05-01")


def test_read_xlsx_formula_cells_are_problems_and_never_evaluated() -> None:
    data = _xlsx([["Name", "Type"], ["Acme", "sme"], ['=CONCAT("a","b")', "sme"], ["Beta", "=A1"]])
    with pytest.raises(DataError) as exc:
        read_xlsx(data, file="f.xlsx")
    assert [(p.line, p.field) for p in _problems(exc)] == [(3, "Name"), (4, "Type")]


def test_read_xlsx_damaged_workbook_is_a_problem() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(DataError) as exc:
        read_xlsx(buffer.getvalue(), file="d.xlsx")
    assert _problems(exc) == [Problem("The file is not an Excel workbook (.xlsx).", file="d.xlsx")]


def test_read_xlsx_zip_bomb_is_refused_unopened() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"0" * 3_000_000)
    with pytest.raises(DataError, match=r"unpacks to 2\.9 MB; the limit is 1\.0 MB"):
        read_xlsx(buffer.getvalue(), file="bomb.xlsx", max_unpacked_bytes=1024 * 1024)


def test_read_sheet_tells_xlsx_from_csv_by_content() -> None:
    assert read_sheet(_xlsx([["a"], ["b"]]), file="no-extension").header == ("a",)
    assert read_sheet(b"a\nb\n", file="x.csv").header == ("a",)


def test_read_csv_commas_inside_quoted_names_stay_in_their_cell() -> None:
    rows = "".join(f'"QUAY {n}, LTD","sme","KR-26"\n' for n in range(300))
    sheet = read_csv(("Name,Type,Region\n" + rows + "\"'A' RATED, LTD\",sme,KR-26\n").encode(), file="c.csv")
    assert sheet.rows[0].cells == ("QUAY 0, LTD", "sme", "KR-26")
    assert len(sheet) == 301
    assert sheet.rows[-1].cells == ("'A' RATED, LTD", "sme", "KR-26")


def test_read_csv_tab_separated_is_recognised() -> None:
    assert read_csv(b"Name\tType\nA, B\tsme\n", file="t.tsv").rows[0].cells == ("A, B", "sme")
