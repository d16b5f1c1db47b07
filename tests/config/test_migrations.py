from __future__ import annotations

from io import StringIO

from django.core.management import call_command


def test_models_and_migrations_are_in_step(db) -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())
    assert out.getvalue().strip() == "No changes detected"
