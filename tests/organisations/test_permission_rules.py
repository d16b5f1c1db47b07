"""The registry's rules in innotwin.accounts.permissions: each role against each action and object, and the
list scope of every action agreeing with its rule."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from innotwin.accounts.permissions import Action, has_permission, visible
from innotwin.organisations.domain.add_person import add_person
from innotwin.organisations.models import OpportunityProfile, Organisation

ROLES = ("anonymous", "member", "outsider", "coordinator", "other_coordinator", "admin")
# (action, object) → who may, as a tuple in ROLES order
RULES = {
    (Action.VIEW_ORGANISATION, "organisation"): (True, True, True, True, True, True),
    (Action.EDIT_ORGANISATION, "organisation"): (False, True, False, True, False, True),
    (Action.EDIT_ORGANISATION, "other"): (False, False, True, False, False, True),
    (Action.DELETE_ORGANISATION, "organisation"): (False, False, False, True, False, True),
    (Action.VERIFY_ORGANISATION, "organisation"): (False, False, False, True, False, True),
    (Action.VERIFY_ORGANISATION, "other"): (False, False, False, False, False, True),
    (Action.VIEW_CONTACTS, "organisation"): (False, True, True, True, True, True),
    (Action.MANAGE_CONTACTS, "organisation"): (False, True, False, True, False, True),
    (Action.MANAGE_MEMBERS, "organisation"): (False, True, False, True, False, True),
    (Action.MANAGE_MEMBERS, "other"): (False, False, True, False, False, True),
    (Action.VIEW_PROFILE, "published"): (True, True, True, True, True, True),
    (Action.VIEW_PROFILE, "draft"): (False, True, False, True, False, True),
    (Action.VIEW_PROFILE, "withdrawn"): (False, True, False, True, False, True),
    (Action.EDIT_PROFILE, "published"): (False, True, False, True, False, True),
    (Action.MODERATE_PROFILE, "submitted"): (False, False, False, True, False, True),
    (Action.CREATE_ORGANISATION, None): (False, True, True, True, True, True),
    (Action.IMPORT_ORGANISATIONS, None): (False, False, False, True, True, True),
    (Action.OPEN_MODERATION_QUEUE, None): (False, False, False, True, True, True),
    (Action.EXPORT_ORGANISATIONS, None): (False, True, True, True, True, True),
    (Action.MANAGE_OWN_DATA, None): (False, True, True, True, True, True),
    (Action.VIEW_AUDIT_LOG, None): (False, False, False, False, False, True),
    (Action.IMPORT_INTO_REGION, "N09000003"): (False, False, False, True, False, True),
    (Action.IMPORT_INTO_REGION, "KR-50"): (False, False, False, True, False, True),
    (Action.IMPORT_INTO_REGION, "KR-26"): (False, False, False, False, False, True),
}


def _person(world, role):
    return AnonymousUser() if role == "anonymous" else world.people[role]


def _object(world, key):
    if key in world.profiles:
        return world.profiles[key]
    return {"organisation": world.organisation, "other": world.other}.get(key, key)


@pytest.mark.parametrize(("action", "key"), list(RULES), ids=lambda value: str(value))
def test_rule_for_every_role(world, action, key) -> None:
    allowed = tuple(has_permission(_person(world, role), action, _object(world, key)) for role in ROLES)
    assert allowed == RULES[(action, key)]


@pytest.mark.parametrize(
    ("action", "model"),
    [
        (Action.EDIT_ORGANISATION, Organisation),
        (Action.VERIFY_ORGANISATION, Organisation),
        (Action.MANAGE_MEMBERS, Organisation),
        (Action.VIEW_PROFILE, OpportunityProfile),
        (Action.EDIT_PROFILE, OpportunityProfile),
        (Action.MODERATE_PROFILE, OpportunityProfile),
    ],
)
def test_scope_agrees_with_the_rule(world, action, model) -> None:
    for role in ROLES:
        person = _person(world, role)
        expected = {obj.pk for obj in model.objects.all() if has_permission(person, action, obj)}
        assert set(visible(person, action, model.objects.all()).values_list("pk", flat=True)) == expected, (
            role
        )


def test_coordinator_moderates_organisations_in_districts_of_their_city_region(world, pairs, people) -> None:
    from innotwin.pairs.domain.assign_coordinator import assign_coordinator
    from tests.organisations.factories import make_organisation

    assign_coordinator(pair=pairs["liverpool-city-region-busan"], user=people["other_coordinator"])
    in_liverpool = make_organisation(name_en="Mersey Tidal", region="E08000012")
    in_sheffield = make_organisation(name_en="Sheffield Forge", region="E08000019")
    assert has_permission(people["other_coordinator"], Action.VERIFY_ORGANISATION, in_liverpool) is True
    assert has_permission(people["other_coordinator"], Action.VERIFY_ORGANISATION, in_sheffield) is False


def test_a_person_may_erase_their_own_contact_record(world) -> None:
    outsider = world.people["outsider"]
    own = add_person(actor=None, organisation=world.organisation, full_name="Out Sider", user=outsider)
    colleague = add_person(actor=None, organisation=world.organisation, full_name="Someone Else")
    assert has_permission(outsider, Action.ERASE_PERSON, own) is True
    assert has_permission(outsider, Action.ERASE_PERSON, colleague) is False
    assert has_permission(world.people["member"], Action.ERASE_PERSON, colleague) is True
