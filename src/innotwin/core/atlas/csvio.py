"""Reading statistical CSV files strictly: encodings, headers, typed cells and duplicate keys.

A loader reads a file with :func:`read_table`, which fails at once (one :class:`DataError` listing every
problem) when the file cannot be decoded, lacks a required column or has rows of the wrong width. Cell
problems are then collected in a :class:`ProblemLog` while the loader walks the rows, and raised together
at the end, so a user sees every problem in one go and nothing is ever returned partially.

Encodings are tried in this order: UTF-8 with a byte-order mark, UTF-8, then CP949 (a superset of EUC-KR,
used by Korean official exports such as KOSIS downloads).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from innotwin.core.errors import DataError, Problem

__all__ = [
    "SUPPRESSED_MARKERS",
    "Missing",
    "ProblemLog",
    "Row",
    "Table",
    "UniqueKeys",
    "decode",
    "parse_number",
    "read_table",
]

SUPPRESSED_MARKERS: Mapping[str, str] = {
    "..": "not available or suppressed ('..')",
    "-": "not available or nil ('-')",
    "x": "suppressed for confidentiality ('x')",
    "X": "suppressed for confidentiality ('X')",
    ":": "not available (':')",
    "c": "suppressed for confidentiality ('c')",
    "*": "suppressed or unreliable ('*')",
}
"""Cell markers that statistical publishers use for a value they do not give, and what each means."""

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_YEAR = re.compile(r"(\d{4})(\.0+)?")


@dataclass(frozen=True, slots=True)
class Missing:
    """A cell that holds no value on purpose: empty, or a publisher's suppression marker."""

    reason: str


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: the line it starts on (1-based, header = line 1) and its cells by column name."""

    line: int
    cells: Mapping[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]


@dataclass(frozen=True, slots=True)
class Table:
    """A decoded CSV file: its display name, header and rows."""

    file: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    encoding: str

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


class ProblemLog:
    """Collects the problems found in one file; :meth:`raise_if_any` raises them as one DataError."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, message: str, *, line: int | None = None, field: str | None = None) -> None:
        """Record one problem at ``line`` and ``field`` of this file."""
        self.problems.append(Problem(message, file=self.file, line=line, field=field))

    def raise_if_any(self) -> None:
        """Raise a :class:`DataError` with every recorded problem, if there is any."""
        if self.problems:
            raise DataError(self.problems)

    def number(self, row: Row, column: str) -> float | Missing | None:
        """The number in ``row[column]``; a :class:`Missing` for an empty or suppressed cell.

        Text that is not a number is recorded as a problem and gives ``None``.
        """
        try:
            return parse_number(row[column])
        except ValueError as error:
            self.add(str(error), line=row.line, field=column)
            return None

    def year(self, row: Row, column: str) -> int | None:
        """The four-digit year in ``row[column]`` (``2015`` or ``2015.0``); ``None`` after a problem."""
        text = row[column].strip()
        match = _YEAR.fullmatch(text)
        if match is None:
            self.add(
                f"'{text}' is not a year; write a four-digit year such as 2021.", line=row.line, field=column
            )
            return None
        return int(match.group(1))

    def choice(self, row: Row, column: str, allowed: Mapping[str, str]) -> str | None:
        """The value ``allowed`` maps ``row[column]`` to; ``None`` after a problem naming the valid values."""
        text = row[column].strip()
        if text in allowed:
            return allowed[text]
        valid = ", ".join(f"'{value}'" for value in sorted(allowed))
        self.add(f"'{text}' is not one of the expected values ({valid}).", line=row.line, field=column)
        return None


class UniqueKeys:
    """Detects rows that repeat a key already seen in the same file."""

    def __init__(self, log: ProblemLog, *, columns: Sequence[str]) -> None:
        self._log = log
        self._columns = tuple(columns)
        self._seen: dict[Hashable, int] = {}

    def add(self, key: Hashable, row: Row) -> bool:
        """Remember ``key``; record a problem and return False when it was seen before."""
        first = self._seen.setdefault(key, row.line)
        if first == row.line:
            return True
        names = ", ".join(self._columns)
        self._log.add(
            f"Duplicate row: the key ({names}) = {key!r} already appears on line {first}. "
            "Remove one of the two rows.",
            line=row.line,
            field=self._columns[0],
        )
        return False


def parse_number(text: str) -> float | Missing:
    """Parse a statistical cell: ``1,234.5``, ``-3``, ``2.5e3``; suppression markers give :class:`Missing`.

    Raises :class:`ValueError` with a message for the user when the cell holds text.
    """
    cell = text.strip()
    if cell and (cell[0].isdigit() or cell[0] in "+-.") and "_" not in cell and "," not in cell:
        try:
            value = float(cell)
        except ValueError:
            pass
        else:
            if math.isfinite(value):
                return value
    if not cell:
        return Missing("empty cell in the source")
    if cell in SUPPRESSED_MARKERS:
        return Missing(SUPPRESSED_MARKERS[cell])
    if _THOUSANDS.match(cell):
        return float(cell.replace(",", ""))
    markers = ", ".join(f"'{marker}'" for marker in SUPPRESSED_MARKERS)
    raise ValueError(
        f"'{cell}' is not a number; write a number such as 1234 or 1,234.5, "
        f"leave the cell empty, or use one of {markers} for a value that is not given."
    )


def decode(data: bytes, *, file: str) -> tuple[str, str]:
    """Decode file bytes as UTF-8 (with or without BOM) or CP949/EUC-KR; return (text, encoding).

    Raises :class:`DataError` when no encoding fits, or when a UTF-8 file ends inside a character
    (which means the file was cut short).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as error:
            raise DataError([_undecodable(error, data, file=file, bom=True)]) from error
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            raise DataError([_undecodable(error, data, file=file, bom=False)]) from error
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError as error:
        raise DataError([_undecodable(error, data, file=file, bom=False)]) from error


def _undecodable(error: UnicodeDecodeError, data: bytes, *, file: str, bom: bool) -> Problem:
    line = data.count(b"\n", 0, error.start) + 1
    if error.reason == "unexpected end of data":
        message = (
            "The file ends in the middle of a UTF-8 character, so it was cut short (truncated). "
            "Download or copy the file again."
        )
    elif bom:
        message = (
            f"The file starts with a UTF-8 byte-order mark but byte {error.start} is not valid UTF-8. "
            "Save the file again as UTF-8."
        )
    else:
        message = (
            f"The file is neither UTF-8 nor CP949/EUC-KR (byte {error.start} cannot be decoded). "
            "Save it as UTF-8 (or as CP949/EUC-KR, which Korean official exports use)."
        )
    return Problem(message, file=file, line=line)


def read_table(path: Path, *, columns: Sequence[str], delimiter: str = ",") -> Table:
    """Read and decode a CSV file, checking that every column in ``columns`` is present in its header.

    Extra columns are allowed. Rows whose width differs from the header's (a sign of a truncated or
    damaged file) are all reported. Blank lines are skipped.
    """
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataError(
            [Problem(f"The file cannot be read ({error.strerror}). Check the path.", file=file)]
        ) from error
    text, encoding = decode(data, file=file)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    log = ProblemLog(file)
    try:
        header = tuple(cell.strip() for cell in next(reader))
    except StopIteration:
        header = ()
    except csv.Error as error:
        raise DataError(
            [Problem(f"The header line is not valid CSV ({error}).", file=file, line=1)]
        ) from error
    if not header:
        expected = ", ".join(columns)
        raise DataError(
            [Problem(f"The file is empty; expected a header with the columns {expected}.", file=file)]
        )
    present = set(header)
    for column in columns:
        if column not in present:
            log.add(
                f"Required column '{column}' is missing from the header (found: {', '.join(header)}). "
                "Rename or add the column.",
                line=1,
                field=column,
            )
    for name in sorted({name for name in header if header.count(name) > 1}):
        log.add(f"Column '{name}' appears more than once in the header.", line=1, field=name)
    log.raise_if_any()
    rows: list[Row] = []
    previous_end = reader.line_num
    try:
        for cells in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if not cells or all(not cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                log.add(
                    f"The row has {len(cells)} fields but the header has {len(header)}; "
                    "the file may be truncated or a value may contain an unquoted delimiter.",
                    line=start,
                )
                continue
            rows.append(Row(line=start, cells=dict(zip(header, cells, strict=True))))
    except csv.Error as error:
        log.add(f"The file is not valid CSV ({error}); it may be truncated.", line=reader.line_num)
    log.raise_if_any()
    return Table(file=file, header=header, rows=tuple(rows), encoding=encoding)
