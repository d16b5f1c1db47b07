"""A toy pairing input small enough to score by hand (the hand computation is in test_pairing_dimensions)."""

from __future__ import annotations

import math

import pytest

from innotwin.core.pairing import PairingInput, RegionSet

INDUSTRIES = ("10", "29", "30")


def toy_input() -> PairingInput:
    """Two regions a side, three industries (food, motor vehicles, other transport equipment)."""
    nan = math.nan
    return PairingInput(
        a=RegionSet(
            country="AA",
            codes=["a1", "a2"],
            names_en=["Alpha", "Beta"],
            names_ko=["알파", "베타"],
            industries=INDUSTRIES,
            employment=[[30, 10, 10], [10, 30, 10]],
            indicators={
                "population": [1.0e6, 2.0e6],
                "output_per_head_ppp": [40_000.0, 30_000.0],
                "rnd_personnel": [3_000.0, 2_000.0],
                "patents": [10.0, nan],
            },
            policy_tags=[{"maritime_ports", "net_zero_clean_energy"}, set()],
            capital=[False, False],
            tier=[2, 3],
            authority=["metropolitan", "provincial"],
        ),
        b=RegionSet(
            country="BB",
            codes=["b1", "b2"],
            names_en=["Gamma", "Delta"],
            names_ko=["감마", "델타"],
            industries=INDUSTRIES,
            employment=[[10, 10, 30], [30, 10, 10]],
            indicators={
                "population": [1.0e6, 4.0e6],
                "output_per_head_ppp": [30_000.0, nan],
                "rnd_personnel": [5_000.0, 4_000.0],
            },
            policy_tags=[{"net_zero_clean_energy", "hydrogen", "mobility"}, {"Maritime_Ports "}],
            capital=[False, True],
            tier=[2, None],
            authority=["metropolitan", "metropolitan"],
        ),
        industry_names_en={"10": "Food products", "29": "Motor vehicles", "30": "Other transport equipment"},
        industry_names_ko={"10": "식료품", "29": "자동차", "30": "기타 운송장비"},
    )


@pytest.fixture
def toy() -> PairingInput:
    return toy_input()
