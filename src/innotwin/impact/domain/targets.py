"""Targets per pair and KPI."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction

from innotwin.core.errors import DataError, Problem
from innotwin.impact.domain.observations import kpi_by_code
from innotwin.impact.models import Kpi, Target
from innotwin.pairs.models import TwinPair


@transaction.atomic
def set_target(
    *,
    pair: TwinPair,
    kpi: Kpi | str,
    value: Decimal | int,
    due_on: dt.date,
    baseline: Decimal | int = 0,
    note: str = "",
    set_by: Any = None,
    is_demo: bool = False,
) -> Target:
    """Set (or change) what ``pair`` aims to reach on ``kpi`` by ``due_on``."""
    kpi = kpi_by_code(kpi) if isinstance(kpi, str) else kpi
    value, baseline = Decimal(value), Decimal(baseline)
    problems = []
    if value < 0 or baseline < 0:
        problems.append(Problem("A target and its baseline are zero or more.", field="value"))
    elif value <= baseline:
        problems.append(
            Problem(f"The target ({value}) must be above the baseline ({baseline}).", field="value")
        )
    if problems:
        raise DataError(problems)
    target, _created = Target.objects.update_or_create(
        pair=pair,
        kpi=kpi,
        due_on=due_on,
        defaults={
            "value": value,
            "baseline": baseline,
            "note": note.strip(),
            "set_by": set_by if getattr(set_by, "pk", None) else None,
            "is_demo": is_demo,
        },
    )
    return target
