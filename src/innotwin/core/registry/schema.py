"""The columns of an organisation import file, and the mapping from a file's own headers to them.

The downloadable templates use the headers in :data:`COLUMNS` (English or Korean); any other file works
once its columns are mapped. :func:`guess_mapping` proposes a mapping from the headers (by field name,
English or Korean header, or a common alias) and the person confirms or corrects it;
:func:`check_mapping` says what is wrong with a mapping before any row is read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from innotwin.core.errors import Problem
from innotwin.core.registry.i18n import _
from innotwin.core.registry.vocabulary import lookup_key

__all__ = ["COLUMNS", "COLUMN_NAMES", "Column", "ColumnMapping", "check_mapping", "guess_mapping"]


@dataclass(frozen=True, slots=True)
class Column:
    """One field of the import format: its name, its headers in the two templates, and a hint."""

    name: str
    header_en: str
    header_ko: str
    required: bool
    hint_en: str
    hint_ko: str
    aliases: tuple[str, ...] = ()


_ORIGIN_HINT_EN = "original, translation or machine (default: original)"
_ORIGIN_HINT_KO = "원문, 번역 또는 기계 번역 (기본값: 원문)"

COLUMNS: tuple[Column, ...] = (
    Column(
        name="name_en",
        header_en="Name (English)",
        header_ko="기관명(영문)",
        required=False,
        hint_en="Name in English; a name in English or in Korean is required",
        hint_ko="영문 기관명; 영문 또는 국문 기관명 중 하나는 필수",
        aliases=("name", "organisation", "organisation name", "company name", "english name"),
    ),
    Column(
        name="name_ko",
        header_en="Name (Korean)",
        header_ko="기관명(국문)",
        required=False,
        hint_en="Name in Korean",
        hint_ko="국문 기관명",
        aliases=("korean name", "기관명", "회사명", "기업명", "한글명"),
    ),
    Column(
        name="type",
        header_en="Type",
        header_ko="기관 유형",
        required=True,
        hint_en="sme, large_company, university, research_institute, public_body, cluster or investor",
        hint_ko="중소기업, 대기업, 대학, 연구기관, 공공기관, 클러스터·중개기관 또는 투자기관",
        aliases=("organisation type", "유형"),
    ),
    Column(
        name="region",
        header_en="Region",
        header_ko="지역",
        required=True,
        hint_en="Official region code (E08000019, KR-26) or a region’s name",
        hint_ko="공식 지역 코드(E08000019, KR-26) 또는 지역명",
        aliases=("city", "city region", "local authority", "sido", "시도", "소재지"),
    ),
    Column(
        name="industries",
        header_en="Industry codes",
        header_ko="산업 분류 코드",
        required=False,
        hint_en="SIC:62012; KSIC:58221; ISIC:62 — bare codes are read in the country’s own classification",
        hint_ko="SIC:62012; KSIC:58221; ISIC:62 — 접두어가 없으면 해당 국가의 분류로 읽습니다",
        aliases=("industry", "industries", "sic", "sic codes", "ksic", "산업분류", "업종코드"),
    ),
    Column(
        name="size_band",
        header_en="Size",
        header_ko="규모",
        required=False,
        hint_en="micro, small, medium or large (staff headcount)",
        hint_ko="micro, small, medium 또는 large (종업원 수 기준)",
        aliases=("size", "size band", "employees"),
    ),
    Column(
        name="founded_year",
        header_en="Founded",
        header_ko="설립 연도",
        required=False,
        hint_en="Year, e.g. 2015",
        hint_ko="연도, 예: 2015",
        aliases=("founded", "founding year", "year founded", "설립연도", "설립년도"),
    ),
    Column(
        name="website",
        header_en="Website",
        header_ko="웹사이트",
        required=False,
        hint_en="https://…",
        hint_ko="https://…",
        aliases=("url", "web", "homepage", "홈페이지"),
    ),
    Column(
        name="description_en",
        header_en="Description (English)",
        header_ko="기관 소개(영문)",
        required=False,
        hint_en="Up to 5,000 characters",
        hint_ko="최대 5,000자",
        aliases=("description", "about"),
    ),
    Column(
        name="description_en_origin",
        header_en="Description (English) origin",
        header_ko="기관 소개(영문) 작성 방식",
        required=False,
        hint_en=_ORIGIN_HINT_EN,
        hint_ko=_ORIGIN_HINT_KO,
        aliases=(),
    ),
    Column(
        name="description_ko",
        header_en="Description (Korean)",
        header_ko="기관 소개(국문)",
        required=False,
        hint_en="Up to 5,000 characters",
        hint_ko="최대 5,000자",
        aliases=("기관 소개", "소개"),
    ),
    Column(
        name="description_ko_origin",
        header_en="Description (Korean) origin",
        header_ko="기관 소개(국문) 작성 방식",
        required=False,
        hint_en=_ORIGIN_HINT_EN,
        hint_ko=_ORIGIN_HINT_KO,
        aliases=(),
    ),
    Column(
        name="keywords_en",
        header_en="Capabilities (English)",
        header_ko="핵심 역량(영문)",
        required=False,
        hint_en="Keywords separated by ;",
        hint_ko="세미콜론(;)으로 구분한 키워드",
        aliases=("keywords", "capabilities"),
    ),
    Column(
        name="keywords_en_origin",
        header_en="Capabilities (English) origin",
        header_ko="핵심 역량(영문) 작성 방식",
        required=False,
        hint_en=_ORIGIN_HINT_EN,
        hint_ko=_ORIGIN_HINT_KO,
        aliases=(),
    ),
    Column(
        name="keywords_ko",
        header_en="Capabilities (Korean)",
        header_ko="핵심 역량(국문)",
        required=False,
        hint_en="Keywords separated by ;",
        hint_ko="세미콜론(;)으로 구분한 키워드",
        aliases=("핵심 역량", "키워드"),
    ),
    Column(
        name="keywords_ko_origin",
        header_en="Capabilities (Korean) origin",
        header_ko="핵심 역량(국문) 작성 방식",
        required=False,
        hint_en=_ORIGIN_HINT_EN,
        hint_ko=_ORIGIN_HINT_KO,
        aliases=(),
    ),
    Column(
        name="external_id",
        header_en="Register number",
        header_ko="등록 번호",
        required=False,
        hint_en="Company number or other register identifier",
        hint_ko="법인 등록 번호 등 등록부 식별자",
        aliases=("company number", "registration number", "종목코드", "사업자등록번호"),
    ),
    Column(
        name="postcode",
        header_en="Postcode",
        header_ko="우편번호",
        required=False,
        hint_en="Postcode of the main site",
        hint_ko="주 사업장 우편번호",
        aliases=("post code", "zip"),
    ),
    Column(
        name="locality",
        header_en="Town or city",
        header_ko="소재 도시",
        required=False,
        hint_en="Town or city of the main site",
        hint_ko="주 사업장 소재 도시",
        aliases=("town", "post town", "도시"),
    ),
)
"""Every column of the import format, in template order."""

COLUMN_NAMES = tuple(column.name for column in COLUMNS)

ColumnMapping = Mapping[str, str | None]
"""A file's header → the field it fills (``None`` or ``""``: the column is not imported)."""


def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for column in COLUMNS:
        for word in (column.name, column.header_en, column.header_ko):
            index[lookup_key(word)] = column.name
    for column in COLUMNS:
        for alias in column.aliases:
            index.setdefault(lookup_key(alias), column.name)
    return index


def guess_mapping(header: Sequence[str]) -> dict[str, str | None]:
    """A proposed mapping of each header to a field, each field used at most once; unknown → ``None``."""
    index = _index()
    used: set[str] = set()
    mapping: dict[str, str | None] = {}
    for name in header:
        field = index.get(lookup_key(name))
        if field is not None and field not in used:
            mapping[name] = field
            used.add(field)
        else:
            mapping[name] = None
    return mapping


def check_mapping(header: Sequence[str], mapping: ColumnMapping, *, file: str | None = None) -> list[Problem]:
    """Every problem with ``mapping`` for a file with ``header``; an empty list when it can be used."""
    problems: list[Problem] = []
    fields: dict[str, str] = {}
    known = set(COLUMN_NAMES)
    for source, field in mapping.items():
        if not field:
            continue
        if source not in header:
            problems.append(
                Problem(
                    _("The mapping names the column '{column}', which the file does not have.").format(
                        column=source
                    ),
                    file=file,
                    field=source,
                )
            )
        if field not in known:
            problems.append(
                Problem(
                    _("'{field}' is not a field innotwin imports; use one of {fields}.").format(
                        field=field, fields=", ".join(COLUMN_NAMES)
                    ),
                    file=file,
                    field=source,
                )
            )
        elif field in fields:
            problems.append(
                Problem(
                    _("The columns '{first}' and '{second}' are both mapped to '{field}'.").format(
                        first=fields[field], second=source, field=field
                    ),
                    file=file,
                    field=source,
                )
            )
        fields.setdefault(field, source)
    if "name_en" not in fields and "name_ko" not in fields:
        problems.append(Problem(_("No column is mapped to a name (name_en or name_ko)."), file=file))
    for column in COLUMNS:
        if column.required and column.name not in fields:
            problems.append(
                Problem(
                    _("No column is mapped to the required field '{field}'.").format(field=column.name),
                    file=file,
                )
            )
    return problems
