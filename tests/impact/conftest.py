"""Fixtures of the impact tests: a pair with its coordinator, organisations on both sides, and helpers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.factories import make_pair


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def pair(people):
    from innotwin.pairs.domain.assign_coordinator import assign_coordinator

    made = make_pair(slug="town-city")
    assign_coordinator(pair=made, user=people["coordinator"])
    return made


@pytest.fixture
def organisations(pair, people):
    """A UK organisation (``member`` belongs to it) and a Korean one, in the pair's two regions."""
    from tests.organisations.factories import make_organisation

    uk = make_organisation(actor=people["member"], name_en="Harbour Robotics Ltd", region="GBX1")
    kr = make_organisation(actor=None, name_en="Haeundae Marine Co", region="KRX1")
    return {"uk": uk, "kr": kr}


def link(url: str = "https://example.org/evidence") -> Any:
    from innotwin.impact.domain.observations import Evidence

    return Evidence(url=url)


def report_jobs(
    pair: Any,
    organisation: Any,
    *,
    reporter: Any,
    project: str = "Port drones",
    value: int = 4,
    start: dt.date = dt.date(2025, 1, 1),
    end: dt.date = dt.date(2025, 12, 31),
    country: str = "GB",
) -> Any:
    from innotwin.impact.domain.observations import record_observation

    return record_observation(
        kpi="jobs_created",
        pair=pair,
        value=Decimal(value),
        period_start=start,
        period_end=end,
        reporter=reporter,
        evidence=link(),
        country=country,
        organisation=organisation,
        project=project,
    )
