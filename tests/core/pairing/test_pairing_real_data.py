"""A full pairing run on the real UK ITL2 and Korean sido data in the shared folder.

Built here, with pandas, straight from the published files:
* employment: BRES 2021 (Great Britain, ITL2 × SIC 2007 division = ISIC Rev.4 division) and the KOSIS
  Census on Establishments 2023 (17 sido × KSIC-10 division). KSIC-10 and ISIC Rev.4 divisions are
  linked by the derived concordance in classifications/; divisions linked to each other (e.g. KSIC 26
  and 27 with ISIC 26 and 32) are merged into one column labelled by its ISIC divisions ("26+32"), so
  no employment is split by guesswork. Suppressed Korean cells are absent and count as 0.
* scale (2020): ONS population and GDP per head (GBP) by ITL2; KOSIS population and GRDP per head
  (thousand KRW) by sido; converted to PPP US dollars with rates implied by the OECD Regional Database
  (national GDP in national currency / national GDP in USD PPP, 2020).
* research (2020, Korea only): KOSIS R&D personnel and four-year universities by sido. The UK side has
  none here, so the research dimension must be left out of every pair.
* policy tags: transcribed by hand into theme ids from
  partnerships_uk_kr/city_innovation_strategy_priorities.csv for the seven places of the file that are
  regions of this input.
* governance: capital region, tier (1 capital, 2 metropolitan city region, 3 other) and authority type,
  coded by hand from the administrative status of each region.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from innotwin.core.economics import PPPRate, to_ppp_dollars
from innotwin.core.pairing import (
    DIMENSIONS,
    PairingInput,
    PairingResult,
    RegionSet,
    assess_robustness,
    score_pairs,
)

SIDO = {
    "11": "서울특별시",
    "21": "부산광역시",
    "22": "대구광역시",
    "23": "인천광역시",
    "24": "광주광역시",
    "25": "대전광역시",
    "26": "울산광역시",
    "29": "세종특별자치시",
    "31": "경기도",
    "32": "강원특별자치도",
    "33": "충청북도",
    "34": "충청남도",
    "35": "전북특별자치도",
    "36": "전라남도",
    "37": "경상북도",
    "38": "경상남도",
    "39": "제주특별자치도",
}
KOSIS_PER_HEAD_NAMES = {"Gangwon": "Gangwon-do", "Jeonbuk (Jeollabuk-do)": "Jeollabuk-do", "Jeju": "Jeju-do"}
# Hand-transcribed from city_innovation_strategy_priorities.csv into theme ids of themes.yaml.
POLICY_TAGS = {
    "UKD7": {  # Liverpool City Region
        "health_life_sciences",
        "advanced_manufacturing",
        "digital_cyber",
        "net_zero_clean_energy",
        "maritime_ports",
        "creative_industries",
    },
    "UKG3": {  # West Midlands
        "mobility",
        "net_zero_clean_energy",
        "creative_industries",
        "health_life_sciences",
        "fintech",
        "digital_cyber",
        "advanced_manufacturing",
    },
    "UKM8": {  # Glasgow City Region
        "space_satellites",
        "digital_cyber",
        "health_life_sciences",
        "fintech",
        "advanced_manufacturing",
    },
    "21": {"smart_cities", "net_zero_clean_energy", "health_life_sciences", "digital_cyber"},  # Busan
    "22": {  # Daegu
        "health_life_sciences",
        "advanced_manufacturing",
        "mobility",
        "net_zero_clean_energy",
        "smart_cities",
        "digital_cyber",
    },
    "26": {
        "mobility",
        "maritime_ports",
        "advanced_manufacturing",
        "hydrogen",
        "net_zero_clean_energy",
    },  # Ulsan
    "29": {"mobility", "smart_cities", "digital_cyber", "health_life_sciences", "fintech"},  # Sejong
}
LONDON = {"UKI3", "UKI4", "UKI5", "UKI6", "UKI7"}
UK_METROPOLITAN = LONDON | {
    "UKD3",
    "UKD7",
    "UKG3",
    "UKE3",
    "UKE4",
    "UKC2",
}  # GLA and mayoral combined authorities
KR_METROPOLITAN = {"11", "21", "22", "23", "24", "25", "26", "29"}  # special and metropolitan cities


def concordance_groups(shared_data: Path, uk_divisions: set[str]) -> dict[tuple[str, str], str]:
    """Connected components of the KSIC-10 ↔ ISIC Rev.4 links, named by their ISIC divisions."""
    links = pd.read_csv(
        shared_data / "classifications" / "ksic10_division_to_isic4_division_DERIVED.csv", dtype=str
    )
    parent: dict[tuple[str, str], tuple[str, str]] = {("isic", code): ("isic", code) for code in uk_divisions}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            node = parent[node]
        return node

    for ksic, isic in zip(links["ksic10_division"], links["isic4_division"], strict=True):
        parent[root(("ksic", ksic))] = root(("isic", isic))
    members: dict[tuple[str, str], set[str]] = {}
    for node in list(parent):
        if node[0] == "isic":
            members.setdefault(root(node), set()).add(node[1])
    return {node: "+".join(sorted(members[root(node)])) for node in parent}


def uk_employment(shared_data: Path) -> pd.DataFrame:
    bres = pd.read_csv(
        shared_data / "uk_regional" / "bres_employment_ITL2_by_SIC2digit_2015_2021.csv",
        dtype={"INDUSTRY_CODE": str},
    )
    return bres[bres["DATE"] == 2021.0]


def kr_employment(shared_data: Path) -> pd.DataFrame:
    census = pd.read_csv(
        shared_data
        / "kr_regional_industry"
        / "kosis_business_census_2023_workers_by_sido_ksic10_division.csv",
        dtype={"sido_code": str, "ksic10_division": str},
    )
    return census[census["sido_en"] != "Sum of 17 sido"]


def implied_ppp(shared_data: Path, iso3: str, national_currency_per_head: float) -> PPPRate:
    """National currency per USD PPP in 2020: national GDP per head over the OECD's USD PPP figure."""
    oecd = pd.read_csv(shared_data / "oecd_regional" / "oecd_ro2023_gdp_pop_tl2_00_20_imputed_l.csv")
    country = oecd[(oecd["iso3"] == iso3) & (oecd["TIME"] == 2020)]
    usd_per_head = country["GDP"].sum() * 1e6 / country["POP"].sum()
    return PPPRate(
        currency={"GBR": "GBP", "KOR": "KRW"}[iso3],
        year=2020,
        national_currency_per_usd=national_currency_per_head / usd_per_head,
        source="implied by OECD Regional Outlook 2023 TL2 GDP (USD PPP) against the national statistics",
    )


def build_input(shared_data: Path) -> PairingInput:
    uk, kr = uk_employment(shared_data), kr_employment(shared_data)
    group = concordance_groups(shared_data, set(uk["INDUSTRY_CODE"]))
    uk_matrix = uk.assign(column=[group[("isic", c)] for c in uk["INDUSTRY_CODE"]]).pivot_table(
        index="GEOGRAPHY_CODE", columns="column", values="COUNT", aggfunc="sum", fill_value=0
    )
    kr_matrix = kr.assign(column=[group[("ksic", c)] for c in kr["ksic10_division"]]).pivot_table(
        index="sido_code", columns="column", values="workers", aggfunc="sum", fill_value=0
    )
    columns = sorted(set(group.values()))
    uk_matrix, kr_matrix = (
        uk_matrix.reindex(columns=columns, fill_value=0),
        kr_matrix.reindex(columns=columns, fill_value=0),
    )

    ons = pd.read_csv(shared_data / "uk_regional" / "ons_gdp_population_all_itl_regions_1998_2021_long.csv")
    ons = ons[ons["year"] == 2020]
    uk_rate = implied_ppp(
        shared_data, "GBR", float(ons.loc[ons["itl_code"] == "UK", "gdp_per_head_gbp"].iloc[0])
    )
    itl2 = ons[ons["itl_level"] == "ITL2"].set_index("itl_code")
    uk_codes = list(uk_matrix.index)
    itl = [code.replace("UK", "TL", 1) for code in uk_codes]
    uk_population = itl2.loc[itl, "population"].to_numpy(dtype=float)
    uk_per_head = to_ppp_dollars(itl2.loc[itl, "gdp_per_head_gbp"].to_numpy(dtype=float), rate=uk_rate)
    uk_names = uk.drop_duplicates("GEOGRAPHY_CODE").set_index("GEOGRAPHY_CODE")["GEOGRAPHY_NAME"]

    def kosis(name: str, item: str) -> pd.Series:
        table = pd.read_csv(shared_data / "kr_regional" / name)
        rows = table[(table["year"] == 2020) & (table["item"] == item)].set_index("region")["value"]
        return pd.Series([rows[SIDO[code]] for code in kr_matrix.index], index=kr_matrix.index)

    per_head = pd.read_csv(
        shared_data / "kr_regional" / "kosis_DT_1C86_grdp_income_per_capita_by_sido_1985_2021.csv"
    )
    per_head = (
        per_head[per_head["year"] == 2020].set_index("region_en")["grdp_per_capita_thousand_krw"] * 1000
    )
    kr_names = kr.drop_duplicates("sido_code").set_index("sido_code")
    kr_rate = implied_ppp(shared_data, "KOR", float(per_head["Whole country"]))
    kr_per_head = to_ppp_dollars(
        [per_head[KOSIS_PER_HEAD_NAMES.get(name, name)] for name in kr_names.loc[kr_matrix.index, "sido_en"]],
        rate=kr_rate,
    )
    kr_population = kosis("kosis_population_by_sido_gender_long.csv", "total_population").to_numpy(
        dtype=float
    )
    rnd = pd.read_csv(
        shared_data / "kr_regional_rnd" / "kr_rnd_personnel_by_sido_2015_2020.csv", dtype={"sido_code": str}
    )
    rnd = rnd[rnd["year"] == 2020].set_index("sido_code")["rnd_personnel"]

    uk_set = RegionSet(
        country="GB",
        codes=uk_codes,
        names_en=[uk_names[code] for code in uk_codes],
        industries=columns,
        employment=uk_matrix.to_numpy(dtype=float),
        indicators={
            "population": uk_population,
            "output_per_head_ppp": uk_per_head,
            "output": uk_population * uk_per_head,
        },
        policy_tags=[POLICY_TAGS.get(code, set()) for code in uk_codes],
        capital=[code in LONDON for code in uk_codes],
        tier=[1 if code in LONDON else 2 if code in UK_METROPOLITAN else 3 for code in uk_codes],
        authority=["metropolitan" if code in UK_METROPOLITAN else "provincial" for code in uk_codes],
    )
    kr_codes = list(kr_matrix.index)
    kr_set = RegionSet(
        country="KR",
        codes=kr_codes,
        names_en=list(kr_names.loc[kr_codes, "sido_en"]),
        names_ko=list(kr_names.loc[kr_codes, "sido_ko"]),
        industries=columns,
        employment=kr_matrix.to_numpy(dtype=float),
        indicators={
            "population": kr_population,
            "output_per_head_ppp": kr_per_head,
            "output": kr_population * kr_per_head,
            "rnd_personnel": rnd[kr_codes].to_numpy(dtype=float),
            "universities": kosis("kosis_university_statistics_by_sido_long.csv", "schools").to_numpy(
                dtype=float
            ),
        },
        policy_tags=[POLICY_TAGS.get(code, set()) for code in kr_codes],
        capital=[code == "11" for code in kr_codes],
        tier=[1 if code == "11" else 2 if code in KR_METROPOLITAN else 3 for code in kr_codes],
        authority=["metropolitan" if code in KR_METROPOLITAN else "provincial" for code in kr_codes],
    )
    names = (
        uk.drop_duplicates("INDUSTRY_CODE")
        .set_index("INDUSTRY_CODE")["INDUSTRY_NAME"]
        .str.split(" : ")
        .str[1]
    )
    korean = kr.drop_duplicates("ksic10_division").set_index("ksic10_division")["division_name_ko"]
    korean_of: dict[str, set[str]] = {}
    for (kind, code), column in group.items():
        if kind == "ksic" and code in korean.index:
            korean_of.setdefault(column, set()).add(korean[code])
    return PairingInput(
        a=uk_set,
        b=kr_set,
        industry_names_en={
            column: " / ".join(names[code] for code in column.split("+")) for column in columns
        },
        industry_names_ko={column: " / ".join(sorted(values)) for column, values in korean_of.items()},
    )


@pytest.fixture(scope="module")
def real(shared_data: Path) -> PairingResult:
    return score_pairs(build_input(shared_data))


def test_real_input_has_every_region_and_the_harmonised_columns(real: PairingResult):
    # 40 GB ITL2 regions (no Northern Ireland in BRES), 17 sido; KSIC–ISIC components such as
    # {KSIC 26, 27, 33} ↔ {ISIC 26, 32} and {KSIC 41, 42} ↔ {ISIC 41, 42, 43} become single columns.
    assert (len(real.data.a), len(real.data.b), len(real.data.industries)) == (40, 17, 74)
    assert {"26+32", "41+42+43", "53+61", "69+70+73"} <= set(real.data.industries)


def test_real_run_scores_every_pair_within_the_unit_interval(real: PairingResult):
    assert int(np.isfinite(real.total).sum()) == 680
    assert bool(((real.total >= 0) & (real.total <= 1)).all()) is True


def test_real_run_leaves_research_out_of_every_pair_for_lack_of_uk_data(real: PairingResult):
    assert bool(np.isnan(real.dimension("research")).all()) is True
    research = real.pair("UKD7", "21").dimension("research")
    assert (research.left_out, research.share) == ("no research data for Merseyside", 0.0)


def test_real_run_scores_policy_only_between_regions_with_recorded_priorities(real: PairingResult):
    # Three UK and four Korean regions have priorities in the source file: 3 × 4 pairs.
    assert int((~np.isnan(real.dimension("policy"))).sum()) == 12


def test_real_run_best_pair_on_shared_specialisations_shares_basic_metals(real: PairingResult):
    # Checked by hand: West Wales (Port Talbot) and Chungcheongnam-do (Dangjin) both make steel.
    # BRES 2021: West Wales 8,000 of 763,200 jobs in SIC 24, GB 71,265 of 31,341,585 -> LQ 4.610;
    # KOSIS publishes LQ 3.112 for KSIC 24 in Chungcheongnam-do.
    shared = real.dimension("shared_specialisation")
    i, j = np.unravel_index(int(np.nanargmax(shared)), shared.shape)
    assert (real.data.a.codes[i], real.data.b.codes[j]) == ("UKL1", "34")
    lead = real.explain("UKL1", "34").shared[0]
    assert (lead.industry, round(lead.rca_a, 3), round(lead.rca_b, 3)) == ("24", 4.610, 3.112)


def test_real_run_merseyside_and_busan_share_water_transport_and_maritime_theme(real: PairingResult):
    # BRES 2021: Merseyside 1,250 of 686,425 jobs in water transport, GB 15,270 of 31,341,585 -> 3.738;
    # KOSIS LQ of KSIC 50 in Busan: 4.766.
    explanation = real.explain("UKD7", "21")
    assert [(e.industry, round(e.rca_a, 3), round(e.rca_b, 3)) for e in explanation.shared[:1]] == [
        ("50", 3.738, 4.766)
    ]
    assert explanation.suggested_themes[0].theme == "maritime_ports"
    assert explanation.sentences_en[1] == (
        "They share 9 specialisations (location quotient of at least 1 in both), led by Water transport "
        "(3.7 in Merseyside, 4.8 in Busan)."
    )
    assert explanation.sentences_ko[1] == (
        "두 지역이 함께 특화된 산업(양쪽 모두 입지계수 1 이상)은 "
        "9개이며, 대표 산업은 수상 운송업(Merseyside 3.7, 부산 4.8)입니다."
    )


def test_real_run_west_midlands_and_ulsan_share_motor_vehicles(real: PairingResult):
    # BRES 2021: West Midlands 28,000 of 1,307,455 jobs in SIC 29, GB 160,050 -> 4.194; KOSIS LQ of
    # KSIC 30 (motor vehicles = ISIC 29) in Ulsan: 6.788. Both list mobility and advanced manufacturing.
    explanation = real.explain("UKG3", "26")
    lead = explanation.shared[0]
    assert (lead.industry, round(lead.rca_a, 3), round(lead.rca_b, 3)) == ("29", 4.194, 6.788)
    themes = {theme.theme: theme.basis for theme in explanation.suggested_themes}
    assert themes["mobility"] == ("shared", "complementary", "policy")
    assert themes["advanced_manufacturing"] == ("shared", "complementary", "policy")


def test_real_run_ulsan_is_most_specialised_in_refining_and_ships(real: PairingResult):
    # KOSIS LQs for Ulsan: KSIC 19 (refined petroleum) 17.822, KSIC 31 (other transport = ISIC 30) 11.244.
    strengths = real.explain("UKG3", "26").strengths_b
    assert [(e.industry, round(e.value, 3)) for e in strengths[:2]] == [("19", 17.822), ("30", 11.244)]


def test_real_run_top_ten_ignores_dimensions_without_data(real: PairingResult):
    robustness = assess_robustness(real, k=10, n_draws=100, random_state=0)
    checks = {check.dropped: check for check in robustness.leave_one_out}
    # Research has no pair with data, so dropping it or the Korea-only indicators changes nothing.
    for dropped in ("research", "rnd_personnel", "universities"):
        assert (checks[dropped].top_k_kept, checks[dropped].ranks) == (10, tuple(range(1, 11)))
    assert len(robustness.baseline) == 10
    assert bool(((robustness.top_k_probability >= 0) & (robustness.top_k_probability <= 1)).all()) is True


def test_real_run_profiles_weigh_the_same_dimension_scores(real: PairingResult):
    peers = score_pairs(real.data, profile="peers")
    assert np.array_equal(peers.scores, real.scores, equal_nan=True)
    assert [part.dimension for part in peers.pair("UKG3", "26").dimensions] == list(DIMENSIONS)
