"""The impact pages: programme and pair dashboards, the evidence behind each figure, an observation with
its verification, the progress-report form, targets, and downloads (CSV, XLSX, PDF)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from innotwin.accounts.permissions import Action, has_permission, require_permission, visible
from innotwin.core.errors import DataError, InnotwinError
from innotwin.impact.domain.observations import change_status, record_observation
from innotwin.impact.domain.regions import pair_regions
from innotwin.impact.domain.reports import last_report, next_period_start, submit_report
from innotwin.impact.domain.summary import impact_summary, visible_observations
from innotwin.impact.domain.targets import set_target
from innotwin.impact.interfaces.exports import CONTENT_TYPES, csv_text, report_pdf, xlsx_bytes
from innotwin.impact.interfaces.forms import ReportForm, StatusForm, TargetForm
from innotwin.impact.interfaces.presentation import dashboard_context
from innotwin.impact.models import Kpi, Observation
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair


def _pair(request: HttpRequest, slug: str) -> TwinPair:
    pairs = TwinPair.objects.select_related("region_a", "region_b")
    pair = visible(request.user, Action.VIEW_PAIR, pairs).filter(slug=slug).first()
    if pair is None:
        raise Http404
    return pair


def _observation(request: HttpRequest, pk: int) -> Observation:
    observation = visible_observations(request.user).filter(pk=pk).first()
    if observation is None:
        raise Http404
    return observation


def programme_dashboard(request: HttpRequest) -> HttpResponse:
    """The programme's headline KPIs, trends, pair-to-pair comparison, funnel and targets."""
    context = dashboard_context(impact_summary(request.user))
    context["pairs"] = visible(
        request.user, Action.VIEW_PAIR, TwinPair.objects.select_related("region_a", "region_b")
    )
    return render(request, "impact/dashboard.html", context)


def pair_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    pair = _pair(request, slug)
    context = dashboard_context(impact_summary(request.user, pair=pair))
    context.update(
        may_report=has_permission(request.user, Action.REPORT_IMPACT, pair),
        may_set_targets=has_permission(request.user, Action.SET_IMPACT_TARGETS, pair),
        target_form=TargetForm(),
        last_report=last_report(pair),
    )
    return render(request, "impact/dashboard.html", context)


def evidence(request: HttpRequest) -> HttpResponse:
    """The observations behind one figure (``kpi``, optionally ``pair``), each with its evidence."""
    kpi = Kpi.objects.filter(pk=request.GET.get("kpi", "")).first()
    if kpi is None:
        raise Http404
    pair = _pair(request, request.GET["pair"]) if request.GET.get("pair") else None
    observations = visible_observations(request.user, pair=pair).filter(kpi=kpi)
    return render(request, "impact/evidence.html", {"kpi": kpi, "pair": pair, "observations": observations})


def observation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    observation = _observation(request, pk)
    may_verify = has_permission(request.user, Action.VERIFY_IMPACT, observation)
    return render(
        request,
        "impact/observation.html",
        {
            "observation": observation,
            "changes": observation.status_changes.select_related("actor"),
            "may_verify": may_verify,
            "status_form": StatusForm(current=observation.status) if may_verify else None,
        },
    )


@login_required
@require_POST
def observation_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Verify, dispute or put forward again (``status``, ``reason``)."""
    observation = _observation(request, pk)
    require_permission(request.user, Action.VERIFY_IMPACT, observation)
    form = StatusForm(request.POST, current=observation.status)
    if form.is_valid():
        try:
            change_status(
                observation=observation,
                to=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except InnotwinError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The observation's status was changed."))
    else:
        messages.error(request, _("Choose a status the observation can move to."))
    return redirect("impact:observation", pk=observation.pk)


def observation_document(request: HttpRequest, pk: int) -> HttpResponse:
    """An observation's evidence document, always as a download."""
    observation = _observation(request, pk)
    if not observation.evidence_file:
        raise Http404
    response = FileResponse(
        observation.evidence_file.open("rb"),
        as_attachment=True,
        filename=observation.evidence_file.name.rsplit("/", 1)[-1],
        content_type="application/octet-stream",
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _reporting_organisations(request: HttpRequest, pair: TwinPair) -> Any:
    organisations = Organisation.objects.filter(region__in=pair_regions(pair)).order_by("name_en")
    if has_permission(request.user, Action.SET_IMPACT_TARGETS, pair):  # admins and coordinators
        return organisations
    return organisations.filter(members=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, slug: str) -> HttpResponse:
    """The progress report: what changed since the last report, with a new figure and its evidence."""
    pair = _pair(request, slug)
    require_permission(request.user, Action.REPORT_IMPACT, pair)
    organisations = _reporting_organisations(request, pair)
    start = next_period_start(pair)
    form = ReportForm(
        request.POST or None,
        request.FILES or None,
        organisations=organisations,
        initial={"report_start": start},
    )
    if request.method == "POST" and form.is_valid():
        arguments = form.observation_arguments()
        data = form.cleaned_data
        recorders = []
        if arguments is not None:
            recorders.append(
                lambda rep: record_observation(pair=pair, reporter=request.user, report=rep, **arguments)
            )
        try:
            submit_report(
                pair=pair,
                reporter=request.user,
                period_start=data["report_start"],
                period_end=data["report_end"],
                changes=data["changes"],
                organisation=data.get("report_organisation"),
                observations=recorders,
            )
        except DataError as error:
            for problem in error.problems:
                form.add_error(problem.field if problem.field in form.fields else None, problem.message)
        except InnotwinError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you: the report was saved; its figures await verification."))
            return redirect("impact:pair", slug=pair.slug)
    return render(
        request,
        "impact/report_form.html",
        {"pair": pair, "form": form, "last_report": last_report(pair)},
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def target(request: HttpRequest, slug: str) -> HttpResponse:
    pair = _pair(request, slug)
    require_permission(request.user, Action.SET_IMPACT_TARGETS, pair)
    form = TargetForm(request.POST)
    if form.is_valid():
        try:
            set_target(pair=pair, set_by=request.user, **form.cleaned_data)
        except DataError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The target was saved."))
    else:
        messages.error(request, _("The target was not saved: give a KPI, a target and a date."))
    return redirect("impact:pair", slug=pair.slug)


def download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The observations with their evidence (CSV, XLSX) or the report (PDF), for the programme or
    ``?pair=``; in the page's language."""
    pair = _pair(request, request.GET["pair"]) if request.GET.get("pair") else None
    summary = impact_summary(request.user, pair=pair)
    language = (translation.get_language() or "en")[:2]
    name = f"impact-{pair.slug if pair else 'programme'}-{summary.generated.isoformat()}-{language}.{fmt}"
    if fmt == "csv":
        body: bytes | str = csv_text(summary)
    elif fmt == "xlsx":
        body = xlsx_bytes(summary)
    elif fmt == "pdf":
        body = report_pdf(summary, language=language)
    else:
        raise Http404
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
