"""The two small committed tables city-pair discovery reads besides the atlas.

* ``data/policy_priorities.csv`` — collaboration themes named by each region's published innovation
  strategies, one row per document with its source addresses; built by
  ``scripts/build_policy_priorities.py`` from the shared data folder (rules in ``docs/discovery.md``).
* ``data/governance.csv`` — capital status, urban tier and authority type of every UK ITL2 region and
  Korean sido, each row with its basis (hand-maintained; the coding rules are in ``docs/discovery.md``).

A region missing from a table has nothing recorded: the pairing engine leaves the dimension out.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from innotwin.core.errors import DataError, Problem

DATA_DIR = Path(__file__).with_name("data")
POLICY_FILE = DATA_DIR / "policy_priorities.csv"
GOVERNANCE_FILE = DATA_DIR / "governance.csv"


@dataclass(frozen=True)
class PolicyDocument:
    """One strategy document of a region and the themes its priorities name."""

    place: str
    document: str
    tags: tuple[str, ...]
    urls: tuple[str, ...]


@dataclass(frozen=True)
class Governance:
    """Capital status, urban tier (1 = the capital) and authority type of a region, with the basis."""

    capital: bool
    tier: int
    authority: str
    basis: str


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def policy_documents() -> dict[str, tuple[PolicyDocument, ...]]:
    """Region code → its strategy documents, in file order."""
    documents: dict[str, list[PolicyDocument]] = {}
    for row in _rows(POLICY_FILE):
        documents.setdefault(row["region_code"], []).append(
            PolicyDocument(
                place=row["place"],
                document=row["document"],
                tags=tuple(tag for tag in row["tags"].split(";") if tag),
                urls=tuple(row["source_urls"].split()),
            )
        )
    return {code: tuple(items) for code, items in documents.items()}


def policy_tags(code: str) -> frozenset[str]:
    """The themes any strategy document of the region names; empty when none is recorded."""
    return frozenset(tag for document in policy_documents().get(code, ()) for tag in document.tags)


@cache
def governance() -> dict[str, Governance]:
    """Region code → its governance attributes."""
    table: dict[str, Governance] = {}
    problems: list[Problem] = []
    for line, row in enumerate(_rows(GOVERNANCE_FILE), start=2):
        if row["capital"] not in ("true", "false") or not row["tier"].isdigit() or not row["authority"]:
            problems.append(
                Problem(
                    "capital must be true or false, tier a whole number, authority given",
                    str(GOVERNANCE_FILE),
                    line,
                )
            )
            continue
        table[row["region_code"]] = Governance(
            capital=row["capital"] == "true",
            tier=int(row["tier"]),
            authority=row["authority"],
            basis=row["basis"],
        )
    if problems:
        raise DataError(problems)
    return table


@cache
def tables_digest() -> str:
    """A digest of both tables' contents, part of the discovery cache key."""
    digest = hashlib.sha256()
    for path in (POLICY_FILE, GOVERNANCE_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
