"""The KRX KIND list of companies listed on the Korean exchange (KOSPI, KOSDAQ, KONEX), in Korean.

Rules: the register number is the stock code (종목코드); the Korean name is the company name (회사명); the
region is the sido in 지역 (a company registered abroad — 홍콩, 미국 — is skipped); 업종 is a KSIC name and
becomes the KSIC code that has that name (looked up in a KSIC code list, see :func:`load_ksic_names`;
an unmatched name leaves the company without an industry and is counted); 주요제품 (main products)
becomes the Korean description. A KOSPI (유가증권) company is recorded as a large company, a KOSDAQ or
KONEX company as an SME — market segment, not headcount, so coordinators correct the exceptions. The
representative's name (대표자명) is personal data and is not imported.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from pathlib import Path

from innotwin.core.atlas.geography import kr_sido
from innotwin.core.errors import DataError, Problem
from innotwin.core.registry.industries import IndustryCode, parse_industry
from innotwin.core.registry.records import OrganisationRecord
from innotwin.core.registry.regions import RegionIndex
from innotwin.core.registry.registers._common import RegisterReader, open_register

__all__ = ["KSIC_NAMES_FILE", "KrxReader", "ksic_name_key", "load_ksic_names"]

KSIC_NAMES_FILE = "ksic_9th_10th_11th_codes_korean_english_names.csv"
"""The KSIC code list (KOSTAT) in the shared data's ``classifications`` folder, read in place."""

_PUNCTUATION = re.compile(r"[\s·ㆍ∙・,.\-]+")


def ksic_name_key(name: str) -> str:
    """A KSIC name without spaces, middle dots and commas, which KRX and KOSTAT write differently."""
    return _PUNCTUATION.sub("", name)


def load_ksic_names(path: Path) -> dict[str, str]:
    """KSIC name key → code, from a KSIC code list with columns ``cd``, ``nm`` (and ``ksic_C``).

    Names of the 10th and 11th revisions are read (they share division codes); the finest code wins
    when a name is used at several levels.
    """
    names: dict[str, str] = {}
    with open_register(path) as handle:
        reader = csv.DictReader(handle)
        if not {"cd", "nm"} <= set(reader.fieldnames or ()):
            raise DataError(
                [Problem("A KSIC code list needs the columns cd and nm.", file=path.name, line=1)]
            )
        for row in reader:
            code, revision = row["cd"].strip(), (row.get("ksic_C") or "C10").strip()
            if revision in {"C10", "C11"} and code.isdigit() and len(code) >= 2:
                key = ksic_name_key(row["nm"])
                if len(code) >= len(names.get(key, "")):
                    names[key] = code
    return names


class KrxReader(RegisterReader):
    source = "krx"
    columns = ("회사명", "시장구분", "종목코드", "업종", "주요제품", "홈페이지", "지역")

    def __init__(self, path: Path, *, regions: RegionIndex, ksic_names: Mapping[str, str]) -> None:
        super().__init__(path, regions=regions)
        self.ksic_names = ksic_names

    def record(self, line: int, row: dict[str, str]) -> OrganisationRecord | None:
        name, code = row["회사명"], row["종목코드"]
        if not name or not code:
            self.skip("no company name or stock code")
            return None
        sido = kr_sido(row["지역"]) if row["지역"] else None
        region = self.regions.get(sido.iso_code) if sido is not None else None
        if region is None:
            where = row["지역"] or "(none)"
            reason = "is not a Korean sido" if sido is None else "is not in the atlas"
            self.skip(f"region {where} {reason}")
            return None
        industries: tuple[IndustryCode, ...] = ()
        ksic = self.ksic_names.get(ksic_name_key(row["업종"]))
        if ksic is not None:
            industries = (parse_industry(f"KSIC:{ksic}"),)
        elif row["업종"]:
            self.unknown_industries[row["업종"]] += 1
        products = row["주요제품"]
        return OrganisationRecord(
            line=line,
            name_en="",
            name_ko=name[:200],
            type="large_company" if row["시장구분"] == "유가" else "sme",
            region=region.code,
            industries=industries,
            website=self.website(row["홈페이지"]),
            description_ko=f"주요 제품: {products}"[:5000] if products else "",
            external_id=code,
        )
