"""Starts Django for a CLI command, so that configuration errors surface as innotwin errors."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innotwin.config.settings")
    import django

    django.setup()
