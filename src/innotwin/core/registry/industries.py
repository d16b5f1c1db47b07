"""Industry codes an organisation gives (UK SIC 2007, KSIC, ISIC), harmonised to ISIC Rev.4.

An organisation says what it does in its own country's classification: a UK company in UK SIC 2007
(``62012``), a Korean one in KSIC (``58221``). To compare them, every code is mapped to the harmonised
ISIC Rev.4 group of :mod:`innotwin.core.atlas.industries` — UK SIC 2007 divisions *are* ISIC divisions;
KSIC divisions go through the reviewed bridge (KSIC ``41`` general construction → group ``41+42``).

In an import file a code is written ``SCHEME:CODE`` (``SIC:62012``, ``KSIC:58221``, ``ISIC:62``) or as bare
digits, which are read in the classification of the organisation's country (UK SIC for GB, KSIC for KR).
Several codes are separated by ``;``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from innotwin.core.atlas.industries import harmonised_group_of_isic4, harmonised_group_of_ksic
from innotwin.core.errors import NotFoundError
from innotwin.core.registry.i18n import _

__all__ = [
    "ISIC4_DIVISIONS",
    "ISIC4_SECTIONS",
    "SCHEMES",
    "IndustryCode",
    "groups_in_section",
    "parse_industry",
    "parse_industry_list",
    "sections_of_group",
]

SCHEMES: Mapping[str, str] = {
    "sic": "uk-sic2007",
    "sic2007": "uk-sic2007",
    "uksic": "uk-sic2007",
    "ksic": "ksic10",
    "ksic10": "ksic10",
    "ksic11": "ksic10",
    "isic": "isic4",
    "isic4": "isic4",
}
"""Scheme prefixes accepted in files → the classification they name (KSIC 11 keeps KSIC 10's divisions)."""

_DEFAULT_SCHEME = {"GB": "uk-sic2007", "KR": "ksic10"}

_SECTION_RANGES = (
    ("A", 1, 3),
    ("B", 5, 9),
    ("C", 10, 33),
    ("D", 35, 35),
    ("E", 36, 39),
    ("F", 41, 43),
    ("G", 45, 47),
    ("H", 49, 53),
    ("I", 55, 56),
    ("J", 58, 63),
    ("K", 64, 66),
    ("L", 68, 68),
    ("M", 69, 75),
    ("N", 77, 82),
    ("O", 84, 84),
    ("P", 85, 85),
    ("Q", 86, 88),
    ("R", 90, 93),
    ("S", 94, 96),
    ("T", 97, 98),
    ("U", 99, 99),
)
_NOT_DIVISIONS = frozenset({4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89})
ISIC4_SECTIONS: Mapping[str, tuple[str, ...]] = {
    letter: tuple(f"{number:02d}" for number in range(first, last + 1) if number not in _NOT_DIVISIONS)
    for letter, first, last in _SECTION_RANGES
}
"""The 21 ISIC Rev.4 sections and their 88 divisions (the structure of the UN classification)."""
ISIC4_DIVISIONS: Mapping[str, str] = {
    division: letter for letter, divisions in ISIC4_SECTIONS.items() for division in divisions
}
"""ISIC Rev.4 division → its section letter."""

_CODE = re.compile(r"^(?:(?P<scheme>[A-Za-z]+\d*)\s*[:\s]\s*)?(?P<code>\d{2,6})$")
_DORMANT = "99999"


@dataclass(frozen=True, slots=True)
class IndustryCode:
    """A code as the organisation gave it, and the harmonised ISIC group it falls in."""

    scheme: str
    code: str
    isic_group: str

    @property
    def sections(self) -> tuple[str, ...]:
        return sections_of_group(self.isic_group)

    def __str__(self) -> str:
        return f"{self.scheme}:{self.code}"


def sections_of_group(group: str) -> tuple[str, ...]:
    """ISIC section letters of a harmonised group: ``41+42`` → ``('F',)``, ``53+61`` → ``('H', 'J')``."""
    return tuple(dict.fromkeys(ISIC4_DIVISIONS[division] for division in group.split("+")))


def groups_in_section(section: str, groups: set[str] | frozenset[str]) -> set[str]:
    """Those of ``groups`` that have a division in ISIC section ``section``."""
    return {group for group in groups if section in sections_of_group(group)}


def parse_industry(text: str, *, country: str | None = None) -> IndustryCode:
    """One code such as ``SIC:62012``, ``KSIC:58221``, ``ISIC:62`` or bare digits read for ``country``.

    Raises :class:`NotFoundError` (a ``LookupError``) with a message saying what is wrong.
    """
    match = _CODE.match(text.strip())
    if match is None:
        raise NotFoundError(
            _("'{text}' is not an industry code; write it as SIC:62012, KSIC:58221 or ISIC:62.").format(
                text=text.strip()
            )
        )
    prefix, code = match.group("scheme"), match.group("code")
    if prefix is not None:
        scheme = SCHEMES.get(prefix.lower())
        if scheme is None:
            raise NotFoundError(
                _("'{prefix}' is not a known classification; use SIC, KSIC or ISIC.").format(prefix=prefix)
            )
    else:
        scheme = _DEFAULT_SCHEME.get(country or "")
        if scheme is None:
            raise NotFoundError(
                _("Write the code '{code}' with its classification, as SIC:{code} or KSIC:{code}.").format(
                    code=code
                )
            )
    if code == _DORMANT and scheme == "uk-sic2007":
        raise NotFoundError(_("99999 is Companies House's mark for a dormant company, not an industry."))
    division = code[:2]
    if scheme == "ksic10":
        try:
            group = harmonised_group_of_ksic(division)
        except NotFoundError:
            raise NotFoundError(
                _("'{code}' is not a KSIC code: KSIC has no division {division}.").format(
                    code=code, division=division
                )
            ) from None
    else:
        if division not in ISIC4_DIVISIONS:
            name = "UK SIC 2007" if scheme == "uk-sic2007" else "ISIC Rev.4"
            raise NotFoundError(
                _("'{code}' is not a {name} code: there is no division {division}.").format(
                    code=code, name=name, division=division
                )
            )
        group = harmonised_group_of_isic4(division)
    return IndustryCode(scheme=scheme, code=code, isic_group=group)


def parse_industry_list(text: str, *, country: str | None = None) -> tuple[IndustryCode, ...]:
    """Codes separated by ``;`` (or ``,``), each read with :func:`parse_industry`; duplicates dropped."""
    codes: dict[tuple[str, str], IndustryCode] = {}
    for part in re.split(r"[;,\n]", text):
        if part.strip():
            parsed = parse_industry(part, country=country)
            codes.setdefault((parsed.scheme, parsed.code), parsed)
    return tuple(codes.values())
