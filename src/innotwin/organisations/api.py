"""``/api/v1/organisations``, ``/api/v1/profiles`` and ``/api/v1/me``: the ecosystem registry's REST API.

Every endpoint asks :mod:`innotwin.accounts.permissions`; an object the caller may not see answers 404,
an action they may not take 403. Writes call the same domain functions as the web pages.
A write made with the browser's session must carry the CSRF token (checked in :mod:`innotwin.api.auth`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from ninja import File, Form, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from innotwin.accounts.models import User
from innotwin.accounts.permissions import Action, require_permission, visible
from innotwin.core.errors import PermissionDeniedError
from innotwin.core.registry import guess_mapping
from innotwin.organisations.domain.add_member import remove_member
from innotwin.organisations.domain.add_member_by_email import add_member_by_email
from innotwin.organisations.domain.add_person import add_person
from innotwin.organisations.domain.create_organisation import create_organisation
from innotwin.organisations.domain.create_profile import create_profile
from innotwin.organisations.domain.delete_organisation import delete_organisation
from innotwin.organisations.domain.delete_profile import delete_profile
from innotwin.organisations.domain.erase_person import erase_person
from innotwin.organisations.domain.erase_personal_data import erase_personal_data
from innotwin.organisations.domain.export_personal_data import export_personal_data
from innotwin.organisations.domain.import_organisations import import_organisations
from innotwin.organisations.domain.publish_profile import publish_profile
from innotwin.organisations.domain.return_profile import return_profile
from innotwin.organisations.domain.submit_profile import submit_profile
from innotwin.organisations.domain.update_organisation import update_organisation
from innotwin.organisations.domain.update_profile import update_profile
from innotwin.organisations.domain.verify_organisation import verify_organisation
from innotwin.organisations.domain.withdraw_profile import withdraw_profile
from innotwin.organisations.interfaces.exporters import (
    FORMATS,
    csv_chunks,
    export_rows,
    headers,
    json_chunks,
    xlsx_bytes,
)
from innotwin.organisations.interfaces.uploads import read_upload
from innotwin.organisations.models import AuditEntry, OpportunityProfile, Organisation, Person
from innotwin.organisations.queries import DirectoryFilter, directory, live_profiles

organisations_router = Router(tags=["organisations"])
profiles_router = Router(tags=["profiles"])
me_router = Router(tags=["privacy"])


def _actor(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDeniedError("Please sign in, or send an API token, to do this.")
    return user


# ----- schemas ---------------------------------------------------------------------------------------


class IndustryOut(Schema):
    scheme: str
    code: str
    isic_group: str
    isic_sections: str


class OrganisationIn(Schema):
    """An organisation's values; on PATCH only those sent change. Texts are stored as given."""

    name_en: str | None = None
    name_ko: str | None = None
    type: str | None = None
    region: str | None = None
    industries: str | None = None
    size_band: str | None = None
    founded_year: int | None = None
    website: str | None = None
    description_en: str | None = None
    description_en_origin: str | None = None
    description_ko: str | None = None
    description_ko_origin: str | None = None
    keywords_en: str | None = None
    keywords_en_origin: str | None = None
    keywords_ko: str | None = None
    keywords_ko_origin: str | None = None
    external_id: str | None = None
    postcode: str | None = None
    locality: str | None = None


class OrganisationOut(Schema):
    slug: str
    url: str
    name_en: str
    name_ko: str
    type: str
    region: str
    size_band: str
    founded_year: int | None
    website: str
    description_en: str
    description_en_origin: str
    description_ko: str
    description_ko_origin: str
    keywords_en: str
    keywords_en_origin: str
    keywords_ko: str
    keywords_ko_origin: str
    industries: list[IndustryOut]
    verification: str
    source: str
    external_id: str
    postcode: str
    locality: str
    latitude: float | None
    longitude: float | None

    @staticmethod
    def resolve_region(obj: Organisation) -> str:
        return obj.region_id

    @staticmethod
    def resolve_url(obj: Organisation) -> str:
        return reverse("organisations:detail", kwargs={"slug": obj.slug})

    @staticmethod
    def resolve_industries(obj: Organisation) -> list[Any]:
        return list(obj.industries.all())


class ProfileIn(Schema):
    kind: str | None = None
    business_kind: str | None = None
    title_en: str | None = None
    title_en_origin: str | None = None
    title_ko: str | None = None
    title_ko_origin: str | None = None
    summary_en: str | None = None
    summary_en_origin: str | None = None
    summary_ko: str | None = None
    summary_ko_origin: str | None = None
    pillar: str | None = None
    industries: str | None = None
    partner_types: list[str] | None = None
    partner_size: str | None = None
    partner_role: str | None = None
    stage: str | None = None
    expires_on: dt.date | None = None


class ProfileOut(Schema):
    id: int
    organisation: str
    kind: str
    business_kind: str
    title_en: str
    title_en_origin: str
    title_ko: str
    title_ko_origin: str
    summary_en: str
    summary_en_origin: str
    summary_ko: str
    summary_ko_origin: str
    pillar: str
    industries: list[IndustryOut]
    partner_types: list[str]
    partner_size: str
    partner_role: str
    stage: str
    expires_on: dt.date
    status: str
    published_at: dt.datetime | None

    @staticmethod
    def resolve_organisation(obj: OpportunityProfile) -> str:
        return obj.organisation.slug

    @staticmethod
    def resolve_pillar(obj: OpportunityProfile) -> str:
        return obj.pillar_id

    @staticmethod
    def resolve_industries(obj: OpportunityProfile) -> list[Any]:
        return list(obj.industries.all())


class OrganisationDetailOut(OrganisationOut):
    profiles: list[ProfileOut]

    @staticmethod
    def resolve_profiles(obj: Organisation) -> list[Any]:
        return list(getattr(obj, "profiles_shown", []))


class ConsentOut(Schema):
    purpose: str
    statement: str
    language: str
    given_at: dt.datetime
    withdrawn_at: dt.datetime | None


class ContactIn(Schema):
    full_name: str
    job_title: str = ""
    email: str = ""
    phone: str = ""
    consents: list[str] = ["listed_contact"]
    language: str = "en"


class ContactOut(Schema):
    id: int
    full_name: str
    job_title: str
    email: str
    phone: str
    consents: list[ConsentOut]

    @staticmethod
    def resolve_consents(obj: Person) -> list[Any]:
        return list(obj.consents.all())


class MemberOut(Schema):
    id: int
    email: str
    full_name: str


class MemberIn(Schema):
    """A person to add by email; ``full_name`` and ``language`` (``en``/``ko``, by default the request's
    language) are used only when an account is created for them."""

    email: str
    full_name: str = ""
    language: str | None = None


class MemberAddedOut(MemberOut):
    invited: bool


class NoteIn(Schema):
    note: str = ""


class HistoryOut(Schema):
    at: dt.datetime
    by: str
    action: str
    changes: dict[str, Any]

    @staticmethod
    def resolve_by(obj: AuditEntry) -> str:
        return obj.actor_label


class ProblemOut(Schema):
    message: str
    line: int | None
    field: str | None


class ImportOut(Schema):
    file: str
    rows: int
    dry_run: bool
    created: int
    mapping: dict[str, str | None]
    problems: list[ProblemOut]


class ErasureIn(Schema):
    confirm_email: str


class ErasureOut(Schema):
    contacts: int
    account: bool


# ----- organisations ---------------------------------------------------------------------------------


def _organisation(request: HttpRequest, slug: str) -> Organisation:
    queryset = visible(request.user, Action.VIEW_ORGANISATION, Organisation.objects.select_related("region"))
    organisation = queryset.prefetch_related("industries").filter(slug=slug).first()
    if organisation is None:
        raise Http404(f"There is no organisation {slug!r}.")
    return organisation


def _visible_profiles(request: HttpRequest) -> QuerySet[OpportunityProfile]:
    profiles = OpportunityProfile.objects.select_related("organisation").prefetch_related("industries")
    return visible(request.user, Action.VIEW_PROFILE, profiles)


@organisations_router.get("", response=list[OrganisationOut], summary="List organisations")
@paginate
def list_organisations(
    request: HttpRequest,
    q: str = "",
    city: str = "",
    type: str = "",
    industry: str = "",
    pillar: str = "",
    language: str = "",
) -> QuerySet[Organisation]:
    """Organisations, filtered like the web directory: ``city`` (a region code, regions inside it
    included), ``type``, ``industry`` (an ISIC section letter), ``pillar`` (organisations with a published
    profile in it), ``language`` (``en``/``ko``: with a name or description in it) and words ``q``."""
    filters = DirectoryFilter(q=q, city=city, type=type, industry=industry, pillar=pillar, language=language)
    return directory(filters).prefetch_related("industries").order_by("name_en", "name_ko", "pk")


@organisations_router.post("", response={201: OrganisationOut}, summary="Create an organisation")
def create(request: HttpRequest, payload: OrganisationIn) -> Organisation:
    """Create an organisation; the caller becomes its member (and may then edit it)."""
    actor = _actor(request)
    require_permission(actor, Action.CREATE_ORGANISATION)
    return create_organisation(actor=actor, values=payload.dict(exclude_none=True))


@organisations_router.get("/export", summary="Export organisations", response={200: None})
def export(request: HttpRequest, format: str = "csv", language: str = "en") -> HttpResponse:
    """Every organisation as ``csv``, ``xlsx`` or ``json`` (JSON with its published profiles). Contact
    people are never exported. Text cells are safe to open in a spreadsheet (no formula runs)."""
    require_permission(request.user, Action.EXPORT_ORGANISATIONS)
    if format not in FORMATS:
        raise Http404(f"There is no export format {format!r}; use csv, xlsx or json.")
    content_type, extension = FORMATS[format]
    organisations = Organisation.objects.all()
    language = "ko" if language == "ko" else "en"
    response: HttpResponse
    if format == "xlsx":
        response = HttpResponse(
            xlsx_bytes(export_rows(organisations), columns=headers(language), language=language),
            content_type=content_type,
        )
    elif format == "csv":
        response = StreamingHttpResponse(
            csv_chunks(export_rows(organisations), columns=headers(language)), content_type=content_type
        )
    else:
        response = StreamingHttpResponse(
            json_chunks(organisations, live_profiles=live_profiles()), content_type=content_type
        )
    response["Content-Disposition"] = f'attachment; filename="innotwin-organisations.{extension}"'
    return response


@organisations_router.post("/import", response=ImportOut, summary="Import organisations from a file")
def import_file(
    request: HttpRequest,
    file: File[UploadedFile],
    mapping: Form[str] = "",
    dry_run: Form[bool] = False,
    encoding: Form[str] = "utf-8",
) -> dict[str, Any]:
    """Import a CSV or XLSX file: every row, or none. ``mapping`` is JSON ``{"header": "field"}`` (headers
    are matched by name without it). With ``dry_run`` the report lists every problem and nothing is stored;
    otherwise a file with problems answers 422 with each problem's row and field in ``details``."""
    import json

    actor = _actor(request)
    require_permission(actor, Action.IMPORT_ORGANISATIONS)
    sheet = read_upload(file.read(), name=file.name or "upload", encoding=encoding)
    columns = json.loads(mapping) if mapping else guess_mapping(sheet.header)
    result = import_organisations(actor=actor, sheet=sheet, mapping=columns, dry_run=dry_run)
    return {
        "file": sheet.file,
        "rows": result.report.rows,
        "dry_run": result.dry_run,
        "created": result.created,
        "mapping": columns,
        "problems": [
            {"message": p.message, "line": p.line, "field": p.field} for p in result.report.problems
        ],
    }


@organisations_router.get("/{slug}", response=OrganisationDetailOut, summary="One organisation")
def get_organisation(request: HttpRequest, slug: str) -> Organisation:
    """One organisation with the profiles the caller may see (contact people: ``/contacts``)."""
    organisation = _organisation(request, slug)
    organisation.profiles_shown = list(_visible_profiles(request).filter(organisation=organisation))  # type: ignore[attr-defined]
    return organisation


@organisations_router.patch("/{slug}", response=OrganisationOut, summary="Change an organisation")
def update(request: HttpRequest, slug: str, payload: OrganisationIn) -> Organisation:
    actor = _actor(request)
    organisation = _organisation(request, slug)
    require_permission(actor, Action.EDIT_ORGANISATION, organisation)
    return update_organisation(actor=actor, organisation=organisation, values=payload.dict(exclude_none=True))


@organisations_router.delete("/{slug}", response={204: None}, summary="Delete an organisation")
def delete(request: HttpRequest, slug: str) -> None:
    actor = _actor(request)
    organisation = _organisation(request, slug)
    require_permission(actor, Action.DELETE_ORGANISATION, organisation)
    delete_organisation(actor=actor, organisation=organisation)
    return None


@organisations_router.post("/{slug}/verify", response=OrganisationOut, summary="Verify an organisation")
def verify(request: HttpRequest, slug: str) -> Organisation:
    actor = _actor(request)
    organisation = _organisation(request, slug)
    require_permission(actor, Action.VERIFY_ORGANISATION, organisation)
    return verify_organisation(actor=actor, organisation=organisation)


@organisations_router.get("/{slug}/contacts", response=list[ContactOut], summary="Contact people")
def contacts(request: HttpRequest, slug: str) -> list[Person]:
    """The organisation's contact people who consent to be listed: for signed-in people only."""
    organisation = _organisation(request, slug)
    require_permission(request.user, Action.VIEW_CONTACTS, organisation)
    people = organisation.people.filter(erased_at__isnull=True).prefetch_related("consents")
    return [person for person in people if person.has_consent()]


@organisations_router.post("/{slug}/contacts", response={201: ContactOut}, summary="Add a contact person")
def add_contact(request: HttpRequest, slug: str, payload: ContactIn) -> Person:
    """Add a contact person with the consent they gave (``listed_contact`` at least)."""
    actor = _actor(request)
    organisation = _organisation(request, slug)
    require_permission(actor, Action.MANAGE_CONTACTS, organisation)
    return add_person(actor=actor, organisation=organisation, **payload.dict())


@organisations_router.delete("/{slug}/contacts/{person_id}", response={204: None}, summary="Erase a contact")
def erase_contact(request: HttpRequest, slug: str, person_id: int) -> None:
    """Erase a contact person's personal data (the organisation keeps its record)."""
    actor = _actor(request)
    organisation = _organisation(request, slug)
    person = get_object_or_404(Person, pk=person_id, organisation=organisation, erased_at__isnull=True)
    require_permission(actor, Action.ERASE_PERSON, person)
    erase_person(actor=actor, person=person)
    return None


@organisations_router.get("/{slug}/members", response=list[MemberOut], summary="Members")
def list_members(request: HttpRequest, slug: str) -> QuerySet[User]:
    """The accounts that belong to the organisation (for its members, moderators and administrators)."""
    organisation = _organisation(request, slug)
    require_permission(request.user, Action.MANAGE_MEMBERS, organisation)
    return organisation.members.order_by("email")


@organisations_router.post("/{slug}/members", response={201: MemberAddedOut}, summary="Add a member")
def add_organisation_member(request: HttpRequest, slug: str, payload: MemberIn) -> dict[str, Any]:
    """Add the person with ``email``. Without an account, one is created and they are sent an email
    inviting them to choose a password (``invited`` is true); an existing account is told by email. A
    person who is already a member, or a closed account, answers 422 with the problem on ``email``."""
    actor = _actor(request)
    organisation = _organisation(request, slug)
    require_permission(actor, Action.MANAGE_MEMBERS, organisation)
    added = add_member_by_email(
        actor=actor,
        organisation=organisation,
        email=payload.email,
        full_name=payload.full_name,
        language=payload.language or (get_language() or "en")[:2],
        base_url=request.build_absolute_uri("/"),
    )
    user = added.user
    return {"id": user.pk, "email": user.email, "full_name": user.full_name, "invited": added.invited}


@organisations_router.delete("/{slug}/members/{member_id}", response={204: None}, summary="Remove a member")
def remove_organisation_member(request: HttpRequest, slug: str, member_id: int) -> None:
    """Take a person's membership away (their account stays). The last member can be removed only by a
    moderator or administrator: for a member it answers 400 ``invalid_state``, saying why."""
    actor = _actor(request)
    organisation = _organisation(request, slug)
    require_permission(actor, Action.MANAGE_MEMBERS, organisation)
    member = organisation.members.filter(pk=member_id).first()
    if member is None:
        raise Http404(f"Account {member_id} is not a member of {slug!r}.")
    remove_member(actor=actor, organisation=organisation, user=member)
    return None


@organisations_router.post("/{slug}/profiles", response={201: ProfileOut}, summary="Create a profile")
def add_profile(request: HttpRequest, slug: str, payload: ProfileIn) -> OpportunityProfile:
    """Create a draft opportunity profile of the organisation."""
    actor = _actor(request)
    organisation = _organisation(request, slug)
    require_permission(actor, Action.EDIT_ORGANISATION, organisation)
    return create_profile(actor=actor, organisation=organisation, values=payload.dict(exclude_none=True))


# ----- profiles --------------------------------------------------------------------------------------


def _profile(request: HttpRequest, profile_id: int) -> OpportunityProfile:
    profile = _visible_profiles(request).filter(pk=profile_id).first()
    if profile is None:
        raise Http404(f"There is no profile {profile_id} that you may see.")
    return profile


@profiles_router.get("", response=list[ProfileOut], summary="List opportunity profiles")
@paginate
def list_profiles(
    request: HttpRequest, status: str = "", kind: str = "", pillar: str = ""
) -> QuerySet[OpportunityProfile]:
    """Profiles the caller may see: published ones for everyone; drafts and submitted ones for the
    organisation's members, the pair's coordinators and programme administrators."""
    profiles = _visible_profiles(request)
    filters = {"status": status, "kind": kind, "pillar": pillar}
    return profiles.filter(**{name: value for name, value in filters.items() if value}).order_by("pk")


@profiles_router.get("/moderation", response=list[ProfileOut], summary="Moderation queue")
@paginate
def moderation_queue(request: HttpRequest) -> QuerySet[OpportunityProfile]:
    """Submitted profiles the caller moderates (a coordinator: their pairs' regions), oldest first."""
    profiles = OpportunityProfile.objects.filter(status="submitted").select_related("organisation")
    return visible(request.user, Action.MODERATE_PROFILE, profiles).order_by("submitted_at", "pk")


@profiles_router.get("/{profile_id}", response=ProfileOut, summary="One opportunity profile")
def get_profile(request: HttpRequest, profile_id: int) -> OpportunityProfile:
    return _profile(request, profile_id)


@profiles_router.patch("/{profile_id}", response=ProfileOut, summary="Change a profile")
def patch_profile(request: HttpRequest, profile_id: int, payload: ProfileIn) -> OpportunityProfile:
    """Change a profile; a member's change to a published profile sends it back to moderation."""
    actor = _actor(request)
    profile = _profile(request, profile_id)
    require_permission(actor, Action.EDIT_PROFILE, profile)
    return update_profile(actor=actor, profile=profile, values=payload.dict(exclude_none=True))


@profiles_router.delete("/{profile_id}", response={204: None}, summary="Delete a profile")
def remove_profile(request: HttpRequest, profile_id: int) -> None:
    actor = _actor(request)
    profile = _profile(request, profile_id)
    require_permission(actor, Action.EDIT_PROFILE, profile)
    delete_profile(actor=actor, profile=profile)
    return None


@profiles_router.post("/{profile_id}/submit", response=ProfileOut, summary="Submit for moderation")
def submit(request: HttpRequest, profile_id: int) -> OpportunityProfile:
    actor = _actor(request)
    profile = _profile(request, profile_id)
    require_permission(actor, Action.EDIT_PROFILE, profile)
    return submit_profile(actor=actor, profile=profile)


@profiles_router.post("/{profile_id}/publish", response=ProfileOut, summary="Publish (moderation)")
def publish(request: HttpRequest, profile_id: int, payload: NoteIn) -> OpportunityProfile:
    actor = _actor(request)
    profile = _profile(request, profile_id)
    require_permission(actor, Action.MODERATE_PROFILE, profile)
    return publish_profile(actor=actor, profile=profile, note=payload.note)


@profiles_router.post("/{profile_id}/return", response=ProfileOut, summary="Return to draft (moderation)")
def send_back(request: HttpRequest, profile_id: int, payload: NoteIn) -> OpportunityProfile:
    actor = _actor(request)
    profile = _profile(request, profile_id)
    require_permission(actor, Action.MODERATE_PROFILE, profile)
    return return_profile(actor=actor, profile=profile, note=payload.note)


@profiles_router.post("/{profile_id}/withdraw", response=ProfileOut, summary="Withdraw a profile")
def withdraw(request: HttpRequest, profile_id: int) -> OpportunityProfile:
    actor = _actor(request)
    profile = _profile(request, profile_id)
    require_permission(actor, Action.EDIT_PROFILE, profile)
    return withdraw_profile(actor=actor, profile=profile)


@profiles_router.get("/{profile_id}/history", response=list[HistoryOut], summary="History of changes")
def history(request: HttpRequest, profile_id: int) -> QuerySet[AuditEntry]:
    """Every change to the profile: who, when, what (for its editors and moderators)."""
    profile = _profile(request, profile_id)
    require_permission(request.user, Action.EDIT_PROFILE, profile)
    return AuditEntry.objects.filter(object_type="opportunityprofile", object_id=str(profile.pk)).order_by(
        "at", "pk"
    )


# ----- the caller's own personal data ----------------------------------------------------------------


@me_router.get("/personal-data", response=dict[str, Any], summary="Download my personal data")
def my_data(request: HttpRequest) -> dict[str, Any]:
    """Everything innotwin holds about the caller: account, contact records with consent, actions."""
    require_permission(request.user, Action.MANAGE_OWN_DATA)
    assert isinstance(request.user, User)  # noqa: S101 - the permission requires a signed-in user
    return export_personal_data(email=request.user.email)


@me_router.post("/erasure", response=ErasureOut, summary="Erase my personal data")
def erase_me(request: HttpRequest, payload: ErasureIn) -> dict[str, Any]:
    """Erase the caller's personal data and close their account; ``confirm_email`` must be their email."""
    actor = _actor(request)
    require_permission(actor, Action.MANAGE_OWN_DATA)
    if payload.confirm_email.strip().lower() != actor.email:
        raise PermissionDeniedError("confirm_email must be the email address of your account.")
    result = erase_personal_data(actor=actor, email=actor.email)
    return {"contacts": result.contacts, "account": result.account}
