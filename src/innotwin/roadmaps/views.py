"""The roadmap pages: a pair's dashboard (roadmap, pipeline board, timeline, overdue milestones, recent
changes, suggestions, agreements), proposal pages, the editing forms and the roadmap document."""

from __future__ import annotations

import mimetypes
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from innotwin.accounts.permissions import Action, has_permission, require_permission, visible
from innotwin.core.errors import InnotwinError
from innotwin.core.roadmaps import allowed_targets
from innotwin.pairs.models import TwinPair
from innotwin.roadmaps.domain.agreements import agreements_register
from innotwin.roadmaps.domain.dashboard import (
    Card,
    board,
    overdue_milestones,
    pair_proposals,
    recent_changes,
    timeline,
)
from innotwin.roadmaps.domain.proposals import (
    attach_document,
    create_proposal,
    move_proposal,
    remove_partner,
    save_milestone,
    set_partner,
    update_proposal,
)
from innotwin.roadmaps.domain.roadmap import (
    add_objective,
    current_roadmap,
    draft_roadmap,
    sign_roadmap,
    signed_roadmap,
)
from innotwin.roadmaps.domain.suggestions import accept_suggestion, dismiss_suggestion, suggestions_for
from innotwin.roadmaps.enums import ProposalStage
from innotwin.roadmaps.interfaces.document import check_choice, document_html, document_pdf
from innotwin.roadmaps.interfaces.forms import (
    DismissForm,
    DocumentForm,
    MilestoneForm,
    MilestoneStatusForm,
    MoveForm,
    ObjectiveForm,
    PartnerForm,
    ProposalForm,
    RoadmapForm,
    SignForm,
    put_errors,
)
from innotwin.roadmaps.models import Milestone, Proposal, ProposalDocument


def _pair(request: HttpRequest, slug: str) -> TwinPair:
    pairs = TwinPair.objects.select_related("region_a__country", "region_b__country")
    pair = visible(request.user, Action.VIEW_PAIR, pairs).filter(slug=slug).first()
    if pair is None:
        raise Http404
    return pair


def _proposal(request: HttpRequest, slug: str, pk: int) -> Proposal:
    pair = _pair(request, slug)
    proposal = pair_proposals(pair).filter(pk=pk).first()
    if proposal is None:
        raise Http404
    return proposal


def _actor(request: HttpRequest) -> Any:
    return request.user if request.user.is_authenticated else None


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    """The pair's roadmap, pipeline board, timeline, overdue milestones, recent changes and suggestions."""
    pair = _pair(request, slug)
    proposals = list(pair_proposals(pair))
    may_edit = has_permission(request.user, Action.EDIT_ROADMAP, pair)
    editable = {p.pk for p in proposals if has_permission(request.user, Action.EDIT_PROPOSAL, p)}
    roadmap = signed_roadmap(pair) or current_roadmap(pair)
    return render(
        request,
        "roadmaps/dashboard.html",
        {
            "pair": pair,
            "roadmap": roadmap,
            "draft": current_roadmap(pair),
            "objectives": list(roadmap.objectives.select_related("pillar", "theme")) if roadmap else [],
            "columns": board(proposals),
            "editable": editable,
            "timeline": timeline(proposals),
            "overdue": overdue_milestones(pair),
            "changes": recent_changes(pair),
            "suggestions": suggestions_for(pair) if may_edit else None,
            "agreements": agreements_register(pair),
            "may_edit": may_edit,
            "move_form": MoveForm(),
            "dismiss_form": DismissForm(),
        },
    )


def roadmap_document(request: HttpRequest, slug: str) -> HttpResponse:
    """The roadmap document: ``?lang=en|ko|both&format=html|pdf``."""
    pair = _pair(request, slug)
    language = request.GET.get("lang", (request.LANGUAGE_CODE or "en")[:2])
    output_format = request.GET.get("format", "html")
    try:
        check_choice(language, output_format)
    except InnotwinError as error:
        return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
    if output_format == "pdf":
        response = HttpResponse(document_pdf(pair, language=language), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="roadmap-{pair.slug}-{language}.pdf"'
        return response
    return HttpResponse(
        document_html(pair, language=language, standalone=False), content_type="text/html; charset=utf-8"
    )


@login_required
@require_http_methods(["GET", "POST"])
def roadmap_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Edit the draft (vision, themes) and add objectives; coordinators and administrators."""
    pair = _pair(request, slug)
    require_permission(request.user, Action.EDIT_ROADMAP, pair)
    draft = pair.roadmaps.filter(status="draft").first()
    source = draft or signed_roadmap(pair)
    initial = (
        {
            "title_en": source.title_en,
            "title_ko": source.title_ko,
            "vision_en": source.vision_en,
            "vision_ko": source.vision_ko,
            "themes": list(source.themes.values_list("code", flat=True)),
        }
        if source
        else {}
    )
    form = RoadmapForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            draft_roadmap(
                actor=_actor(request),
                pair=pair,
                values={k: data[k] for k in ("title_en", "title_ko", "vision_en", "vision_ko")},
                themes=data["themes"],
            )
        except InnotwinError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("The draft roadmap was saved."))
            return redirect("roadmaps:edit", slug=pair.slug)
    return render(
        request,
        "roadmaps/roadmap_edit.html",
        {
            "pair": pair,
            "form": form,
            "draft": draft,
            "signed": signed_roadmap(pair),
            "objective_form": ObjectiveForm(),
            "sign_form": SignForm(),
        },
    )


@login_required
@require_POST
def objective_add(request: HttpRequest, slug: str) -> HttpResponse:
    pair = _pair(request, slug)
    require_permission(request.user, Action.EDIT_ROADMAP, pair)
    form = ObjectiveForm(request.POST)
    draft = pair.roadmaps.filter(status="draft").first()
    if draft is None:
        messages.error(request, _("Save a draft roadmap first."))
    elif form.is_valid():
        try:
            add_objective(actor=_actor(request), roadmap=draft, values=form.cleaned_data)
            messages.success(request, _("The objective was added."))
        except InnotwinError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("The objective needs a title, a pillar and a theme."))
    return redirect("roadmaps:edit", slug=pair.slug)


@login_required
@require_POST
def roadmap_sign(request: HttpRequest, slug: str) -> HttpResponse:
    pair = _pair(request, slug)
    require_permission(request.user, Action.EDIT_ROADMAP, pair)
    form = SignForm(request.POST, request.FILES)
    draft = pair.roadmaps.filter(status="draft").first()
    if draft is None:
        messages.error(request, _("There is no draft roadmap to sign."))
    elif form.is_valid():
        upload = form.cleaned_data.get("document")
        try:
            sign_roadmap(
                actor=_actor(request),
                roadmap=draft,
                signed_on=form.cleaned_data["signed_on"],
                signatories_uk=form.cleaned_data["signatories_uk"],
                signatories_kr=form.cleaned_data["signatories_kr"],
                document=(upload.name, upload.read()) if upload else None,
            )
            messages.success(request, _("The roadmap was signed."))
            return redirect("roadmaps:dashboard", slug=pair.slug)
        except InnotwinError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("Signing needs the date and the signatories on both sides."))
    return redirect("roadmaps:edit", slug=pair.slug)


@login_required
@require_POST
def suggestion_accept(request: HttpRequest, slug: str) -> HttpResponse:
    pair = _pair(request, slug)
    require_permission(request.user, Action.EDIT_ROADMAP, pair)
    try:
        proposal = accept_suggestion(actor=_actor(request), pair=pair, key=request.POST.get("key", ""))
    except InnotwinError as error:
        messages.error(request, error.message)
        return redirect("roadmaps:dashboard", slug=pair.slug)
    messages.success(request, _("The suggestion was added to the pipeline as an idea."))
    return redirect("roadmaps:proposal", slug=pair.slug, pk=proposal.pk)


@login_required
@require_POST
def suggestion_dismiss(request: HttpRequest, slug: str) -> HttpResponse:
    pair = _pair(request, slug)
    require_permission(request.user, Action.EDIT_ROADMAP, pair)
    form = DismissForm(request.POST)
    try:
        if not form.is_valid():
            messages.error(request, _("Give a reason for dismissing the suggestion."))
        else:
            dismiss_suggestion(
                actor=_actor(request),
                pair=pair,
                key=form.cleaned_data["key"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _("The suggestion was dismissed; it will not be suggested again."))
    except InnotwinError as error:
        messages.error(request, error.message)
    return redirect(reverse("roadmaps:dashboard", kwargs={"slug": pair.slug}) + "#suggestions")


@login_required
@require_http_methods(["GET", "POST"])
def proposal_new(request: HttpRequest, slug: str) -> HttpResponse:
    pair = _pair(request, slug)
    require_permission(request.user, Action.EDIT_ROADMAP, pair)
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = create_proposal(actor=_actor(request), pair=pair, values=form.values())
        except InnotwinError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("The proposal was added as an idea."))
            return redirect("roadmaps:proposal", slug=pair.slug, pk=proposal.pk)
    return render(request, "roadmaps/proposal_form.html", {"pair": pair, "form": form, "proposal": None})


def proposal_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    may_edit = has_permission(request.user, Action.EDIT_PROPOSAL, proposal)

    labels = dict(ProposalStage.choices)
    return render(
        request,
        "roadmaps/proposal.html",
        {
            "pair": proposal.pair,
            "proposal": proposal,
            "card": Card(proposal, tuple((str(s), str(labels[s])) for s in allowed_targets(proposal.stage))),
            "partners": proposal.partners.select_related("organisation__region"),
            "milestones": proposal.milestones.all(),
            "documents": proposal.documents.all(),
            "history": proposal.changes.select_related("actor").order_by("-at", "-pk"),
            "may_edit": may_edit,
            "move_form": MoveForm(),
            "partner_form": PartnerForm(),
            "milestone_form": MilestoneForm(),
            "document_form": DocumentForm(),
            "milestone_status_choices": MilestoneStatusForm.base_fields["status"].choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal(request, slug, pk)
    require_permission(request.user, Action.EDIT_PROPOSAL, proposal)
    initial = {
        "title_en": proposal.title_en,
        "title_ko": proposal.title_ko,
        "summary_en": proposal.summary_en,
        "summary_ko": proposal.summary_ko,
        "pillar": proposal.pillar_id or "",
        "theme": proposal.theme_id or "",
        "lead_uk": proposal.lead_uk.slug if proposal.lead_uk else "",
        "lead_kr": proposal.lead_kr.slug if proposal.lead_kr else "",
        "funding_call": proposal.funding_call.slug if proposal.funding_call else "",
        "budget_gbp": proposal.budget_gbp if proposal.budget_gbp is not None else "",
        "budget_krw": proposal.budget_krw if proposal.budget_krw is not None else "",
        "exchange_rate": proposal.exchange_rate if proposal.exchange_rate is not None else "",
        "rate_date": proposal.rate_date,
        "starts_on": proposal.starts_on,
        "ends_on": proposal.ends_on,
    }
    form = ProposalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_proposal(actor=_actor(request), proposal=proposal, values=form.values())
        except InnotwinError as error:
            put_errors(form, error)
        else:
            messages.success(request, _("The proposal was saved."))
            return redirect("roadmaps:proposal", slug=slug, pk=pk)
    return render(
        request, "roadmaps/proposal_form.html", {"pair": proposal.pair, "form": form, "proposal": proposal}
    )


@login_required
@require_POST
def proposal_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Move a proposal to another stage: the board's drag and drop (JSON) and the form (redirect) alike."""
    proposal = _proposal(request, slug, pk)
    if _wants_json(request) and not has_permission(request.user, Action.EDIT_PROPOSAL, proposal):
        message = _("You do not have permission to do this.")
        return JsonResponse({"error": {"code": "permission_denied", "message": message}}, status=403)
    require_permission(request.user, Action.EDIT_PROPOSAL, proposal)
    form = MoveForm(request.POST)
    try:
        if not form.is_valid():
            raise InnotwinError(_("Choose the stage to move the proposal to."))
        moved = move_proposal(
            actor=_actor(request),
            proposal=proposal,
            stage=form.cleaned_data["stage"],
            reason=form.cleaned_data["reason"],
        )
    except InnotwinError as error:
        if _wants_json(request):
            return JsonResponse({"error": {"code": error.code, "message": error.message}}, status=409)
        messages.error(request, error.message)
    else:
        message = _("%(title)s moved to %(stage)s.") % {
            "title": moved.title,
            "stage": moved.get_stage_display(),
        }
        if _wants_json(request):
            return JsonResponse({"stage": moved.stage, "message": message})
        messages.success(request, message)
    back = request.POST.get("next", "")
    if back == "proposal":
        return redirect("roadmaps:proposal", slug=slug, pk=pk)
    return redirect(reverse("roadmaps:dashboard", kwargs={"slug": slug}) + "#pipeline")


def _proposal_post(request: HttpRequest, slug: str, pk: int) -> Proposal:
    proposal = _proposal(request, slug, pk)
    require_permission(request.user, Action.EDIT_PROPOSAL, proposal)
    return proposal


def _form_errors(request: HttpRequest, form: Any) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@login_required
@require_POST
def partner_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal_post(request, slug, pk)
    form = PartnerForm(request.POST)
    if form.is_valid():
        try:
            set_partner(
                actor=_actor(request),
                proposal=proposal,
                organisation_ref=form.cleaned_data["organisation"].strip(),
                role=form.cleaned_data["role"],
            )
            messages.success(request, _("The partner was saved."))
        except InnotwinError as error:
            messages.error(request, error.message)
    else:
        _form_errors(request, form)
    return redirect(reverse("roadmaps:proposal", kwargs={"slug": slug, "pk": pk}) + "#partners")


@login_required
@require_POST
def partner_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal_post(request, slug, pk)
    try:
        remove_partner(
            actor=_actor(request), proposal=proposal, organisation_ref=request.POST.get("organisation", "")
        )
        messages.success(request, _("The partner was removed."))
    except InnotwinError as error:
        messages.error(request, error.message)
    return redirect(reverse("roadmaps:proposal", kwargs={"slug": slug, "pk": pk}) + "#partners")


@login_required
@require_POST
def milestone_add(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal_post(request, slug, pk)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        try:
            save_milestone(actor=_actor(request), proposal=proposal, values=form.cleaned_data)
            messages.success(request, _("The milestone was added."))
        except InnotwinError as error:
            messages.error(request, error.message)
    else:
        _form_errors(request, form)
    return redirect(reverse("roadmaps:proposal", kwargs={"slug": slug, "pk": pk}) + "#milestones")


@login_required
@require_POST
def milestone_status(request: HttpRequest, slug: str, pk: int, milestone: int) -> HttpResponse:
    proposal = _proposal_post(request, slug, pk)
    found = Milestone.objects.filter(proposal=proposal, pk=milestone).first()
    if found is None:
        raise Http404
    form = MilestoneStatusForm(request.POST)
    if form.is_valid():
        save_milestone(actor=_actor(request), proposal=proposal, milestone=found, values=form.cleaned_data)
        messages.success(request, _("The milestone was updated."))
    else:
        _form_errors(request, form)
    return redirect(reverse("roadmaps:proposal", kwargs={"slug": slug, "pk": pk}) + "#milestones")


@login_required
@require_POST
def document_upload(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    proposal = _proposal_post(request, slug, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            attach_document(
                actor=_actor(request),
                proposal=proposal,
                kind=form.cleaned_data["kind"],
                filename=upload.name,
                data=upload.read(),
            )
            messages.success(request, _("The document was attached."))
        except InnotwinError as error:
            messages.error(request, error.message)
    else:
        _form_errors(request, form)
    return redirect(reverse("roadmaps:proposal", kwargs={"slug": slug, "pk": pk}) + "#documents")


def document_file(request: HttpRequest, slug: str, pk: int, document: int) -> FileResponse:
    proposal = _proposal(request, slug, pk)
    found = ProposalDocument.objects.filter(proposal=proposal, pk=document).first()
    if found is None:
        raise Http404
    content_type = mimetypes.guess_type(found.original_filename)[0] or "application/octet-stream"
    if content_type.startswith("text/"):
        content_type = "text/plain; charset=utf-8"
    return FileResponse(
        found.file.open("rb"), as_attachment=True, filename=found.original_filename, content_type=content_type
    )
