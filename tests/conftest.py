"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public data in ../shared/data (or ``INNOTWIN_SHARED_DATA``), read-only.

    Missing data is a failure, never a skip: a suite that silently skips its real-data tests proves nothing.
    """
    path = Path(os.environ.get("INNOTWIN_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))
    if not path.is_dir():
        pytest.fail(f"The shared data folder {path} does not exist; set INNOTWIN_SHARED_DATA to its path.")
    return path


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the bundled atlas, stored once per session (tests roll back)."""
    from innotwin.atlas.domain.store_atlas import store_bundle
    from innotwin.core.atlas.bundle_read import bundled_atlas_dir, read_bundle

    with django_db_blocker.unblock():
        return store_bundle(bundle=read_bundle(bundled_atlas_dir()))


@pytest.fixture
def atlas(db, django_db_setup):
    """The bundled default atlas, as stored in the test database."""
    return django_db_setup


@pytest.fixture
def demo_programme(db):
    """The bundled demo programme, loaded through the domain functions."""
    from innotwin.demo.load_demo import load_demo

    return load_demo()


@pytest.fixture
def people(db):
    """One person for each role, plus a coordinator of no pair."""
    from innotwin.accounts.domain.create_user import create_user
    from innotwin.accounts.enums import Role

    def make(email: str, role: Role) -> object:
        user, _ = create_user(email=email, role=role, password="correct horse battery staple")
        return user

    return {
        "admin": make("admin@example.org", Role.PROGRAMME_ADMIN),
        "coordinator": make("coordinator@example.org", Role.PAIR_COORDINATOR),
        "other_coordinator": make("other@example.org", Role.PAIR_COORDINATOR),
        "member": make("member@example.org", Role.ORGANISATION_MEMBER),
    }
