"""What the dashboard and the PDF report show, computed once from a :class:`Summary`: the headline
cards, the charts' geometry (server-rendered SVG, with text alternatives and data tables), the funnel, the
pair-to-pair comparison and progress against targets."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _

from innotwin.impact.domain.summary import FUNNEL, Summary
from innotwin.impact.models import Kpi

LABEL_WIDTH = 280
BAR_WIDTH = 300
VALUE_WIDTH = 150
ROW_HEIGHT = 26
CHART_WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH


def number(value: Decimal | int | float | None) -> str:
    """A figure as people read it: grouped thousands, no decimals for whole numbers, at most two."""
    if value is None:
        return ""
    amount = Decimal(value)
    decimals = 0 if amount == amount.to_integral_value() else 2
    return formats.number_format(amount, decimal_pos=decimals, force_grouping=True)


def with_unit(value: Decimal | int | float, kpi: Kpi) -> str:
    text = number(value)
    if kpi.unit == "gbp":
        return f"£{text}"
    if kpi.unit == "tco2e":
        return _("%(value)s tCO2e") % {"value": text}
    return text


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    text: str  # the value written out, beside the bar: the figure never rests on colour or length alone
    y: int
    width: float
    href: str = ""

    @property
    def label_x(self) -> int:
        return LABEL_WIDTH - 8

    @property
    def value_x(self) -> float:
        return LABEL_WIDTH + self.width + 6


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    bars: list[Bar]
    height: int
    label_header: str
    value_header: str
    label_width: int = LABEL_WIDTH
    bar_x: int = LABEL_WIDTH
    text_x_pad: int = 6


def bar_chart(
    *, id: str, title: str, rows: list[tuple[str, Decimal, str]], label_header: str, value_header: str
) -> Chart:
    """A horizontal bar chart of (label, value, value as text) rows; its description reads every value."""
    top = max((value for _label, value, _text in rows), default=Decimal(0))
    bars = [
        Bar(
            label=label,
            value=value,
            text=text,
            y=index * ROW_HEIGHT,
            width=float(value / top * BAR_WIDTH) if top > 0 else 0.0,
        )
        for index, (label, value, text) in enumerate(rows)
    ]
    description = "; ".join(f"{label}: {text}" for label, _value, text in rows) or _("No figures yet.")
    return Chart(
        id=id,
        title=title,
        description=description,
        bars=bars,
        height=max(len(bars), 1) * ROW_HEIGHT,
        label_header=label_header,
        value_header=value_header,
    )


def dashboard_context(summary: Summary, *, pdf: bool = False) -> dict[str, Any]:
    """The template context of the dashboard and of the PDF report (the same figures in both)."""
    headlines = {item.kpi.code: item for item in summary.headlines}
    trends = []
    for code, points in summary.trends.items():
        kpi = headlines[code].kpi
        trends.append(
            bar_chart(
                id=f"chart-trend-{code}",
                title=_("%(kpi)s per year (verified)") % {"kpi": kpi.name},
                rows=[(str(point.year), point.value, with_unit(point.value, kpi)) for point in points],
                label_header=_("Year"),
                value_header=kpi.name,
            )
        )
    names = {code: headlines[code].kpi.name for code in FUNNEL if code in headlines}
    funnel_rows = []
    for step in summary.funnel:
        text = number(step.count)
        if step.from_previous is not None:
            text += (
                " ("
                + _("%(share)s of the step before")
                % {"share": formats.number_format(100 * step.from_previous, decimal_pos=0) + "%"}
                + ")"
            )
        funnel_rows.append((str(names[step.name]), Decimal(step.count), text))
    funnel = bar_chart(
        id="chart-funnel",
        title=_("From introductions to funded projects (verified)"),
        rows=funnel_rows,
        label_header=_("Step"),
        value_header=_("Number"),
    )
    comparison_kpis = [
        item.kpi
        for item in summary.headlines
        if any(item.kpi.code in values for _pair, values in summary.comparison)
    ]
    comparison_charts = [
        bar_chart(
            id=f"chart-compare-{kpi.code}",
            title=_("%(kpi)s by twin pair (verified)") % {"kpi": kpi.name},
            rows=[
                (
                    pair.name,
                    values.get(kpi.code, Decimal(0)),
                    with_unit(values.get(kpi.code, Decimal(0)), kpi),
                )
                for pair, values in summary.comparison
            ],
            label_header=_("Twin pair"),
            value_header=kpi.name,
        )
        for kpi in comparison_kpis
    ]
    comparison_table = [
        (pair, [with_unit(values.get(kpi.code, Decimal(0)), kpi) for kpi in comparison_kpis])
        for pair, values in summary.comparison
    ]
    return {
        "summary": summary,
        "pair": summary.pair,
        "headlines": [
            {
                "item": item,
                "verified": with_unit(item.verified, item.kpi),
                "verified_krw": f"₩{number(item.verified_krw)}"
                if item.kpi.is_money and item.verified_count
                else "",
                "awaiting": with_unit(item.awaiting, item.kpi),
            }
            for item in summary.headlines
        ],
        "trends": trends,
        "funnel": funnel,
        "comparison_kpis": comparison_kpis,
        "comparison_charts": comparison_charts,
        "comparison_table": comparison_table,
        "targets": [
            {
                "row": row,
                "achieved": with_unit(row.progress.achieved, row.target.kpi),
                "target": with_unit(row.target.value, row.target.kpi),
                "share": None
                if row.progress.share is None
                else formats.number_format(100 * row.progress.share, decimal_pos=0) + "%",
                "width": 0 if row.progress.share is None else min(row.progress.share, 1) * BAR_WIDTH,
            }
            for row in summary.targets
        ],
        "chart_width": CHART_WIDTH,
        "bar_width": BAR_WIDTH,
        "pdf": pdf,
    }
