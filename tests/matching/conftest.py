"""The matching tests' world: the Liverpool City Region – Busan pair with the matching demo organisations
(English in Liverpool, Korean in Busan), a member on each side, a coordinator of the pair. Texts are
embedded with the fast ``use-multilingual`` backend (tests/core/matching covers the default ``use+e5``);
the index lives in a temporary data folder."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.organisations.models import Organisation
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.domain.create_twin_pair import create_twin_pair
from innotwin.pairs.enums import PairStatus
from innotwin.pairs.models import TwinPair

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def matching_settings(settings, tmp_path) -> Iterator[None]:
    from innotwin.matching.domain.engine import forget_indexes

    settings.DATA_DIR = tmp_path / "data"
    settings.CONFIG = {**settings.CONFIG, "text_embedder": "use-multilingual"}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    forget_indexes()
    yield
    forget_indexes()


@dataclass
class World:
    pair: TwinPair
    orgs: dict[str, Organisation]
    liverpool_member: User
    busan_member: User
    coordinator: User
    outsider: User
    admin: User


@pytest.fixture
def world(db, people) -> World:
    from innotwin.matching.demo import load_matching_demo

    pair = create_twin_pair(
        region_a="E47000004", region_b="KR-26", status=PairStatus.ACTIVE, slug="liverpool-city-region-busan"
    )
    assign_coordinator(pair=pair, user=people["coordinator"])
    load_matching_demo(index=False)
    orgs = {org.slug: org for org in Organisation.objects.select_related("region")}
    liverpool_member = people["member"]
    busan_member, _ = create_user(email="busan@example.org", role=Role.ORGANISATION_MEMBER, password=PASSWORD)
    outsider, _ = create_user(email="outsider@example.org", role=Role.ORGANISATION_MEMBER, password=PASSWORD)
    orgs["mersey-port-logistics"].members.add(liverpool_member)
    orgs["busan-haeun-soft"].members.add(busan_member)
    orgs["busan-festival-planning"].members.add(outsider)
    from innotwin.matching.domain.engine import current_profiles, refresh_vectors

    refresh_vectors(current_profiles())
    return World(
        pair=pair,
        orgs=orgs,
        liverpool_member=liverpool_member,
        busan_member=busan_member,
        coordinator=people["coordinator"],
        outsider=outsider,
        admin=people["admin"],
    )
