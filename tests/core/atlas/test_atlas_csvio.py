"""Strict CSV reading: encodings, headers, typed cells, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from innotwin.core.atlas.csvio import Missing, ProblemLog, UniqueKeys, decode, parse_number, read_table
from innotwin.core.errors import DataError, Problem

KOREAN_TABLE = "region,year,value\n부산광역시,2020,3391946\n"


def test_parse_number_with_thousands_separators_gives_float() -> None:
    assert parse_number("1,234,567.5") == 1234567.5


def test_parse_number_plain_and_scientific_give_float() -> None:
    assert [parse_number("42"), parse_number("-3.5"), parse_number("2.5e3"), parse_number(" 7 ")] == [
        42.0,
        -3.5,
        2500.0,
        7.0,
    ]


@pytest.mark.parametrize("marker", ["..", "-", "x", "X", ":", ""])
def test_parse_number_suppression_marker_gives_missing(marker: str) -> None:
    assert isinstance(parse_number(marker), Missing)


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "1_000", "1,23", "12a"])
def test_parse_number_text_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="is not a number"):
        parse_number(text)


def test_decode_utf8_with_bom_strips_the_mark() -> None:
    assert decode("\ufeff".encode() + KOREAN_TABLE.encode("utf-8"), file="f.csv") == (
        KOREAN_TABLE,
        "utf-8-sig",
    )


def test_decode_cp949_file_is_read_as_korean() -> None:
    assert decode(KOREAN_TABLE.encode("cp949"), file="f.csv") == (KOREAN_TABLE, "cp949")


def test_decode_euc_kr_file_is_read_as_korean() -> None:
    assert decode(KOREAN_TABLE.encode("euc-kr"), file="f.csv")[0] == KOREAN_TABLE


def test_decode_truncated_utf8_reports_truncation() -> None:
    data = KOREAN_TABLE.encode("utf-8")[:-3] + "부".encode()[:2]
    with pytest.raises(DataError) as caught:
        decode(data, file="f.csv")
    assert caught.value.problems[0].file == "f.csv"
    assert "truncated" in caught.value.problems[0].message


def test_decode_utf16_reports_unknown_encoding() -> None:
    with pytest.raises(DataError) as caught:
        decode("a,b\n1,é\n".encode("utf-16"), file="f.csv")
    assert "neither UTF-8 nor CP949" in caught.value.problems[0].message


def test_read_table_missing_columns_lists_each_with_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("region,yr\nA,2020\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_table(path, columns=("region", "year", "value"))
    assert [(p.file, p.line, p.field) for p in caught.value.problems] == [
        (str(path), 1, "year"),
        (str(path), 1, "value"),
    ]


def test_read_table_short_rows_are_all_reported(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b,c\n1,2,3\n4,5\n6,7,8\n9\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_table(path, columns=("a", "b", "c"))
    assert [p.line for p in caught.value.problems] == [3, 5]


def test_read_table_counts_lines_across_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('a,b\n"x\ny",1\nz,2\n', encoding="utf-8")
    assert [row.line for row in read_table(path, columns=("a", "b"))] == [2, 4]


def test_read_table_empty_file_raises(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"")
    with pytest.raises(DataError, match="empty"):
        read_table(path, columns=("a",))


def test_problem_log_collects_problems_and_raises_them_together() -> None:
    log = ProblemLog("f.csv")
    log.add("first", line=2, field="a")
    log.add("second", line=3, field="b")
    with pytest.raises(DataError) as caught:
        log.raise_if_any()
    assert caught.value.problems == (
        Problem("first", file="f.csv", line=2, field="a"),
        Problem("second", file="f.csv", line=3, field="b"),
    )


def test_unique_keys_duplicate_names_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("k,v\na,1\nb,2\na,3\n", encoding="utf-8")
    table = read_table(path, columns=("k", "v"))
    log = ProblemLog(table.file)
    keys = UniqueKeys(log, columns=("k",))
    assert [keys.add(row["k"], row) for row in table] == [True, True, False]
    assert (log.problems[0].line, log.problems[0].field) == (4, "k")
    assert "line 2" in log.problems[0].message


def test_read_table_cp949_file_reports_its_encoding(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(KOREAN_TABLE.encode("cp949"))
    table = read_table(path, columns=("region", "year", "value"))
    assert (table.encoding, table.rows[0]["region"], table.rows[0].line) == ("cp949", "부산광역시", 2)
