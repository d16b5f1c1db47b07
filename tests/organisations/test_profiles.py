"""Opportunity profiles: draft → submitted → published → expired or withdrawn, with moderation and history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from innotwin.core.errors import DataError, InvalidStateError
from innotwin.organisations.domain.expire_profiles import expire_profiles
from innotwin.organisations.domain.publish_profile import publish_profile
from innotwin.organisations.domain.return_profile import return_profile
from innotwin.organisations.domain.submit_profile import submit_profile
from innotwin.organisations.domain.update_profile import update_profile
from innotwin.organisations.domain.withdraw_profile import withdraw_profile
from innotwin.organisations.models import AuditEntry, OpportunityProfile
from tests.organisations.factories import in_days, make_profile


def _history(profile: OpportunityProfile) -> list[str]:
    entries = AuditEntry.objects.filter(object_type="opportunityprofile", object_id=str(profile.pk)).order_by(
        "pk"
    )
    return [entry.action for entry in entries]


def test_profile_moves_through_moderation_and_keeps_its_history(world) -> None:
    profile = make_profile(organisation=world.organisation)
    submit_profile(actor=world.people["member"], profile=profile)
    return_profile(actor=world.people["coordinator"], profile=profile, note="Add the price range.")
    assert (profile.status, profile.moderation_note) == ("draft", "Add the price range.")
    submit_profile(actor=world.people["member"], profile=profile)
    publish_profile(actor=world.people["coordinator"], profile=profile)
    assert profile.status == "published"
    assert profile.published_at is not None
    assert _history(profile) == [
        "profile.created",
        "profile.submitted",
        "profile.returned",
        "profile.submitted",
        "profile.published",
    ]
    returned = AuditEntry.objects.get(object_id=str(profile.pk), action="profile.returned")
    assert returned.changes == {"status": ["submitted", "draft"], "note": "Add the price range."}
    assert returned.actor == world.people["coordinator"]


@pytest.mark.parametrize(
    ("status", "move"),
    [
        ("draft", publish_profile),
        ("published", submit_profile),
        ("withdrawn", submit_profile),
        ("expired", withdraw_profile),
        ("withdrawn", publish_profile),
    ],
)
def test_transition_not_allowed_leaves_the_profile_unchanged(world, status, move) -> None:
    profile = world.profiles[status]
    with pytest.raises(InvalidStateError, match="cannot become"):
        move(actor=None, profile=profile)
    profile.refresh_from_db()
    assert profile.status == status


def test_return_needs_a_note(world) -> None:
    with pytest.raises(DataError, match="Say what the organisation should change"):
        return_profile(actor=None, profile=world.profiles["submitted"], note="  ")


def test_member_change_to_published_profile_sends_it_back_to_moderation(world) -> None:
    profile = world.profiles["published"]
    update_profile(
        actor=world.people["member"], profile=profile, values={"title_ko": "항만 크레인 점검 드론"}
    )
    assert profile.status == "submitted"
    entry = AuditEntry.objects.filter(object_id=str(profile.pk), action="profile.updated").get()
    assert entry.changes == {"title_ko": ["", "항만 크레인 점검 드론"], "status": ["published", "submitted"]}


def test_coordinator_change_to_published_profile_keeps_it_published(world) -> None:
    profile = world.profiles["published"]
    update_profile(actor=world.people["coordinator"], profile=profile, values={"stage": "proven"})
    assert (profile.status, profile.stage) == ("published", "proven")


def test_change_to_withdrawn_profile_makes_it_a_draft(world) -> None:
    profile = world.profiles["withdrawn"]
    update_profile(actor=world.people["member"], profile=profile, values={"expires_on": in_days(30)})
    assert profile.status == "draft"


def test_unchanged_values_record_no_change(world) -> None:
    profile = world.profiles["draft"]
    update_profile(actor=world.people["member"], profile=profile, values={"stage": profile.stage})
    assert _history(profile) == ["profile.created"]


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"kind": "gift"},
            "kind",
            "'gift' is not one of the choices: technology_offer, technology_request, "
            "business_offer, business_request, research_partner_request, "
            "policy_exchange_offer, policy_exchange_request.",
        ),
        ({"kind": "business_offer", "business_kind": ""}, "business_kind", "This field is required."),
        ({"title_en": "", "title_ko": ""}, "title_en", "Give a title in English or in Korean."),
        (
            {"expires_on": "2020-01-01"},
            "expires_on",
            "The expiry date must be after today and at most 3 years ahead.",
        ),
        ({"expires_on": "soon"}, "expires_on", "Give the expiry date as YYYY-MM-DD."),
        ({"pillar": "sport"}, "pillar", "'sport' is not a pillar."),
        ({"industries": "KSIC:09"}, "industries", "'09' is not a KSIC code: KSIC has no division 09."),
        (
            {"partner_types": ["unicorn"]},
            "partner_types",
            "'unicorn' is not one of the choices: sme, large_company, "
            "university, research_institute, public_body, cluster, investor.",
        ),
    ],
)
def test_invalid_profile_values_name_the_field(world, values, field, message) -> None:
    with pytest.raises(DataError) as exc:
        make_profile(organisation=world.organisation, **values)
    assert [(p.field, p.message) for p in exc.value.problems] == [(field, message)]


def test_business_kind_is_dropped_for_other_kinds(world) -> None:
    profile = make_profile(organisation=world.organisation, kind="technology_request", business_kind="supply")
    assert profile.business_kind == ""


def test_expire_profiles_expires_only_published_profiles_past_their_date(world) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    later = timezone.localdate() + dt.timedelta(days=400)
    assert expire_profiles(today=later) == 1
    assert expire_profiles(today=tomorrow) == 0
    published = OpportunityProfile.objects.get(pk=world.profiles["published"].pk)
    assert published.status == "expired"
    assert _history(published)[-1] == "profile.expired"
    assert OpportunityProfile.objects.get(pk=world.profiles["draft"].pk).status == "draft"


def test_submit_with_past_expiry_is_refused(world) -> None:
    profile = world.profiles["draft"]
    OpportunityProfile.objects.filter(pk=profile.pk).update(expires_on=timezone.localdate())
    profile.refresh_from_db()
    with pytest.raises(InvalidStateError, match="expiry date has passed"):
        submit_profile(actor=None, profile=profile)
