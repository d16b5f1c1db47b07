"""Contact people with their consent; a person's data download and erasure; the audit log."""

from __future__ import annotations

import pytest
from django.utils import translation

from innotwin.accounts.domain.create_api_token import create_api_token
from innotwin.core.errors import DataError
from innotwin.organisations.domain.add_person import add_person
from innotwin.organisations.domain.erase_person import erase_person
from innotwin.organisations.domain.erase_personal_data import erase_personal_data
from innotwin.organisations.domain.export_personal_data import export_personal_data
from innotwin.organisations.domain.withdraw_consent import withdraw_consent
from innotwin.organisations.models import AuditEntry, Organisation, Person


def test_add_person_records_consent_in_the_words_shown(world) -> None:
    with translation.override("ko"):
        person = add_person(
            actor=world.people["member"],
            organisation=world.organisation,
            full_name="김민지",
            email="Minji@Harbour.example",
            consents=["listed_contact", "programme_messages"],
            language="ko",
        )
    assert person.email == "minji@harbour.example"
    consents = list(person.consents.all())
    assert [c.purpose for c in consents] == ["listed_contact", "programme_messages"]
    assert consents[0].language == "ko"
    assert consents[0].statement.startswith("본인의 이름, 직함, 이메일 주소와 전화번호를")
    assert person.has_consent() is True


def test_add_person_without_consent_to_be_listed_is_refused(world) -> None:
    with pytest.raises(DataError) as exc:
        add_person(
            actor=None,
            organisation=world.organisation,
            full_name="",
            email="not-an-email",
            consents=["programme_messages"],
        )
    assert [p.field for p in exc.value.problems] == ["full_name", "email", "consents"]


def test_withdrawn_consent_hides_the_contact(world) -> None:
    person = add_person(actor=None, organisation=world.organisation, full_name="Aoife Byrne")
    withdraw_consent(actor=None, person=person, purpose="listed_contact")
    person = Person.objects.prefetch_related("consents").get(pk=person.pk)
    assert person.has_consent() is False


def test_erase_person_removes_personal_data_and_keeps_the_organisation(world) -> None:
    person = add_person(
        actor=world.people["member"],
        organisation=world.organisation,
        full_name="Aoife Byrne",
        email="aoife@harbour.example",
        phone="+44 28 9000 0000",
        job_title="CTO",
    )
    erase_person(actor=world.people["member"], person=person)
    person.refresh_from_db()
    assert (person.full_name, person.email, person.phone, person.job_title) == ("", "", "", "")
    assert person.erased_at is not None
    assert all(c.withdrawn_at is not None for c in person.consents.all())
    assert Organisation.objects.filter(pk=world.organisation.pk).exists()
    entries = AuditEntry.objects.filter(object_type="person", object_id=str(person.pk)).order_by("pk")
    assert [(e.action, e.object_label) for e in entries] == [
        ("person.added", "[erased]"),
        ("person.erased", "[erased]"),
    ]
    assert "Aoife" not in str(list(AuditEntry.objects.values_list("object_label", "changes")))


def test_export_personal_data_has_account_contacts_and_actions(world) -> None:
    member = world.people["member"]
    add_person(
        actor=member,
        organisation=world.organisation,
        full_name="Member Person",
        email=member.email,
        user=member,
    )
    create_api_token(user=member, name="notebook")
    data = export_personal_data(email=member.email)
    assert data["account"]["email"] == "member@example.org"
    assert data["organisations"] == [
        {"slug": "harbour-robotics-ltd", "name_en": "Harbour Robotics Ltd", "name_ko": ""}
    ]
    assert [record["full_name"] for record in data["contact_records"]] == ["Member Person"]
    assert data["contact_records"][0]["consents"][0]["purpose"] == "listed_contact"
    assert [token["name"] for token in data["api_tokens"]] == ["notebook"]
    assert [action["action"] for action in data["actions"]][:2] == ["organisation.created", "person.added"]


def test_erase_personal_data_closes_the_account_and_scrubs_the_audit_log(world) -> None:
    member = world.people["member"]
    add_person(actor=member, organisation=world.organisation, full_name="Member Person", email=member.email)
    create_api_token(user=member, name="notebook")
    result = erase_personal_data(actor=member, email="MEMBER@example.org")
    member.refresh_from_db()
    assert (result.contacts, result.account) == (1, True)
    assert (member.email, member.full_name, member.is_active) == (
        f"erased-{member.pk}@erased.invalid",
        "",
        False,
    )
    assert member.has_usable_password() is False
    assert member.api_tokens.count() == 0
    assert list(world.organisation.members.all()) == []
    assert "member@example.org" not in str(
        list(AuditEntry.objects.values_list("actor_label", "object_label", "changes"))
    )
    assert export_personal_data(email="member@example.org")["account"] is None
    assert Organisation.objects.filter(pk=world.organisation.pk).exists()
