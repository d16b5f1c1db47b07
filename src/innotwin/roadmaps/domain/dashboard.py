"""What a pair's dashboard and roadmap document show: the pipeline board, the timeline chart's geometry,
overdue milestones and recent changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from innotwin.core.roadmaps import STAGES, allowed_targets
from innotwin.pairs.models import TwinPair
from innotwin.roadmaps.enums import MilestoneStatus, ProposalStage
from innotwin.roadmaps.models import Change, Milestone, Proposal

#: Timeline chart geometry (SVG user units).
LABEL_WIDTH = 230
CHART_WIDTH = 560
ROW_HEIGHT = 28
AXIS_HEIGHT = 24


def pair_proposals(pair: TwinPair) -> QuerySet[Proposal]:
    return (
        pair.proposals.select_related("pillar", "theme", "lead_uk__region", "lead_kr__region", "funding_call")
        .prefetch_related("partners__organisation__region", "milestones")
        .order_by("pk")
    )


@dataclass(frozen=True)
class Card:
    proposal: Proposal
    targets: tuple[tuple[str, str], ...]


@dataclass
class Column:
    stage: str
    label: str
    cards: list[Card] = field(default_factory=list)


def board(proposals: list[Proposal]) -> list[Column]:
    """One column per stage, in pipeline order; each card lists the stages it may move to."""
    labels = dict(ProposalStage.choices)
    columns = {stage: Column(stage=str(stage), label=str(labels[stage])) for stage in STAGES}
    for proposal in proposals:
        targets = tuple((str(stage), str(labels[stage])) for stage in allowed_targets(proposal.stage))
        columns[proposal.stage].cards.append(Card(proposal=proposal, targets=targets))
    return list(columns.values())


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Marker:
    x: float
    title: str
    due_on: dt.date
    status: str
    overdue: bool


@dataclass(frozen=True)
class Row:
    y: float
    proposal: Proposal
    bar_x: float | None
    bar_width: float
    markers: tuple[Marker, ...]


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    label_width: int
    chart_width: int
    rows: tuple[Row, ...]
    ticks: tuple[Tick, ...]
    today_x: float | None
    start: dt.date | None
    end: dt.date | None


def timeline(proposals: list[Proposal], *, today: dt.date | None = None) -> Timeline:
    """The Gantt chart of proposals (start to end) and their milestones, one row per proposal that has
    a date; the axis spans every date shown, with a tick per year (or per quarter within two years)."""
    today = today or timezone.localdate()
    dated = [p for p in proposals if p.starts_on or p.ends_on or any(True for _m in p.milestones.all())]
    dates = [d for p in dated for d in (p.starts_on, p.ends_on) if d] + [
        m.due_on for p in dated for m in p.milestones.all()
    ]
    if not dates:
        return Timeline(
            width=LABEL_WIDTH + CHART_WIDTH,
            height=AXIS_HEIGHT,
            label_width=LABEL_WIDTH,
            chart_width=CHART_WIDTH,
            rows=(),
            ticks=(),
            today_x=None,
            start=None,
            end=None,
        )
    start = dt.date(min(dates).year, 1, 1)
    end = dt.date(max(dates).year + 1, 1, 1)
    span = (end - start).days

    def x(day: dt.date) -> float:
        return round(LABEL_WIDTH + CHART_WIDTH * (day - start).days / span, 1)

    years = end.year - start.year
    ticks = []
    for year in range(start.year, end.year):
        ticks.append(Tick(x(dt.date(year, 1, 1)), str(year)))
        if years <= 2:
            ticks.extend(Tick(x(dt.date(year, month, 1)), f"Q{(month - 1) // 3 + 1}") for month in (4, 7, 10))
    rows = []
    for index, proposal in enumerate(dated):
        y = AXIS_HEIGHT + index * ROW_HEIGHT
        begin = proposal.starts_on or proposal.ends_on
        finish = proposal.ends_on or proposal.starts_on
        bar_x = x(begin) if begin else None
        width = max(x(finish) - x(begin), 4.0) if begin and finish else 0.0
        markers = tuple(
            Marker(
                x=x(m.due_on),
                title=m.title,
                due_on=m.due_on,
                status=m.status,
                overdue=m.status == MilestoneStatus.PLANNED and m.due_on < today,
            )
            for m in proposal.milestones.all()
        )
        rows.append(Row(y=y, proposal=proposal, bar_x=bar_x, bar_width=width, markers=markers))
    return Timeline(
        width=LABEL_WIDTH + CHART_WIDTH,
        height=AXIS_HEIGHT + len(rows) * ROW_HEIGHT + 6,
        label_width=LABEL_WIDTH,
        chart_width=CHART_WIDTH,
        rows=tuple(rows),
        ticks=tuple(ticks),
        today_x=x(today) if start <= today <= end else None,
        start=start,
        end=end,
    )


def overdue_milestones(pair: TwinPair, *, today: dt.date | None = None) -> QuerySet[Milestone]:
    today = today or timezone.localdate()
    return (
        Milestone.objects.filter(proposal__pair=pair, status=MilestoneStatus.PLANNED, due_on__lt=today)
        .select_related("proposal")
        .order_by("due_on")
    )


@dataclass(frozen=True)
class ChangeGroup:
    """The changes one person made to one record in one edit."""

    at: dt.datetime
    actor_label: str
    proposal: Proposal | None
    record: str
    created: bool
    changes: tuple[Change, ...]

    @property
    def record_label(self) -> str:
        return self.changes[0].record_label


def recent_changes(pair: TwinPair, *, limit: int = 10) -> list[ChangeGroup]:
    """The latest edits of the pair's roadmap records, newest first, each edit's field changes together."""
    rows = pair.roadmap_changes.select_related("proposal").order_by("-at", "-pk")[: limit * 20]
    groups: list[list[Change]] = []
    for change in rows:
        last = groups[-1][0] if groups else None
        if last is not None and (last.record, last.record_id, last.at, last.actor_label) == (
            change.record,
            change.record_id,
            change.at,
            change.actor_label,
        ):
            groups[-1].append(change)
        elif len(groups) == limit:
            break
        else:
            groups.append([change])
    return [
        ChangeGroup(
            at=group[0].at,
            actor_label=group[0].actor_label,
            proposal=group[0].proposal,
            record=group[0].record,
            created=all(change.old == "" for change in group) and len(group) > 2,
            changes=tuple(reversed(group)),
        )
        for group in groups
    ]
