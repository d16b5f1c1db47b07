"""A Belfast–Sejong pair with one organisation on each side and one in neither pair region's country,
people in every role, and files stored under a temporary MEDIA_ROOT.

``member`` belongs to the Belfast organisation (a partner of the proposal), ``outsider`` to an
organisation that is no partner, ``coordinator`` coordinates the pair, ``other_coordinator`` coordinates
another pair."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from innotwin.organisations.domain.create_organisation import create_organisation
from innotwin.pairs.domain.assign_coordinator import assign_coordinator
from innotwin.pairs.domain.create_twin_pair import create_twin_pair
from innotwin.pairs.enums import PairStatus


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Iterator[None]:
    """Files under a temporary folder; a fast password hasher, as the people here only need accounts;
    the matching engine's index in a temporary data folder, texts embedded with the fast
    ``use-multilingual`` backend (as in tests/matching)."""
    from innotwin.matching.domain.engine import forget_indexes

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DATA_DIR = tmp_path / "data"
    settings.CONFIG = {**settings.CONFIG, "text_embedder": "use-multilingual"}
    forget_indexes()
    yield
    forget_indexes()


def make_org(name_en: str, region: str, name_ko: str = "", actor: Any = None) -> Any:
    return create_organisation(
        actor=actor,
        values={
            "type": "sme",
            "name_en": name_en,
            "name_ko": name_ko,
            "region": region,
            "industries": "SIC:62012",
        },
    )


@pytest.fixture
def world(db, people) -> dict[str, Any]:
    from innotwin.accounts.domain.create_user import create_user
    from innotwin.accounts.enums import Role
    from innotwin.roadmaps.domain.proposals import create_proposal, set_partner

    pair = create_twin_pair(
        region_a="N09000003", region_b="KR-50", status=PairStatus.ACTIVE, slug="belfast-sejong"
    )
    other = create_twin_pair(
        region_a="S12000049", region_b="KR-27", status=PairStatus.ACTIVE, slug="glasgow-daegu"
    )
    assign_coordinator(pair=pair, user=people["coordinator"])
    assign_coordinator(pair=other, user=people["other_coordinator"])
    outsider, _ = create_user(
        email="outsider@example.org", role=Role.ORGANISATION_MEMBER, password="correct horse battery staple"
    )
    belfast = make_org("Harbour Robotics Ltd", "N09000003", actor=people["member"])
    sejong = make_org("Sejong Smart Mobility", "KR-50", name_ko="세종스마트모빌리티")
    busan = make_org("Busan Port Data", "KR-26", name_ko="부산항만데이터", actor=outsider)
    proposal = create_proposal(
        actor=people["coordinator"],
        pair=pair,
        values={
            "title_en": "Port crane digital twin",
            "title_ko": "항만 크레인 디지털 트윈",
            "pillar": "business",
        },
    )
    set_partner(
        actor=people["coordinator"], proposal=proposal, organisation_ref=belfast.slug, role="industry"
    )
    return {
        "pair": pair,
        "other_pair": other,
        "proposal": proposal,
        "belfast": belfast,
        "sejong": sejong,
        "busan": busan,
        "people": {**people, "outsider": outsider},
    }


@pytest.fixture
def bilateral_call(db) -> Any:
    from innotwin.roadmaps.domain.calls import save_funding_call

    return save_funding_call(
        values={"slug": "uk-korea-joint-call", "name_en": "UK–Korea joint R&D call", "bilateral": True}
    )
