"""The shortlist report: the best pairs of a ranking explained, with the method appendix, as HTML or PDF.

The PDF is rendered by WeasyPrint from the same template as the web page. WeasyPrint needs Debian's Pango
(``libpango-1.0-0``, ``libpangoft2-1.0-0``) and Korean text needs a font with Hangul, e.g. Noto Sans CJK
KR from Debian's ``fonts-noto-cjk``, found through fontconfig; either missing gives one clear
:class:`~innotwin.core.errors.ConfigurationError`, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.cache import cache as django_cache
from django.template.loader import render_to_string
from django.utils import timezone, translation

from innotwin.core.pairing import WeightProfile
from innotwin.discovery.domain.explain_pair import explain_pair
from innotwin.discovery.domain.rank_pairs import Ranking
from innotwin.discovery.phrases import DIMENSION_LABELS, PROFILE_DESCRIPTIONS, PROFILE_LABELS, label
from innotwin.discovery.presentation import dimension_bars, industry_rows, ranking_notes, theme_rows
from innotwin.regions.enums import RegionLevel
from innotwin.web.pdf import html_to_pdf

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "discovery" / "report.css"
MAX_TOP = 30


def _profile(ranking: Ranking) -> WeightProfile:
    info = ranking.profile
    return WeightProfile(
        name=info.name, weights=info.weights, description=info.description, source=info.source
    )


def report_context(ranking: Ranking, *, top: int = 10) -> dict[str, Any]:
    """What the report shows, in the active language: the shortlist, each pair explained, the data used."""
    language = (translation.get_language() or "en")[:2]
    best = [pair for pair in ranking.pairs if pair.total is not None][: min(top, MAX_TOP)]
    profile = _profile(ranking)
    explained = []
    for entry in best:
        pair_report = explain_pair(a=entry.a, b=entry.b, profile=profile)
        explanation = pair_report.explanation
        explained.append(
            {
                "entry": entry,
                "band": pair_report.band,
                "sentences": explanation.sentences_ko if language == "ko" else explanation.sentences_en,
                "dimensions": dimension_bars(pair_report),
                "shared": industry_rows(explanation.shared[:3]),
                "themes": theme_rows(pair_report),
            }
        )
    notes, inputs = ranking_notes(ranking)
    total_weight = sum(ranking.profile.weights.values())
    return {
        "ranking": ranking,
        "shortlist": best,
        "explained": explained,
        "notes": notes.items,
        "inputs": inputs,
        "level_a": RegionLevel(ranking.a.level).label,
        "level_b": RegionLevel(ranking.b.level).label,
        "generated": timezone.localdate(),
        "profile_label": label(PROFILE_LABELS, ranking.profile.name),
        "profile_description": str(
            PROFILE_DESCRIPTIONS.get(ranking.profile.name, ranking.profile.description)
        ),
        "weights": [
            {"name": label(DIMENSION_LABELS, d), "weight": w, "share": w / total_weight}
            for d, w in ranking.profile.weights.items()
        ],
        "dimension_names": [label(DIMENSION_LABELS, d) for d in ranking.profile.weights],
        "top": len(best),
    }


def report_pdf(ranking: Ranking, *, top: int = 10, language: str = "en") -> bytes:
    """The shortlist report as PDF bytes in ``language`` (``"en"`` or ``"ko"``), cached per ranking."""
    key = f"{ranking.key}:pdf:{language}:{top}"
    cached = django_cache.get(key)
    if isinstance(cached, bytes):
        return cached
    with translation.override(language):
        html = render_to_string("discovery/report_pdf.html", report_context(ranking, top=top))
    pdf = html_to_pdf(html, stylesheet=STYLESHEET)
    django_cache.set(key, pdf, timeout=None)
    return pdf
