"""Turns rankings and explanations into what pages show: heat-map cells, chart bars, numbered sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from innotwin.atlas.models import Indicator
from innotwin.bilingual import pick
from innotwin.core.pairing import IndustryEvidence, load_theme_map
from innotwin.discovery.domain.build_pairing_input import InputValue, SideInput, SourceNote
from innotwin.discovery.domain.explain_pair import PairReport
from innotwin.discovery.domain.rank_pairs import Ranking
from innotwin.discovery.phrases import (
    AUTHORITY_LABELS,
    BASIS_LABELS,
    COMPONENT_LABELS,
    DIMENSION_LABELS,
    DIMENSION_QUESTIONS,
    INDICATOR_LABELS,
    label,
    left_out_reason,
)

HEAT_BINS = 6
CHART_ROW_HEIGHT = 30
CHART_BAR_MAX = 360  # px of the 900-px-wide dimension chart; labels take the left, values the right
SIDE_BAR_MAX = 200  # px of the 560-px-wide charts of each region's industries, drawn side by side


@dataclass
class Notes:
    """Numbered source notes: each (source, year) once, numbered in order of first use."""

    sources: dict[str, SourceNote]
    items: list[dict[str, Any]] = field(default_factory=list)
    _numbers: dict[tuple[str, int], int] = field(default_factory=dict)

    def number(self, source: str, period: int) -> int:
        key = (source, period)
        if key not in self._numbers:
            self._numbers[key] = len(self.items) + 1
            note = self.sources.get(source)
            self.items.append({"number": self._numbers[key], "source": note, "key": source, "period": period})
        return self._numbers[key]


def heat_map(ranking: Ranking) -> dict[str, Any]:
    """Every pair as a cell of a regions(a) × regions(b) table, binned into ``HEAT_BINS`` shades, with the
    value printed in every cell and the top-k pairs marked, so that colour is never the only cue."""
    totals = [pair.total for pair in ranking.pairs if pair.total is not None]
    low, high = (min(totals), max(totals)) if totals else (0.0, 1.0)
    width = (high - low) / HEAT_BINS or 1.0
    rows = []
    for (code, name_en, name_ko), pairs in ranking.grid():
        cells = []
        for pair in pairs:
            shade = "none" if pair.total is None else min(HEAT_BINS - 1, int((pair.total - low) / width))
            top = pair.rank <= ranking.k
            # Formatted here, not in the template: 680 cells through template filters cost ~100 ms a page.
            cells.append(
                {
                    "css": f"heat-{shade}{' heat-top' if top else ''}",
                    "text": "–" if pair.total is None else number_format(pair.total, 2),
                    "top": top,
                }
            )
        rows.append({"code": code, "name": pick(en=name_en, ko=name_ko), "cells": cells})
    legend = [
        {"shade": n, "low": low + n * width, "high": low + (n + 1) * width if n < HEAT_BINS - 1 else high}
        for n in range(HEAT_BINS)
    ]
    columns = [{"code": code, "name": pick(en=en, ko=ko)} for code, en, ko in ranking.regions_b]
    return {"rows": rows, "columns": columns, "legend": legend}


def dimension_bars(report: PairReport) -> list[dict[str, Any]]:
    """One bar per dimension: its score (bar length), weight share and contribution; left-out ones say why."""
    pair = report.explanation.pair
    present_a, present_b = report.available("a"), report.available("b")
    bars = []
    for index, part in enumerate(pair.dimensions):
        missing = part.left_out is not None
        bars.append(
            {
                "dimension": part.dimension,
                "name": label(DIMENSION_LABELS, part.dimension),
                "score": None if missing else part.score,
                "weight": part.weight,
                "share": part.share,
                "contribution": part.contribution,
                "question": label(DIMENSION_QUESTIONS, part.dimension),
                "components": [
                    {"name": label(COMPONENT_LABELS, name), "value": value}
                    for name, value in part.components.items()
                ],
                "width": 0.0 if missing else round(CHART_BAR_MAX * part.score, 1),
                "y": index * CHART_ROW_HEIGHT,
                "reason": left_out_reason(
                    dimension=part.dimension,
                    name_a=report.entry.name_a,
                    name_b=report.entry.name_b,
                    inputs_a=present_a,
                    inputs_b=present_b,
                )
                if missing
                else None,
            }
        )
    return bars


def industry_bars(items: tuple[IndustryEvidence, ...], *, side: str) -> list[dict[str, Any]]:
    """Bars of the location quotients of one side (``"a"`` or ``"b"``) for a list of industries."""
    values = [item.rca_a if side == "a" else item.rca_b for item in items]
    widest = max(values, default=0.0) or 1.0
    return [
        {
            "name": pick(en=item.name_en, ko=item.name_ko),
            "code": item.industry,
            "value": value,
            "width": round(SIDE_BAR_MAX * value / widest, 1),
            "y": index * CHART_ROW_HEIGHT,
        }
        for index, (item, value) in enumerate(zip(items, values, strict=True))
    ]


def industry_rows(items: tuple[IndustryEvidence, ...]) -> list[dict[str, Any]]:
    """An explanation's industry list as table rows in the reader's language."""
    return [
        {
            "name": pick(en=item.name_en, ko=item.name_ko),
            "code": item.industry,
            "lq_a": item.rca_a,
            "lq_b": item.rca_b,
            "related_a": item.relatedness_a,
            "related_b": item.relatedness_b,
            "value": item.value,
        }
        for item in items
    ]


def theme_rows(report: PairReport) -> list[dict[str, Any]]:
    """Suggested themes with their pillars and evidence, in the reader's language."""
    themes = load_theme_map()
    industry_names = {
        item.industry: pick(en=item.name_en, ko=item.name_ko)
        for group in (
            report.explanation.shared,
            report.explanation.complementary_a_to_b,
            report.explanation.complementary_b_to_a,
            report.explanation.strengths_a,
            report.explanation.strengths_b,
        )
        for item in group
    }
    return [
        {
            "id": theme.theme,
            "name": pick(en=theme.name_en, ko=theme.name_ko),
            "pillars": [
                {
                    "id": pillar,
                    "name": pick(en=themes.pillar(pillar).name_en, ko=themes.pillar(pillar).name_ko),
                }
                for pillar in theme.pillars
            ],
            "basis": [label(BASIS_LABELS, basis) for basis in theme.basis],
            "industries": [
                industry_names.get(code, code)
                for code in (*theme.shared_industries, *theme.complementary_industries)
            ],
            "strength": theme.strength,
        }
        for theme in report.explanation.suggested_themes
    ]


def policy_rows(report: PairReport) -> list[list[dict[str, Any]]]:
    """Each region's strategy documents with the themes they name, in the reader's language."""
    themes = {theme.id: pick(en=theme.name_en, ko=theme.name_ko) for theme in load_theme_map().themes}
    return [
        [
            {"document": d.document, "urls": d.urls, "themes": [themes.get(tag, tag) for tag in d.tags]}
            for d in documents
        ]
        for documents in (report.policy_a, report.policy_b)
    ]


def side_themes(report: PairReport, side: str) -> list[str]:
    """The themes one region is most specialised in, by name."""
    items = report.explanation.themes_a if side == "a" else report.explanation.themes_b
    return [pick(en=item.name_en, ko=item.name_ko) for item in items]


def _value_cell(
    entry: InputValue | None, notes: Notes, indicators: dict[str, Indicator]
) -> dict[str, Any] | None:
    if entry is None:
        return None
    indicator = indicators.get(entry.indicator)
    return {
        "value": entry.value,
        "unit": entry.unit,
        "period": entry.period,
        "note": notes.number(entry.source, entry.period),
        "measure": indicator.name if indicator else entry.indicator,
        "ppp_rate": entry.ppp_rate,
    }


def input_rows(report: PairReport, notes: Notes) -> list[dict[str, Any]]:
    """The scale and research values the engine compared, both regions side by side, each with its note."""
    names = [name for name in INDICATOR_LABELS if name in report.inputs_a or name in report.inputs_b]
    codes = {entry.indicator for entry in (*report.inputs_a.values(), *report.inputs_b.values())}
    indicators = {indicator.code: indicator for indicator in Indicator.objects.filter(code__in=codes)}
    return [
        {
            "name": label(INDICATOR_LABELS, name),
            "a": _value_cell(report.inputs_a.get(name), notes, indicators),
            "b": _value_cell(report.inputs_b.get(name), notes, indicators),
        }
        for name in names
    ]


def governance_rows(report: PairReport) -> list[dict[str, Any]]:
    """Capital status, tier and authority of both regions from the committed table, with its basis."""
    rows = []
    for governance in (report.governance_a, report.governance_b):
        if governance is None:
            rows.append(None)
            continue
        rows.append(
            {
                "capital": governance.capital,
                "tier": governance.tier,
                "authority": label(AUTHORITY_LABELS, governance.authority),
                "basis": governance.basis,
            }
        )
    return rows


def employment_note(side: SideInput, notes: Notes) -> dict[str, Any]:
    """The employment measure of one side, its year and its source note."""
    indicator = Indicator.objects.filter(code=side.sector_indicator).first()
    return {
        "measure": indicator.name if indicator else side.sector_indicator,
        "period": side.sector_period,
        "notes": [notes.number(source, side.sector_period) for source in side.sector_sources],
    }


def ranking_notes(ranking: Ranking) -> tuple[Notes, dict[str, list[dict[str, Any]]]]:
    """Source notes of everything a ranking rests on, and per side the inputs used with their years."""
    notes = Notes(sources=ranking.sources)
    codes = {
        entry.indicator
        for side in (ranking.a, ranking.b)
        for found in side.values.values()
        for entry in found.values()
    } | {ranking.a.sector_indicator, ranking.b.sector_indicator}
    indicators = {indicator.code: indicator for indicator in Indicator.objects.filter(code__in=codes)}
    sides: dict[str, list[dict[str, Any]]] = {}
    for key, side in (("a", ranking.a), ("b", ranking.b)):
        items = []
        sector = indicators.get(side.sector_indicator)
        items.append(
            {
                "name": _("Employment by industry"),
                "measure": sector.name if sector else side.sector_indicator,
                "periods": [side.sector_period],
                "count": len(side.codes),
                "notes": [notes.number(source, side.sector_period) for source in side.sector_sources],
            }
        )
        for name in INDICATOR_LABELS:
            found = side.values.get(name)
            if not found:
                continue
            used = sorted({(e.indicator, e.period, e.source) for e in found.values()})
            items.append(
                {
                    "name": label(INDICATOR_LABELS, name),
                    "measure": ", ".join(
                        sorted(
                            {indicators[code].name if code in indicators else code for code, _p, _s in used}
                        )
                    ),
                    "periods": sorted({period for _c, period, _s in used}),
                    "count": len(found),
                    "notes": sorted({notes.number(source, period) for _c, period, source in used}),
                }
            )
        sides[key] = items
    return notes, sides
