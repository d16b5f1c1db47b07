"""Companies listed on the Korea Exchange (KOSPI, KOSDAQ, KONEX) counted by sido, May 2026.

File: the KRX KIND list of all listed companies (상장법인목록) as downloaded on 27 May 2026, re-hosted in
github.com/Joo-Heejin/skkusdic-sdic-ai-individual-pj. A company is counted in the sido of its ``지역``
(head-office region). Foreign issuers (stock codes starting with 9, domiciled abroad) are not counted;
a domestic company with no region is recorded as a gap of the national count.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from innotwin.core.atlas.csvio import ProblemLog, UniqueKeys, read_table
from innotwin.core.atlas.geography import Geography, kr_sido
from innotwin.core.atlas.model import Gap, LoadResult, Quality, Source
from innotwin.core.atlas.sources._common import Collector

__all__ = ["KRX_LISTING", "load"]

KRX_LISTING = Source(
    key="krx-kind-listing",
    publisher="KRX",
    dataset="KIND listed companies",
    url="https://kind.krx.co.kr/corpgeneral/corpList.do",
    licence="KRX public disclosure (facts; no licence stated)",
    via="github.com/Joo-Heejin/skkusdic-sdic-ai-individual-pj@f62f9e2 (HTML-xls converted to CSV)",
)
_PERIOD = 2026
_FOREIGN_ISSUER = re.compile(r"^9\d{5}$")


def load(*, path: Path, geography: Geography) -> LoadResult:
    """The number of listed companies with their head office in each sido (and in Korea)."""
    table = read_table(path, columns=("회사명", "종목코드", "지역"))
    collector = Collector(ProblemLog(table.file))
    keys = UniqueKeys(collector.log, columns=("종목코드",))
    counts: Counter[str] = Counter()
    unattributed = 0
    for row in table:
        log = collector.log
        code = row["종목코드"].strip()
        if not re.fullmatch(r"[0-9A-Z]{6}", code):
            log.add(f"'{code}' is not a six-character KRX stock code.", line=row.line, field="종목코드")
            continue
        if not keys.add(code, row) or _FOREIGN_ISSUER.match(code):
            continue
        name = row["지역"].strip()
        if not name:
            unattributed += 1
            continue
        sido = kr_sido(name)
        if sido is None:
            log.add(
                f"Unknown region '{name}': expected a Korean sido name such as 서울특별시.",
                line=row.line,
                field="지역",
            )
            continue
        region = collector.known_region(geography, sido.iso_code, row, "지역")
        if region is not None:
            counts[region] += 1
    for region, count in sorted(counts.items()):
        collector.add(
            float(count),
            region_code=region,
            indicator_code="listed_companies",
            period=_PERIOD,
            unit="companies",
            source=KRX_LISTING,
            quality=Quality.DERIVED,
            note="counted by head-office sido, May 2026",
        )
    collector.add(
        float(sum(counts.values()) + unattributed),
        region_code="KR",
        indicator_code="listed_companies",
        period=_PERIOD,
        unit="companies",
        source=KRX_LISTING,
        quality=Quality.DERIVED,
        note="domestic issuers, May 2026",
    )
    if unattributed:
        collector.gaps.append(
            Gap(
                region_code="KR",
                indicator_code="listed_companies",
                period=_PERIOD,
                reason=f"{unattributed} listed domestic company(ies) have no region in the listing",
                source_key=KRX_LISTING.key,
            )
        )
    return collector.result()
