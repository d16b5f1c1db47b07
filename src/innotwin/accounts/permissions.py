"""The one place that decides who may do what.

Every view, API endpoint and CLI command asks :func:`has_permission` (or :func:`require_permission`)
and scopes lists with :func:`visible`. A rule knows the shape of the objects it judges (a twin pair has
``status`` and ``coordinators``), never the view that asks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import PermissionDeniedError

Person = User | AnonymousUser
M = TypeVar("M")

# A twin pair in one of these states is public; a proposed or withdrawn one is seen only by its
# coordinators and the programme administrators.
PUBLIC_PAIR_STATUSES = ("active", "paused", "completed")


class Action(StrEnum):
    VIEW_PAIR = "view_pair"
    EDIT_PAIR = "edit_pair"
    PROPOSE_PAIR = "propose_pair"
    VIEW_REGION = "view_region"
    MANAGE_PROGRAMME = "manage_programme"
    USE_API_TOKENS = "use_api_tokens"
    # The ecosystem registry (innotwin.organisations).
    VIEW_ORGANISATION = "view_organisation"
    CREATE_ORGANISATION = "create_organisation"
    EDIT_ORGANISATION = "edit_organisation"
    DELETE_ORGANISATION = "delete_organisation"
    VERIFY_ORGANISATION = "verify_organisation"
    VIEW_CONTACTS = "view_contacts"
    MANAGE_CONTACTS = "manage_contacts"
    # Who belongs to an organisation (list, add by email, remove): whoever may edit it.
    MANAGE_MEMBERS = "manage_members"
    ERASE_PERSON = "erase_person"
    MANAGE_OWN_DATA = "manage_own_data"
    VIEW_PROFILE = "view_profile"
    EDIT_PROFILE = "edit_profile"
    MODERATE_PROFILE = "moderate_profile"
    OPEN_MODERATION_QUEUE = "open_moderation_queue"
    IMPORT_ORGANISATIONS = "import_organisations"
    IMPORT_INTO_REGION = "import_into_region"
    EXPORT_ORGANISATIONS = "export_organisations"
    VIEW_AUDIT_LOG = "view_audit_log"
    # The knowledge library (innotwin.library).
    VIEW_DOCUMENT = "view_document"
    UPLOAD_DOCUMENT = "upload_document"
    EDIT_DOCUMENT = "edit_document"
    PUBLISH_DOCUMENT = "publish_document"
    # City-pair discovery (innotwin.discovery): rankings, explanations and reports are public; proposing
    # a discovered pair as a twin pair is PROPOSE_PAIR.
    VIEW_DISCOVERY = "view_discovery"
    # Roadmaps and the joint project pipeline (innotwin.roadmaps): seen by whoever sees the pair; the
    # pair's coordinators edit the roadmap and every proposal of it; members of a proposal's partner
    # organisations (leads included) edit that proposal; administrators manage the funding calls.
    VIEW_ROADMAP = "view_roadmap"
    EDIT_ROADMAP = "edit_roadmap"
    EDIT_PROPOSAL = "edit_proposal"
    MANAGE_FUNDING_CALLS = "manage_funding_calls"
    # Missions and meeting schedules (innotwin.missions): a published mission's summary is seen by whoever
    # sees its pair; drafts by its managers and participants. The pair's coordinators manage (set up,
    # solve, move, publish); a participant sees their own agenda.
    VIEW_MISSION = "view_mission"
    MANAGE_MISSION = "manage_mission"
    VIEW_AGENDA = "view_agenda"
    # Partner matching (innotwin.matching): members of an organisation see its matches and act for it
    # (expressions of interest, replies, feedback); coordinators and administrators also see them; the
    # pair's coordinators see the pair's strongest cross-border matches. VIEW_INTEREST takes an interest.
    VIEW_MATCHES = "view_matches"
    ACT_ON_MATCHES = "act_on_matches"
    VIEW_INTEREST = "view_interest"
    VIEW_PAIR_MATCHES = "view_pair_matches"
    # Impact (innotwin.impact): everyone sees verified observations of public pairs; coordinators see and
    # report everything of their pairs, organisation members report for pairs whose regions hold their
    # organisation and see what they reported; the pair's coordinators and administrators verify, never
    # what they reported themselves. VIEW_IMPACT and VERIFY_IMPACT take an observation; REPORT_IMPACT and
    # SET_IMPACT_TARGETS a pair.
    VIEW_IMPACT = "view_impact"
    REPORT_IMPACT = "report_impact"
    VERIFY_IMPACT = "verify_impact"
    SET_IMPACT_TARGETS = "set_impact_targets"


def _is_admin(person: Person) -> bool:
    return isinstance(person, User) and person.is_programme_admin


def _is_signed_in(person: Person) -> bool:
    return isinstance(person, User) and person.is_active


def _coordinates(person: Person, pair: Any) -> bool:
    return _is_signed_in(person) and pair.coordinators.filter(pk=person.pk).exists()


def _moderated_regions(person: Person) -> set[str]:
    """Codes of the regions whose organisations ``person`` moderates: both regions of every pair they
    coordinate, and every region inside those (a district in a combined authority, a sigungu in a sido)."""
    if not _is_signed_in(person):
        return set()
    from django.apps import apps

    region_model = apps.get_model("regions", "Region")
    codes = {code for pair in person.coordinated_pairs.values_list("region_a", "region_b") for code in pair}
    frontier = set(codes)
    while frontier:
        frontier = set(region_model.objects.filter(parent__in=frontier).values_list("pk", flat=True)) - codes
        codes |= frontier
    return codes


def _moderates(person: Person, organisation: Any) -> bool:
    """Whether ``person`` coordinates a pair whose region holds ``organisation``."""
    return organisation.region_id in _moderated_regions(person)


def _member_of(person: Person, organisation: Any) -> bool:
    return _is_signed_in(person) and organisation.members.filter(pk=person.pk).exists()


def _edits_organisation(person: Person, organisation: Any) -> bool:
    return _is_admin(person) or _member_of(person, organisation) or _moderates(person, organisation)


def _editable_organisations(person: Person, prefix: str = "") -> Q:
    if _is_admin(person):
        return _ALL
    if not _is_signed_in(person):
        return _NONE
    return Q(**{f"{prefix}members": person}) | Q(**{f"{prefix}region__in": _moderated_regions(person)})


def _moderated_organisations(person: Person, prefix: str = "") -> Q:
    if _is_admin(person):
        return _ALL
    return Q(**{f"{prefix}region__in": _moderated_regions(person)}) if _is_signed_in(person) else _NONE


def _live_profiles() -> Q:
    from django.utils import timezone

    return Q(status="published", expires_on__gte=timezone.localdate())


def _profile_is_live(profile: Any) -> bool:
    from django.utils import timezone

    return bool(profile.status == "published" and profile.expires_on >= timezone.localdate())


def _coordinates_a_pair(person: Person) -> bool:
    return _is_admin(person) or (_is_signed_in(person) and person.coordinated_pairs.exists())


def _sees_pair(person: Person, pair: Any) -> bool:
    return _is_admin(person) or pair.status in PUBLIC_PAIR_STATUSES or _coordinates(person, pair)


def _visible_pairs(person: Person, prefix: str = "") -> Q:
    if _is_admin(person):
        return _ALL
    public = Q(**{f"{prefix}status__in": PUBLIC_PAIR_STATUSES})
    return public | Q(**{f"{prefix}coordinators": person}) if _is_signed_in(person) else public


def _edits_proposal(person: Person, proposal: Any) -> bool:
    """Administrators, the pair's coordinators, and members of the proposal's partner organisations."""
    if _is_admin(person) or _coordinates(person, proposal.pair):
        return True
    if not _is_signed_in(person):
        return False
    organisations = {proposal.lead_uk_id, proposal.lead_kr_id} | set(
        proposal.partners.values_list("organisation_id", flat=True)
    )
    return person.organisations.filter(pk__in=organisations - {None}).exists()


def _editable_proposals(person: Person) -> Q:
    if _is_admin(person):
        return _ALL
    if not _is_signed_in(person):
        return _NONE
    return (
        Q(pair__coordinators=person)
        | Q(lead_uk__members=person)
        | Q(lead_kr__members=person)
        | Q(partners__organisation__members=person)
    )


def _edits_document(person: Person, document: Any) -> bool:
    """Administrators, and coordinators for documents they uploaded, of their pairs' regions or informing
    a pair they coordinate."""
    if _is_admin(person):
        return True
    if not _is_signed_in(person) or not person.coordinated_pairs.exists():
        return False
    return bool(
        document.uploaded_by_id == person.pk
        or document.region_id in _moderated_regions(person)
        or document.pairs.filter(coordinators=person).exists()
    )


def _editable_documents(person: Person) -> Q:
    if _is_admin(person):
        return _ALL
    if not _is_signed_in(person) or not person.coordinated_pairs.exists():
        return _NONE
    return Q(uploaded_by=person) | Q(region__in=_moderated_regions(person)) | Q(pairs__coordinators=person)


def _visible_documents(person: Person) -> Q:
    if _is_admin(person):
        return _ALL  # alone: an empty Q() vanishes in an OR
    published = Q(status="published")
    if not _is_signed_in(person):
        return published
    return published | Q(uploaded_by=person) | _editable_documents(person)


def _manages_mission(person: Person, mission_or_pair: Any) -> bool:
    """Administrators, and coordinators of the pair (given itself or as a mission's ``pair``)."""
    pair = getattr(mission_or_pair, "pair", mission_or_pair)
    return _is_admin(person) or _coordinates(person, pair)


def _sees_mission(person: Person, mission: Any) -> bool:
    if _manages_mission(person, mission):
        return True
    if mission.status == "published" and _sees_pair(person, mission.pair):
        return True
    return _is_signed_in(person) and mission.participants.filter(user=person).exists()


def _visible_missions(person: Person) -> Q:
    if _is_admin(person):
        return _ALL
    published = Q(status="published") & _visible_pairs(person, "pair__")
    if not _is_signed_in(person):
        return published
    return published | Q(pair__coordinators=person) | Q(participants__user=person)


def _sees_observation(person: Person, observation: Any) -> bool:
    if _is_admin(person) or _coordinates(person, observation.pair):
        return True
    if _is_signed_in(person) and observation.reported_by_id == person.pk:
        return True
    return bool(observation.status == "verified" and observation.pair.status in PUBLIC_PAIR_STATUSES)


def _visible_observations(person: Person) -> Q:
    if _is_admin(person):
        return _ALL
    public = Q(status="verified", pair__status__in=PUBLIC_PAIR_STATUSES)
    if not _is_signed_in(person):
        return public
    return public | Q(pair__coordinators=person) | Q(reported_by=person)


def _reports_impact(person: Person, pair: Any) -> bool:
    """Administrators, the pair's coordinators, and members of an organisation in the pair's regions."""
    if _is_admin(person) or _coordinates(person, pair):
        return True
    if not _is_signed_in(person) or not _sees_pair(person, pair):
        return False
    from innotwin.impact.domain.regions import pair_regions

    return person.organisations.filter(region__in=pair_regions(pair)).exists()


def _verifies_observation(person: Person, observation: Any) -> bool:
    """Administrators and the pair's coordinators, never for an observation they reported."""
    if not (_is_admin(person) or _coordinates(person, observation.pair)):
        return False
    return observation.reported_by_id is None or observation.reported_by_id != person.pk


@dataclass(frozen=True)
class Rule:
    """Who may take an action on one object, and the same rule as a filter over many."""

    allows: Callable[[Person, Any], bool]
    scope: Callable[[Person], Q] | None = None


_ALL = Q()
_NONE = Q(pk__in=[])

RULES: dict[Action, Rule] = {
    Action.VIEW_PAIR: Rule(
        allows=lambda p, pair: _is_admin(p) or pair.status in PUBLIC_PAIR_STATUSES or _coordinates(p, pair),
        scope=lambda p: (
            _ALL
            if _is_admin(p)
            else Q(status__in=PUBLIC_PAIR_STATUSES) | (Q(coordinators=p) if _is_signed_in(p) else _NONE)
        ),
    ),
    Action.EDIT_PAIR: Rule(
        allows=lambda p, pair: _is_admin(p) or _coordinates(p, pair),
        scope=lambda p: _ALL if _is_admin(p) else (Q(coordinators=p) if _is_signed_in(p) else _NONE),
    ),
    Action.PROPOSE_PAIR: Rule(allows=lambda p, _obj: _is_admin(p)),
    Action.VIEW_REGION: Rule(allows=lambda _p, _obj: True, scope=lambda _p: _ALL),
    Action.MANAGE_PROGRAMME: Rule(allows=lambda p, _obj: _is_admin(p)),
    Action.USE_API_TOKENS: Rule(allows=lambda p, _obj: _is_signed_in(p)),
    # The ecosystem registry: organisations are public; contact people only for signed-in people; an
    # opportunity profile is public once published and until it expires. Members edit their own
    # organisation, coordinators moderate the organisations of their pairs' regions.
    Action.VIEW_ORGANISATION: Rule(allows=lambda _p, _org: True, scope=lambda _p: _ALL),
    Action.CREATE_ORGANISATION: Rule(allows=lambda p, _obj: _is_signed_in(p)),
    Action.EDIT_ORGANISATION: Rule(allows=_edits_organisation, scope=_editable_organisations),
    Action.DELETE_ORGANISATION: Rule(
        allows=lambda p, org: _is_admin(p) or _moderates(p, org), scope=_moderated_organisations
    ),
    Action.VERIFY_ORGANISATION: Rule(
        allows=lambda p, org: _is_admin(p) or _moderates(p, org), scope=_moderated_organisations
    ),
    Action.VIEW_CONTACTS: Rule(allows=lambda p, _org: _is_signed_in(p)),
    Action.MANAGE_CONTACTS: Rule(allows=_edits_organisation, scope=_editable_organisations),
    # Its members bring colleagues in (and leave); its moderators and administrators also manage them.
    Action.MANAGE_MEMBERS: Rule(allows=_edits_organisation, scope=_editable_organisations),
    Action.ERASE_PERSON: Rule(
        allows=lambda p, person: (
            _is_signed_in(p) and (person.user_id == p.pk or _edits_organisation(p, person.organisation))
        )
    ),
    Action.MANAGE_OWN_DATA: Rule(allows=lambda p, _obj: _is_signed_in(p)),
    Action.VIEW_PROFILE: Rule(
        allows=lambda p, profile: _profile_is_live(profile) or _edits_organisation(p, profile.organisation),
        # An empty Q() vanishes in an OR, so an administrator's "everything" is returned on its own.
        scope=lambda p: (
            _ALL if _is_admin(p) else _live_profiles() | _editable_organisations(p, "organisation__")
        ),
    ),
    Action.EDIT_PROFILE: Rule(
        allows=lambda p, profile: _edits_organisation(p, profile.organisation),
        scope=lambda p: _editable_organisations(p, "organisation__"),
    ),
    Action.MODERATE_PROFILE: Rule(
        allows=lambda p, profile: _is_admin(p) or _moderates(p, profile.organisation),
        scope=lambda p: _moderated_organisations(p, "organisation__"),
    ),
    Action.OPEN_MODERATION_QUEUE: Rule(allows=lambda p, _obj: _coordinates_a_pair(p)),
    Action.IMPORT_ORGANISATIONS: Rule(allows=lambda p, _obj: _coordinates_a_pair(p)),
    Action.IMPORT_INTO_REGION: Rule(allows=lambda p, code: _is_admin(p) or code in _moderated_regions(p)),
    Action.EXPORT_ORGANISATIONS: Rule(allows=lambda p, _obj: _is_signed_in(p)),
    Action.VIEW_AUDIT_LOG: Rule(allows=lambda p, _obj: _is_admin(p)),
    # The knowledge library: everyone reads published documents; signed-in people upload (as drafts);
    # administrators and coordinators edit and publish (see _edits_document); uploaders see their drafts.
    Action.VIEW_DOCUMENT: Rule(
        allows=lambda p, doc: (
            doc.status == "published"
            or (_is_signed_in(p) and doc.uploaded_by_id == p.pk)
            or _edits_document(p, doc)
        ),
        scope=_visible_documents,
    ),
    Action.UPLOAD_DOCUMENT: Rule(allows=lambda p, _obj: _is_signed_in(p)),
    Action.EDIT_DOCUMENT: Rule(allows=_edits_document, scope=_editable_documents),
    Action.PUBLISH_DOCUMENT: Rule(allows=_edits_document, scope=_editable_documents),
    Action.VIEW_DISCOVERY: Rule(allows=lambda _p, _obj: True),
    # Roadmaps: the object is the pair (VIEW_ROADMAP, EDIT_ROADMAP) or the proposal (EDIT_PROPOSAL); the
    # scopes filter proposals (and anything else with a ``pair``).
    Action.VIEW_ROADMAP: Rule(allows=_sees_pair, scope=lambda p: _visible_pairs(p, "pair__")),
    Action.EDIT_ROADMAP: Rule(
        allows=lambda p, pair: _is_admin(p) or _coordinates(p, pair),
        scope=lambda p: _ALL if _is_admin(p) else (Q(pair__coordinators=p) if _is_signed_in(p) else _NONE),
    ),
    Action.EDIT_PROPOSAL: Rule(allows=_edits_proposal, scope=_editable_proposals),
    Action.MANAGE_FUNDING_CALLS: Rule(allows=lambda p, _obj: _is_admin(p)),
    # Missions: VIEW_MISSION and MANAGE_MISSION take a mission (MANAGE_MISSION also a pair, to create
    # one); VIEW_AGENDA takes a participant.
    Action.VIEW_MISSION: Rule(allows=_sees_mission, scope=_visible_missions),
    Action.MANAGE_MISSION: Rule(
        allows=_manages_mission,
        scope=lambda p: _ALL if _is_admin(p) else (Q(pair__coordinators=p) if _is_signed_in(p) else _NONE),
    ),
    Action.VIEW_AGENDA: Rule(
        allows=lambda p, participant: (
            _manages_mission(p, participant.mission) or (_is_signed_in(p) and participant.user_id == p.pk)
        )
    ),
    # Partner matching: the object is an organisation (VIEW_MATCHES, ACT_ON_MATCHES), an expression of
    # interest (VIEW_INTEREST) or a pair (VIEW_PAIR_MATCHES).
    Action.VIEW_MATCHES: Rule(
        allows=lambda p, org: _is_admin(p) or _member_of(p, org) or _moderates(p, org),
        scope=_editable_organisations,
    ),
    Action.ACT_ON_MATCHES: Rule(
        allows=_member_of,
        scope=lambda p: Q(members=p) if _is_signed_in(p) else _NONE,
    ),
    Action.VIEW_INTEREST: Rule(
        allows=lambda p, interest: (
            _is_admin(p)
            or _member_of(p, interest.from_organisation)
            or _member_of(p, interest.to_organisation)
        ),
        scope=lambda p: (
            _ALL
            if _is_admin(p)
            else (
                Q(from_organisation__members=p) | Q(to_organisation__members=p) if _is_signed_in(p) else _NONE
            )
        ),
    ),
    Action.VIEW_PAIR_MATCHES: Rule(allows=lambda p, pair: _is_admin(p) or _coordinates(p, pair)),
    # Impact: see the comment on the actions.
    Action.VIEW_IMPACT: Rule(allows=_sees_observation, scope=_visible_observations),
    Action.REPORT_IMPACT: Rule(allows=_reports_impact),
    Action.VERIFY_IMPACT: Rule(
        allows=_verifies_observation,
        scope=lambda p: (
            (Q(reported_by__isnull=True) | ~Q(reported_by=p))
            & (_ALL if _is_admin(p) else Q(pair__coordinators=p))
            if _is_signed_in(p)
            else _NONE
        ),
    ),
    Action.SET_IMPACT_TARGETS: Rule(allows=lambda p, pair: _is_admin(p) or _coordinates(p, pair)),
}


def has_permission(person: Person, action: Action, obj: Any = None) -> bool:
    """Whether ``person`` may take ``action`` (on ``obj``, for object-level actions)."""
    return RULES[action].allows(person, obj)


def require_permission(person: Person, action: Action, obj: Any = None) -> None:
    """Raise :class:`PermissionDeniedError` unless ``person`` may take ``action``."""
    if not has_permission(person, action, obj):
        if _is_signed_in(person):
            raise PermissionDeniedError(_("You do not have permission to do this."))
        raise PermissionDeniedError(_("Please sign in to do this."))


def visible(person: Person, action: Action, queryset: QuerySet[M]) -> QuerySet[M]:
    """The objects of ``queryset`` on which ``person`` may take ``action``."""
    scope = RULES[action].scope
    if scope is None:
        raise ValueError(f"The action {action} is not a list action; it has no scope.")
    return queryset.filter(scope(person)).distinct()
