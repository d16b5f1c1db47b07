"""Discovery pages: the ranked pairs with a heat map, one pair explained, the shortlist report, evidence."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innotwin.accounts.permissions import Action, has_permission, require_permission, visible
from innotwin.core.errors import ConfigurationError, DataError, InvalidStateError, NotFoundError
from innotwin.discovery.domain.explain_pair import PairReport, explain_pair
from innotwin.discovery.domain.propose_twin_pair import propose_twin_pair
from innotwin.discovery.domain.rank_pairs import Ranking, rank_pairs
from innotwin.discovery.forms import DiscoverForm, RankingForm, ReportForm, profile_choices
from innotwin.discovery.interfaces.report import report_context, report_pdf
from innotwin.discovery.models import PairEvidence
from innotwin.discovery.phrases import (
    DIMENSION_LABELS,
    INDICATOR_LABELS,
    PROFILE_DESCRIPTIONS,
    PROFILE_LABELS,
    label,
)
from innotwin.discovery.presentation import (
    CHART_ROW_HEIGHT,
    Notes,
    dimension_bars,
    employment_note,
    governance_rows,
    heat_map,
    industry_bars,
    industry_rows,
    input_rows,
    policy_rows,
    ranking_notes,
    side_themes,
    theme_rows,
)
from innotwin.pairs.models import TwinPair
from innotwin.regions.enums import RegionLevel

PAGE_SIZE = 20


def _ranking(form: RankingForm) -> tuple[Ranking, list[str]]:
    """The ranking the form asks for; on a request the atlas cannot answer, the default one and why."""
    try:
        return rank_pairs(**form.ranking_arguments()), []
    except (DataError, NotFoundError) as error:
        return rank_pairs(**RankingForm.from_query({}).ranking_arguments()), [error.message]


def _profile_context(ranking: Ranking) -> dict[str, Any]:
    name = ranking.profile.name
    return {
        "profile_label": label(PROFILE_LABELS, name),
        "profile_description": str(PROFILE_DESCRIPTIONS[name]) if name in PROFILE_DESCRIPTIONS else "",
        "weights": [
            {
                "name": label(DIMENSION_LABELS, d),
                "weight": w,
                "share": w / sum(ranking.profile.weights.values()),
            }
            for d, w in ranking.profile.weights.items()
        ],
    }


def discover(request: HttpRequest) -> HttpResponse:
    """Every pair ranked, with filters, a heat map of all pairs and the robustness of each."""
    require_permission(request.user, Action.VIEW_DISCOVERY)
    form = DiscoverForm.from_query(request.GET)
    ranking, problems = _ranking(form)
    minimum = form.cleaned_data.get("min_score") if form.is_valid() else None
    pairs = [p for p in ranking.pairs if minimum is None or (p.total is not None and p.total >= minimum)]
    page = Paginator(pairs, PAGE_SIZE).get_page(request.GET.get("page"))
    notes, inputs = ranking_notes(ranking)
    query = {key: value for key, value in request.GET.items() if key in ("profile",) and value}
    return render(
        request,
        "discovery/discover.html",
        {
            "form": form,
            "problems": problems,
            "ranking": ranking,
            "page": page,
            "shown": len(pairs),
            "heat": heat_map(ranking),
            "in_top_k": _(", in the top %(k)s") % {"k": ranking.k},
            "notes": notes.items,
            "inputs": inputs,
            "level_a": RegionLevel(ranking.a.level).label,
            "level_b": RegionLevel(ranking.b.level).label,
            "dimensions": [(d, label(DIMENSION_LABELS, d)) for d in ranking.profile.weights],
            "leave_one_out": [
                {
                    "row": row,
                    "name": label(
                        DIMENSION_LABELS if row.kind == "dimension" else INDICATOR_LABELS, row.dropped
                    ),
                }
                for row in ranking.leave_one_out
            ],
            "profile_query": urlencode(query),
            "report_query": urlencode(
                {k: v for k, v in request.GET.items() if k != "page" and k != "min_score"}
            ),
            **_profile_context(ranking),
        },
    )


def _pair_context(request: HttpRequest, report: PairReport) -> dict[str, Any]:
    ranking = report.ranking
    notes = Notes(sources=ranking.sources)
    employment = [employment_note(report.side_a, notes), employment_note(report.side_b, notes)]
    inputs = input_rows(report, notes)
    existing = (
        TwinPair.objects.filter(region_a_id=report.a, region_b_id=report.b).first()
        or TwinPair.objects.filter(region_a_id=report.b, region_b_id=report.a).first()
    )
    bars = dimension_bars(report)
    strengths = (
        industry_bars(report.explanation.strengths_a, side="a"),
        industry_bars(report.explanation.strengths_b, side="b"),
    )
    language = (get_language() or "en")[:2]
    return {
        "report": report,
        "entry": report.entry,
        "ranking": ranking,
        "sentences": report.explanation.sentences_ko if language == "ko" else report.explanation.sentences_en,
        "bars": bars,
        "left_out": [bar for bar in bars if bar["reason"]],
        "chart_height": len(bars) * CHART_ROW_HEIGHT + 4,
        "strengths": [
            {
                "name": report.entry.name_a,
                "bars": strengths[0],
                "height": len(strengths[0]) * CHART_ROW_HEIGHT + 4,
                "employment": employment[0],
                "id": "a",
                "themes": side_themes(report, "a"),
            },
            {
                "name": report.entry.name_b,
                "bars": strengths[1],
                "height": len(strengths[1]) * CHART_ROW_HEIGHT + 4,
                "employment": employment[1],
                "id": "b",
                "themes": side_themes(report, "b"),
            },
        ],
        "shared": industry_rows(report.explanation.shared),
        "a_to_b": industry_rows(report.explanation.complementary_a_to_b),
        "b_to_a": industry_rows(report.explanation.complementary_b_to_a),
        "themes": theme_rows(report),
        "inputs": inputs,
        "governance": governance_rows(report),
        "policies": policy_rows(report),
        "employment": employment,
        "notes": notes.items,
        "existing": existing
        if existing and has_permission(request.user, Action.VIEW_PAIR, existing)
        else None,
        "exists": existing is not None,
        "may_propose": has_permission(request.user, Action.PROPOSE_PAIR),
        "profiles": profile_choices(),
        **_profile_context(ranking),
    }


def pair_detail(request: HttpRequest, a: str, b: str) -> HttpResponse:
    """One pair explained: dimension chart, industries each side, themes, sentences, data and sources."""
    require_permission(request.user, Action.VIEW_DISCOVERY)
    profile = request.GET.get("profile") or "balanced"
    if profile not in dict(profile_choices()):
        raise NotFoundError(_("There is no weight profile called %(name)s.") % {"name": profile})
    try:
        report = explain_pair(a=a, b=b, profile=profile)
    except DataError as error:
        return render(request, "web/error.html", {"status": 404, "message": error.message}, status=404)
    return render(request, "discovery/pair.html", _pair_context(request, report))


@require_POST
def propose(request: HttpRequest, a: str, b: str) -> HttpResponse:
    """Create the twin pair in status proposed with this explanation as its evidence (administrators)."""
    require_permission(request.user, Action.PROPOSE_PAIR)
    profile = request.POST.get("profile") or "balanced"
    if profile not in dict(profile_choices()):
        raise NotFoundError(_("There is no weight profile called %(name)s.") % {"name": profile})
    try:
        pair = propose_twin_pair(a=a, b=b, profile=profile, proposed_by=request.user)  # type: ignore[arg-type]
    except (InvalidStateError, DataError) as error:
        messages.error(request, error.message)
        return redirect(
            f"{reverse('discovery:pair', kwargs={'a': a, 'b': b})}?{urlencode({'profile': profile})}"
        )
    messages.success(
        request, _("%(pair)s is proposed as a twin pair, with the evidence below.") % {"pair": pair.name}
    )
    return redirect("discovery:evidence", slug=pair.slug)


def evidence(request: HttpRequest, slug: str) -> HttpResponse:
    """The evidence a twin pair was proposed on; a pair a visitor may not see is a 404."""
    pair = visible(request.user, Action.VIEW_PAIR, TwinPair.objects.all()).filter(slug=slug).first()
    if pair is None:
        raise Http404
    items = list(PairEvidence.objects.filter(pair=pair).select_related("proposed_by"))
    if not items:
        raise Http404
    language = (get_language() or "en")[:2]
    latest = items[0]
    dimensions = [
        {
            **part,
            "name": label(DIMENSION_LABELS, part["dimension"]),
            "reason": (part.get("left_out_reason") or {}).get(language, part["left_out"]),
        }
        for part in latest.snapshot["dimensions"]
    ]
    snapshot = latest.snapshot
    years: dict[str, set[int]] = {}
    for side in ("a", "b"):
        employment = snapshot["employment"][side]
        for key in employment["sources"]:
            years.setdefault(key, set()).add(employment["year"])
        for value in snapshot["inputs"][side].values():
            years.setdefault(value["source"], set()).add(value["year"])
    sources = [
        {**note, "years": ", ".join(str(y) for y in sorted(years.get(key, ())))}
        for key, note in snapshot["sources"].items()
    ]
    return render(
        request,
        "discovery/evidence.html",
        {
            "pair": pair,
            "evidence": latest,
            "earlier": items[1:],
            "snapshot": snapshot,
            "sources": sources,
            "sentences": snapshot["sentences"]["ko" if language == "ko" else "en"],
            "dimensions": dimensions,
            "profile_label": label(PROFILE_LABELS, latest.profile),
        },
    )


def report(request: HttpRequest) -> HttpResponse:
    """The shortlist report as a web page, with links to its PDF in English and Korean."""
    require_permission(request.user, Action.VIEW_DISCOVERY)
    form = ReportForm.from_query(request.GET)
    ranking, problems = _ranking(form)
    top = form.cleaned_data.get("top") if form.is_valid() else None
    context = report_context(ranking, top=top or 10)
    query = urlencode({k: v for k, v in request.GET.items() if v})
    return render(
        request, "discovery/report.html", {**context, "form": form, "problems": problems, "query": query}
    )


def report_download(request: HttpRequest) -> HttpResponse:
    """The shortlist report as a PDF in the page's language."""
    require_permission(request.user, Action.VIEW_DISCOVERY)
    form = ReportForm.from_query(request.GET)
    ranking, _problems = _ranking(form)
    top = form.cleaned_data.get("top") if form.is_valid() else None
    try:
        pdf = report_pdf(ranking, top=top or 10, language=(get_language() or "en")[:2])
    except ConfigurationError as error:
        return render(request, "web/error.html", {"status": 503, "message": error.message}, status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"innotwin-shortlist-{ranking.a.country}-{ranking.b.country}-{(get_language() or 'en')[:2]}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
