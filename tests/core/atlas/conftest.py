"""Fixtures for the atlas tests: the geography and one bundle built from the real shared data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from innotwin.core.atlas.build import AtlasBundle, build_atlas
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import LoadResult, Observation
from innotwin.core.atlas.registry import load_geography


@pytest.fixture(scope="session")
def geography(shared_data: Path) -> Geography:
    """The atlas geography read from the shared data."""
    return load_geography(shared_dir=shared_data)


@pytest.fixture(scope="session")
def bundle(shared_data: Path) -> AtlasBundle:
    """The default bundle, built once per test session."""
    return build_atlas(shared_data)


Finder = Callable[..., Observation]
"""``find(result, region, indicator, period, industry="")`` → the one matching observation."""


@pytest.fixture(scope="session")
def find() -> Finder:
    """A function returning the single observation of a region, indicator, period (and industry)."""
    return _find


def _find(
    result: LoadResult | AtlasBundle, region: str, indicator: str, period: int, industry: str = ""
) -> Observation:
    """The single observation of a region, indicator, period (and industry code) in a result."""
    matches = [
        o
        for o in result.observations
        if (o.region_code, o.indicator_code, o.period, o.industry_code)
        == (region, indicator, period, industry)
    ]
    assert len(matches) == 1, f"{len(matches)} observations for {region} {indicator} {period} {industry}"
    return matches[0]
