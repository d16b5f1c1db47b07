"""Who may see, report, verify and set targets — every rule, and each rule's scope agreeing with it.

Decisions (docs/impact.md): the public sees verified observations of public pairs; a pair's coordinators
see and report all of the pair's; members of an organisation in the pair's regions report and see what they
reported; coordinators of the pair and administrators verify, never what they reported themselves.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from innotwin.accounts.permissions import Action, has_permission, visible
from innotwin.impact.domain.observations import change_status
from innotwin.impact.models import Observation
from innotwin.pairs.enums import PairStatus
from tests.factories import make_pair
from tests.impact.conftest import report_jobs

pytestmark = pytest.mark.django_db

PEOPLE = ("anonymous", "member", "coordinator", "other_coordinator", "admin")


@pytest.fixture
def who(people, organisations):
    return {"anonymous": AnonymousUser(), **people}


@pytest.fixture
def observations(pair, organisations, people):
    by_member = report_jobs(pair, organisations["uk"], reporter=people["member"], project="A")
    by_coordinator = report_jobs(pair, organisations["kr"], reporter=people["coordinator"], country="KR")
    verified = report_jobs(pair, organisations["uk"], reporter=people["member"], country="KR")
    verified = change_status(observation=verified, to="verified", reason="", actor=people["coordinator"])
    return {"by_member": by_member, "by_coordinator": by_coordinator, "verified": verified}


def _check(who, action, obj, expected):
    for name, allowed in zip(PEOPLE, expected, strict=True):
        assert has_permission(who[name], action, obj) is allowed, (action, name)


@pytest.mark.parametrize(
    ("observation", "expected"),
    [
        #                anonymous member coordinator other_coordinator admin
        ("verified", (True, True, True, True, True)),
        ("by_member", (False, True, True, False, True)),
        ("by_coordinator", (False, False, True, False, True)),
    ],
)
def test_view_impact(who, observations, observation, expected):
    _check(who, Action.VIEW_IMPACT, observations[observation], expected)


@pytest.mark.parametrize(
    ("observation", "expected"),
    [
        ("by_member", (False, False, True, False, True)),
        ("by_coordinator", (False, False, False, False, True)),  # not their own
    ],
)
def test_verify_impact(who, observations, observation, expected):
    _check(who, Action.VERIFY_IMPACT, observations[observation], expected)


def test_report_impact_and_set_targets(who, pair):
    _check(who, Action.REPORT_IMPACT, pair, (False, True, True, False, True))
    _check(who, Action.SET_IMPACT_TARGETS, pair, (False, False, True, False, True))


def test_scopes_agree_with_the_rules(who, observations):
    for action in (Action.VIEW_IMPACT, Action.VERIFY_IMPACT):
        for name in PEOPLE:
            allowed = {obs.pk for obs in Observation.objects.all() if has_permission(who[name], action, obs)}
            scoped = set(visible(who[name], action, Observation.objects.all()).values_list("pk", flat=True))
            assert scoped == allowed, (action, name)


def test_a_proposed_pair_shows_nothing_to_the_public_even_when_verified(who, people, organisations):
    from innotwin.pairs.domain.assign_coordinator import assign_coordinator

    hidden = make_pair(slug="hidden-pair", status=PairStatus.PROPOSED, suffix="2")
    assign_coordinator(pair=hidden, user=people["other_coordinator"])
    from tests.organisations.factories import make_organisation

    there = make_organisation(actor=people["member"], name_en="Hidden Works Ltd", region="GBX2")
    observation = report_jobs(hidden, there, reporter=people["member"])
    observation = change_status(
        observation=observation, to="verified", reason="", actor=people["other_coordinator"]
    )
    _check(who, Action.VIEW_IMPACT, observation, (False, True, False, True, True))
    _check(who, Action.REPORT_IMPACT, hidden, (False, False, False, True, True))
