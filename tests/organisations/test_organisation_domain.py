"""Creating, changing, verifying and deleting organisations through the domain functions."""

from __future__ import annotations

import pytest
from django.utils import translation

from innotwin.core.errors import DataError
from innotwin.organisations.domain.add_member import add_member, remove_member
from innotwin.organisations.domain.create_organisation import create_organisation
from innotwin.organisations.domain.delete_organisation import delete_organisation
from innotwin.organisations.domain.update_organisation import update_organisation
from innotwin.organisations.domain.verify_organisation import verify_organisation
from innotwin.organisations.models import AuditEntry, Organisation
from tests.organisations.factories import make_organisation


def test_create_organisation_stores_values_industries_and_member(pairs, people) -> None:
    organisation = create_organisation(
        actor=people["member"],
        values={
            "name_en": "Lough Labs",
            "name_ko": "러프 랩스",
            "type": "university",
            "region": "Belfast",
            "industries": "SIC:72190; KSIC:70",
            "description_ko": "연구",
            "description_ko_origin": "machine",
            "keywords_en": "AI; robotics",
            "website": "lough.example",
        },
    )
    assert (organisation.slug, organisation.region_id, organisation.type) == (
        "lough-labs",
        "N09000003",
        "university",
    )
    assert organisation.website == "https://lough.example"
    assert organisation.description_ko_origin == "machine"
    assert organisation.verification == "unverified"
    assert [(i.scheme, i.code, i.isic_group, i.isic_sections) for i in organisation.industries.all()] == [
        ("uk-sic2007", "72190", "72", "M"),
        ("ksic10", "70", "72", "M"),
    ]
    assert list(organisation.members.all()) == [people["member"]]
    entry = AuditEntry.objects.get(action="organisation.created")
    assert (entry.actor, entry.object_id, entry.changes["name_en"]) == (
        people["member"],
        str(organisation.pk),
        "Lough Labs",
    )


def test_create_organisation_with_korean_name_only_gets_a_slug(pairs) -> None:
    organisation = create_organisation(
        actor=None, values={"name_ko": "부산해양기술", "type": "sme", "region": "KR-26"}
    )
    assert organisation.slug == "organisation"
    assert organisation.name == "부산해양기술"


def test_create_organisation_reserved_slug_is_avoided(pairs) -> None:
    assert make_organisation(name_en="New").slug == "new-organisation"
    assert make_organisation(name_en="New", region="KR-26").slug == "new-organisation-2"


def test_create_organisation_problems_are_in_the_readers_language(pairs) -> None:
    with translation.override("ko"), pytest.raises(DataError) as exc:
        create_organisation(actor=None, values={"type": "sme", "region": "Atlantis"})
    assert [(p.field, p.message) for p in exc.value.problems] == [
        ("name_en", "영문 또는 국문 기관명이 필요합니다."),
        ("region", "'Atlantis'은(는) innotwin이 아는 지역이 아닙니다. 공식 코드를 입력하세요."),
    ]
    assert Organisation.objects.count() == 0


def test_create_organisation_duplicate_name_in_region_is_refused(pairs) -> None:
    make_organisation(name_en="Harbour Robotics")
    with pytest.raises(DataError, match="already exists in N09000003"):
        make_organisation(name_en="HARBOUR ROBOTICS")


def test_update_organisation_changes_only_what_is_given_and_audits_it(pairs, people) -> None:
    organisation = make_organisation(actor=people["member"])
    update_organisation(
        actor=people["member"],
        organisation=organisation,
        values={"name_ko": "하버 로보틱스", "industries": "SIC:28220"},
    )
    organisation.refresh_from_db()
    assert (organisation.name_en, organisation.name_ko) == ("Harbour Robotics Ltd", "하버 로보틱스")
    assert [i.code for i in organisation.industries.all()] == ["28220"]
    entry = AuditEntry.objects.get(action="organisation.updated")
    assert entry.changes == {"name_ko": ["", "하버 로보틱스"], "industries": ["SIC:62012", "SIC:28220"]}


def test_update_organisation_keeps_its_own_name_without_calling_it_a_duplicate(pairs) -> None:
    organisation = make_organisation()
    update_organisation(actor=None, organisation=organisation, values={"founded_year": "2011"})
    organisation.refresh_from_db()
    assert organisation.founded_year == 2011


def test_verify_membership_and_delete_are_audited(pairs, people) -> None:
    organisation = make_organisation()
    verify_organisation(actor=people["admin"], organisation=organisation)
    add_member(actor=people["admin"], organisation=organisation, user=people["member"])
    remove_member(actor=people["admin"], organisation=organisation, user=people["member"])
    pk = organisation.pk
    delete_organisation(actor=people["admin"], organisation=organisation)
    assert not Organisation.objects.filter(pk=pk).exists()
    assert list(
        AuditEntry.objects.filter(object_id=str(pk)).order_by("pk").values_list("action", flat=True)
    ) == [
        "organisation.created",
        "organisation.verified",
        "organisation.member_added",
        "organisation.member_removed",
        "organisation.deleted",
    ]
