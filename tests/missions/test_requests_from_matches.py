"""Meeting requests made from partner-matching introductions between organisations on a mission.

On top of the ``setup`` mission: registry organisations Port and Lab (introduced, no meeting asked),
Council and Park (introduced, then a meeting asked for) and Outside (introduced to Port but with nobody on
the mission); each organisation has one member who acts for it in matching."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from innotwin.accounts.domain.create_api_token import create_api_token
from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.core.errors import InvalidStateError
from innotwin.matching.domain import interests
from innotwin.missions.domain.from_matches import ALREADY_REQUESTED, requests_from_matches
from innotwin.missions.domain.requests import request_meeting
from innotwin.missions.domain.setup import add_participant
from innotwin.missions.models import MeetingRequest
from innotwin.organisations.domain.create_organisation import create_organisation


@dataclass
class Matched:
    setup: object
    orgs: dict[str, object]
    members: dict[str, object]
    people: dict[str, object]


def _organisation(key: str, name: str, region: str, kind: str = "sme"):
    organisation = create_organisation(actor=None, values={"name_en": name, "type": kind, "region": region})
    member, _ = create_user(
        email=f"{key}@example.org", role=Role.ORGANISATION_MEMBER, password="correct horse battery"
    )
    organisation.members.add(member)
    return organisation, member


@pytest.fixture
def matched(setup) -> Matched:
    orgs, members = {}, {}
    for key, name, region in [
        ("port", "Port of Town", "GBX1"),
        ("lab", "City Lab", "KRX1"),
        ("council", "Town Council Enterprise", "GBX1"),
        ("park", "City Techno Park Foundation", "KRX1"),
        ("outside", "Outside Trading", "KRX1"),
    ]:
        orgs[key], members[key] = _organisation(key, name, region)
    mission = setup.mission
    people = {
        name: add_participant(mission=mission, name=name, organisation=orgs[key], side=side, languages=["en"])
        for name, key, side in [
            ("Eve", "port", "GB"),
            ("Gus", "port", "GB"),
            ("Fay", "lab", "KR"),
            ("Hal", "council", "GB"),
            ("Ivy", "park", "KR"),
        ]
    }
    return Matched(setup=setup, orgs=orgs, members=members, people=people)


def introduce(world: Matched, sender: str, receiver: str, *, meeting_note: str | None = None):
    """``sender`` expresses interest in ``receiver``, which accepts; a meeting is asked for when a note
    is given."""
    interest = interests.express_interest(
        actor=world.members[sender],
        from_organisation=world.orgs[sender],
        to_organisation=world.orgs[receiver],
    )
    interest = interests.accept_interest(actor=world.members[receiver], interest=interest)
    if meeting_note is not None:
        interest = interests.request_meeting(
            actor=world.members[sender], interest=interest, note=meeting_note
        )
    return interest


def _pairs(requests) -> set[tuple[str, str]]:
    return {(r.requester.name, r.counterpart.name) for r in requests}


def test_introductions_become_requests_once(matched) -> None:
    people = matched.people
    introduce(matched, "port", "lab")
    introduce(matched, "council", "park", meeting_note="At BEXCO, please")
    # A coordinator had already entered Fay's wish to meet Eve: that pair is left as it was.
    by_hand = request_meeting(requester=people["Fay"], counterpart=people["Eve"], priority="must_meet")

    first = requests_from_matches(mission=matched.setup.mission)

    assert first.introductions == 2
    assert _pairs(first.created) == {("Gus", "Fay"), ("Hal", "Ivy")}
    made = {r.requester.name: r for r in first.created}
    assert made["Gus"].source == "matching"
    assert (made["Gus"].requester_priority, made["Gus"].counterpart_priority) == ("would_like", "")
    assert not made["Gus"].schedulable  # the introduction is no answer to meeting here
    assert (made["Hal"].requester_priority, made["Hal"].counterpart_priority) == ("must_meet", "would_like")
    assert made["Hal"].schedulable
    assert made["Hal"].priority == "must_meet"
    assert made["Hal"].note == "At BEXCO, please"
    assert [(s.requester.name, s.counterpart.name, s.reason) for s in first.skipped] == [
        ("Eve", "Fay", ALREADY_REQUESTED)
    ]
    assert "Eve" in first.skipped[0].message
    by_hand.refresh_from_db()
    assert (by_hand.requester_priority, by_hand.counterpart_priority, by_hand.source) == (
        "must_meet",
        "",
        "manual",
    )

    count = MeetingRequest.objects.filter(mission=matched.setup.mission).count()
    second = requests_from_matches(mission=matched.setup.mission)
    assert second.created == []
    assert {(s.requester.name, s.counterpart.name) for s in second.skipped} == {
        ("Eve", "Fay"),
        ("Gus", "Fay"),
        ("Hal", "Ivy"),
    }
    assert {s.reason for s in second.skipped} == {ALREADY_REQUESTED}
    assert MeetingRequest.objects.filter(mission=matched.setup.mission).count() == count


def test_introductions_in_both_directions_make_one_request_per_pair(matched) -> None:
    introduce(matched, "port", "lab")
    introduce(matched, "lab", "port", meeting_note="")
    result = requests_from_matches(mission=matched.setup.mission)
    assert result.introductions == 1
    # The introduction with the meeting request wins: Lab's people ask, as must-meets already answered.
    assert _pairs(result.created) == {("Fay", "Eve"), ("Fay", "Gus")}
    assert {r.priority for r in result.created} == {"must_meet"}


def test_unrelated_introductions_are_ignored(matched) -> None:
    introduce(matched, "port", "outside")  # Outside has nobody on the mission
    interests.express_interest(  # not answered: no introduction
        actor=matched.members["council"],
        from_organisation=matched.orgs["council"],
        to_organisation=matched.orgs["lab"],
    )
    declined = interests.express_interest(
        actor=matched.members["park"],
        from_organisation=matched.orgs["park"],
        to_organisation=matched.orgs["port"],
    )
    interests.decline_interest(actor=matched.members["port"], interest=declined, reason="not_now")
    before = MeetingRequest.objects.count()
    result = requests_from_matches(mission=matched.setup.mission)
    assert (result.introductions, result.created, result.skipped) == (0, [], [])
    assert MeetingRequest.objects.count() == before


def test_a_published_mission_takes_no_new_requests(matched) -> None:
    from innotwin.missions.domain.publish import publish_mission
    from innotwin.missions.domain.solve import solve_mission

    introduce(matched, "port", "lab")
    solve_mission(mission=matched.setup.mission, solver="greedy", time_limit=5)
    publish_mission(mission=matched.setup.mission)
    matched.setup.mission.refresh_from_db()
    with pytest.raises(InvalidStateError, match="published"):
        requests_from_matches(mission=matched.setup.mission)


def test_the_button_is_for_coordinators_only(matched, people) -> None:
    introduce(matched, "council", "park", meeting_note="")
    url = f"/en/missions/{matched.setup.mission.slug}/requests/from-matches/"
    before = MeetingRequest.objects.count()

    member = Client()
    member.force_login(people["member"])  # sees the mission (Ann's user), may not manage it
    assert member.post(url).status_code == 403
    outsider = Client()
    outsider.force_login(people["other_coordinator"])
    assert outsider.post(url).status_code == 404
    assert MeetingRequest.objects.count() == before

    coordinator = Client()
    coordinator.force_login(people["coordinator"])
    page = coordinator.get(f"/en/missions/{matched.setup.mission.slug}/")
    assert b'action="' + url.encode() + b'"' in page.content
    assert b"csrfmiddlewaretoken" in page.content
    assert coordinator.get(url).status_code == 405
    done = coordinator.post(url, follow=True)
    assert done.redirect_chain[-1][0] == f"/en/missions/{matched.setup.mission.slug}/"
    assert "1 meeting requests made from 1 introductions" in done.content.decode()
    assert MeetingRequest.objects.count() == before + 1
    korean = coordinator.post(f"/ko{url[3:]}", follow=True).content.decode()
    assert "이미 요청이 있는" in korean


def test_the_api_endpoint(matched, people) -> None:
    introduce(matched, "port", "lab")
    introduce(matched, "council", "park", meeting_note="")
    path = f"/api/v1/missions/{matched.setup.mission.slug}/requests/from-matches"

    def post(role: str):
        _token, raw = create_api_token(user=people[role], name="test")
        return Client().post(
            path, {}, content_type="application/json", headers={"Authorization": f"Bearer {raw}"}
        )

    refused = post("member")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "permission_denied"
    assert post("other_coordinator").status_code == 404

    body = post("coordinator").json()
    assert body["introductions"] == 2
    created = {(r["requester"], r["counterpart"]): r for r in body["created"]}
    ids = {name: p.pk for name, p in matched.people.items()}
    assert set(created) == {(ids["Eve"], ids["Fay"]), (ids["Gus"], ids["Fay"]), (ids["Hal"], ids["Ivy"])}
    assert created[(ids["Hal"], ids["Ivy"])]["priority"] == "must_meet"
    assert created[(ids["Hal"], ids["Ivy"])]["schedulable"] is True
    assert created[(ids["Eve"], ids["Fay"])]["schedulable"] is False
    assert {r["source"] for r in body["created"]} == {"matching"}
    assert body["skipped"] == []

    again = post("coordinator").json()
    assert again["created"] == []
    assert len(again["skipped"]) == 3
    assert {s["reason"] for s in again["skipped"]} == {"already_requested"}
    assert all(s["message"] for s in again["skipped"])
