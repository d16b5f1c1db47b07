"""The engine's input read from the bundled atlas: every region and value, each with its source and year."""

from __future__ import annotations

import math

import numpy as np
import pytest

from innotwin.atlas.models import Observation
from innotwin.core.errors import DataError, NotFoundError
from innotwin.discovery.domain.build_pairing_input import DiscoveryInput, build_pairing_input


@pytest.fixture
def uk_korea(atlas) -> DiscoveryInput:
    return build_pairing_input(country_a="GB", country_b="KR")


def _value(region: str, indicator: str, period: int, industry: str = "") -> float:
    return Observation.objects.get(
        region_id=region, indicator_id=indicator, period=period, industry_code=industry
    ).value


def test_input_has_every_region_with_employment_by_industry(uk_korea: DiscoveryInput) -> None:
    assert (len(uk_korea.data.a), len(uk_korea.data.b)) == (40, 17)
    assert (uk_korea.a.level, uk_korea.b.level) == ("uk-itl2", "kr-sido")


def test_input_leaves_northern_ireland_out_with_the_atlas_reason(uk_korea: DiscoveryInput) -> None:
    assert [item.code for item in uk_korea.a.excluded] == ["TLN0"]
    assert uk_korea.a.excluded[0].reason.startswith(
        "BRES by industry is in the shared data for Great Britain"
    )
    assert uk_korea.b.excluded == ()


def test_input_reads_the_latest_employment_year_of_each_country(uk_korea: DiscoveryInput) -> None:
    sides = [(s.sector_indicator, s.sector_period, s.sector_sources) for s in (uk_korea.a, uk_korea.b)]
    assert sides == [
        ("employment_bres", 2021, ("nomis-bres",)),
        ("workers_establishment_census", 2023, ("kosis-dt-1k52d01",)),
    ]


def test_input_employment_equals_the_atlas_values(uk_korea: DiscoveryInput) -> None:
    data = uk_korea.data
    column = data.industries.index("50")
    merseyside = data.a.employment[data.a.codes.index("TLD7"), column]
    busan = data.b.employment[data.b.codes.index("KR-26"), column]
    assert (merseyside, busan) == (
        _value("TLD7", "employment_bres", 2021, "50"),
        _value("KR-26", "workers_establishment_census", 2023, "50"),
    )


def test_input_counts_suppressed_korean_cells_as_zero(uk_korea: DiscoveryInput) -> None:
    # KSIC 05 (coal mining) is suppressed for Busan: no observation, so the cell is 0.
    data = uk_korea.data
    assert not Observation.objects.filter(
        region_id="KR-26", indicator_id="workers_establishment_census", industry_code="05+06"
    ).exists()
    assert data.b.employment[data.b.codes.index("KR-26"), data.industries.index("05+06")] == 0.0


def test_input_output_per_head_is_the_oecd_figure_where_published(uk_korea: DiscoveryInput) -> None:
    busan = uk_korea.b.values["output_per_head_ppp"]["KR-26"]
    assert (busan.value, busan.indicator, busan.period, busan.ppp_rate) == (
        _value("KR-26", "oecd_gdp_per_head_usd_ppp", 2020),
        "oecd_gdp_per_head_usd_ppp",
        2020,
        None,
    )


def test_input_output_per_head_converts_national_figures_at_the_implied_rate(
    uk_korea: DiscoveryInput,
) -> None:
    # The rate is Σ GDP per head × population / Σ OECD GDP per head (USD PPP) × population over the UK's
    # ITL1 regions in 2020, the only UK level the OECD figure is stored for.
    itl1 = ["TLC", "TLD", "TLE", "TLF", "TLG", "TLH", "TLI", "TLJ", "TLK", "TLL", "TLM", "TLN"]
    pounds = sum(_value(r, "gdp_per_head", 2020) * _value(r, "population", 2020) for r in itl1)
    dollars = sum(_value(r, "oecd_gdp_per_head_usd_ppp", 2020) * _value(r, "population", 2020) for r in itl1)
    merseyside = uk_korea.a.values["output_per_head_ppp"]["TLD7"]
    assert uk_korea.a.ppp is not None
    assert (uk_korea.a.ppp.currency, uk_korea.a.ppp.period, uk_korea.a.ppp.regions) == ("GBP", 2020, 12)
    assert math.isclose(uk_korea.a.ppp.rate, pounds / dollars, rel_tol=1e-12)
    assert math.isclose(
        merseyside.value, _value("TLD7", "gdp_per_head", 2020) / (pounds / dollars), rel_tol=1e-12
    )
    assert (merseyside.indicator, merseyside.period) == ("gdp_per_head", 2020)


def test_input_output_is_output_per_head_times_population(uk_korea: DiscoveryInput) -> None:
    per_head = uk_korea.b.values["output_per_head_ppp"]["KR-26"].value
    assert math.isclose(
        uk_korea.b.values["output"]["KR-26"].value,
        per_head * _value("KR-26", "population", 2020),
        rel_tol=1e-12,
    )


def test_input_chooses_one_research_measure_per_country(uk_korea: DiscoveryInput) -> None:
    measures = {
        side.country: {name: {e.indicator for e in side.values[name].values()} for name in ("rnd_personnel",)}
        for side in (uk_korea.a, uk_korea.b)
    }
    assert measures == {
        "GB": {"rnd_personnel": {"rd_personnel_business"}},
        "KR": {"rnd_personnel": {"rd_personnel"}},
    }
    assert "universities" not in uk_korea.a.values
    assert {e.period for e in uk_korea.b.values["universities"].values()} == {2024}


def test_input_missing_values_are_nan_in_the_engine_input(uk_korea: DiscoveryInput) -> None:
    # Korean R&D expenditure by sido covers eight metropolitan units only.
    spending = uk_korea.data.b.indicators["rnd_spending"]
    assert int(np.isnan(spending).sum()) == 17 - len(uk_korea.b.values["rnd_spending"])
    assert len(uk_korea.b.values["rnd_spending"]) == 8


def test_input_policy_tags_and_governance_come_from_the_committed_tables(uk_korea: DiscoveryInput) -> None:
    data = uk_korea.data
    merseyside = data.a.codes.index("TLD7")
    assert "maritime_ports" in data.a.policy_tags[merseyside]
    assert data.a.policy_tags[data.a.codes.index("TLJ1")] == frozenset()
    seoul = data.b.codes.index("KR-11")
    assert (data.b.capital[seoul], data.b.tier[seoul], data.b.authority[seoul]) == (True, 1, "metropolitan")


def test_input_unknown_country_is_named_in_the_error(atlas) -> None:
    with pytest.raises(NotFoundError, match=r"There is no country with the code XX; the atlas has GB, KR\."):
        build_pairing_input(country_a="XX", country_b="KR")


def test_input_same_country_twice_is_refused(atlas) -> None:
    with pytest.raises(DataError, match="choose two different countries"):
        build_pairing_input(country_a="KR", country_b="KR")


def test_input_level_without_employment_names_the_levels_that_have_it(atlas) -> None:
    with pytest.raises(NotFoundError) as caught:
        build_pairing_input(country_a="GB", country_b="KR", level_a="uk-lad")
    assert caught.value.message == (
        "The atlas has no employment by industry for regions of level 'uk-lad' in United Kingdom; levels "
        "with "
        "it: uk-itl2."
    )
