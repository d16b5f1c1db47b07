"""Build the committed policy-priority table of city-pair discovery from the shared data folder.

Reads ``partnerships_uk_kr/city_innovation_strategy_priorities.csv`` (hand-written paraphrases of city
innovation strategies, each with its source addresses) and writes
``src/innotwin/discovery/data/policy_priorities.csv``: one row per strategy document with the atlas region
it is about, the collaboration themes (ids of ``innotwin/core/pairing/themes.yaml``) its priorities name,
and the source addresses. Only derived facts are kept: no text of the shared file is copied.

    python scripts/build_policy_priorities.py                 # read INNOTWIN_SHARED_DATA or ../shared/data
    python scripts/build_policy_priorities.py --check         # exit 1 if the committed table is out of date

Two explicit rules, both written below and in docs/discovery.md:

* ``PLACES`` maps each place of the source file to the atlas region the pairing engine scores (UK ITL2,
  Korean sido), with the reason where the areas differ;
* ``KEYWORDS`` maps words of the document title and priorities to themes (whole words, case folded).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = Path("partnerships_uk_kr") / "city_innovation_strategy_priorities.csv"
TARGET = REPO / "src" / "innotwin" / "discovery" / "data" / "policy_priorities.csv"
COLUMNS = ("region_code", "place", "region_basis", "document", "tags", "source_urls")

#: Place in the source file → (atlas region code, why that region).
PLACES = {
    "Liverpool City Region": (
        "TLD7",
        "ITL2 Merseyside; the combined authority also includes Halton, which ITL2 puts in Cheshire",
    ),
    "West Midlands": (
        "TLG3",
        "ITL2 West Midlands: the seven metropolitan boroughs of the combined authority",
    ),
    "Glasgow City Region": (
        "TLM8",
        "ITL2 West Central Scotland; South Lanarkshire, part of the city region, is in Southern Scotland",
    ),
    "Belfast": ("TLN0", "ITL2 Northern Ireland, which holds Belfast"),
    "Belfast Region": ("TLN0", "ITL2 Northern Ireland, which holds the Belfast Region City Deal councils"),
    "Busan": ("KR-26", "Busan Metropolitan City"),
    "Daegu": ("KR-27", "Daegu Metropolitan City"),
    "Ulsan": ("KR-31", "Ulsan Metropolitan City"),
    "Sejong": ("KR-50", "Sejong Special Self-Governing City"),
}

#: Theme id → patterns (regular expressions, whole words, case folded) that name it.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "maritime_ports": (r"maritime", r"ships?", r"ports?", r"marine"),
    "advanced_manufacturing": (
        r"manufacturing",
        r"materials?",
        r"engineering",
        r"chemistry",
        r"chemical",
        r"semiconductors?",
        r"batter(y|ies)",
        r"robots?",
        r"nanofabrication",
    ),
    "digital_cyber": (
        r"digital",
        r"ict",
        r"ai",
        r"artificial intelligence",
        r"computing",
        r"5g",
        r"informatics",
        r"big data",
        r"blockchain",
        r"quantum",
        r"ar/vr",
    ),
    "net_zero_clean_energy": (
        r"net zero",
        r"clean growth",
        r"clean energy",
        r"energy",
        r"battery storage",
        r"eco-friendly",
    ),
    "health_life_sciences": (
        r"health\w*",
        r"medic\w*",
        r"med tech",
        r"life sciences",
        r"infection",
    ),
    "mobility": (
        r"mobility",
        r"vehicles?",
        r"cars?",
        r"evs?",
        r"uam",
        r"autonomous",
        r"self-driving",
        r"rail",
        r"drones?",
    ),
    "creative_industries": (r"creative", r"gaming", r"content production"),
    "fintech": (r"fintech", r"financial services", r"blockchain payments"),
    "space_satellites": (r"space", r"satellites?"),
    "smart_cities": (r"smart cit(y|ies)", r"smart water", r"living labs?", r"digital twin", r"urban"),
    "hydrogen": (r"hydrogen", r"ammonia"),
}
_PATTERNS = {
    theme: re.compile(r"\b(" + "|".join(words) + r")\b", re.IGNORECASE) for theme, words in KEYWORDS.items()
}


def themes_named(text: str) -> list[str]:
    """The themes whose keywords occur in ``text``, in the order of ``KEYWORDS``."""
    return [theme for theme, pattern in _PATTERNS.items() if pattern.search(text)]


def build(shared: Path) -> str:
    """The table as CSV text (deterministic: same input, same bytes)."""
    with (shared / SOURCE).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    unknown = sorted({row["place"] for row in rows} - set(PLACES))
    if unknown:
        raise SystemExit(f"{shared / SOURCE}: places without a region in PLACES: {unknown}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in sorted(rows, key=lambda r: (PLACES[r["place"]][0], r["document_or_programme"])):
        text = f"{row['document_or_programme']} {row['priorities_short_summary']}"
        urls = " ".join(url.strip() for url in row["source_urls"].split(";") if url.strip())
        code, basis = PLACES[row["place"]]
        writer.writerow(
            (code, row["place"], basis, row["document_or_programme"], ";".join(themes_named(text)), urls)
        )
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("INNOTWIN_SHARED_DATA", str(REPO.parent / "shared" / "data"))
    parser.add_argument("--shared", type=Path, default=Path(default), help="the shared data folder")
    parser.add_argument("--check", action="store_true", help="only check that the committed table is current")
    args = parser.parse_args()
    text = build(args.shared)
    if args.check:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET} is out of date: run scripts/build_policy_priorities.py", file=sys.stderr)
            raise SystemExit(1)
        print(f"{TARGET} is up to date")
        return
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
