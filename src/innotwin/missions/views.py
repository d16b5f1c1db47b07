"""The mission pages: the list, a mission (agenda, schedule grid, unscheduled requests and why), moving a
meeting with conflicts shown as they happen, personal agendas, calendar feeds and the virtual-slot finder."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from innotwin.accounts.permissions import Action, has_permission, require_permission, visible
from innotwin.core.errors import DataError, InnotwinError
from innotwin.core.scheduling import Side, find_virtual_slots, plan_virtual_series
from innotwin.missions.domain.agenda import agenda_for, mission_feed, participant_feed
from innotwin.missions.domain.from_matches import requests_from_matches
from innotwin.missions.domain.publish import publish_mission
from innotwin.missions.domain.review import check_move, move_meeting
from innotwin.missions.domain.solve import solve_mission
from innotwin.missions.forms import MoveForm, SolveForm, VirtualForm
from innotwin.missions.models import Mission, Participant, ScheduledMeeting, Slot, Table
from innotwin.pairs.models import TwinPair


def _mission(request: HttpRequest, slug: str) -> Mission:
    missions = Mission.objects.select_related("pair__region_a", "pair__region_b", "host_region")
    mission = visible(request.user, Action.VIEW_MISSION, missions).filter(slug=slug).first()
    if mission is None:
        raise Http404
    return mission


def manageable_pairs(user: Any) -> Iterator[TwinPair]:
    """The twin pairs whose missions ``user`` may manage (and so create), in the pairs' order."""
    if not user.is_authenticated:
        return iter(())
    pairs = visible(user, Action.VIEW_PAIR, TwinPair.objects.select_related("region_a", "region_b"))
    return (pair for pair in pairs if has_permission(user, Action.MANAGE_MISSION, pair))


def mission_list(request: HttpRequest) -> HttpResponse:
    """Every mission the reader may see, newest first."""
    missions = visible(
        request.user, Action.VIEW_MISSION, Mission.objects.select_related("pair__region_a", "pair__region_b")
    )
    may_create = next(manageable_pairs(request.user), None) is not None
    return render(request, "missions/list.html", {"missions": missions, "may_create": may_create})


def _grid(mission: Mission) -> tuple[list[Table], list[dict[str, Any]]]:
    """The schedule as rows of slots with one cell per table, times in the mission's zone."""
    zone = ZoneInfo(mission.time_zone)
    tables = list(Table.objects.filter(room__venue__mission=mission).select_related("room__venue"))
    meetings = mission.meetings.select_related("interpreter", "request__requester", "request__counterpart")
    placed = {(m.slot_id, m.table_id): m for m in meetings}
    rows = [
        {
            "slot": slot,
            "start": slot.start.astimezone(zone),
            "end": slot.end.astimezone(zone),
            "cells": [placed.get((slot.pk, table.pk)) for table in tables],
        }
        for slot in mission.slots.all()
    ]
    return tables, rows


def mission_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """A mission: summary and programme for everyone who may see it; for its coordinators the schedule
    grid, the unscheduled requests with their reasons, how close to the LP bound it is, and the actions."""
    mission = _mission(request, slug)
    may_manage = has_permission(request.user, Action.MANAGE_MISSION, mission)
    zone = ZoneInfo(mission.time_zone)
    context: dict[str, Any] = {
        "mission": mission,
        "may_manage": may_manage,
        "agenda": [
            {"item": item, "start": item.start.astimezone(zone), "end": item.end.astimezone(zone)}
            for item in mission.agenda.all()
        ],
        "own": list(mission.participants.filter(user=request.user)) if request.user.is_authenticated else [],
    }
    if may_manage:
        tables, rows = _grid(mission)
        context.update(
            tables=tables,
            rows=rows,
            unscheduled=mission.unscheduled.select_related("request__requester", "request__counterpart"),
            participants=mission.participants.select_related("organisation"),
            solve_form=SolveForm(),
            interpreters=mission.interpreters.all(),
        )
    return render(request, "missions/detail.html", context)


@require_POST
def mission_solve(request: HttpRequest, slug: str) -> HttpResponse:
    mission = _mission(request, slug)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    form = SolveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a solver and a time limit between 1 and 120 seconds."))
        return redirect("missions:detail", slug=slug)
    try:
        result = solve_mission(
            mission=mission, solver=form.cleaned_data["solver"], time_limit=form.cleaned_data["time_limit"]
        )
    except InnotwinError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Scheduled %(meetings)s meetings; %(unscheduled)s requests could not be scheduled.")
            % {
                "meetings": len(result.meetings),
                "unscheduled": mission.requests.count() - len(result.meetings),
            },
        )
    return redirect("missions:detail", slug=slug)


@require_POST
def mission_requests_from_matches(request: HttpRequest, slug: str) -> HttpResponse:
    """Make meeting requests from the matching introductions between organisations on the mission."""
    mission = _mission(request, slug)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    try:
        result = requests_from_matches(mission=mission)
    except InnotwinError as error:
        messages.error(request, error.message)
    else:
        if not result.introductions:
            messages.info(
                request, _("No two organisations on this mission have been introduced through matching yet.")
            )
        else:
            messages.success(
                request,
                _(
                    "%(created)s meeting requests made from %(introductions)s introductions; "
                    "%(skipped)s pairs of participants already had a request and were left as they were."
                )
                % {
                    "created": len(result.created),
                    "introductions": result.introductions,
                    "skipped": len(result.skipped),
                },
            )
    return redirect("missions:detail", slug=slug)


@require_POST
def mission_publish(request: HttpRequest, slug: str) -> HttpResponse:
    mission = _mission(request, slug)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    try:
        emails = publish_mission(mission=mission)
    except InnotwinError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Published. %(count)s participants are emailed their agenda.") % {"count": emails}
        )
    return redirect("missions:detail", slug=slug)


def _meeting(mission: Mission, pk: int) -> ScheduledMeeting:
    meeting = (
        mission.meetings.select_related(
            "slot",
            "table__room__venue",
            "interpreter",
            "request__requester",
            "request__counterpart",
            "mission",
        )
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def _target(mission: Mission, form: MoveForm) -> tuple[Slot, Table]:
    slot = mission.slots.get(pk=form.cleaned_data["slot"])
    table = Table.objects.select_related("room__venue").get(
        room__venue__mission=mission, pk=form.cleaned_data["table"]
    )
    return slot, table


def meeting_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Move one meeting. As the coordinator picks a slot and a table, htmx asks for the conflicts and
    shows them at once; the move itself is refused while any remains."""
    mission = _mission(request, slug)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    meeting = _meeting(mission, pk)
    data = request.POST if request.method == "POST" else (request.GET if "slot" in request.GET else None)
    form = MoveForm(data, mission=mission, initial={"slot": meeting.slot_id, "table": meeting.table_id})
    problems: list[str] = []
    checked = False
    status = 200
    if form.is_valid():
        slot, table = _target(mission, form)
        if request.method == "POST":
            try:
                move_meeting(meeting=meeting, slot=slot, table=table)
            except DataError as error:
                problems = [problem.message for problem in error.problems]
                status = 409
            except InnotwinError as error:
                problems = [error.message]
                status = 409
            else:
                messages.success(request, _("The meeting moved; its calendar entry is updated."))
                return redirect("missions:detail", slug=slug)
        else:
            problems = [
                problem.message for problem in check_move(meeting=meeting, slot=slot, table=table).problems
            ]
        checked = True
    context = {"mission": mission, "meeting": meeting, "form": form, "problems": problems, "checked": checked}
    if request.htmx and request.method == "GET":
        return render(request, "missions/_move_check.html", context)
    return render(request, "missions/move.html", context, status=status)


def participant_agenda(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """One participant's agenda, in their time zone, with their calendar feed."""
    mission = _mission(request, slug)
    participant = mission.participants.select_related("organisation").filter(pk=pk).first()
    if participant is None:
        raise Http404
    require_permission(request.user, Action.VIEW_AGENDA, participant)
    feed = request.build_absolute_uri(reverse("missions:feed", kwargs={"token": participant.feed_token}))
    return render(
        request,
        "missions/agenda.html",
        {"mission": mission, "participant": participant, "entries": agenda_for(participant), "feed": feed},
    )


def participant_ics(request: HttpRequest, token: str) -> HttpResponse:
    """A participant's calendar feed; the secret token in the address is the permission, so calendar
    programs can subscribe without signing in."""
    participant = Participant.objects.select_related("mission").filter(feed_token=token).first()
    if participant is None:
        raise Http404
    return HttpResponse(participant_feed(participant), content_type="text/calendar; charset=utf-8")


def mission_ics(request: HttpRequest, slug: str) -> HttpResponse:
    mission = _mission(request, slug)
    require_permission(request.user, Action.MANAGE_MISSION, mission)
    response = HttpResponse(mission_feed(mission), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{mission.slug}.ics"'
    return response


def virtual_slots(request: HttpRequest) -> HttpResponse:
    """Slots inside both sides' working hours for the days asked, and a fair weekly series that rotates
    the early and the late end of the day between the sides."""
    form = VirtualForm(request.GET or None, initial={"first": VirtualForm.initial_first()})
    context: dict[str, Any] = {"form": form}
    if form.is_valid():
        data = form.cleaned_data
        sides = (
            Side(name=data["zone_a"], zone=data["zone_a"]),
            Side(name=data["zone_b"], zone=data["zone_b"]),
        )
        duration = dt.timedelta(minutes=data["duration"])
        slots = find_virtual_slots(
            first=data["first"],
            last=data["first"] + dt.timedelta(days=data["days"] - 1),
            duration=duration,
            sides=sides,
            step=dt.timedelta(minutes=30),
        )
        context["sides"] = sides
        context["slots"] = [
            {"start": slot.start, "locals": list(zip(sides, slot.local_starts, slot.burden, strict=True))}
            for slot in slots
        ]
        if data.get("occurrences"):
            series = plan_virtual_series(
                first=data["first"], occurrences=data["occurrences"], duration=duration, sides=sides
            )
            context["series"] = series
            context["series_rows"] = [
                {"start": slot.start, "locals": list(zip(sides, slot.local_starts, slot.burden, strict=True))}
                for slot in series.meetings
            ]
            context["burdens"] = list(zip(sides, series.burden, strict=True))
    return render(request, "missions/virtual.html", context)
