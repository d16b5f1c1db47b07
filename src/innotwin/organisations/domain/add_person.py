from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from innotwin.accounts.models import User
from innotwin.core.errors import DataError, Problem
from innotwin.organisations.domain.record_audit import SYSTEM, record_audit
from innotwin.organisations.enums import CONSENT_STATEMENTS, ConsentPurpose
from innotwin.organisations.models import ConsentRecord, Organisation, Person


def record_consent(*, person: Person, purpose: ConsentPurpose | str, language: str) -> ConsentRecord:
    """Record that ``person`` agreed to ``purpose``, keeping the statement in the words they were shown."""
    with translation.override(language):
        statement = str(CONSENT_STATEMENTS[ConsentPurpose(purpose)])
    return ConsentRecord.objects.create(
        person=person, purpose=purpose, statement=statement, language=language, given_at=timezone.now()
    )


@transaction.atomic
def add_person(
    *,
    actor: User | None,
    organisation: Organisation,
    full_name: str,
    email: str = "",
    job_title: str = "",
    phone: str = "",
    user: User | None = None,
    consents: Iterable[ConsentPurpose | str] = (ConsentPurpose.LISTED_CONTACT,),
    language: str = "en",
    actor_label: str = SYSTEM,
) -> Person:
    """Add a contact person to an organisation with the consent they gave (at least to be listed)."""
    problems = []
    if not full_name.strip():
        problems.append(Problem(_("The name is required."), field="full_name"))
    if email.strip():
        try:
            validate_email(email.strip())
        except ValidationError:
            problems.append(Problem(_("Enter a valid email address."), field="email"))
    purposes = [ConsentPurpose(purpose) for purpose in consents]
    if ConsentPurpose.LISTED_CONTACT not in purposes:
        problems.append(
            Problem(_("A contact is listed only with their consent to be listed."), field="consents")
        )
    if language not in {"en", "ko"}:
        problems.append(Problem(_("The language must be en or ko."), field="language"))
    if problems:
        raise DataError(problems)
    person = Person.objects.create(
        organisation=organisation,
        user=user,
        full_name=full_name.strip()[:200],
        job_title=job_title.strip()[:200],
        email=email.strip().lower(),
        phone=phone.strip()[:40],
    )
    for purpose in purposes:
        record_consent(person=person, purpose=purpose, language=language)
    record_audit(
        actor=actor,
        action="person.added",
        obj=person,
        changes={"organisation": organisation.slug, "consents": [str(p) for p in purposes]},
        actor_label=actor_label,
    )
    return person
