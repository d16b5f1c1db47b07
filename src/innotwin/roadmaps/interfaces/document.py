"""The roadmap document: themes, objectives, the proposals table, the timeline chart, partners and
status, as HTML or PDF, in English, in Korean, or both side by side.

The PDF is rendered by WeasyPrint the same way as the discovery report
(:mod:`innotwin.discovery.interfaces.report`): Debian's Pango and a Hangul font known to fontconfig (Noto
Sans CJK KR from ``fonts-noto-cjk``), each missing one giving one clear ConfigurationError.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError
from innotwin.pairs.models import TwinPair
from innotwin.roadmaps.domain.agreements import agreements_register
from innotwin.roadmaps.domain.dashboard import pair_proposals, timeline
from innotwin.roadmaps.domain.proposals import organisations_by_side
from innotwin.roadmaps.domain.roadmap import current_roadmap, signed_roadmap
from innotwin.web.pdf import html_to_pdf

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "roadmaps" / "document.css"
LANGUAGES = ("en", "ko", "both")
FORMATS = ("html", "pdf")


def check_choice(language: str, output_format: str) -> None:
    if language not in LANGUAGES:
        raise DataError(
            _("The language must be one of %(known)s, not %(value)s.")
            % {"known": ", ".join(LANGUAGES), "value": language}
        )
    if output_format not in FORMATS:
        raise DataError(
            _("The format must be one of %(known)s, not %(value)s.")
            % {"known": ", ".join(FORMATS), "value": output_format}
        )


def document_context(pair: TwinPair) -> dict[str, Any]:
    """What the document shows, in the active language."""
    roadmap = signed_roadmap(pair) or current_roadmap(pair)
    proposals = list(pair_proposals(pair))
    partners: dict[int, dict[str, Any]] = {}
    for proposal in proposals:
        for side, organisations in organisations_by_side(proposal).items():
            for org in organisations:
                entry = partners.setdefault(org.pk, {"organisation": org, "side": side, "proposals": []})
                entry["proposals"].append(proposal)
    themes = list(roadmap.themes.all()) if roadmap else []
    return {
        "pair": pair,
        "roadmap": roadmap,
        "draft": current_roadmap(pair) if roadmap and roadmap.status == "signed" else None,
        "themes": themes,
        "objectives": list(roadmap.objectives.select_related("pillar", "theme")) if roadmap else [],
        "proposals": proposals,
        "timeline": timeline(proposals),
        "partners_uk": [p for p in partners.values() if p["side"] == "GB"],
        "partners_kr": [p for p in partners.values() if p["side"] == "KR"],
        "agreements": agreements_register(pair),
        "generated": timezone.localdate(),
    }


#: The document's sections, in order; side by side, each is one row of English and Korean.
SECTIONS = ("head", "themes", "objectives", "proposals", "timeline", "partners", "agreements")


def _bodies(pair: TwinPair, language: str, sections: tuple[str | None, ...]) -> list[SafeString]:
    with translation.override(language):
        context = document_context(pair)
        return [
            mark_safe(render_to_string("roadmaps/_document_body.html", {**context, "section": section}))  # noqa: S308
            for section in sections
        ]


def document_html(pair: TwinPair, *, language: str = "en", standalone: bool = True, pdf: bool = False) -> str:
    """The whole document as one HTML page (``standalone``: with its stylesheet inlined, for a file).
    Side by side (``both``), every section is a row with the English on the left and the Korean on the
    right, so that the two stay level across pages."""
    check_choice(language, "html")
    if language == "both":
        rows = list(zip(_bodies(pair, "en", SECTIONS), _bodies(pair, "ko", SECTIONS), strict=True))
        bodies = []
    else:
        rows = []
        bodies = _bodies(pair, language, (None,))
    with translation.override("en" if language == "both" else language):
        return render_to_string(
            "roadmaps/document.html",
            {
                "pair": pair,
                "bodies": bodies,
                "rows": rows,
                "side_by_side": language == "both",
                "inline_css": STYLESHEET.read_text(encoding="utf-8") if standalone else "",
                "pdf": pdf,
                "lang": "en" if language == "both" else language,
            },
        )


def document_pdf(pair: TwinPair, *, language: str = "en") -> bytes:
    """The document as PDF bytes."""
    check_choice(language, "pdf")
    # WeasyPrint logs its user-agent stylesheets at INFO while it is imported; quiet it before that.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    return html_to_pdf(
        document_html(pair, language=language, standalone=False, pdf=True), stylesheet=STYLESHEET
    )
