"""Reading the tabular files people upload — CSV and XLSX — into one shape, strictly.

:func:`read_sheet` returns a :class:`Sheet` (header and rows of text) or raises one :class:`DataError`
listing every problem with the file itself: too large, not UTF-8, not a spreadsheet, a formula in a cell,
a row wider than the header. Problems with the *values* are found later, by :mod:`.validate`.

Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.

* **Encoding.** CSV files must be UTF-8 (with or without a byte-order mark) unless the caller names another
  encoding (``cp949`` for files saved by Korean Excel). Guessing is refused on purpose: Latin-1 bytes often
  decode as valid CP949 and would silently turn names into Hangul.
* **Formulas.** A spreadsheet formula is never evaluated and never stored: in XLSX every formula cell is a
  problem; in CSV a cell that begins with ``=`` is. innotwin stores text only.
* **Size.** Files above ``max_bytes`` and sheets above ``max_rows`` are refused before their rows are read;
  an XLSX file whose unpacked parts exceed ``max_unpacked_bytes`` (a "zip bomb") is refused unopened.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from innotwin.core.errors import DataError, Problem
from innotwin.core.registry.csvsafe import looks_like_formula
from innotwin.core.registry.i18n import _

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_ROWS",
    "Sheet",
    "SheetRow",
    "read_csv",
    "read_sheet",
    "read_xlsx",
]

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
"""Largest upload accepted for a bulk import (25 MiB, about 100,000 rows of a typical organisation file)."""
DEFAULT_MAX_ROWS = 100_000
"""Most data rows accepted in one bulk import."""
DEFAULT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Most bytes the parts of an XLSX file may unpack to."""

_XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One data row: its row number as a spreadsheet shows it, and one text cell per header column."""

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sheet:
    """A decoded table: the file's display name, its header and its non-empty data rows."""

    file: str
    header: tuple[str, ...]
    rows: tuple[SheetRow, ...]

    def __iter__(self) -> Iterator[SheetRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _check_size(data: bytes, *, file: str, max_bytes: int) -> None:
    if len(data) > max_bytes:
        raise DataError(
            [
                Problem(
                    _(
                        "The file is {size}; the largest file innotwin imports at once is {limit}. "
                        "Split it into smaller files."
                    ).format(size=_megabytes(len(data)), limit=_megabytes(max_bytes)),
                    file=file,
                )
            ]
        )
    if not data.strip():
        raise DataError([Problem(_("The file is empty."), file=file)])


def _build(
    file: str, raw_rows: Sequence[tuple[int, list[str]]], *, max_rows: int, problems: list[Problem]
) -> Sheet:
    if not raw_rows:
        raise DataError([Problem(_("The file has no header row."), file=file)])
    header_cells = raw_rows[0][1]
    width = len(header_cells)
    while width and not header_cells[width - 1].strip():
        width -= 1
    header = tuple(cell.strip() for cell in header_cells[:width])
    if not header:
        raise DataError([Problem(_("The first row must name the columns; it is empty."), file=file, line=1)])
    seen: set[str] = set()
    for number, name in enumerate(header, start=1):
        if not name:
            problems.append(
                Problem(
                    _("Column {number} has no name in the header row.").format(number=number),
                    file=file,
                    line=1,
                )
            )
        elif name in seen:
            problems.append(
                Problem(
                    _("The column '{name}' appears twice in the header row.").format(name=name),
                    file=file,
                    line=1,
                )
            )
        seen.add(name)
    data_rows = [(line, cells) for line, cells in raw_rows[1:] if any(cell.strip() for cell in cells)]
    if len(data_rows) > max_rows:
        raise DataError(
            [
                Problem(
                    _(
                        "The file has {count} data rows; the most innotwin imports at once is {limit}. "
                        "Split it into smaller files."
                    ).format(count=f"{len(data_rows):,}", limit=f"{max_rows:,}"),
                    file=file,
                )
            ]
        )
    rows: list[SheetRow] = []
    for line, cells in data_rows:
        extra = [cell for cell in cells[width:] if cell.strip()]
        if extra:
            problems.append(
                Problem(
                    _("The row has {count} cells but the header names {width} columns.").format(
                        count=len(cells), width=width
                    ),
                    file=file,
                    line=line,
                )
            )
        padded = (*cells[:width], *([""] * (width - len(cells))))
        rows.append(SheetRow(line=line, cells=tuple(padded)))
    if problems:
        raise DataError(problems)
    return Sheet(file=file, header=header, rows=tuple(rows))


def _delimiter(text: str) -> str:
    """The separator of a CSV file: the one of comma, semicolon and tab that its header line uses most.

    (``csv.Sniffer`` guesses the quoting as well, and guesses it wrong on real files whose names contain
    commas inside quotes.)
    """
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def read_csv(
    data: bytes,
    *,
    file: str,
    encoding: str = "utf-8",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> Sheet:
    """Read a CSV file (comma, semicolon or tab separated) in ``encoding``; UTF-8 by default."""
    _check_size(data, file=file, max_bytes=max_bytes)
    codec = "utf-8-sig" if encoding.replace("_", "-").lower() in {"utf-8", "utf8", "utf-8-sig"} else encoding
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError) as exc:
        where = exc.start + 1 if isinstance(exc, UnicodeDecodeError) else 0
        raise DataError(
            [
                Problem(
                    _(
                        "The file is not {encoding} text (byte {byte}). Save it as 'CSV UTF-8' (or, for a "
                        "file saved by Korean Excel, import it with the encoding cp949)."
                    ).format(encoding=encoding, byte=where),
                    file=file,
                )
            ]
        ) from None
    if "\x00" in text:
        raise DataError([Problem(_("The file holds binary data, not CSV text."), file=file)])
    problems: list[Problem] = []
    raw_rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=_delimiter(text))
    try:
        line = 1
        for cells in reader:
            raw_rows.append((line, cells))
            line = reader.line_num + 1
            if len(raw_rows) > max_rows + 1:
                break
    except csv.Error as exc:
        raise DataError(
            [
                Problem(
                    _("The file is not valid CSV: {reason}.").format(reason=exc),
                    file=file,
                    line=reader.line_num,
                )
            ]
        ) from None
    for line, cells in raw_rows[1:]:
        for column, cell in enumerate(cells):
            if looks_like_formula(cell):
                field = raw_rows[0][1][column].strip() if column < len(raw_rows[0][1]) else None
                problems.append(_formula_problem(file=file, line=line, field=field))
    return _build(file, raw_rows, max_rows=max_rows, problems=problems)


def _formula_problem(*, file: str, line: int, field: str | None) -> Problem:
    return Problem(
        _(
            "The cell holds a spreadsheet formula; innotwin imports text only. "
            "Replace the formula by its value."
        ),
        file=file,
        line=line,
        field=field,
    )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def read_xlsx(
    data: bytes,
    *,
    file: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_unpacked_bytes: int = DEFAULT_MAX_UNPACKED_BYTES,
) -> Sheet:
    """Read the first worksheet of an XLSX workbook; formula cells are problems, never evaluated."""
    _check_size(data, file=file, max_bytes=max_bytes)
    not_xlsx = DataError([Problem(_("The file is not an Excel workbook (.xlsx)."), file=file)])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise not_xlsx from None
    if unpacked > max_unpacked_bytes:
        raise DataError(
            [
                Problem(
                    _("The workbook unpacks to {size}; the limit is {limit}.").format(
                        size=_megabytes(unpacked), limit=_megabytes(max_unpacked_bytes)
                    ),
                    file=file,
                )
            ]
        )
    import openpyxl  # type: ignore[import-untyped, unused-ignore]

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # openpyxl raises many unrelated types for a damaged workbook
        raise not_xlsx from None
    try:
        sheet = workbook.worksheets[0]
        problems: list[Problem] = []
        raw_rows: list[tuple[int, list[str]]] = []
        header: list[str] = []
        for number, row in enumerate(sheet.iter_rows(), start=1):
            cells: list[str] = []
            for column, cell in enumerate(row):
                value: object = cell.value
                if getattr(cell, "data_type", None) == "f" or (
                    isinstance(value, str) and looks_like_formula(value)
                ):
                    if number > 1:
                        field = header[column] if column < len(header) else None
                        problems.append(_formula_problem(file=file, line=number, field=field))
                    cells.append("")
                    continue
                cells.append(_cell_text(value))
            if number == 1:
                header = [cell.strip() for cell in cells]
            raw_rows.append((number, cells))
            if len(raw_rows) > max_rows + 1:
                break
    finally:
        workbook.close()
    return _build(file, raw_rows, max_rows=max_rows, problems=problems)


def read_sheet(
    data: bytes,
    *,
    file: str,
    encoding: str = "utf-8",
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> Sheet:
    """Read a CSV or XLSX file, told apart by its content (an XLSX workbook is a zip archive)."""
    if data.startswith(_XLSX_MAGIC) or file.lower().endswith(".xlsx"):
        return read_xlsx(data, file=file, max_bytes=max_bytes, max_rows=max_rows)
    return read_csv(data, file=file, encoding=encoding, max_bytes=max_bytes, max_rows=max_rows)
