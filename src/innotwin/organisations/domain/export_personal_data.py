from __future__ import annotations

from typing import Any

from django.db.models import Q

from innotwin.accounts.models import User
from innotwin.organisations.models import AuditEntry, Person


def _when(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def export_personal_data(*, email: str) -> dict[str, Any]:
    """Everything innotwin holds about the person with ``email``, as JSON-ready data (a read, no write)."""
    email = email.strip().lower()
    user = User.objects.filter(email=email).first()
    people = Person.objects.filter(Q(email=email) | Q(user=user) if user else Q(email=email)).select_related(
        "organisation"
    )
    data: dict[str, Any] = {
        "email": email,
        "account": None,
        "contact_records": [],
        "organisations": [],
        "api_tokens": [],
        "actions": [],
    }
    if user is not None:
        data["account"] = {
            "email": user.email,
            "full_name": user.full_name,
            "role": user.role,
            "preferred_language": user.preferred_language,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        }
        data["organisations"] = [
            {"slug": o.slug, "name_en": o.name_en, "name_ko": o.name_ko} for o in user.organisations.all()
        ]
        data["api_tokens"] = [
            {
                "name": t.name,
                "prefix": t.prefix,
                "created_at": _when(t.created_at),
                "last_used_at": _when(t.last_used_at),
            }
            for t in user.api_tokens.all()
        ]
        data["actions"] = [
            {
                "at": _when(e.at),
                "action": e.action,
                "object_type": e.object_type,
                "object_id": e.object_id,
                "object": e.object_label,
            }
            for e in AuditEntry.objects.filter(actor=user).order_by("at")
        ]
    for person in people:
        data["contact_records"].append(
            {
                "organisation": person.organisation.slug,
                "full_name": person.full_name,
                "job_title": person.job_title,
                "email": person.email,
                "phone": person.phone,
                "created_at": _when(person.created_at),
                "erased_at": _when(person.erased_at),
                "consents": [
                    {
                        "purpose": c.purpose,
                        "statement": c.statement,
                        "language": c.language,
                        "given_at": _when(c.given_at),
                        "withdrawn_at": _when(c.withdrawn_at),
                    }
                    for c in person.consents.all()
                ],
            }
        )
    return data
