from __future__ import annotations

from typing import Any

from django.db import models

from innotwin.accounts.models import User
from innotwin.organisations.models import AuditEntry

SYSTEM = "innotwin"


def actor_label_of(actor: User | None, fallback: str = SYSTEM) -> str:
    """How the audit log names who acted: the account's email, or what ran without one (the CLI)."""
    return actor.email if actor is not None else fallback


def record_audit(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    changes: dict[str, Any] | None = None,
    label: str | None = None,
    actor_label: str = SYSTEM,
) -> AuditEntry:
    """Write one audit log entry: who (``actor``, or ``actor_label`` for the CLI) did ``action`` to what."""
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=actor_label_of(actor, actor_label),
        action=action,
        object_type=obj._meta.model_name or "" if obj is not None else object_type,
        object_id=str(obj.pk) if obj is not None else object_id,
        object_label=(label if label is not None else str(obj or ""))[:300],
        changes=changes or {},
    )
