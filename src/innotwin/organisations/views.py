"""The registry's pages: the directory, organisation and profile pages, their forms, the moderation queue,
bulk import and export, and a person's own data. Every page asks ``innotwin.accounts.permissions``."""

from __future__ import annotations

import json
import secrets
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from innotwin.accounts.models import User
from innotwin.accounts.permissions import Action, has_permission, require_permission, visible
from innotwin.core.errors import ConfigurationError, DataError, InvalidStateError
from innotwin.core.registry import COLUMNS, Sheet, guess_mapping
from innotwin.organisations.domain._lookups import values_of
from innotwin.organisations.domain.add_member import remove_member
from innotwin.organisations.domain.add_member_by_email import add_member_by_email
from innotwin.organisations.domain.add_person import add_person
from innotwin.organisations.domain.create_organisation import create_organisation
from innotwin.organisations.domain.create_profile import create_profile
from innotwin.organisations.domain.erase_person import erase_person
from innotwin.organisations.domain.erase_personal_data import erase_personal_data
from innotwin.organisations.domain.export_personal_data import export_personal_data
from innotwin.organisations.domain.import_organisations import import_organisations
from innotwin.organisations.domain.publish_profile import publish_profile
from innotwin.organisations.domain.return_profile import return_profile
from innotwin.organisations.domain.submit_profile import submit_profile
from innotwin.organisations.domain.update_organisation import update_organisation
from innotwin.organisations.domain.update_profile import profile_values, update_profile
from innotwin.organisations.domain.verify_organisation import verify_organisation
from innotwin.organisations.domain.withdraw_profile import withdraw_profile
from innotwin.organisations.enums import CONSENT_STATEMENTS, ISIC_SECTIONS, ProfileStatus, Verification
from innotwin.organisations.interfaces.exporters import (
    FORMATS,
    csv_chunks,
    export_rows,
    headers,
    json_chunks,
    template_csv,
    template_xlsx,
    xlsx_bytes,
)
from innotwin.organisations.interfaces.forms import (
    ContactForm,
    DirectoryForm,
    ErasureForm,
    MemberForm,
    NoteForm,
    OrganisationForm,
    ProfileForm,
    UploadForm,
    apply_problems,
)
from innotwin.organisations.interfaces.uploads import read_upload
from innotwin.organisations.models import AuditEntry, OpportunityProfile, Organisation, Person
from innotwin.organisations.queries import (
    DirectoryFilter,
    live_profiles,
    twin_cities,
)
from innotwin.organisations.queries import (
    directory as directory_query,
)

PER_PAGE = 20
IMPORT_MAX_AGE_S = 24 * 3600


def _page(request: HttpRequest, queryset: QuerySet[Any], per_page: int = PER_PAGE) -> Page:
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101 - the view requires a signed-in user
    return request.user


def _organisation(request: HttpRequest, slug: str) -> Organisation:
    organisations = visible(
        request.user, Action.VIEW_ORGANISATION, Organisation.objects.select_related("region")
    )
    organisation = organisations.filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def _profile(request: HttpRequest, pk: int) -> OpportunityProfile:
    profiles = OpportunityProfile.objects.select_related("organisation__region", "pillar")
    profile = visible(request.user, Action.VIEW_PROFILE, profiles).filter(pk=pk).first()
    if profile is None:
        raise Http404
    return profile


def _by_name() -> tuple[Any, Any]:
    """Order by the name in the reader's language; organisations named only in the other language follow."""
    korean = (get_language() or "en").startswith("ko")
    first, second = ("name_ko", "name_en") if korean else ("name_en", "name_ko")
    unnamed = Case(When(**{first: ""}, then=Value(1)), default=Value(0), output_field=IntegerField())
    return unnamed, Coalesce(NullIf(first, Value("")), second)


# ----- directory and profile pages -------------------------------------------------------------------


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    """Every organisation, filtered by city, type, industry, pillar and language, and searched by words."""
    cities = twin_cities()
    form = DirectoryForm(request.GET or None, cities=cities)
    filters = DirectoryFilter(**form.cleaned_data) if form.is_valid() else DirectoryFilter()
    organisations = directory_query(filters).prefetch_related("industries").order_by(*_by_name(), "pk")
    page = _page(request, organisations)
    # Published profiles are counted for the page's organisations only: counting them for the whole
    # registry (75,000 companies and more) on every page would cost seconds.
    counts = dict(
        live_profiles()
        .filter(organisation__in=[organisation.pk for organisation in page])
        .values_list("organisation")
        .annotate(count=Count("pk"))
    )
    for organisation in page:
        organisation.live = counts.get(organisation.pk, 0)  # type: ignore[attr-defined]
    user = request.user
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "query": _query_without_page(request),
        "sections": ISIC_SECTIONS,
        "may_create": has_permission(user, Action.CREATE_ORGANISATION),
        "may_import": has_permission(user, Action.IMPORT_ORGANISATIONS),
        "may_export": has_permission(user, Action.EXPORT_ORGANISATIONS),
        "moderates": has_permission(user, Action.OPEN_MODERATION_QUEUE),
        "signed_in": has_permission(user, Action.MANAGE_OWN_DATA),
    }
    return render(request, "organisations/directory.html", context)


@require_GET
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One organisation: its facts, the profiles the reader may see, and contacts for signed-in people."""
    organisation = _organisation(request, slug)
    profiles = visible(request.user, Action.VIEW_PROFILE, organisation.profiles.select_related("pillar"))
    may_edit = has_permission(request.user, Action.EDIT_ORGANISATION, organisation)
    may_manage_members = has_permission(request.user, Action.MANAGE_MEMBERS, organisation)
    contacts: list[Person] = []
    if has_permission(request.user, Action.VIEW_CONTACTS, organisation):
        people = organisation.people.filter(erased_at__isnull=True).prefetch_related("consents")
        contacts = [person for person in people if person.has_consent()]
    context = {
        "organisation": organisation,
        "industries": list(organisation.industries.all()),
        "sections": ISIC_SECTIONS,
        "profiles": list(profiles.order_by("-published_at", "-created_at")),
        "contacts": contacts,
        "may_view_contacts": has_permission(request.user, Action.VIEW_CONTACTS, organisation),
        "may_edit": may_edit,
        "may_verify": has_permission(request.user, Action.VERIFY_ORGANISATION, organisation),
        "verified": organisation.verification == Verification.VERIFIED,
        "may_manage_members": may_manage_members,
        "members": _members_of(organisation) if may_manage_members else [],
        "member_form": _member_form(None) if may_manage_members else None,
    }
    return render(request, "organisations/detail.html", context)


# ----- organisation forms ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    """Register an organisation; the person registering it becomes its member."""
    require_permission(request.user, Action.CREATE_ORGANISATION)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = create_organisation(actor=_user(request), values=form.values())
        except DataError as exc:
            apply_problems(form, exc)
        else:
            messages.success(request, _("The organisation has been registered."))
            return redirect("organisations:detail", slug=organisation.slug)
    return render(request, "organisations/organisation_form.html", {"form": form, "organisation": None})


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    require_permission(request.user, Action.EDIT_ORGANISATION, organisation)
    form = OrganisationForm(request.POST or None, initial=values_of(organisation), exclude=organisation.pk)
    if request.method == "POST" and form.is_valid():
        try:
            update_organisation(actor=_user(request), organisation=organisation, values=form.values())
        except DataError as exc:
            apply_problems(form, exc)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect("organisations:detail", slug=organisation.slug)
    return render(
        request, "organisations/organisation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_POST
def verify(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    require_permission(request.user, Action.VERIFY_ORGANISATION, organisation)
    verify_organisation(actor=_user(request), organisation=organisation)
    messages.success(request, _("The organisation is marked as verified."))
    return redirect(request.POST.get("next") or reverse("organisations:detail", kwargs={"slug": slug}))


@login_required
@require_http_methods(["GET", "POST"])
def contacts(request: HttpRequest, slug: str) -> HttpResponse:
    """The organisation's contact people, with their consent; add one, or erase one."""
    organisation = _organisation(request, slug)
    require_permission(request.user, Action.MANAGE_CONTACTS, organisation)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_person(
                actor=_user(request),
                organisation=organisation,
                language=(get_language() or "en")[:2],
                **form.cleaned_data,
            )
        except DataError as exc:
            apply_problems(form, exc)
        else:
            messages.success(request, _("The contact person has been added."))
            return redirect("organisations:contacts", slug=slug)
    people = organisation.people.filter(erased_at__isnull=True).prefetch_related("consents")
    context = {
        "organisation": organisation,
        "form": form,
        "people": people,
        "statements": {str(k): v for k, v in CONSENT_STATEMENTS.items()},
    }
    return render(request, "organisations/contacts.html", context)


@login_required
@require_POST
def erase_contact(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    organisation = _organisation(request, slug)
    person = get_object_or_404(Person, pk=person_id, organisation=organisation, erased_at__isnull=True)
    require_permission(request.user, Action.ERASE_PERSON, person)
    erase_person(actor=_user(request), person=person)
    messages.success(request, _("The contact person's personal data has been erased."))
    return redirect("organisations:contacts", slug=slug)


# ----- members ---------------------------------------------------------------------------------------


def _members_of(organisation: Organisation) -> list[User]:
    return list(organisation.members.order_by("email"))


def _member_form(data: Any) -> MemberForm:
    return MemberForm(data, initial={"language": (get_language() or "en")[:2]})


@login_required
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, slug: str) -> HttpResponse:
    """Who belongs to the organisation; add a person by email (a new account is invited by email)."""
    organisation = _organisation(request, slug)
    require_permission(request.user, Action.MANAGE_MEMBERS, organisation)
    form = _member_form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            added = add_member_by_email(
                actor=_user(request),
                organisation=organisation,
                base_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except DataError as exc:
            apply_problems(form, exc)
        except ConfigurationError as exc:
            form.add_error(None, exc.message)
        else:
            if added.invited:
                text = _("%(email)s is now a member and has been sent an invitation to choose a password.")
            else:
                text = _("%(email)s is now a member and has been told by email.")
            messages.success(request, text % {"email": added.user.email})
            return redirect("organisations:members", slug=slug)
    context = {"organisation": organisation, "members": _members_of(organisation), "member_form": form}
    return render(request, "organisations/members.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def member_remove(request: HttpRequest, slug: str, user_id: int) -> HttpResponse:
    """Ask to confirm, then take a person's membership away (never the last member's, for a member)."""
    organisation = _organisation(request, slug)
    actor = _user(request)
    require_permission(actor, Action.MANAGE_MEMBERS, organisation)
    member = get_object_or_404(organisation.members, pk=user_id)
    if request.method == "POST":
        try:
            remove_member(actor=actor, organisation=organisation, user=member)
        except InvalidStateError as exc:
            messages.error(request, exc.message)
            return redirect("organisations:members", slug=slug)
        messages.success(
            request,
            _("%(email)s is no longer a member of %(organisation)s.")
            % {"email": member.email, "organisation": organisation.name},
        )
        if not has_permission(actor, Action.MANAGE_MEMBERS, organisation):
            return redirect("organisations:detail", slug=slug)
        return redirect("organisations:members", slug=slug)
    context = {"organisation": organisation, "member": member, "yourself": member.pk == actor.pk}
    return render(request, "organisations/member_remove.html", context)


# ----- opportunity profiles --------------------------------------------------------------------------


def _profile_form_values(form: ProfileForm) -> dict[str, Any]:
    return dict(form.cleaned_data)


@login_required
@require_http_methods(["GET", "POST"])
def profile_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _organisation(request, slug)
    require_permission(request.user, Action.EDIT_ORGANISATION, organisation)
    form = ProfileForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            profile = create_profile(
                actor=_user(request), organisation=organisation, values=_profile_form_values(form)
            )
        except DataError as exc:
            apply_problems(form, exc)
        else:
            messages.success(request, _("The profile has been saved as a draft. Submit it when it is ready."))
            return redirect("organisations:profile", pk=profile.pk)
    return render(
        request,
        "organisations/profile_form.html",
        {"form": form, "organisation": organisation, "profile": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, pk: int) -> HttpResponse:
    profile = _profile(request, pk)
    require_permission(request.user, Action.EDIT_PROFILE, profile)
    form = ProfileForm(
        request.POST or None, initial=profile_values(profile), organisation=profile.organisation
    )
    if request.method == "POST" and form.is_valid():
        try:
            update_profile(actor=_user(request), profile=profile, values=_profile_form_values(form))
        except DataError as exc:
            apply_problems(form, exc)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect("organisations:profile", pk=profile.pk)
    return render(
        request,
        "organisations/profile_form.html",
        {"form": form, "organisation": profile.organisation, "profile": profile},
    )


@require_GET
def profile_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One opportunity profile; its editors and moderators also see its status, actions and history."""
    profile = _profile(request, pk)
    may_edit = has_permission(request.user, Action.EDIT_PROFILE, profile)
    may_moderate = has_permission(request.user, Action.MODERATE_PROFILE, profile)
    history = (
        AuditEntry.objects.filter(object_type="opportunityprofile", object_id=str(profile.pk)).order_by(
            "-at", "-pk"
        )
        if may_edit
        else AuditEntry.objects.none()
    )
    context = {
        "profile": profile,
        "organisation": profile.organisation,
        "industries": list(profile.industries.all()),
        "sections": ISIC_SECTIONS,
        "may_edit": may_edit,
        "may_moderate": may_moderate,
        "history": _page(request, history, 10) if may_edit else None,
        "note_form": NoteForm(),
    }
    return render(request, "organisations/profile_detail.html", context)


@login_required
@require_POST
def profile_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """Submit, withdraw, publish or return a profile (the last two are moderation decisions)."""
    profile = _profile(request, pk)
    actor, note = _user(request), request.POST.get("note", "")
    try:
        if action == "submit":
            require_permission(actor, Action.EDIT_PROFILE, profile)
            submit_profile(actor=actor, profile=profile)
            messages.success(request, _("The profile has been submitted to the coordinators for moderation."))
        elif action == "withdraw":
            require_permission(actor, Action.EDIT_PROFILE, profile)
            withdraw_profile(actor=actor, profile=profile)
            messages.success(request, _("The profile has been withdrawn."))
        elif action == "publish":
            require_permission(actor, Action.MODERATE_PROFILE, profile)
            publish_profile(actor=actor, profile=profile, note=note)
            messages.success(request, _("The profile has been published."))
        elif action == "return":
            require_permission(actor, Action.MODERATE_PROFILE, profile)
            return_profile(actor=actor, profile=profile, note=note)
            messages.success(request, _("The profile has been returned to the organisation as a draft."))
        else:
            raise Http404
    except (InvalidStateError, DataError) as exc:
        messages.error(
            request, exc.message if isinstance(exc, InvalidStateError) else exc.problems[0].message
        )
    target = request.POST.get("next", "")
    if target.startswith("/") and not target.startswith("//"):
        return HttpResponseRedirect(target)
    return redirect("organisations:profile", pk=profile.pk)


@login_required
@require_GET
def moderation(request: HttpRequest) -> HttpResponse:
    """The coordinator's queue: submitted profiles and unverified organisations of their pairs' regions."""
    user = _user(request)
    require_permission(user, Action.OPEN_MODERATION_QUEUE)
    submitted = OpportunityProfile.objects.filter(status=ProfileStatus.SUBMITTED).select_related(
        "organisation__region", "pillar"
    )
    queue = visible(user, Action.MODERATE_PROFILE, submitted).order_by("submitted_at", "pk")
    unverified = visible(
        user,
        Action.VERIFY_ORGANISATION,
        Organisation.objects.filter(verification=Verification.UNVERIFIED).select_related("region"),
    ).order_by("-created_at", "pk")
    context = {
        "page": _page(request, queue),
        "unverified": Paginator(unverified, PER_PAGE).get_page(request.GET.get("orgs")),
        "note_form": NoteForm(),
    }
    return render(request, "organisations/moderation.html", context)


# ----- import and export -----------------------------------------------------------------------------


def _imports_dir() -> Path:
    path = Path(settings.DATA_DIR) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    for old in path.iterdir():
        if old.is_file() and time.time() - old.stat().st_mtime > IMPORT_MAX_AGE_S:
            old.unlink(missing_ok=True)
    return path


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    """Step 1 of an import: upload a CSV or XLSX file (it is kept for a day, for this person only)."""
    require_permission(request.user, Action.IMPORT_ORGANISATIONS)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(26 * 1024 * 1024)
        try:
            read_upload(data, name=upload.name, encoding=form.cleaned_data["encoding"])
        except DataError as exc:
            apply_problems(form, exc)
            for problem in exc.problems:
                if not form.has_error("file"):
                    form.add_error("file", str(problem.message))
        else:
            token = secrets.token_urlsafe(16)
            (_imports_dir() / token).write_bytes(data)
            request.session[f"import-{token}"] = {
                "name": upload.name,
                "encoding": form.cleaned_data["encoding"],
            }
            return redirect("organisations:import_mapping", token=token)
    return render(request, "organisations/import_upload.html", {"form": form})


def _stored_upload(request: HttpRequest, token: str) -> tuple[Sheet, dict[str, str]]:
    meta = request.session.get(f"import-{token}")
    path = _imports_dir() / token
    if not meta or not token.replace("-", "").replace("_", "").isalnum() or not path.is_file():
        raise Http404
    return read_upload(path.read_bytes(), name=meta["name"], encoding=meta["encoding"]), meta


@login_required
@require_http_methods(["GET", "POST"])
def import_mapping(request: HttpRequest, token: str) -> HttpResponse:
    """Step 2: map the file's columns to fields, check it (a dry run), then import all of it or nothing."""
    require_permission(request.user, Action.IMPORT_ORGANISATIONS)
    sheet, meta = _stored_upload(request, token)
    guessed = guess_mapping(sheet.header)
    known = {column.name for column in COLUMNS}
    if request.method == "POST":
        mapping = {
            header: (request.POST.get(f"column-{index}") or None) for index, header in enumerate(sheet.header)
        }
        mapping = {header: (field if field in known else None) for header, field in mapping.items()}
    else:
        mapping = guessed
    report = created = None
    if request.method == "POST":
        dry_run = request.POST.get("action") != "import"
        try:
            result = import_organisations(actor=_user(request), sheet=sheet, mapping=mapping, dry_run=dry_run)
        except DataError as exc:
            report = {"problems": exc.problems, "rows": len(sheet), "dry_run": False}
        else:
            if not dry_run:
                (_imports_dir() / token).unlink(missing_ok=True)
                request.session.pop(f"import-{token}", None)
                messages.success(
                    request, _("%(count)d organisations have been imported.") % {"count": result.created}
                )
                return redirect("organisations:directory")
            report = {"problems": result.report.problems, "rows": result.report.rows, "dry_run": True}
    columns = [
        {
            "index": index,
            "header": header,
            "field": mapping.get(header) or "",
            "samples": [row.cells[index] for row in sheet.rows[:3] if row.cells[index]],
        }
        for index, header in enumerate(sheet.header)
    ]
    language = (get_language() or "en")[:2]
    fields = [
        (column.name, column.header_ko if language == "ko" else column.header_en, column.required)
        for column in COLUMNS
    ]
    context = {
        "sheet": sheet,
        "meta": meta,
        "columns": columns,
        "fields": fields,
        "report": report,
        "created": created,
        "token": token,
    }
    return render(request, "organisations/import_mapping.html", context)


@require_GET
def import_template(request: HttpRequest, language: str, extension: str) -> HttpResponse:
    """The import template, with headers in English or Korean, as CSV or XLSX."""
    if language not in {"en", "ko"} or extension not in {"csv", "xlsx"}:
        raise Http404
    if extension == "csv":
        response = HttpResponse(template_csv(language), content_type=FORMATS["csv"][0])
    else:
        response = HttpResponse(template_xlsx(language), content_type=FORMATS["xlsx"][0])
    response["Content-Disposition"] = (
        f'attachment; filename="innotwin-organisations-template-{language}.{extension}"'
    )
    return response


@login_required
@require_GET
def export(request: HttpRequest, extension: str) -> HttpResponse:
    """Every organisation as CSV, XLSX or JSON (JSON with published profiles); never contact people."""
    require_permission(request.user, Action.EXPORT_ORGANISATIONS)
    if extension not in FORMATS:
        raise Http404
    language = (get_language() or "en")[:2]
    organisations = Organisation.objects.all()
    response: HttpResponse
    if extension == "xlsx":
        data = xlsx_bytes(export_rows(organisations), columns=headers(language), language=language)
        response = HttpResponse(data, content_type=FORMATS["xlsx"][0])
    elif extension == "csv":
        response = StreamingHttpResponse(
            csv_chunks(export_rows(organisations), columns=headers(language)), content_type=FORMATS["csv"][0]
        )
    else:
        response = StreamingHttpResponse(
            json_chunks(organisations, live_profiles=live_profiles()), content_type=FORMATS["json"][0]
        )
    response["Content-Disposition"] = f'attachment; filename="innotwin-organisations.{extension}"'
    return response


# ----- a person's own data ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def privacy(request: HttpRequest) -> HttpResponse:
    """Download everything held about oneself, or erase it (the account is closed)."""
    require_permission(request.user, Action.MANAGE_OWN_DATA)
    user = _user(request)
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["confirm_email"].strip().lower() != user.email:
            form.add_error("confirm_email", _("This is not the email address of your account."))
        else:
            from django.contrib.auth import logout

            erase_personal_data(actor=user, email=user.email)
            logout(request)
            messages.success(request, _("Your personal data has been erased and your account closed."))
            return redirect("web:home")
    data = export_personal_data(email=user.email)
    return render(request, "organisations/privacy.html", {"form": form, "data": data})


@login_required
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    require_permission(request.user, Action.MANAGE_OWN_DATA)
    data = export_personal_data(email=_user(request).email)
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="innotwin-my-data.json"'
    return response
