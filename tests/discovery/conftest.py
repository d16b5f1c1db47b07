"""The discovery cache is keyed by the atlas's contents, so tests may share it: a test that changes the
atlas gets a new key. Tests that need to start cold ask for ``cold_cache``."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.utils import translation

from innotwin.discovery.domain.rank_pairs import clear_memo


@pytest.fixture
def cold_cache():
    """Empty the Django cache and this process's memo of engine results, before and after the test."""
    cache.clear()
    clear_memo()
    yield
    cache.clear()
    clear_memo()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The ``people`` fixture hashes four passwords per test; Argon2 makes that the slowest part here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    """A request to a /ko/ page leaves Korean active in this thread; later tests expect the default."""
    yield
    translation.deactivate()
