from __future__ import annotations

from innotwin.accounts.models import User
from innotwin.atlas.models import Observation
from innotwin.demo.load_demo import DEMO_ADMIN_EMAIL, load_demo
from innotwin.pairs.models import Agreement, TwinPair
from innotwin.regions.models import Region


def test_load_demo_creates_the_programme_four_pairs(db) -> None:
    result = load_demo()
    assert (result.pairs, result.agreements) == (4, 7)
    assert result.regions == Region.objects.count()
    assert result.observations == Observation.objects.count()
    assert sorted(str(pair.region_a.name_en) for pair in TwinPair.objects.all()) == [
        "Belfast",
        "Glasgow City",
        "Liverpool City Region",
        "West Midlands",
    ]
    assert result.admin_password is not None
    admin = User.objects.get(email=DEMO_ADMIN_EMAIL)
    assert admin.check_password(result.admin_password)
    assert admin.must_change_password is True
    assert admin.is_programme_admin is True


def test_load_demo_twice_changes_nothing(db) -> None:
    load_demo()

    def counts() -> tuple[int, ...]:
        return tuple(model.objects.count() for model in (TwinPair, Agreement, User, Region, Observation))

    before = counts()
    again = load_demo()
    assert again.admin_password is None
    assert counts() == before


def test_demo_agreements_all_carry_a_source(db) -> None:
    load_demo()
    assert list(Agreement.objects.filter(source_url="")) == []


def test_load_demo_again_keeps_values_imported_since(db) -> None:
    first = load_demo()
    population = Observation.objects.filter(indicator_id="population").first()
    assert population is not None
    Observation.objects.filter(pk=population.pk).update(value=123.0)  # as a later import would
    again = load_demo()
    assert (first.atlas_loaded, again.atlas_loaded) == (True, False)
    population.refresh_from_db()
    assert population.value == 123.0
