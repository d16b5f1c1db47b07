"""Cross-lingual matching on real registers: KRX companies (Korean main products) against UK companies
(English SIC 2007 descriptions from Companies House), with the default embedder.

The UK pool is one South Yorkshire company per SIC division (the first in the Companies House sample), so
a right answer is one division among about sixty. The named cases were checked by hand; the results and
the cases that fail are recorded in docs/matching.md ("Quality on real registers").
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from innotwin.core.matching import Filters, Matcher, MatchProfile, Passage, Weights, explain, make_index
from innotwin.core.registry.industries import parse_industry
from innotwin.core.registry.registers.krx import KSIC_NAMES_FILE, ksic_name_key, load_ksic_names
from innotwin.core.text import DEFAULT_EMBEDDER, analyse, get_embedder

TODAY = dt.date(2026, 6, 1)
KRX_FILE = "krx_kind_all_listed_companies_2026-05.csv"
UK_FILE = "companies_house_south_yorkshire_sample2000.csv"
NAMED = ("마키나락스", "에스바이오메딕스", "대명에너지", "에이유브랜즈", "한창", "케이피항공산업")


def _profile(
    key: int, *, name: str, text: str, language: str, country: str, groups: set[str]
) -> MatchProfile:
    passage = (Passage(text=text, language=language, source="register"),)
    terms = analyse(text)
    return MatchProfile(
        key=key,
        name=name,
        type="sme",
        region=country,
        country=country,
        industries=frozenset(groups),
        offers=passage,
        needs=passage,
        offer_terms=terms,
        need_terms=terms,
        updated=TODAY,
    )


@pytest.fixture(scope="module")
def world(shared_data: Path) -> tuple[dict[str, MatchProfile], dict[int, MatchProfile], object]:
    profiles: dict[int, MatchProfile] = {}
    with (shared_data / "organisations" / UK_FILE).open(encoding="utf-8-sig") as handle:
        seen: set[str] = set()
        for row in csv.DictReader(handle):
            sics = [row[f"SICCode.SicText_{n}"].split(" - ", 1) for n in range(1, 5)]
            sics = [(code.strip(), text) for code, *rest in sics for text in rest if code.strip().isdigit()]
            sics = [(code, text) for code, text in sics if code != "99999"]
            if not sics or sics[0][0][:2] in seen:
                continue
            seen.add(sics[0][0][:2])
            groups = set()
            for code, _text in sics:
                try:
                    groups.add(parse_industry(code, country="GB").isic_group)
                except LookupError:
                    continue
            key = 1000 + len(profiles)
            text = "; ".join(text for _code, text in sics)
            profiles[key] = _profile(
                key, name=row["CompanyName"], text=text, language="en", country="GB", groups=groups
            )
    ksic = load_ksic_names(shared_data / "classifications" / KSIC_NAMES_FILE)
    named: dict[str, MatchProfile] = {}
    with (shared_data / "organisations" / KRX_FILE).open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if row["회사명"] in NAMED:
                code = ksic.get(ksic_name_key(row["업종"]))
                groups = {parse_industry(code, country="KR").isic_group} if code else set()
                key = len(named) + 1
                named[row["회사명"]] = profiles[key] = _profile(
                    key, name=row["회사명"], text=row["주요제품"], language="ko", country="KR", groups=groups
                )
    embedder = get_embedder(DEFAULT_EMBEDDER)
    keys = sorted(profiles)
    vectors = embedder.embed([profiles[key].offers[0].text for key in keys])
    offers, needs = make_index("exact", embedder.dim), make_index("exact", embedder.dim)
    offers.add(keys, vectors)
    needs.add(keys, vectors)
    return named, profiles, (offers, needs, embedder)


def _top_divisions(world, name: str, *, top: int, weights: Weights | None = None) -> list[set[str]]:
    named, profiles, (offers, needs, _embedder) = world
    matcher = Matcher(
        profiles=profiles, offer_index=offers, need_index=needs, today=TODAY, weights=weights or Weights()
    )
    ranked = matcher.rank(named[name].key, filters=Filters(countries=frozenset({"GB"})), top=top)
    return [set(profiles[match.key].divisions) for match in ranked]


def test_the_pool_spans_many_industries(world) -> None:
    _named, profiles, _ = world
    assert len(profiles) >= 50
    assert len(_named) == len(NAMED)


@pytest.mark.parametrize(
    ("name", "division", "top"),
    [
        ("마키나락스", "62", 1),  # industrial AI platform → computer programming
        ("에스바이오메딕스", "21", 1),  # stem-cell therapy R&D → pharmaceutical preparations
        ("대명에너지", "35", 3),  # renewable power construction → production of electricity
        ("에이유브랜즈", "46", 3),  # rain boots, sneakers → wholesale of clothing and footwear
        ("한창", "46", 3),  # fire extinguishers, telecom equipment distribution → wholesale
        ("케이피항공산업", "30", 1),  # aircraft structures → other transport equipment
    ],
)
def test_named_korean_companies_find_the_right_uk_industry(world, name: str, division: str, top: int) -> None:
    assert any(division in divisions for divisions in _top_divisions(world, name, top=top))


@pytest.mark.parametrize(
    ("name", "division", "top"),
    [
        ("마키나락스", "62", 1),
        ("대명에너지", "35", 1),
        ("한창", "26", 1),  # telecom equipment → manufacture of communication equipment
        ("에스바이오메딕스", "72", 1),  # stem-cell research → scientific research and development
    ],
)
def test_text_alone_crosses_languages(world, name: str, division: str, top: int) -> None:
    text_only = Weights(text=1.0, industry=0.0, themes=0.0, partner=0.0, freshness=0.0)
    assert any(division in divisions for divisions in _top_divisions(world, name, top=top, weights=text_only))


def test_the_explanation_shows_both_languages_and_the_industry_link(world) -> None:
    named, profiles, (offers, needs, embedder) = world
    matcher = Matcher(profiles=profiles, offer_index=offers, need_index=needs, today=TODAY)
    best = matcher.rank(named["에스바이오메딕스"].key, filters=Filters(countries=frozenset({"GB"})), top=1)[0]
    why = explain(named["에스바이오메딕스"], profiles[best.key], best, embed=embedder.embed).as_dict()
    assert why["query_needs"]["need"]["language"] == "ko"
    assert why["query_needs"]["offer"]["language"] == "en"
    assert "pharmaceutical" in why["query_needs"]["offer"]["text"].lower()
    assert why["industry_links"][0] == {"a": "21", "b": "21", "kind": "same_division", "strength": 1.0}
    assert [part["component"] for part in why["breakdown"]] == [
        "text",
        "industry",
        "themes",
        "partner",
        "freshness",
    ]
