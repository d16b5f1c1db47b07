"""Invariants checked with Hypothesis: number text round-trips, sums independent of row order."""

from __future__ import annotations

from random import Random

from hypothesis import given
from hypothesis import strategies as st

from innotwin.core.atlas.bundle_io import format_number
from innotwin.core.atlas.csvio import parse_number
from innotwin.core.atlas.harmonise import by_isic_group
from innotwin.core.atlas.industries import harmonised_group_of_ksic
from innotwin.core.atlas.model import Observation, Quality, Source

SOURCE = Source(key="s", publisher="P", dataset="D", url="u", licence="L")
KSIC = ["05", "26", "27", "41", "42", "61", "71", "75", "87", "95"]


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_parse_number_reads_any_thousands_separated_integer(number: int) -> None:
    assert parse_number(f"{number:,}") == float(number)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_format_number_round_trips_and_is_stable(value: float) -> None:
    text = format_number(value)
    parsed = parse_number(text)
    assert isinstance(parsed, float)
    assert (abs(parsed - value) <= 5e-7 * max(1.0, abs(value)), format_number(parsed)) == (True, text)


@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "B"]), st.sampled_from(KSIC), st.integers(0, 10**6)),
        unique_by=lambda item: (item[0], item[1]),
    ),
    st.randoms(use_true_random=False),
)
def test_by_isic_group_does_not_depend_on_row_order(rows: list[tuple[str, str, int]], rng: Random) -> None:
    observations = [
        Observation(
            region_code=region,
            indicator_code="workers",
            period=2023,
            value=float(value),
            unit="persons",
            source=SOURCE,
            quality=Quality.OFFICIAL,
            industry_classification="ksic10",
            industry_code=code,
        )
        for region, code, value in rows
    ]
    shuffled = list(observations)
    rng.shuffle(shuffled)
    assert _groups(shuffled) == _groups(observations)


def _groups(observations: list[Observation]) -> object:
    return by_isic_group(
        observations,
        group_of=harmonised_group_of_ksic,
        label="KSIC10 divisions",
        official_when_same_code=False,
    )
