"""Validating the rows of an organisation import: every problem, by row and field, before anything is stored.

:func:`validate_rows` reads a :class:`Sheet` through a column mapping and returns a
:class:`ValidationReport`: the valid :class:`OrganisationRecord` of every row, and a :class:`Problem` for
each thing wrong, located by row number (as the spreadsheet shows it) and by the file's own column
header. An import stores its rows only when the report has no problem at all (all-or-nothing).

Rules (the person-facing version is in ``docs/registry.md``):

* a name in English or in Korean (at most 200 characters each), a type and a region are required;
* the region must be one the database knows, named by code or by an unambiguous name, and one the
  importing person may import into (``may_import_into``);
* industry codes must exist in their classification (:mod:`.industries`);
* two rows of the file, or a row and a stored organisation, may not share a register number, nor a name
  in the same region unless both have register numbers and they differ (two companies may share a name);
* texts are limited in length; websites must be ``http`` or ``https`` addresses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from innotwin.core.errors import Problem
from innotwin.core.registry.i18n import _
from innotwin.core.registry.industries import IndustryCode, parse_industry_list
from innotwin.core.registry.records import OrganisationRecord
from innotwin.core.registry.regions import RegionIndex
from innotwin.core.registry.schema import ColumnMapping
from innotwin.core.registry.tabular import Sheet
from innotwin.core.registry.vocabulary import (
    ORGANISATION_TYPES,
    SIZE_BANDS,
    TEXT_ORIGINS,
    lookup_key,
    resolve_term,
)

__all__ = [
    "MAX_DESCRIPTION",
    "MAX_KEYWORD",
    "MAX_KEYWORDS",
    "MAX_NAME",
    "ExistingOrganisations",
    "ValidationReport",
    "clean_keywords",
    "clean_website",
    "validate_rows",
]

MAX_NAME = 200
MAX_DESCRIPTION = 5000
MAX_KEYWORD = 60
MAX_KEYWORDS = 30
MAX_EXTERNAL_ID = 64
FIRST_YEAR = 1000

_WEBSITE = re.compile(r"^https?://[^\s/$.?#][^\s]*\.[^\s]+$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class ExistingOrganisations:
    """What the database already holds, for finding duplicates: name keys per region and register ids."""

    names: Mapping[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    """``(lookup_key(name), region code)`` of every stored English and Korean name → the register numbers
    of the organisations with that name there (``""`` for one without)."""
    external_ids: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The valid records of a file and every problem found in it."""

    file: str
    rows: int
    records: tuple[OrganisationRecord, ...]
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def clean_website(text: str) -> str | None:
    """``text`` as an ``http(s)`` address (``www.example.org`` gains ``https://``); ``None`` if not one."""
    value = text.strip()
    if not value:
        return ""
    if "://" not in value:
        value = "https://" + value
    return value if _WEBSITE.match(value) and len(value) <= 300 else None


def clean_keywords(text: str) -> tuple[str, list[str]]:
    """Keywords separated by ``;`` (or ``,``) joined as ``a; b``, and what is wrong with them."""
    words = list(dict.fromkeys(word.strip() for word in re.split(r"[;,\n]", text) if word.strip()))
    errors = []
    if len(words) > MAX_KEYWORDS:
        errors.append(
            _("Give at most {limit} keywords; there are {count}.").format(
                limit=MAX_KEYWORDS, count=len(words)
            )
        )
    long = [word for word in words if len(word) > MAX_KEYWORD]
    if long:
        errors.append(
            _("A keyword may have at most {limit} characters: '{keyword}…'.").format(
                limit=MAX_KEYWORD, keyword=long[0][:MAX_KEYWORD]
            )
        )
    return "; ".join(words), errors


class _Row:
    """Reads one sheet row by field name and collects its problems."""

    def __init__(self, *, file: str, line: int, values: dict[str, str], headers: dict[str, str]) -> None:
        self.file, self.line, self.values, self.headers = file, line, values, headers
        self.problems: list[Problem] = []

    def get(self, name: str) -> str:
        return _CONTROL.sub("", self.values.get(name, "")).strip()

    def problem(self, name: str | None, message: str) -> None:
        column = self.headers.get(name, name) if name else None
        self.problems.append(Problem(message, file=self.file, line=self.line, field=column))

    def text(self, name: str, limit: int) -> str:
        value = self.get(name)
        if len(value) > limit:
            self.problem(
                name,
                _("At most {limit} characters are allowed; this has {count}.").format(
                    limit=limit, count=len(value)
                ),
            )
        return value

    def term(self, name: str, vocabulary: Mapping[str, tuple[str, ...]], default: str = "") -> str:
        value = self.get(name)
        if not value:
            return default
        code = resolve_term(value, vocabulary)
        if code is None:
            self.problem(
                name,
                _("'{value}' is not one of: {choices}.").format(value=value, choices=", ".join(vocabulary)),
            )
            return default
        return code


def validate_rows(
    sheet: Sheet,
    mapping: ColumnMapping,
    *,
    regions: RegionIndex,
    existing: ExistingOrganisations | None = None,
    may_import_into: Callable[[str], bool] = lambda _code: True,
    current_year: int,
) -> ValidationReport:
    """Validate every row of ``sheet`` read through ``mapping``; see the module docstring for the rules."""
    existing = existing or ExistingOrganisations()
    positions = {fld: sheet.header.index(src) for src, fld in mapping.items() if fld and src in sheet.header}
    headers = {fld: src for src, fld in mapping.items() if fld}
    records: list[OrganisationRecord] = []
    problems: list[Problem] = []
    seen_names: dict[tuple[str, str], list[tuple[int, str]]] = {}
    seen_ids: dict[str, int] = {}
    for sheet_row in sheet:
        values = {fld: sheet_row.cells[position] for fld, position in positions.items()}
        row = _Row(file=sheet.file, line=sheet_row.line, values=values, headers=headers)
        record = _validate_row(
            row, regions=regions, may_import_into=may_import_into, current_year=current_year
        )
        if record is not None:
            _check_duplicates(row, record, existing=existing, seen_names=seen_names, seen_ids=seen_ids)
        problems.extend(row.problems)
        if record is not None and not row.problems:
            records.append(record)
    return ValidationReport(
        file=sheet.file,
        rows=len(sheet),
        records=tuple(records) if not problems else (),
        problems=tuple(problems),
    )


def _validate_row(
    row: _Row, *, regions: RegionIndex, may_import_into: Callable[[str], bool], current_year: int
) -> OrganisationRecord | None:
    name_en, name_ko = row.text("name_en", MAX_NAME), row.text("name_ko", MAX_NAME)
    if not name_en and not name_ko:
        field = "name_en" if "name_en" in row.headers else "name_ko"
        row.problem(field, _("A name in English or in Korean is required."))
    kind = row.term("type", ORGANISATION_TYPES)
    if not row.get("type"):
        row.problem("type", _("The type is required."))
    region_text, region_code, country = row.get("region"), "", None
    if not region_text:
        row.problem("region", _("The region is required."))
    else:
        resolution = regions.resolve(region_text)
        if resolution.region is not None:
            region_code, country = resolution.region.code, resolution.region.country
            if not may_import_into(region_code):
                row.problem(
                    "region",
                    _("You may not add organisations in the region {code}.").format(code=region_code),
                )
        elif resolution.ambiguous:
            codes = ", ".join(resolution.candidates)
            row.problem(
                "region",
                _("'{text}' names several regions ({codes}); give the code instead.").format(
                    text=region_text, codes=codes
                ),
            )
        else:
            row.problem(
                "region",
                _("'{text}' is not a region innotwin knows; give its official code.").format(
                    text=region_text
                ),
            )
    industries: tuple[IndustryCode, ...] = ()
    try:
        industries = parse_industry_list(row.get("industries"), country=country)
    except LookupError as exc:
        row.problem("industries", str(exc.args[0]))
    founded_year: int | None = None
    year_text = row.get("founded_year")
    if year_text:
        if year_text.isdigit() and FIRST_YEAR <= int(year_text) <= current_year:
            founded_year = int(year_text)
        else:
            row.problem(
                "founded_year",
                _("'{text}' is not a year between {first} and {last}.").format(
                    text=year_text, first=FIRST_YEAR, last=current_year
                ),
            )
    website = clean_website(row.get("website"))
    if website is None:
        row.problem(
            "website", _("'{text}' is not a web address (https://…).").format(text=row.get("website")[:80])
        )
        website = ""
    keywords: dict[str, str] = {}
    for name in ("keywords_en", "keywords_ko"):
        keywords[name], errors = clean_keywords(row.get(name))
        for error in errors:
            row.problem(name, error)
    external_id = row.text("external_id", MAX_EXTERNAL_ID)
    origin_fields = (
        "description_en_origin",
        "description_ko_origin",
        "keywords_en_origin",
        "keywords_ko_origin",
    )
    origins = {name: row.term(name, TEXT_ORIGINS, "original") for name in origin_fields}
    if row.problems:
        return None
    return OrganisationRecord(
        line=row.line,
        name_en=name_en,
        name_ko=name_ko,
        type=kind,
        region=region_code,
        industries=industries,
        size_band=row.term("size_band", SIZE_BANDS),
        founded_year=founded_year,
        website=website,
        description_en=row.text("description_en", MAX_DESCRIPTION),
        description_ko=row.text("description_ko", MAX_DESCRIPTION),
        keywords_en=keywords["keywords_en"],
        keywords_ko=keywords["keywords_ko"],
        external_id=external_id,
        postcode=row.text("postcode", 16),
        locality=row.text("locality", 100),
        description_en_origin=origins["description_en_origin"],
        description_ko_origin=origins["description_ko_origin"],
        keywords_en_origin=origins["keywords_en_origin"],
        keywords_ko_origin=origins["keywords_ko_origin"],
    )


def _same_organisation(number: str, others: Iterable[str]) -> bool:
    """Whether an organisation with register number ``number`` (maybe ``""``) may be one of ``others``:
    two organisations that share a name are told apart only by two different register numbers."""
    return any(not number or not other or other == number for other in others)


def _check_duplicates(
    row: _Row,
    record: OrganisationRecord,
    *,
    existing: ExistingOrganisations,
    seen_names: dict[tuple[str, str], list[tuple[int, str]]],
    seen_ids: dict[str, int],
) -> None:
    number = record.external_id
    for name_field, name in (("name_en", record.name_en), ("name_ko", record.name_ko)):
        if not name:
            continue
        key = (lookup_key(name), record.region)
        earlier = [line for line, other in seen_names.get(key, []) if _same_organisation(number, [other])]
        if _same_organisation(number, existing.names.get(key, ())):
            row.problem(
                name_field,
                _("An organisation named '{name}' already exists in {region}.").format(
                    name=name, region=record.region
                ),
            )
        elif earlier:
            row.problem(
                name_field, _("Row {row} has the same name in the same region.").format(row=earlier[0])
            )
        seen_names.setdefault(key, []).append((row.line, number))
    if number:
        if number in existing.external_ids:
            row.problem(
                "external_id",
                _("An organisation with the register number {number} already exists.").format(number=number),
            )
        elif number in seen_ids:
            row.problem(
                "external_id", _("Row {row} has the same register number.").format(row=seen_ids[number])
            )
        else:
            seen_ids[number] = row.line
