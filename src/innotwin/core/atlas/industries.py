"""Industry classifications harmonised to ISIC Rev.4 divisions.

* **UK SIC 2007** divisions are ISIC Rev.4 divisions: UK SIC 2007 follows NACE Rev.2 to four digits, and
  NACE Rev.2 is identical to ISIC Rev.4 at section and division level (88 divisions). A test checks every
  UK division code and its section against the ISIC labels.
* **KSIC 10th revision** divisions map to ISIC through the reviewed bridge
  ``reference/ksic10_isic4_bridge.csv`` (derived, not the official KOSTAT 연계표; the review is in
  ``docs/data/ksic-isic-bridge.md``). Each link is ``full`` (the KSIC division lies inside one ISIC
  division), ``part`` (the KSIC division is the union of whole ISIC divisions), or ``secondary`` (a small
  overlap documented but not used for harmonisation).
* **KSIC 11th revision** keeps the 77 division codes of the 10th; the division-level bridge applies to it
  unchanged (class moves between divisions 20/21, 63/60 and 65/84 are noted in the bridge).
* **Harmonised groups**: a KSIC division with ``part`` links spans several ISIC divisions with no dominant
  one (for example KSIC 41 general construction = ISIC 41 + 42). Values for such a division can only be
  compared with the sum of those ISIC divisions, so the comparison unit is the *group* ``41+42``. Every
  other ISIC division is its own group. UK values are summed to the same groups.
* **GVA sectors**: the 25-sector grouping of Korean regional accounts (KOSIS), defined on KSIC and
  translated to ISIC divisions through the bridge, so that UK GVA by industry can be summed to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from innotwin.core.atlas.reference import read_reference
from innotwin.core.errors import DataError, NotFoundError, Problem

__all__ = [
    "GVA25_CLASSIFICATION",
    "ISIC4_CLASSIFICATION",
    "KSIC10_CLASSIFICATION",
    "SIC2007_CLASSIFICATION",
    "BridgeLink",
    "GvaSector",
    "IndustryGroup",
    "IsicLabels",
    "gva_sectors",
    "harmonised_group_of_isic4",
    "harmonised_group_of_ksic",
    "harmonised_groups",
    "isic4_divisions",
    "ksic10_bridge",
    "merge_into_targets",
    "ons_gva_industry_divisions",
    "sic2007_division_to_isic4",
]

ISIC4_CLASSIFICATION = "isic4"
"""Industry classification tag of harmonised groups of ISIC Rev.4 divisions."""
KSIC10_CLASSIFICATION = "ksic10"
SIC2007_CLASSIFICATION = "uk-sic2007"
GVA25_CLASSIFICATION = "kosis-gva25"
"""Industry classification tag of the 25 GVA sectors (and merged sectors such as ``S06+S07``)."""

_LINKS = ("full", "part", "secondary")


@dataclass(frozen=True, kw_only=True, slots=True)
class BridgeLink:
    """One reviewed link from a KSIC 10th-revision division to an ISIC Rev.4 division."""

    ksic_division: str
    ksic_section: str
    ksic_name_ko: str
    isic_division: str
    link: str
    harmonised_group: str
    decision: str
    note: str


@dataclass(frozen=True, kw_only=True, slots=True)
class IsicLabels:
    """English labels of ISIC Rev.4 sections and divisions, and the section of each division."""

    sections: Mapping[str, str]
    divisions: Mapping[str, str]
    section_of: Mapping[str, str]


@dataclass(frozen=True, kw_only=True, slots=True)
class IndustryGroup:
    """A comparison unit: one ISIC division, or the smallest union of divisions a KSIC division needs."""

    code: str
    isic_divisions: tuple[str, ...]
    sections: str
    """ISIC section letters, joined with ``+`` when the group spans sections (``53+61`` is ``H+J``)."""
    name_en: str
    name_ko: str
    ksic_divisions: tuple[str, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class GvaSector:
    """One of the 25 sectors of Korean regional accounts, with its KSIC and ISIC divisions."""

    code: str
    name_en: str
    name_ko: str
    ksic_definition: str
    ksic_divisions: tuple[str, ...]
    isic_divisions: frozenset[str]
    note: str


@cache
def ksic10_bridge() -> tuple[BridgeLink, ...]:
    """The reviewed KSIC10→ISIC4 division bridge, validated (every KSIC division has one group)."""
    table = read_reference(
        "ksic10_isic4_bridge.csv",
        columns=(
            "ksic10_division",
            "ksic10_section",
            "ksic10_name_ko",
            "isic4_division",
            "link",
            "harmonised_group",
            "decision",
            "note",
        ),
    )
    problems: list[Problem] = []
    links: list[BridgeLink] = []
    for row in table:
        if row["link"] not in _LINKS:
            problems.append(
                Problem(
                    f"link must be one of {', '.join(_LINKS)}", file=table.file, line=row.line, field="link"
                )
            )
        links.append(
            BridgeLink(
                ksic_division=row["ksic10_division"],
                ksic_section=row["ksic10_section"],
                ksic_name_ko=row["ksic10_name_ko"],
                isic_division=row["isic4_division"],
                link=row["link"],
                harmonised_group=row["harmonised_group"],
                decision=row["decision"],
                note=row["note"],
            )
        )
    problems.extend(_bridge_problems(links, file=table.file))
    if problems:
        raise DataError(problems)
    return tuple(links)


def _bridge_problems(links: list[BridgeLink], *, file: str) -> list[Problem]:
    """Consistency rules of the bridge: link kinds per KSIC division, one group per ISIC division."""
    problems = []
    for division in sorted({link.ksic_division for link in links}):
        rows = [link for link in links if link.ksic_division == division]
        kinds = [link.link for link in rows]
        expected = "+".join(sorted(link.isic_division for link in rows if link.link != "secondary"))
        if not (kinds.count("full") == 1 and "part" not in kinds) and not (
            "full" not in kinds and kinds.count("part") >= 2
        ):
            problems.append(
                Problem(
                    f"KSIC division {division} needs exactly one 'full' link or at least two 'part' links.",
                    file=file,
                    field="link",
                )
            )
        if any(link.harmonised_group != expected for link in rows):
            problems.append(
                Problem(
                    f"KSIC division {division}: harmonised_group must be its full and part ISIC divisions "
                    f"joined with '+' ({expected or 'none'}).",
                    file=file,
                    field="harmonised_group",
                )
            )
    groups: dict[str, set[str]] = {}
    for link in links:
        if link.link != "secondary":
            groups.setdefault(link.isic_division, set()).add(link.harmonised_group)
    for isic, found in sorted(groups.items()):
        if len(found) > 1:
            problems.append(
                Problem(
                    f"ISIC division {isic} is in several groups ({', '.join(sorted(found))}); "
                    "make the KSIC links that reach it agree.",
                    file=file,
                    field="harmonised_group",
                )
            )
    return problems


@cache
def _group_of_isic() -> Mapping[str, str]:
    groups: dict[str, str] = {}
    for link in ksic10_bridge():
        if link.link != "secondary":
            groups[link.isic_division] = link.harmonised_group
    return groups


@cache
def isic4_divisions() -> frozenset[str]:
    """The 88 ISIC Rev.4 divisions (every one is reached by the reviewed bridge)."""
    return frozenset(_group_of_isic())


def harmonised_group_of_isic4(division: str) -> str:
    """The harmonised group an ISIC Rev.4 (or UK SIC 2007) division belongs to: ``42`` → ``41+42``."""
    return _group_of_isic().get(division, division)


def harmonised_group_of_ksic(division: str) -> str:
    """The harmonised group of a KSIC 10th- or 11th-revision division: ``41`` → ``41+42``."""
    for link in ksic10_bridge():
        if link.ksic_division == division:
            return link.harmonised_group
    raise NotFoundError(f"'{division}' is not a KSIC 10th-revision division (two digits, such as '26').")


def sic2007_division_to_isic4(division: str, *, labels: IsicLabels) -> str:
    """The ISIC Rev.4 division of a UK SIC 2007 division: the same code, checked against ISIC."""
    if division not in labels.divisions:
        raise NotFoundError(
            f"'{division}' is not a SIC 2007 / ISIC Rev.4 division (two digits, such as '62')."
        )
    return division


def harmonised_groups(*, labels: IsicLabels) -> tuple[IndustryGroup, ...]:
    """Every harmonised group, covering each ISIC Rev.4 division exactly once, with names.

    English names are ISIC division labels (joined with ``; `` for groups). Korean names come from KSIC:
    the KSIC division name where one KSIC division maps to the group, otherwise the names of the KSIC
    divisions that fall wholly inside it, joined with ``; ``.
    """
    members: dict[str, list[str]] = {}
    for division in sorted(labels.divisions):
        members.setdefault(harmonised_group_of_isic4(division), []).append(division)
    ksic_names: dict[str, dict[str, str]] = {}
    for link in ksic10_bridge():
        if link.link != "secondary":
            ksic_names.setdefault(link.harmonised_group, {})[link.ksic_division] = link.ksic_name_ko
    groups = []
    for code, divisions in sorted(members.items(), key=lambda item: item[1][0]):
        names = ksic_names.get(code, {})
        groups.append(
            IndustryGroup(
                code=code,
                isic_divisions=tuple(divisions),
                sections="+".join(dict.fromkeys(labels.section_of[division] for division in divisions)),
                name_en="; ".join(labels.divisions[division] for division in divisions),
                name_ko="; ".join(names.values()),
                ksic_divisions=tuple(names),
            )
        )
    return tuple(groups)


def _ksic_divisions_of(definition: str, *, file: str, line: int) -> tuple[str, ...]:
    """KSIC divisions of a sector definition such as ``A``, ``C10-C12`` or ``C26``."""
    bridge = ksic10_bridge()
    match = re.fullmatch(r"([A-U])(?:(\d{2})(?:-[A-U]?(\d{2}))?)?", definition.strip())
    if match is None:
        raise DataError(
            [
                Problem(
                    f"'{definition}' is not a KSIC section or division range such as C10-C12.",
                    file=file,
                    line=line,
                )
            ]
        )
    section, first, last = match.groups()
    divisions = sorted({link.ksic_division for link in bridge if link.ksic_section == section})
    if first is not None:
        end = last or first
        divisions = [division for division in divisions if first <= division <= end]
    if not divisions:
        raise DataError(
            [Problem(f"'{definition}' names no KSIC 10th-revision division.", file=file, line=line)]
        )
    return tuple(divisions)


@cache
def gva_sectors() -> tuple[GvaSector, ...]:
    """The 25 KOSIS regional-accounts sectors, each with the ISIC divisions the bridge assigns to it."""
    table = read_reference(
        "gva_sectors.csv", columns=("code", "name_ko", "name_en", "ksic10", "extra_isic4", "note")
    )
    bridge = ksic10_bridge()
    sectors = []
    for row in table:
        ksic = _ksic_divisions_of(row["ksic10"], file=table.file, line=row.line)
        isic = {
            link.isic_division for link in bridge if link.ksic_division in ksic and link.link != "secondary"
        }
        isic.update(row["extra_isic4"].split())
        sectors.append(
            GvaSector(
                code=row["code"],
                name_en=row["name_en"],
                name_ko=row["name_ko"],
                ksic_definition=row["ksic10"],
                ksic_divisions=ksic,
                isic_divisions=frozenset(isic),
                note=row["note"],
            )
        )
    return tuple(sectors)


@cache
def ons_gva_industry_divisions(code: str) -> frozenset[str] | None:
    """ISIC divisions covered by an industry code of the ONS regional GVA tables, or None.

    ``CA (10-12)`` → 10, 11, 12; ``2-3`` → 02, 03; ``AB (1-9)`` → 01-03, 05-09 (ISIC has no 04). Codes
    that are not a division range
    (``Total``, ``A-E``, ``G-T``, ``68IMP`` — imputed rent, a part of 68) give None.
    """
    match = re.fullmatch(
        r"(?:[A-Z]{1,2}(?:-[A-Z]{2})? \((\d{1,2})(?:-(\d{1,2}))?\))|(?:(\d{1,2})(?:-(\d{1,2}))?)", code
    )
    if match is None:
        return None
    first, last = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    start, end = int(first), int(last or first)
    return frozenset(f"{number:02d}" for number in range(start, end + 1)) & isic4_divisions()


def merge_into_targets(
    *,
    targets: Mapping[str, frozenset[str]],
    available: Mapping[str, frozenset[str]],
) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """Express ``targets`` (code → divisions) with ``available`` codes (code → divisions), coarsening.

    Returns ``(target_codes, available_codes)`` pairs: a target that an available code matches exactly
    is paired with it alone; the rest are built from the finest available codes, and targets that share
    an available code are merged (at ITL3 the ONS code ``CD-CG (19-23)`` spans sectors S06 and S07, which
    become ``S06+S07``). A pair is left out when the available codes do not cover its divisions exactly.
    The available codes must nest (any two are disjoint or one contains the other), as ONS codes do.
    """
    exact: dict[frozenset[str], str] = {}
    for code, divisions in sorted(available.items(), key=lambda item: _preference(item[0])):
        exact.setdefault(divisions, code)
    pairs: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    remaining: dict[str, frozenset[str]] = {}
    for target, divisions in targets.items():
        if divisions in exact:
            pairs.append(((target,), (exact[divisions],)))
        else:
            remaining[target] = divisions
    parent = {target: target for target in remaining}

    def root(code: str) -> str:
        while parent[code] != code:
            code = parent[code]
        return code

    touching: dict[str, list[str]] = {}
    for leaf in _finest_partition(available):
        touched = [target for target, divisions in remaining.items() if divisions & available[leaf]]
        if touched:
            touching[leaf] = touched
            for other in touched[1:]:
                parent[root(other)] = root(touched[0])
    components: dict[str, list[str]] = {}
    for target in remaining:
        components.setdefault(root(target), []).append(target)
    for component, members in components.items():
        union = frozenset().union(*(remaining[target] for target in members))
        used = sorted(leaf for leaf, touched in touching.items() if root(touched[0]) == component)
        covered = frozenset().union(*(available[leaf] for leaf in used))
        if used and covered == union:
            pairs.append((tuple(sorted(members)), tuple(used)))
    return tuple(sorted(pairs))


def _preference(code: str) -> tuple[int, str]:
    """Prefer codes with a section prefix (``L (68)``) over bare ranges (``68``) for the same divisions."""
    return (0 if "(" in code else 1, code)


def _finest_partition(available: Mapping[str, frozenset[str]]) -> list[str]:
    chosen: list[str] = []
    taken: set[str] = set()
    for code, divisions in sorted(available.items(), key=lambda item: (len(item[1]), *_preference(item[0]))):
        if not divisions & taken:
            chosen.append(code)
            taken.update(divisions)
    return chosen
