"""Setting a mission up on the web: the new-mission page and the set-up page's forms, in English and
Korean, with the domain's problems shown at their fields, and who may see them."""

from __future__ import annotations

import datetime as dt
import html as html_text
import re

import pytest
from django.test import Client
from django.utils import translation

from innotwin.missions.models import Mission, ScheduledMeeting
from tests.factories import make_pair

DAY = "2027-03-23"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """The ``people`` fixture hashes four passwords per test; a fast hasher keeps these tests quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    """A request to a /ko/ page leaves Korean active in this thread; later tests expect the default."""
    yield
    translation.deactivate()


@pytest.fixture
def pairs(people):
    """The coordinator's pair town-city (GBX1, KRX1) and another coordinator's pair (GBX2, KRX2)."""
    from innotwin.pairs.domain.assign_coordinator import assign_coordinator

    ours = make_pair(slug="town-city")
    assign_coordinator(pair=ours, user=people["coordinator"])
    theirs = make_pair(slug="other-pair", suffix="2")
    assign_coordinator(pair=theirs, user=people["other_coordinator"])
    return {"ours": ours, "theirs": theirs}


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _errors(html: str, field_id: str) -> str:
    """The error list shown right after the field ``field_id``, or "" when it has none."""
    found = re.search(rf'<ul class="errorlist" id="{field_id}_error">(.*?)</ul>', html, re.S)
    return html_text.unescape(found[1]) if found else ""


MISSION = {
    "pair": "town-city",
    "title_en": "Trade mission to City 1",
    "title_ko": "시티 1 무역 사절단",
    "host_region": "KRX1",
    "host_city": "City 1",
    "starts_on": DAY,
    "ends_on": DAY,
    "time_zone": "",
    "travel_minutes": "15",
}


def _new_mission(client: Client) -> Mission:
    response = client.post("/en/missions/new/", MISSION)
    mission = Mission.objects.get(pair__slug="town-city")
    assert response.status_code == 302
    assert response["Location"] == f"/en/missions/{mission.slug}/"
    return mission


def _add(client: Client, mission: Mission, part: str, values: dict[str, object]) -> None:
    response = client.post(
        f"/en/missions/{mission.slug}/setup/{part}/",
        {f"{part}-{name}": value for name, value in values.items()},
    )
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == f"/en/missions/{mission.slug}/setup/#{part}"


PARTICIPANT = {
    "organisation": "",
    "organisation_name": "",
    "email": "",
    "time_zone": "",
    "preferred_language": "en",
    "meeting_cap": "8",
    "availability": "",
}


def test_a_coordinator_creates_a_mission_sets_it_up_and_it_solves(pairs, people) -> None:
    from innotwin.missions.domain.solve import solve_mission
    from innotwin.organisations.domain.create_organisation import create_organisation

    port = create_organisation(
        actor=None, values={"name_en": "Port of City", "type": "public_body", "region": "KRX1"}
    )
    client = _client(people["coordinator"])
    listing = client.get("/en/missions/").content.decode()
    assert 'href="/en/missions/new/"' in listing
    form = client.get("/en/missions/new/").content.decode()
    assert '<label for="id_host_region">Host region</label>' in form
    assert '<option value="GBX2"' not in form

    mission = _new_mission(client)
    assert (mission.time_zone, mission.status, mission.host_region_id) == ("Asia/Seoul", "draft", "KRX1")
    assert (
        f'href="/en/missions/{mission.slug}/setup/"'
        in client.get(f"/en/missions/{mission.slug}/").content.decode()
    )

    _add(
        client,
        mission,
        "venue",
        {"venue": "", "name_en": "Exhibition centre", "name_ko": "전시장", "address": "", "room": "Hall"}
        | {"capacity": 10, "tables": 2, "seats": 2},
    )
    _add(
        client,
        mission,
        "slots",
        {"day_start": "09:00", "day_end": "12:15", "minutes": 30, "breaks": "10:30–10:45", "days": [DAY]}
        | {"venue": ""},
    )
    _add(
        client,
        mission,
        "agenda",
        {
            "kind": "panel",
            "title_en": "Panel",
            "title_ko": "패널",
            "day": DAY,
            "start": "11:45",
            "end": "12:15",
        }
        | {"venue": "", "location": ""},
    )
    people_in = [
        {"name": "Ann", "organisation_name": "Port of Town", "side": "GB", "languages": "en"},
        {
            "name": "Bo",
            "organisation": port.slug,
            "side": "KR",
            "languages": "ko",
            "preferred_language": "ko",
        },
        {"name": "Cy", "organisation_name": "Town Council", "side": "GB", "languages": "en, ko"},
        {"name": "Di", "organisation": "Port of City", "side": "KR", "languages": "ko en"}
        | {"availability": f"{DAY} 09:00–10:00"},
    ]
    for values in people_in:
        _add(client, mission, "participant", PARTICIPANT | values)
    _add(
        client,
        mission,
        "interpreter",
        {"name": "Lee", "languages": "en, ko", "capacity": 1, "availability": ""},
    )
    ids = {p.name: p.pk for p in mission.participants.all()}
    for requester, counterpart, priority in (("Ann", "Bo", "must_meet"), ("Cy", "Di", "would_like")):
        _add(
            client,
            mission,
            "request",
            {"requester": ids[requester], "counterpart": ids[counterpart], "priority": priority}
            | {"answer": "would_like", "note": ""},
        )

    page = client.get(f"/en/missions/{mission.slug}/setup/").content.decode()
    assert "Hall: 10 people" in page
    assert "table H1 (2 seats), table H2 (2 seats)" in page
    assert re.search(r"<td>6</td><td>09:00</td><td>12:15</td>", page)
    assert "1 window" in page
    bo, di = mission.participants.get(name="Bo"), mission.participants.get(name="Di")
    assert bo.organisation == port
    assert di.organisation == port
    assert (bo.preferred_language, di.language_list, bo.time_zone) == ("ko", ["ko", "en"], "Asia/Seoul")
    assert mission.agenda.get().start.isoformat() == "2027-03-23T02:45:00+00:00"

    solve_mission(mission=mission, solver="highs", time_limit=10)
    meetings = {
        (m.request.requester.name, m.request.counterpart.name): m
        for m in ScheduledMeeting.objects.filter(mission=mission).select_related(
            "request__requester", "request__counterpart", "interpreter", "slot"
        )
    }
    assert set(meetings) == {("Ann", "Bo"), ("Cy", "Di")}
    assert meetings["Ann", "Bo"].interpreter is not None
    review = client.get(f"/en/missions/{mission.slug}/setup/").content.decode()
    assert "The schedule is already solved." in review
    assert f'action="/en/missions/{mission.slug}/setup/participant/"' in review
    assert meetings["Cy", "Di"].slot.start.isoformat() in (
        "2027-03-23T00:00:00+00:00",
        "2027-03-23T00:30:00+00:00",
    )


def test_new_mission_problems_appear_at_their_fields(pairs, people) -> None:
    client = _client(people["coordinator"])
    response = client.post(
        "/en/missions/new/", MISSION | {"ends_on": "2027-03-22", "time_zone": "Mars/Olympus", "host_city": ""}
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "The last day must not be before the first day." in _errors(html, "id_ends_on")
    assert "Mars/Olympus is not an IANA time zone" in _errors(html, "id_time_zone")
    assert "The host city is required." in _errors(html, "id_host_city")
    assert _errors(html, "id_starts_on") == ""
    assert not Mission.objects.exists()
    # A pair the coordinator does not coordinate is not a choice.
    refused = client.post("/en/missions/new/", MISSION | {"pair": "other-pair", "host_region": "KRX2"})
    assert refused.status_code == 422
    assert "Select a valid choice" in _errors(refused.content.decode(), "id_pair")
    assert not Mission.objects.exists()


def test_an_administrator_gets_the_host_region_problem_at_its_field(pairs, people) -> None:
    response = _client(people["admin"]).post("/en/missions/new/", MISSION | {"host_region": "KRX2"})
    assert response.status_code == 422
    assert "The host region must be one of the pair" in _errors(response.content.decode(), "id_host_region")


def test_set_up_problems_appear_at_their_fields(pairs, people) -> None:
    client = _client(people["coordinator"])
    mission = _new_mission(client)
    url = f"/en/missions/{mission.slug}/setup/"

    room = client.post(
        url + "venue/",
        {
            "venue-name_en": "Hall A",
            "venue-room": "",
            "venue-capacity": 10,
            "venue-tables": 3,
            "venue-seats": 4,
        },
    )
    html = room.content.decode()
    assert room.status_code == 422
    assert "3 tables of 4 seats need 12 places; the room holds 10." in _errors(html, "id_venue-capacity")
    assert "Give the room a name." in _errors(html, "id_venue-room")
    assert not mission.venues.exists()

    slots = client.post(
        url + "slots/",
        {"slots-day_start": "12:00", "slots-day_end": "09:00", "slots-minutes": 3, "slots-days": [DAY]}
        | {"slots-breaks": "lunch"},
    )
    html = slots.content.decode()
    assert "Write each break as start–end" in _errors(html, "id_slots-breaks")
    slots = client.post(
        url + "slots/",
        {"slots-day_start": "12:00", "slots-day_end": "09:00", "slots-minutes": 3, "slots-days": [DAY]},
    )
    html = slots.content.decode()
    assert "The day must end after it starts." in _errors(html, "id_slots-day_end")
    assert "A slot lasts between 5 and 240 minutes." in _errors(html, "id_slots-minutes")

    person = client.post(
        url + "participant/",
        {
            f"participant-{k}": v
            for k, v in (PARTICIPANT | {"name": "Ann", "side": "GB", "languages": "english"}).items()
        }
        | {"participant-time_zone": "Europe/Lindon", "participant-availability": f"{DAY} 12:00–09:00"},
    )
    html = person.content.decode()
    assert person.status_code == 422
    assert "Name the participant's organisation" in _errors(html, "id_participant-organisation")
    assert "two-letter ISO 639-1 codes" in _errors(html, "id_participant-languages")
    assert "Europe/Lindon is not an IANA time zone" in _errors(html, "id_participant-time_zone")
    assert "start before its end" in _errors(html, "id_participant-availability")
    unknown = client.post(
        url + "participant/",
        {
            f"participant-{k}": v
            for k, v in (PARTICIPANT | {"name": "Ann", "side": "GB", "languages": "en"}).items()
        }
        | {"participant-organisation": "nowhere-ltd"},
    )
    assert "The registry has no organisation" in _errors(
        unknown.content.decode(), "id_participant-organisation"
    )
    assert not mission.participants.exists()

    item = client.post(
        url + "agenda/",
        {"agenda-kind": "panel", "agenda-title_en": "", "agenda-day": DAY, "agenda-start": "10:00"}
        | {"agenda-end": "09:00"},
    )
    html = item.content.decode()
    assert "Give the agenda item a title." in _errors(html, "id_agenda-title_en")
    assert "The item must end after it starts" in _errors(html, "id_agenda-end")


def test_people_who_do_not_coordinate_the_pair_get_no_link_and_no_page(pairs, people) -> None:
    from innotwin.missions.domain.setup import add_participant

    mission = _new_mission(_client(people["coordinator"]))
    other = _client(people["other_coordinator"])
    assert 'href="/en/missions/new/"' in other.get("/en/missions/").content.decode()  # their own pair
    assert other.get(f"/en/missions/{mission.slug}/setup/").status_code == 404
    assert other.post(f"/en/missions/{mission.slug}/setup/participant/", {}).status_code == 404

    add_participant(mission=mission, name="Ann", organisation_name="Port", side="GB", languages=["en"])
    mission.participants.update(user=people["member"])
    member = _client(people["member"])
    assert 'href="/en/missions/new/"' not in member.get("/en/missions/").content.decode()
    assert member.get("/en/missions/new/").status_code == 403
    detail = member.get(f"/en/missions/{mission.slug}/")
    assert detail.status_code == 200
    assert "/setup/" not in detail.content.decode()
    assert member.get(f"/en/missions/{mission.slug}/setup/").status_code == 403
    refused = member.post(
        f"/en/missions/{mission.slug}/setup/interpreter/",
        {"interpreter-name": "Lee", "interpreter-languages": "en, ko", "interpreter-capacity": 1},
    )
    assert refused.status_code == 403
    assert not mission.interpreters.exists()
    assert Client().get("/en/missions/new/").status_code == 302


def test_a_published_mission_shows_its_set_up_without_forms(pairs, people, mailoutbox) -> None:
    from innotwin.missions.domain.setup import add_room, add_venue, generate_slots

    client = _client(people["coordinator"])
    mission = _new_mission(client)
    add_room(venue=add_venue(mission=mission, name_en="Hall"), name="Main", capacity=4, tables=1, seats=2)
    generate_slots(mission=mission, day_start=dt.time(9), day_end=dt.time(10), minutes=30)
    mission.status = "published"
    mission.save(update_fields=["status"])
    page = client.get(f"/en/missions/{mission.slug}/setup/").content.decode()
    assert "This mission is published, so its set-up can no longer change." in page
    assert "/setup/participant/" not in page
    assert "<td>2</td><td>09:00</td><td>10:00</td>" in page
    refused = client.post(
        f"/en/missions/{mission.slug}/setup/interpreter/",
        {"interpreter-name": "Lee", "interpreter-languages": "en, ko", "interpreter-capacity": 1},
        follow=True,
    )
    assert "is published; its set-up can no longer change." in refused.content.decode()
    assert not mission.interpreters.exists()


def test_the_korean_pages_have_korean_labels(pairs, people) -> None:
    client = _client(people["coordinator"])
    form = client.get("/ko/missions/new/").content.decode()
    assert '<label for="id_host_region">개최 지역</label>' in form
    assert "새 사절단" in form
    mission = _new_mission(client)
    page = client.get(f"/ko/missions/{mission.slug}/setup/").content.decode()
    assert "참가자 추가" in page
    assert '<label for="id_venue-capacity">회의실 수용 인원(명)</label>' in page
    response = client.post(
        "/ko/missions/new/",
        MISSION | {"title_en": "Second", "ends_on": "2027-03-01", "time_zone": "Mars/Olympus"},
    )
    html = response.content.decode()
    assert "마지막 날" in _errors(html, "id_ends_on")
    assert "IANA 시간대가 아닙니다" in _errors(html, "id_time_zone")


def test_the_pair_page_offers_its_coordinators_a_new_mission_of_that_pair(pairs, people) -> None:
    link = 'href="/en/missions/new/?pair=town-city"'
    assert link in _client(people["coordinator"]).get("/en/pairs/town-city/").content.decode()
    assert link not in _client(people["other_coordinator"]).get("/en/pairs/town-city/").content.decode()
    page = _client(people["coordinator"]).get("/en/missions/new/?pair=town-city").content.decode()
    assert re.search(r'<option value="town-city"[^>]*selected', page)
