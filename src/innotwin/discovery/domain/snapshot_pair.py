"""A pair's explanation as plain JSON: what the API returns and what a proposal stores as evidence."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

from django.utils import translation

import innotwin
from innotwin.core.pairing import IndustryEvidence
from innotwin.discovery.domain.build_pairing_input import InputValue, SideInput
from innotwin.discovery.domain.explain_pair import PairReport
from innotwin.discovery.phrases import left_out_reason


def _clean(value: Any) -> Any:
    """NaN becomes None (JSON has no NaN); containers are cleaned recursively."""
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, dict):
        return {str(key): _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value


def _industries(items: tuple[IndustryEvidence, ...]) -> list[dict[str, Any]]:
    return [
        {
            "industry": item.industry,
            "name_en": item.name_en,
            "name_ko": item.name_ko,
            "location_quotient_a": item.rca_a,
            "location_quotient_b": item.rca_b,
            "relatedness_a": item.relatedness_a,
            "relatedness_b": item.relatedness_b,
            "value": item.value,
        }
        for item in items
    ]


def _inputs(values: dict[str, InputValue]) -> dict[str, dict[str, Any]]:
    return {
        name: {
            "value": entry.value,
            "unit": entry.unit,
            "atlas_indicator": entry.indicator,
            "year": entry.period,
            "source": entry.source,
            "ppp_rate": entry.ppp_rate,
        }
        for name, entry in values.items()
    }


def _employment(side: SideInput) -> dict[str, Any]:
    return {
        "country": side.country,
        "level": side.level,
        "indicator": side.sector_indicator,
        "year": side.sector_period,
        "sources": list(side.sector_sources),
        "ppp": None if side.ppp is None else asdict(side.ppp),
    }


def _reasons(report: PairReport, dimension: str) -> dict[str, str]:
    """Why ``dimension`` is left out of the pair, in English and Korean."""
    reasons = {}
    for language in ("en", "ko"):
        with translation.override(language):
            reasons[language] = left_out_reason(
                dimension=dimension,
                name_a=report.entry.name_a,
                name_b=report.entry.name_b,
                inputs_a=report.available("a"),
                inputs_b=report.available("b"),
            )
    return reasons


def snapshot_pair(*, report: PairReport) -> dict[str, Any]:
    """Everything that explains the pair, each number with its source and year, as JSON-ready data."""
    entry, explanation, ranking = report.entry, report.explanation, report.ranking
    pair = explanation.pair
    used = {
        *report.side_a.sector_sources,
        *report.side_b.sector_sources,
        *(v.source for v in report.inputs_a.values()),
        *(v.source for v in report.inputs_b.values()),
    }
    snapshot = {
        "pair": {
            "a": {
                "code": entry.a,
                "name_en": entry.name_a_en,
                "name_ko": entry.name_a_ko,
                "country": ranking.a.country,
            },
            "b": {
                "code": entry.b,
                "name_en": entry.name_b_en,
                "name_ko": entry.name_b_ko,
                "country": ranking.b.country,
            },
        },
        "profile": asdict(ranking.profile),
        "total": entry.total,
        "rank": entry.rank,
        "pairs_ranked": len(ranking.pairs),
        "dimensions_with_data": entry.present,
        "robustness": {
            "k": ranking.k,
            "n_draws": ranking.n_draws,
            "spread": ranking.spread,
            "random_state": ranking.random_state,
            "top_k_probability": entry.top_k_probability,
            "rank_p05": None if report.band is None else report.band.p05,
            "rank_median": None if report.band is None else report.band.median,
            "rank_p95": None if report.band is None else report.band.p95,
        },
        "dimensions": [
            {
                "dimension": part.dimension,
                "score": part.score,
                "weight": part.weight,
                "share": part.share,
                "contribution": part.contribution,
                "components": dict(part.components),
                "left_out": part.left_out,
                "left_out_reason": None if part.left_out is None else _reasons(report, part.dimension),
            }
            for part in pair.dimensions
        ],
        "sentences": {"en": list(explanation.sentences_en), "ko": list(explanation.sentences_ko)},
        "strengths_a": _industries(explanation.strengths_a),
        "strengths_b": _industries(explanation.strengths_b),
        "shared": _industries(explanation.shared),
        "complementary_a_to_b": _industries(explanation.complementary_a_to_b),
        "complementary_b_to_a": _industries(explanation.complementary_b_to_a),
        "themes_a": [asdict(theme) for theme in explanation.themes_a],
        "themes_b": [asdict(theme) for theme in explanation.themes_b],
        "suggested_themes": [asdict(theme) for theme in explanation.suggested_themes],
        "employment": {"a": _employment(report.side_a), "b": _employment(report.side_b)},
        "inputs": {"a": _inputs(report.inputs_a), "b": _inputs(report.inputs_b)},
        "policy": {
            side: [{"document": d.document, "themes": list(d.tags), "urls": list(d.urls)} for d in documents]
            for side, documents in (("a", report.policy_a), ("b", report.policy_b))
        },
        "governance": {
            "a": None if report.governance_a is None else asdict(report.governance_a),
            "b": None if report.governance_b is None else asdict(report.governance_b),
        },
        "sources": {key: asdict(note) for key, note in sorted(ranking.sources.items()) if key in used},
        "atlas_fingerprint": ranking.fingerprint,
        "innotwin_version": innotwin.__version__,
        "computed_at": ranking.computed_at.isoformat(),
    }
    cleaned: dict[str, Any] = _clean(snapshot)
    return cleaned
