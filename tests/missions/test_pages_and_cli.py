"""The mission pages in English and Korean (solve, move with htmx conflict checks, publish, agenda,
virtual slots) and the ``innotwin schedule`` commands."""

from __future__ import annotations

import json

from click.testing import CliRunner
from django.test import Client

from innotwin.cli.main import cli
from innotwin.missions.models import ScheduledMeeting


def _coordinator(people) -> Client:
    client = Client()
    client.force_login(people["coordinator"])
    return client


def test_solve_and_publish_from_the_page(
    setup, people, mailoutbox, django_capture_on_commit_callbacks
) -> None:
    client = _coordinator(people)
    slug = setup.mission.slug
    page = client.get(f"/en/missions/{slug}/")
    assert b"Solve" in page.content
    assert b"schedule-grid" not in page.content
    response = client.post(f"/en/missions/{slug}/solve/", {"solver": "highs", "time_limit": 10}, follow=True)
    assert b"Scheduled 3 meetings" in response.content
    assert b"schedule-grid" in response.content
    assert b"awaiting_answer" in response.content
    assert b"Below the bound" in response.content
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(f"/en/missions/{slug}/publish/", follow=True)
    assert "Published. 3 participants" in published.content.decode()
    assert len(mailoutbox) == 3


def test_the_korean_page_shows_korean_titles_and_reasons(solved, people) -> None:
    page = _coordinator(people).get(f"/ko/missions/{solved.mission.slug}/").content.decode()
    assert "시티 1 무역 사절단" in page
    assert "배정되지 않은 요청과 이유" in page
    assert "상대방이 아직 응답하지 않아" in page


def test_htmx_reports_conflicts_as_the_coordinator_chooses(solved, people) -> None:
    client = _coordinator(people)
    meetings = list(ScheduledMeeting.objects.filter(mission=solved.mission).select_related("request"))
    ann_bo = next(m for m in meetings if m.request_id == solved.requests["ann-bo"].pk)
    ann_di = next(m for m in meetings if m.request_id == solved.requests["ann-di"].pk)
    url = f"/en/missions/{solved.mission.slug}/meetings/{ann_bo.pk}/move/"
    partial = client.get(
        url, {"slot": ann_di.slot_id, "table": ann_di.table_id}, headers={"HX-Request": "true"}
    )
    text = partial.content.decode()
    assert partial.status_code == 200
    assert "<html" not in text
    assert "This move is refused" in text
    assert "Ann already has a meeting in this slot." in text
    refused = client.post(url, {"slot": ann_di.slot_id, "table": ann_di.table_id})
    assert refused.status_code == 409
    assert "Ann already has a meeting" in refused.content.decode()
    ann_bo.refresh_from_db()
    assert ann_bo.sequence == 0
    korean = client.get(
        url.replace("/en/", "/ko/"),
        {"slot": ann_di.slot_id, "table": ann_di.table_id},
        headers={"HX-Request": "true"},
    )
    assert "이 이동은 거부됩니다" in korean.content.decode()


def test_a_clear_move_through_the_page(solved, people) -> None:
    from innotwin.missions.domain.review import check_move

    client = _coordinator(people)
    meeting = ScheduledMeeting.objects.get(request=solved.requests["cy-bo"])
    slot, table = next(
        (slot, table)
        for slot in solved.mission.slots.all()
        for table in solved.tables
        if (slot.pk, table.pk) != (meeting.slot_id, meeting.table_id)
        and check_move(meeting=meeting, slot=slot, table=table).allowed
    )
    url = f"/en/missions/{solved.mission.slug}/meetings/{meeting.pk}/move/"
    assert (
        "No conflict"
        in client.get(
            url, {"slot": slot.pk, "table": table.pk}, headers={"HX-Request": "true"}
        ).content.decode()
    )
    response = client.post(url, {"slot": slot.pk, "table": table.pk})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.slot_id, meeting.table_id, meeting.sequence) == (slot.pk, table.pk, 1)


def test_the_agenda_is_in_the_participants_zone(solved, people) -> None:
    client = Client()
    client.force_login(people["member"])
    ann = solved.people["ann"]
    page = client.get(f"/en/missions/{solved.mission.slug}/participants/{ann.pk}/").content.decode()
    assert "Times are in Europe/London." in page
    assert "02:45" in page  # the panel at 11:45 in Seoul
    assert ann.feed_token in page
    korean = client.get(f"/ko/missions/{solved.mission.slug}/participants/{ann.pk}/").content.decode()
    assert "Ann님의 일정" in korean


def test_the_virtual_slot_finder_handles_the_week_only_the_uk_changes_clock(db) -> None:
    client = Client()
    # 26 March 2027 is a Friday in GMT; 29 March a Monday in BST. Korea has no daylight saving.
    params = {
        "first": "2027-03-26",
        "days": 4,
        "duration": 60,
        "zone_a": "Europe/London",
        "zone_b": "Asia/Seoul",
        "occurrences": 4,
    }
    page = client.get("/en/missions/virtual/", params).content.decode()
    assert "Possible slots" in page
    assert "A fair weekly series" in page
    assert "Fri 26 Mar, 08:00" in page  # 08:00 GMT = 17:00 KST
    assert "Mon 29 Mar, 08:00" in page  # 08:00 BST = 07:00 UTC = 16:00 KST
    assert "Mon 29 Mar, 07:00" in page  # the UTC start of that slot
    wrong = client.get("/ko/missions/virtual/", {**params, "zone_b": "Seoul"}).content.decode()
    assert "IANA 시간대가 아닙니다" in wrong


def test_the_list_and_nav(solved, people) -> None:
    anonymous = Client().get("/en/missions/").content.decode()
    assert "No mission is published yet" in anonymous
    assert 'href="/en/missions/"' in anonymous
    listed = _coordinator(people).get("/ko/missions/").content.decode()
    assert "시티 1 무역 사절단" in listed
    assert "검토 중" in listed


def test_cli_solve_prints_clean_json(solved) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "schedule",
            "solve",
            solved.mission.slug,
            "--solver",
            "assignment",
            "--time-limit",
            "5",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["mission"] == "trade-mission"
    assert report["meetings"] == 3
    assert report["bound"] >= report["value"] - 1e-6
    assert {item["reason"] for item in report["unscheduled_requests"]} == {"declined", "awaiting_answer"}
    by_id = CliRunner().invoke(cli, ["schedule", "solve", str(solved.mission.pk), "--solver", "greedy"])
    assert by_id.exit_code == 0
    assert "3 meetings scheduled by greedy" in by_id.output


def test_cli_solve_an_unknown_mission_is_one_sentence(db) -> None:
    from innotwin.core.errors import NotFoundError

    result = CliRunner().invoke(cli, ["schedule", "solve", "no-such-mission"])
    assert isinstance(result.exception, NotFoundError)
    assert "no-such-mission" in str(result.exception)


def test_cli_bench_prints_every_figure_as_json() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "schedule", "bench", "--participants", "30", "--requests", "80", "--slots", "4", "--tables", "4",
            "--interpreters", "1", "--seed", "2", "--time-limit", "5", "--format", "json",
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    for key in (
        "value",
        "bound",
        "fallback_value",
        "greedy_value",
        "seconds",
        "fallback_seconds",
        "unscheduled",
    ):
        assert key in report
    assert report["greedy_value"] <= report["bound"] + 1e-6
    assert report["value"] <= report["bound"] + 1e-6
    assert sum(report["unscheduled"].values()) + report["meetings"] == 80
    refused = CliRunner().invoke(cli, ["schedule", "bench", "--participants", "3", "--requests", "10"])
    assert refused.exit_code != 0


def test_the_public_sees_a_published_missions_programme_but_no_names(
    solved, people, django_capture_on_commit_callbacks
) -> None:
    from innotwin.missions.domain.publish import publish_mission

    with django_capture_on_commit_callbacks(execute=True):
        publish_mission(mission=solved.mission)
    page = Client().get(f"/ko/missions/{solved.mission.slug}/").content.decode()
    assert "시티 1 무역 사절단" in page
    assert "패널" in page
    assert "schedule-grid" not in page
    assert "보람" not in page
    assert "Interpreter Lee" not in page
