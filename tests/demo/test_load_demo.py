from __future__ import annotations

from innotwin.accounts.models import User
from innotwin.demo.load_demo import DEMO_ADMIN_EMAIL, load_demo
from innotwin.pairs.models import Agreement, TwinPair


def test_load_demo_creates_the_programme_four_pairs(db) -> None:  # type: ignore[no-untyped-def]
    result = load_demo()
    assert (result.pairs, result.regions, result.agreements) == (4, 12, 7)
    assert sorted(str(pair.region_a.name_en) for pair in TwinPair.objects.all()) == [
        "Belfast",
        "Glasgow City",
        "Liverpool City Region",
        "West Midlands (Birmingham)",
    ]
    assert result.admin_password is not None
    admin = User.objects.get(email=DEMO_ADMIN_EMAIL)
    assert admin.check_password(result.admin_password)
    assert admin.must_change_password is True
    assert admin.is_programme_admin is True


def test_load_demo_twice_changes_nothing(db) -> None:  # type: ignore[no-untyped-def]
    load_demo()
    counts = (TwinPair.objects.count(), Agreement.objects.count(), User.objects.count())
    again = load_demo()
    assert again.admin_password is None
    assert (TwinPair.objects.count(), Agreement.objects.count(), User.objects.count()) == counts


def test_demo_agreements_all_carry_a_source(db) -> None:  # type: ignore[no-untyped-def]
    load_demo()
    assert list(Agreement.objects.filter(source_url="")) == []
