"""Expressions of interest: send, accept (introduction, consented contacts only), decline with a reason
(feedback for both sides), withdraw, meeting requests, notifications in the app and by email."""

from __future__ import annotations

import pytest
from django.core import mail

from innotwin.core.errors import DataError, InvalidStateError, PermissionDeniedError
from innotwin.matching.domain.interests import (
    accept_interest,
    decline_interest,
    express_interest,
    give_feedback,
    introduction_contacts,
    request_meeting,
    withdraw_interest,
)
from innotwin.matching.domain.matches import rank_for
from innotwin.matching.models import Feedback, Notification
from innotwin.organisations.domain.withdraw_consent import withdraw_consent


def send(world, message: str = "Shall we pilot data exchange?"):
    return express_interest(
        actor=world.liverpool_member,
        from_organisation=world.orgs["mersey-port-logistics"],
        to_organisation=world.orgs["busan-haeun-soft"],
        message=message,
    )


def test_interest_notifies_the_other_side_in_the_app_and_by_email(
    world, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        interest = send(world)
    assert interest.status == "pending"
    notice = Notification.objects.get(user=world.busan_member)
    assert (notice.kind, notice.interest_id) == ("interest_received", interest.pk)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["busan@example.org"]
    assert "Mersey Port Logistics Ltd" in mail.outbox[0].subject


def test_only_members_act_for_their_organisation(world) -> None:
    with pytest.raises(PermissionDeniedError):
        express_interest(
            actor=world.outsider,
            from_organisation=world.orgs["mersey-port-logistics"],
            to_organisation=world.orgs["busan-haeun-soft"],
        )
    interest = send(world)
    with pytest.raises(PermissionDeniedError):
        accept_interest(actor=world.liverpool_member, interest=interest)  # the sender cannot accept
    with pytest.raises(PermissionDeniedError):
        decline_interest(actor=world.outsider, interest=interest, reason="not_now")


def test_one_pending_interest_per_direction(world) -> None:
    send(world)
    with pytest.raises(InvalidStateError, match="already expressed interest"):
        send(world)


def test_accepting_introduces_both_sides_with_consented_contacts_only(world) -> None:
    interest = send(world)
    assert introduction_contacts(interest, world.orgs["busan-haeun-soft"]) == []  # not before acceptance
    accepted = accept_interest(actor=world.busan_member, interest=interest, reply="반갑습니다")
    assert accepted.status == "accepted"
    busan = introduction_contacts(accepted, world.orgs["busan-haeun-soft"])
    liverpool = introduction_contacts(accepted, world.orgs["mersey-port-logistics"])
    assert [c.email for c in busan] == ["jimin.kim@busan-haeun-soft.example.org"]
    assert [c.email for c in liverpool] == ["alex.morgan@mersey-port-logistics.example.org"]
    assert Notification.objects.filter(user=world.liverpool_member, kind="interest_accepted").exists()
    assert set(Feedback.objects.values_list("kind", flat=True)) == {"accepted"}
    # A contact who withdraws consent is no longer revealed.
    person = world.orgs["busan-haeun-soft"].people.get()
    withdraw_consent(actor=None, person=person, purpose="listed_contact")
    assert introduction_contacts(accepted, world.orgs["busan-haeun-soft"]) == []
    with pytest.raises(InvalidStateError, match="already been answered"):
        decline_interest(actor=world.busan_member, interest=accepted, reason="other")


def test_declining_needs_a_reason_and_feeds_back_to_both_rankings(world) -> None:
    interest = send(world)
    with pytest.raises(DataError, match="reason"):
        decline_interest(actor=world.busan_member, interest=interest, reason="")
    declined = decline_interest(
        actor=world.busan_member, interest=interest, reason="wrong_size", note="너무 작아요"
    )
    assert (declined.status, declined.decline_reason) == ("declined", "wrong_size")
    feedback = {
        (f.organisation.slug, f.kind, f.reason) for f in Feedback.objects.select_related("organisation")
    }
    assert feedback == {
        ("busan-haeun-soft", "declined", "wrong_size"),
        ("mersey-port-logistics", "declined", "other"),
    }
    assert Notification.objects.filter(user=world.liverpool_member, kind="interest_declined").exists()


def test_a_decline_changes_the_next_ranking(world) -> None:
    query = world.orgs["mersey-port-logistics"]
    before = {
        r.organisation.slug: r.match.score for r in rank_for(query, top=10, explain_matches=False).results
    }
    decline_interest(actor=world.busan_member, interest=send(world), reason="not_relevant")
    after = {
        r.organisation.slug: r.match.score for r in rank_for(query, top=10, explain_matches=False).results
    }
    assert after["busan-haeun-soft"] == pytest.approx(before["busan-haeun-soft"] * 0.3)


def test_hidden_feedback_removes_a_candidate(world) -> None:
    query = world.orgs["mersey-port-logistics"]
    give_feedback(
        actor=world.liverpool_member,
        organisation=query,
        candidate=world.orgs["busan-haeun-soft"],
        kind="hidden",
    )
    slugs = [r.organisation.slug for r in rank_for(query, top=10, explain_matches=False).results]
    assert "busan-haeun-soft" not in slugs
    with pytest.raises(DataError, match="reason"):
        give_feedback(
            actor=world.liverpool_member,
            organisation=query,
            candidate=world.orgs["korea-marine-steel"],
            kind="declined",
        )
    with pytest.raises(PermissionDeniedError):
        give_feedback(
            actor=world.outsider,
            organisation=query,
            candidate=world.orgs["korea-marine-steel"],
            kind="hidden",
        )


def test_withdraw_and_meeting_requests(world) -> None:
    interest = send(world)
    with pytest.raises(InvalidStateError, match="after an introduction"):
        request_meeting(actor=world.liverpool_member, interest=interest)
    withdrawn = withdraw_interest(actor=world.liverpool_member, interest=interest)
    assert withdrawn.status == "withdrawn"
    second = accept_interest(actor=world.busan_member, interest=send(world, "Again"))
    met = request_meeting(actor=world.busan_member, interest=second, note="부산에서 11월에")
    assert met.meeting_requested_by == world.busan_member
    assert met.meeting_note == "부산에서 11월에"
    assert Notification.objects.filter(user=world.liverpool_member, kind="meeting_requested").exists()
    with pytest.raises(InvalidStateError, match="already been requested"):
        request_meeting(actor=world.liverpool_member, interest=met)
    with pytest.raises(PermissionDeniedError):
        request_meeting(actor=world.outsider, interest=met)
