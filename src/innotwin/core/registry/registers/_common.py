"""What every register reader shares: opening the file, checking its columns, counting skipped rows."""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from innotwin.core.errors import DataError, NotFoundError, Problem
from innotwin.core.registry.records import OrganisationRecord
from innotwin.core.registry.regions import RegionIndex, RegionRef
from innotwin.core.registry.validate import clean_website

__all__ = ["RegisterReader", "header_of", "open_register", "place_uk_point"]

UK_POINT_MAX_KM = 20.0
"""A UK point is placed in the local authority district (or, failing that, combined authority) whose
centroid is nearest, if that centroid is at most this far away."""


def open_register(path: Path) -> io.TextIOBase:
    """``path`` opened as UTF-8 text (a ``.gz`` file is unpacked as it is read)."""
    if not path.is_file():
        raise NotFoundError(f"The register file {path} does not exist.")
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig", newline="")
    return open(path, encoding="utf-8-sig", newline="")


def header_of(path: Path) -> tuple[str, ...]:
    """The column names in the first line of ``path``."""
    try:
        with open_register(path) as handle:
            return tuple(name.strip() for name in next(csv.reader(handle), []))
    except (UnicodeDecodeError, gzip.BadGzipFile, EOFError) as exc:
        raise DataError([Problem(f"The file cannot be read as UTF-8 CSV ({exc}).", file=str(path))]) from None


def place_uk_point(regions: RegionIndex, latitude: float, longitude: float) -> RegionRef | None:
    """The UK region a point lies in, approximately: see :data:`UK_POINT_MAX_KM`."""
    for level in ("uk-lad", "uk-combined-authority"):
        region = regions.nearest(latitude, longitude, country="GB", levels=(level,), max_km=UK_POINT_MAX_KM)
        if region is not None:
            return region
    return None


def number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


class RegisterReader:
    """Base of the register readers: iterate to get records; ``skipped`` counts rows left out, by reason."""

    source: str = ""
    """Key stored with each organisation, with its register number: re-importing updates, never duplicates."""
    columns: Sequence[str] = ()

    def __init__(self, path: Path, *, regions: RegionIndex) -> None:
        self.path = Path(path)
        self.regions = regions
        self.skipped: Counter[str] = Counter()
        self.unknown_industries: Counter[str] = Counter()
        header = header_of(self.path)
        missing = [column for column in self.columns if column not in header]
        if missing:
            raise DataError(
                [
                    Problem(
                        f"The file lacks the column{'s' if len(missing) > 1 else ''} {', '.join(missing)} "
                        f"of a {self.source} register; is it the right file?",
                        file=self.path.name,
                        line=1,
                    )
                ]
            )

    def __iter__(self) -> Iterator[OrganisationRecord]:
        with open_register(self.path) as handle:
            reader = csv.DictReader(handle)
            try:
                for row in reader:
                    record = self.record(reader.line_num, {k: (v or "").strip() for k, v in row.items() if k})
                    if record is not None:
                        yield record
            except UnicodeDecodeError as exc:
                raise DataError(
                    [
                        Problem(
                            f"The file is not UTF-8 text ({exc.reason}).",
                            file=self.path.name,
                            line=reader.line_num,
                        )
                    ]
                ) from None

    def record(self, line: int, row: dict[str, str]) -> OrganisationRecord | None:
        """The record of one row, or ``None`` after counting why it is skipped."""
        raise NotImplementedError

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    @staticmethod
    def website(text: str) -> str:
        return clean_website(text) or ""
