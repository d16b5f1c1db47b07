"""Who may see and manage a mission, through the rules, the API and the pages.

``member`` is the user of the participant Ann; ``coordinator`` coordinates the mission's pair;
``other_coordinator`` coordinates nothing here."""

from __future__ import annotations

import pytest
from django.test import Client

from innotwin.accounts.domain.create_api_token import create_api_token
from innotwin.accounts.permissions import Action, has_permission, visible
from innotwin.missions.domain.publish import publish_mission
from innotwin.missions.models import Mission

ROLES = ("anonymous", "member", "coordinator", "other_coordinator", "admin")


def _user(people, role: str):
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser() if role == "anonymous" else people[role]


@pytest.mark.parametrize(
    ("role", "view_draft", "view_published", "manage", "ann_agenda", "bo_agenda"),
    [
        ("anonymous", False, True, False, False, False),
        ("member", True, True, False, True, False),
        ("coordinator", True, True, True, True, True),
        ("other_coordinator", False, True, False, False, False),
        ("admin", True, True, True, True, True),
    ],
)
def test_permission_matrix(
    solved,
    people,
    role,
    view_draft,
    view_published,
    manage,
    ann_agenda,
    bo_agenda,
    django_capture_on_commit_callbacks,
) -> None:
    person = _user(people, role)
    mission = solved.mission
    assert has_permission(person, Action.VIEW_MISSION, mission) is view_draft
    assert (visible(person, Action.VIEW_MISSION, Mission.objects.all()).count() == 1) is view_draft
    assert has_permission(person, Action.MANAGE_MISSION, mission) is manage
    assert has_permission(person, Action.MANAGE_MISSION, solved.pair) is manage
    assert (visible(person, Action.MANAGE_MISSION, Mission.objects.all()).count() == 1) is manage
    assert has_permission(person, Action.VIEW_AGENDA, solved.people["ann"]) is ann_agenda
    assert has_permission(person, Action.VIEW_AGENDA, solved.people["bo"]) is bo_agenda
    with django_capture_on_commit_callbacks(execute=True):
        publish_mission(mission=mission)
    mission.refresh_from_db()
    assert has_permission(person, Action.VIEW_MISSION, mission) is view_published
    assert (visible(person, Action.VIEW_MISSION, Mission.objects.all()).count() == 1) is view_published


def _client(people, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(people[role])
    return client


@pytest.mark.parametrize(
    ("role", "detail", "grid", "agenda", "move_page"),
    [
        ("anonymous", 404, False, 404, 404),
        ("member", 200, False, 200, 403),
        ("coordinator", 200, True, 200, 200),
        ("other_coordinator", 404, False, 404, 404),
        ("admin", 200, True, 200, 200),
    ],
)
def test_pages_per_role(solved, people, role, detail, grid, agenda, move_page) -> None:
    client = _client(people, role)
    slug = solved.mission.slug
    response = client.get(f"/en/missions/{slug}/")
    assert response.status_code == detail
    if detail == 200:
        assert (b"schedule-grid" in response.content) is grid
    ann = solved.people["ann"]
    assert client.get(f"/en/missions/{slug}/participants/{ann.pk}/").status_code == agenda
    meeting = solved.mission.meetings.first()
    assert client.get(f"/en/missions/{slug}/meetings/{meeting.pk}/move/").status_code == move_page


def test_api_list_detail_and_what_the_public_sees(solved, people, django_capture_on_commit_callbacks) -> None:
    client = Client()
    assert client.get("/api/v1/missions").json() == []
    assert client.get(f"/api/v1/missions/{solved.mission.slug}").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        publish_mission(mission=solved.mission)
    listed = client.get("/api/v1/missions").json()
    assert [m["slug"] for m in listed] == ["trade-mission"]
    detail = client.get(f"/api/v1/missions/{solved.mission.pk}").json()
    assert detail["status"] == "published"
    assert detail["agenda"][0]["kind"] == "panel"
    refused = client.get(f"/api/v1/missions/{solved.mission.slug}/schedule")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "permission_denied"
    assert client.get(f"/api/v1/missions/{solved.mission.slug}/participants").status_code == 403


def test_api_coordinator_adds_a_request_solves_moves_and_publishes(setup, people, mailoutbox) -> None:
    _token, raw = create_api_token(user=people["coordinator"], name="test")
    headers = {"Authorization": f"Bearer {raw}"}
    client = Client()
    base = f"/api/v1/missions/{setup.mission.slug}"
    participants = client.get(f"{base}/participants", headers=headers).json()
    assert {p["name"] for p in participants} == {"Ann", "보람", "Cy", "Di"}
    made = client.post(
        f"{base}/requests",
        {"requester": setup.people["di"].pk, "counterpart": setup.people["cy"].pk, "priority": "would_like"},
        content_type="application/json",
        headers=headers,
    )
    assert made.status_code == 201
    assert made.json()["id"] == setup.requests["cy-di"].pk
    schedule = client.post(
        f"{base}/solve",
        {"solver": "assignment", "time_limit": 5},
        content_type="application/json",
        headers=headers,
    ).json()
    assert schedule["status"] == "review"
    assert schedule["bound"] is not None
    reasons = {item["reason"] for item in schedule["unscheduled"]}
    assert "awaiting_answer" in reasons
    first, second = schedule["meetings"][0], schedule["meetings"][1]
    clash = client.post(
        f"{base}/meetings/{first['id']}/move",
        {"slot": second["slot"], "table": second["table_id"]},
        content_type="application/json",
        headers=headers,
    )
    assert clash.status_code == 422
    assert clash.json()["error"]["code"] == "data_error"
    assert clash.json()["error"]["details"]
    ics = client.get(f"{base}/schedule.ics", headers=headers)
    assert ics.status_code == 200
    assert ics["Content-Type"].startswith("text/calendar")
    published = client.post(f"{base}/publish", headers=headers)
    assert published.status_code == 200
    assert published.json()["emails"] == 3
    again = client.post(f"{base}/publish", headers=headers)
    assert again.status_code == 400
    assert again.json()["error"]["code"] == "invalid_state"


def test_api_other_coordinator_cannot_solve(solved, people) -> None:
    _token, raw = create_api_token(user=people["other_coordinator"], name="test")
    response = Client().post(
        f"/api/v1/missions/{solved.mission.slug}/solve",
        {},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 404


def test_the_feed_token_is_the_permission(solved) -> None:
    ann = solved.people["ann"]
    response = Client().get(f"/en/missions/feeds/{ann.feed_token}.ics")
    assert response.status_code == 200
    assert b"BEGIN:VCALENDAR" in response.content
    assert Client().get("/en/missions/feeds/not-a-token.ics").status_code == 404


def test_api_sets_a_mission_up_from_scratch_and_solves_it(people) -> None:
    from innotwin.organisations.domain.create_organisation import create_organisation
    from innotwin.pairs.domain.assign_coordinator import assign_coordinator
    from tests.factories import make_pair

    pair = make_pair(slug="town-city")
    assign_coordinator(pair=pair, user=people["coordinator"])
    port = create_organisation(
        actor=None, values={"name_en": "Port of Town", "type": "sme", "region": "GBX1"}
    )
    client = Client()

    def post(path: str, body: dict[str, object], role: str = "coordinator"):
        _token, raw = create_api_token(user=people[role], name="test")
        return client.post(
            f"/api/v1/missions{path}",
            body,
            content_type="application/json",
            headers={"Authorization": f"Bearer {raw}"},
        )

    mission = {
        "pair": "town-city",
        "title_en": "Visit",
        "host_region": "GBX1",
        "host_city": "Town",
        "starts_on": "2027-10-30",
        "ends_on": "2027-11-01",
        "time_zone": "Europe/London",
    }
    assert post("", mission, role="member").status_code == 403
    assert post("", mission, role="other_coordinator").status_code == 403
    created = post("", mission)
    assert created.status_code == 201
    key = created.json()["slug"]
    bad = post(f"/{key}/rooms", {"venue_en": "Hall", "room": "A", "capacity": 3, "tables": 2})
    assert bad.status_code == 422
    assert bad.json()["error"]["details"][0]["field"] == "capacity"
    assert post(f"/{key}/rooms", {"venue_en": "Hall", "room": "A", "capacity": 8, "tables": 2}).json() == {
        "created": 2
    }
    # The UK leaves summer time on 31 October 2027: the grid keeps 09:00 local on both sides of the change.
    slots = post(f"/{key}/slots", {"day_start": "09:00", "day_end": "10:00", "minutes": 30})
    assert slots.json() == {"created": 6}
    ann = post(
        f"/{key}/participants", {"name": "Ann", "side": "GB", "languages": ["en"], "organisation": port.slug}
    )
    assert ann.status_code == 201
    assert ann.json()["organisation_id"] == port.pk
    bo = post(
        f"/{key}/participants",
        {"name": "보람", "organisation_name": "대학", "side": "KR", "languages": ["ko"]},
    )
    assert post(f"/{key}/interpreters", {"name": "Lee"}).json() == {"created": 1}
    agenda = post(
        f"/{key}/agenda",
        {
            "kind": "site_visit",
            "title_en": "Docks",
            "start": "2027-10-30T09:00+01:00",
            "end": "2027-10-30T09:30+01:00",
        },
    )
    assert agenda.status_code == 201
    made = post(f"/{key}/requests", {"requester": ann.json()["id"], "counterpart": bo.json()["id"]}).json()
    assert made["schedulable"] is False
    answered = post(f"/{key}/requests/{made['id']}/answer", {"answer": "must_meet"}).json()
    assert answered["priority"] == "must_meet"
    schedule = post(f"/{key}/solve", {"solver": "highs", "time_limit": 5}).json()
    assert len(schedule["meetings"]) == 1
    meeting = schedule["meetings"][0]
    assert meeting["interpreter"] == "Lee"
    assert meeting["slot"] != 0  # the site visit holds the first slot
    starts = sorted(
        s.start.isoformat() for s in Mission.objects.get(slug=key).slots.all() if s.start.minute == 0
    )
    assert starts == ["2027-10-30T08:00:00+00:00", "2027-10-31T09:00:00+00:00", "2027-11-01T09:00:00+00:00"]
