"""Validation of region sets and pairing inputs."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

from innotwin.core.errors import DataError
from innotwin.core.pairing import PairingInput, RegionSet


def region_set(**changes):
    arguments = {
        "country": "AA",
        "codes": ["r1", "r2"],
        "names_en": ["One", "Two"],
        "industries": ["01", "02"],
        "employment": [[1.0, 2.0], [3.0, 4.0]],
    } | changes
    return RegionSet(**arguments)


def messages(error: pytest.ExceptionInfo[DataError]) -> list[str]:
    return [problem.message for problem in error.value.problems]


def test_region_set_normalises_tags_and_defaults_korean_names():
    regions = region_set(policy_tags=[[" Hydrogen ", "hydrogen"], []], names_ko=["하나", ""])
    assert regions.policy_tags == (frozenset({"hydrogen"}), frozenset())
    assert regions.names_ko == ("하나", "Two")
    assert regions.capital == (None, None)


def test_region_set_stores_read_only_arrays():
    regions = region_set(indicators={"population": [10.0, math.nan]})
    assert (regions.employment.flags.writeable, regions.indicators["population"].flags.writeable) == (
        False,
        False,
    )


def test_region_set_reports_every_problem_at_once():
    with pytest.raises(DataError) as error:
        region_set(
            codes=["r1", "r1"],
            employment=[[1.0, 2.0], [0.0, 0.0]],
            indicators={"gdp": [1.0, 2.0], "population": [0.0, 5.0]},
            tier=[0, 2],
        )
    assert messages(error) == [
        "The 'codes' parameter of RegionSet must be unique. Got duplicates ['r1'] instead.",
        "The 'tier' parameter of RegionSet must be a positive "
        "integer or None per region. Got other values instead.",
        "The 'employment' parameter of RegionSet must be positive "
        "in every region's total. Got zero for ['r1'] instead.",
        "The 'indicators' parameter of RegionSet must be keyed by names from ['population', 'output', "
        "'output_per_head_ppp', 'universities', 'rnd_personnel', 'rnd_spending', 'patents', "
        "'public_rnd_funding']. Got 'gdp' instead.",
        "The 'indicators[population]' parameter of RegionSet "
        "must be positive, or NaN where missing. Got zero instead.",
    ]


def test_region_set_with_nan_employment_raises():
    with pytest.raises(DataError) as error:
        region_set(employment=[[1.0, math.nan], [1.0, 1.0]])
    assert messages(error) == [
        "The 'employment' parameter of RegionSet must be finite (fill suppressed cells explicitly). "
        "Got NaN or infinity instead."
    ]


def test_region_set_with_wrong_shape_raises():
    with pytest.raises(DataError) as error:
        region_set(employment=[[1.0, 2.0, 3.0]])
    assert messages(error) == [
        "The 'employment' parameter of RegionSet must be of shape (regions, industries) = (2, 2). "
        "Got shape (1, 3) instead."
    ]


def test_region_set_with_string_tags_raises():
    with pytest.raises(DataError) as error:
        region_set(policy_tags=["hydrogen", []])
    assert messages(error) == [
        "The 'policy_tags' parameter of RegionSet must be a collection of tags per region. "
        "Got a string or a scalar instead."
    ]


def test_region_set_from_frames_reads_names_indicators_and_attributes():
    employment = pd.DataFrame([[1, 2], [3, 4]], index=["r1", "r2"], columns=["01", "02"])
    regions = pd.DataFrame(
        {
            "name_en": ["Two", "One"],
            "population": [20.0, np.nan],
            "tier": [2.0, np.nan],
            "capital": [True, None],
            "policy_tags": ["smart_cities; fintech", None],
        },
        index=["r2", "r1"],
    )
    result = RegionSet.from_frames(country="AA", employment=employment, regions=regions)
    assert result.names_en == ("One", "Two")
    assert np.isnan(result.indicators["population"][0])
    assert result.indicators["population"][1] == 20.0
    assert (result.tier, result.capital) == ((None, 2), (None, True))
    assert result.policy_tags == (frozenset(), frozenset({"smart_cities", "fintech"}))


def test_region_set_can_be_replaced_field_by_field():
    regions = region_set(indicators={"population": [10.0, 20.0]})
    assert dataclasses.replace(regions, indicators={}).indicators == {}


def test_pairing_input_with_reordered_industries_raises():
    with pytest.raises(DataError) as error:
        PairingInput(a=region_set(), b=region_set(industries=["02", "01"]))
    assert str(error.value) == (
        "The 'b' parameter of PairingInput must have the same industry columns, in the same order, as 'a'. "
        "Got the same industries in another order instead."
    )


def test_pairing_input_with_different_industries_raises():
    with pytest.raises(DataError) as error:
        PairingInput(a=region_set(), b=region_set(industries=["01", "03"]))
    assert str(error.value) == (
        "The 'b' parameter of PairingInput must have the same industry columns, in the same order, as 'a'. "
        "Got different industries instead."
    )


def test_pairing_input_with_names_of_unknown_industries_raises():
    with pytest.raises(DataError) as error:
        PairingInput(a=region_set(), b=region_set(), industry_names_en={"99": "Extraterritorial"})
    assert str(error.value) == (
        "The 'industry_names_en' parameter of PairingInput must name only industries of the input. "
        "Got ['99'] instead."
    )


def test_pairing_input_industry_name_falls_back_to_english_then_code():
    data = PairingInput(a=region_set(), b=region_set(), industry_names_en={"01": "Crops"})
    assert [data.industry_name("01", language="ko"), data.industry_name("02")] == ["Crops", "02"]
