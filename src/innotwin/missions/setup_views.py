"""Setting a mission up on the web: a new mission, then one page that shows what a mission already holds
(venues, rooms and tables, the slot grid, the programme, participants, interpreters, meeting requests)
with a form to add each. Every form calls a domain function of :mod:`innotwin.missions.domain`, which
checks the input; its problems are shown next to the fields they concern."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from innotwin.accounts.permissions import Action, require_permission, visible
from innotwin.core.errors import InnotwinError, InvalidStateError, PermissionDeniedError
from innotwin.missions.domain.requests import request_meeting
from innotwin.missions.domain.setup import (
    add_agenda_item,
    add_interpreter,
    add_participant,
    add_room,
    add_venue,
    create_mission,
    generate_slots,
)
from innotwin.missions.enums import MissionStatus
from innotwin.missions.models import Mission
from innotwin.missions.setup_forms import (
    SETUP_FORMS,
    AgendaItemForm,
    InterpreterForm,
    MissionForm,
    ParticipantForm,
    RequestForm,
    RoomForm,
    SetupForm,
    SlotsForm,
    pair_organisations,
    put_problems,
)
from innotwin.missions.views import _mission, manageable_pairs
from innotwin.organisations.models import Organisation


def mission_new(request: HttpRequest) -> HttpResponse:
    """A new draft mission of a pair the person coordinates (administrators: of any pair)."""
    pairs = list(manageable_pairs(request.user))
    if not pairs:
        raise PermissionDeniedError(
            _("Only administrators and a twin pair's coordinators can create missions.")
        )
    form = MissionForm(request.POST or None, pairs=pairs, initial={"pair": request.GET.get("pair", "")})
    if request.method == "POST" and form.is_valid():
        values = form.values()
        require_permission(request.user, Action.MANAGE_MISSION, values["pair"])
        try:
            mission = create_mission(**values)
        except InnotwinError as error:
            put_problems(form, error)
        else:
            messages.success(
                request,
                _(
                    "The mission %(title)s is created as a draft. "
                    "Set it up next: venues, slots and participants."
                )
                % {"title": mission.title},
            )
            return redirect("missions:detail", slug=mission.slug)
    return render(request, "missions/new.html", {"form": form}, status=422 if form.errors else 200)


def _form(request: HttpRequest, mission: Mission, part: str, data: Any = None) -> SetupForm:
    if part == "participant":
        organisations = visible(request.user, Action.VIEW_ORGANISATION, Organisation.objects.all())
        return ParticipantForm(
            data,
            mission=mission,
            organisations=pair_organisations(mission.pair, organisations),
            prefix=part,
        )
    return SETUP_FORMS[part](data, mission=mission, prefix=part)


def _progress(mission: Mission) -> dict[str, Any]:
    """What the mission holds so far, for the coordinator to see how far the set-up has come."""
    zone = ZoneInfo(mission.time_zone)
    days: dict[Any, dict[str, Any]] = {}
    for slot in mission.slots.all():
        start, end = slot.start.astimezone(zone), slot.end.astimezone(zone)
        row = days.setdefault(start.date(), {"day": start.date(), "count": 0, "first": start, "last": end})
        row["count"] += 1
        row["first"], row["last"] = min(row["first"], start), max(row["last"], end)
    venues = list(mission.venues.prefetch_related("rooms__tables"))
    requests = list(mission.requests.select_related("requester", "counterpart"))
    return {
        "venues": venues,
        "table_count": sum(len(room.tables.all()) for venue in venues for room in venue.rooms.all()),
        "slot_days": list(days.values()),
        "slot_count": sum(row["count"] for row in days.values()),
        "agenda": [
            {"item": item, "start": item.start.astimezone(zone), "end": item.end.astimezone(zone)}
            for item in mission.agenda.select_related("venue")
        ],
        "participants": list(mission.participants.select_related("organisation")),
        "interpreters": list(mission.interpreters.all()),
        "requests": requests,
        "awaiting": sum(1 for request in requests if not request.answered),
    }


def _page(
    request: HttpRequest, mission: Mission, forms: dict[str, SetupForm], status: int = 200
) -> HttpResponse:
    context = {
        "mission": mission,
        "forms": forms,
        "editable": mission.status != MissionStatus.PUBLISHED,
        **_progress(mission),
    }
    return render(request, "missions/setup.html", context, status=status)


def _managed(request: HttpRequest, slug: str) -> Mission:
    mission = _mission(request, slug)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    return mission


def mission_setup(request: HttpRequest, slug: str) -> HttpResponse:
    """What the mission holds, with a form to add each kind of thing while it can still change."""
    mission = _managed(request, slug)
    return _page(request, mission, {part: _form(request, mission, part) for part in SETUP_FORMS})


def _add_room(form: RoomForm) -> str:
    data, mission = form.cleaned_data, form.mission
    with transaction.atomic():
        venue = data["venue"] or add_venue(
            mission=mission, name_en=data["name_en"], name_ko=data["name_ko"], address=data["address"]
        )
        room = add_room(
            venue=venue,
            name=data["room"],
            capacity=data["capacity"],
            tables=data["tables"],
            seats=data["seats"],
        )
    return ngettext(
        "The room %(room)s at %(venue)s is added with %(tables)s table.",
        "The room %(room)s at %(venue)s is added with %(tables)s tables.",
        data["tables"],
    ) % {"room": room.name, "venue": venue.name, "tables": data["tables"]}


def _add_slots(form: SlotsForm) -> str:
    data = form.cleaned_data
    slots = generate_slots(
        mission=form.mission,
        day_start=data["day_start"],
        day_end=data["day_end"],
        minutes=data["minutes"],
        breaks=data["breaks"],
        days=data["days"],
        venue=data["venue"],
    )
    if not slots:
        return _("No slot fits between the start and the end of the day outside the breaks; none was added.")
    return ngettext("%(count)s slot is added.", "%(count)s slots are added.", len(slots)) % {
        "count": len(slots)
    }


def _add_agenda_item(form: AgendaItemForm) -> str:
    item = add_agenda_item(**form.values())
    return _("The programme item %(title)s is added.") % {"title": item.title}


def _add_participant(form: ParticipantForm) -> str:
    data = form.cleaned_data
    participant = add_participant(
        mission=form.mission,
        name=data["name"],
        organisation=data["organisation"],
        organisation_name=data["organisation_name"],
        side=data["side"],
        languages=data["languages"],
        preferred_language=data["preferred_language"],
        email=data["email"],
        time_zone=data["time_zone"],
        meeting_cap=data["meeting_cap"],
        availability=data["availability"],
    )
    return _("%(name)s is added to the participants.") % {"name": participant.name}


def _add_interpreter(form: InterpreterForm) -> str:
    data = form.cleaned_data
    interpreter = add_interpreter(
        mission=form.mission,
        name=data["name"],
        languages=data["languages"],
        capacity=data["capacity"],
        availability=data["availability"],
    )
    return _("%(name)s is added to the interpreters.") % {"name": interpreter.name}


def _add_request(form: RequestForm) -> str:
    data = form.cleaned_data
    requester, counterpart = form.people[data["requester"]], form.people[data["counterpart"]]
    request_meeting(
        requester=requester,
        counterpart=counterpart,
        priority=data["priority"],
        answer=data["answer"],
        note=data["note"],
    )
    return _("The meeting request between %(requester)s and %(counterpart)s is saved.") % {
        "requester": requester.name,
        "counterpart": counterpart.name,
    }


_ADD: dict[str, Callable[[Any], str]] = {
    "venue": _add_room,
    "slots": _add_slots,
    "agenda": _add_agenda_item,
    "participant": _add_participant,
    "interpreter": _add_interpreter,
    "request": _add_request,
}


@require_POST
def mission_setup_add(request: HttpRequest, slug: str, part: str) -> HttpResponse:
    """Add one thing to the mission through its form; on a problem, the page again with it at its field."""
    mission = _managed(request, slug)
    if part not in SETUP_FORMS:
        raise Http404
    forms = {
        name: _form(request, mission, name, request.POST if name == part else None) for name in SETUP_FORMS
    }
    form = forms[part]
    if form.is_valid():
        try:
            message = _ADD[part](form)
        except InvalidStateError as error:
            messages.error(request, error.message)
            return redirect("missions:setup", slug=mission.slug)
        except InnotwinError as error:
            put_problems(form, error, form.fields_map)
        else:
            messages.success(request, message)
            return redirect(reverse("missions:setup", kwargs={"slug": mission.slug}) + f"#{part}")
    return _page(request, mission, forms, status=422)
