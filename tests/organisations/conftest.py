"""The registry's test world, on the bundled atlas every test database holds: three twin pairs, one person
per role, and a Belfast company with a member and a profile in every status."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile, Organisation
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.domain.create_twin_pair import create_twin_pair
from innotwin.pairs.enums import PairStatus
from innotwin.pairs.models import TwinPair
from tests.organisations.factories import make_organisation, make_profile

PAIRS = {
    "belfast-sejong": ("N09000003", "KR-50"),
    "glasgow-daegu": ("S12000049", "KR-27"),
    "liverpool-city-region-busan": ("E47000004", "KR-26"),
}


@dataclass
class World:
    people: dict[str, User]
    pairs: dict[str, TwinPair]
    organisation: Organisation
    other: Organisation
    profiles: dict[str, OpportunityProfile]


@pytest.fixture
def pairs(db) -> dict[str, TwinPair]:
    """The programme's twin pairs on the atlas's regions (Belfast and Sejong, Glasgow and Daegu, …)."""
    return {
        slug: create_twin_pair(region_a=a, region_b=b, status=PairStatus.ACTIVE, slug=slug)
        for slug, (a, b) in PAIRS.items()
    }


@pytest.fixture
def world(pairs, people) -> World:
    """``coordinator`` coordinates Belfast–Sejong, ``other_coordinator`` Glasgow–Daegu; ``member`` is a
    member of the Belfast company; ``outsider`` is a member of a Busan company."""
    assign_coordinator(pair=pairs["belfast-sejong"], user=people["coordinator"])
    assign_coordinator(pair=pairs["glasgow-daegu"], user=people["other_coordinator"])
    outsider, _ = create_user(email="outsider@example.org", role=Role.ORGANISATION_MEMBER, password="x" * 12)
    organisation = make_organisation(actor=people["member"])
    other = make_organisation(
        actor=outsider, name_en="Busan Marine Tech", region="KR-26", industries="KSIC:30"
    )
    profiles = {
        status.value: make_profile(organisation=organisation, status=status) for status in ProfileStatus
    }
    return World(
        people={**people, "outsider": outsider},
        pairs=pairs,
        organisation=organisation,
        other=other,
        profiles=profiles,
    )
