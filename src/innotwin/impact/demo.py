"""The impact demo: the demo programme's real, sourced agreements collected as observations, and two
illustrative targets marked as demo. No outcome figure is invented."""

from __future__ import annotations

import datetime as dt

from innotwin.impact.domain.collectors import CollectionResult, collect
from innotwin.impact.domain.targets import set_target
from innotwin.pairs.models import TwinPair

DEMO_TARGETS = [
    # (pair slug, KPI, target, due date, note)
    (
        "liverpool-city-region-busan",
        "agreements_signed",
        3,
        dt.date(2027, 12, 31),
        "Illustrative demo target, not an agreed programme target.",
    ),
    (
        "belfast-sejong",
        "proposals_submitted",
        2,
        dt.date(2026, 12, 31),
        "Illustrative demo target, not an agreed programme target.",
    ),
]


def load_impact_demo() -> CollectionResult:
    """Collect observations from the demo records and set the demo targets; running it again changes
    nothing."""
    result = collect()
    for slug, kpi, value, due_on, note in DEMO_TARGETS:
        pair = TwinPair.objects.filter(slug=slug).first()
        if pair is not None:
            set_target(pair=pair, kpi=kpi, value=value, due_on=due_on, note=note, is_demo=True)
    return result
