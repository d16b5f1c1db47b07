"""What the dashboards, the exports and the PDF reports show — one function, so their figures agree.

Only verified observations count in a figure. Reported ones are shown beside it as awaiting verification
(to those who may see them); disputed ones are never counted.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from innotwin.accounts.permissions import Action, visible
from innotwin.core.impact import Direction, FunnelStep, Progress, funnel, progress, share
from innotwin.impact.enums import Status
from innotwin.impact.models import Kpi, Observation, Target
from innotwin.pairs.models import TwinPair

#: The funnel from introductions to funded projects, as KPI codes.
FUNNEL = ("introductions", "agreements_signed", "proposals_submitted", "proposals_funded")


@dataclass
class Headline:
    """One KPI's figure: the verified total, what awaits verification, and where the figure comes from."""

    kpi: Kpi
    verified: Decimal = Decimal(0)
    verified_krw: Decimal = Decimal(0)
    verified_count: int = 0
    verified_demo: int = 0  # how many of the verified observations are demo data
    awaiting: Decimal = Decimal(0)
    awaiting_count: int = 0
    latest: dt.date | None = None
    part_sme: int = 0
    part_women_led: int = 0
    parts_base: Decimal = Decimal(0)  # the verified value of the observations that give their parts

    @property
    def sme_share(self) -> float | None:
        return share(self.part_sme, self.parts_base)

    @property
    def women_led_share(self) -> float | None:
        return share(self.part_women_led, self.parts_base)


@dataclass(frozen=True)
class TargetRow:
    target: Target
    progress: Progress


@dataclass(frozen=True)
class YearPoint:
    year: int
    value: Decimal


@dataclass
class Summary:
    pair: TwinPair | None
    generated: dt.date
    observations: list[Observation]
    headlines: list[Headline]
    trends: dict[str, list[YearPoint]]
    funnel: list[FunnelStep]
    targets: list[TargetRow]
    comparison: list[tuple[TwinPair, dict[str, Decimal]]] = field(default_factory=list)

    def headline(self, code: str) -> Headline:
        return next(item for item in self.headlines if item.kpi.code == code)

    @property
    def counted(self) -> list[Headline]:
        """The KPIs with at least one observation the reader may see."""
        return [item for item in self.headlines if item.verified_count or item.awaiting_count]


def visible_observations(user: Any, *, pair: TwinPair | None = None) -> QuerySet[Observation]:
    observations = Observation.objects.select_related(
        "kpi", "pair__region_a", "pair__region_b", "organisation", "reported_by"
    )
    if pair is not None:
        observations = observations.filter(pair=pair)
    return visible(user, Action.VIEW_IMPACT, observations).order_by("kpi__position", "-period_end", "-pk")


def impact_summary(user: Any, *, pair: TwinPair | None = None, today: dt.date | None = None) -> Summary:
    """Everything a dashboard, export or report shows, for the programme (``pair`` None) or one pair,
    restricted to what ``user`` may see."""
    observations = list(visible_observations(user, pair=pair))
    kpis = list(Kpi.objects.order_by("position"))
    headlines = {kpi.code: Headline(kpi=kpi) for kpi in kpis}
    years: dict[str, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    by_pair: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    pairs: dict[int, TwinPair] = {}
    for observation in observations:
        headline = headlines[observation.kpi_id]
        if observation.status == Status.VERIFIED:
            headline.verified += observation.value
            headline.verified_krw += observation.value_krw or 0
            headline.verified_count += 1
            headline.verified_demo += int(observation.is_demo)
            headline.latest = max(filter(None, (headline.latest, observation.period_end)))
            if observation.part_sme is not None or observation.part_women_led is not None:
                headline.parts_base += observation.value
                headline.part_sme += observation.part_sme or 0
                headline.part_women_led += observation.part_women_led or 0
            years[observation.kpi_id][observation.period_end.year] += observation.value
            by_pair[observation.pair_id][observation.kpi_id] += observation.value
            pairs[observation.pair_id] = observation.pair
        elif observation.status == Status.REPORTED:
            headline.awaiting += observation.value
            headline.awaiting_count += 1
    trends = {
        code: [YearPoint(year, value) for year, value in sorted(points.items())]
        for code, points in years.items()
    }
    steps = funnel([(code, int(headlines[code].verified)) for code in FUNNEL if code in headlines])
    targets = Target.objects.select_related("kpi", "pair__region_a", "pair__region_b").order_by(
        "pair", "kpi__position", "due_on"
    )
    if pair is not None:
        targets = targets.filter(pair=pair)
    else:
        targets = targets.filter(pair__in=visible(user, Action.VIEW_PAIR, TwinPair.objects.all()))
    achieved: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for observation in observations:
        if observation.status == Status.VERIFIED:
            achieved[(observation.pair_id, observation.kpi_id)] += observation.value
    target_rows = [
        TargetRow(
            target=target,
            progress=progress(
                achieved=achieved[(target.pair_id, target.kpi_id)],
                target=target.value,
                baseline=target.baseline,
                direction=Direction(target.kpi.direction),
            ),
        )
        for target in targets
    ]
    comparison = []
    if pair is None:
        comparison = [
            (pairs[pk], dict(values))
            for pk, values in sorted(by_pair.items(), key=lambda item: pairs[item[0]].slug)
        ]
    return Summary(
        pair=pair,
        generated=today or timezone.localdate(),
        observations=observations,
        headlines=list(headlines.values()),
        trends=trends,
        funnel=steps,
        targets=target_rows,
        comparison=comparison,
    )
