from __future__ import annotations

import pytest

from innotwin.core.errors import InvalidStateError, NotFoundError
from innotwin.pairs.domain.create_twin_pair import create_twin_pair
from innotwin.pairs.models import TwinPair
from innotwin.regions.domain.save_region import save_country, save_region


@pytest.fixture
def regions(db):
    save_country(code="GB", name_en="United Kingdom", name_ko="영국")
    save_country(code="KR", name_en="Republic of Korea", name_ko="대한민국")
    save_region(code="A1", country="GB", level="uk-lad", name_en="Alpha", name_ko="알파")
    save_region(code="A2", country="GB", level="uk-lad", name_en="Beta", name_ko="베타")
    save_region(code="K1", country="KR", level="kr-sido", name_en="Gamma", name_ko="감마")


def test_create_twin_pair_same_country_is_refused(regions) -> None:
    with pytest.raises(InvalidStateError, match="Alpha and Beta are both in United Kingdom"):
        create_twin_pair(region_a="A1", region_b="A2")
    assert TwinPair.objects.count() == 0


def test_create_twin_pair_unknown_region_is_named(regions) -> None:
    with pytest.raises(NotFoundError, match="no region with the code ZZ9"):
        create_twin_pair(region_a="A1", region_b="ZZ9")


def test_create_twin_pair_twice_updates_the_same_pair(regions) -> None:
    first = create_twin_pair(region_a="A1", region_b="K1")
    second = create_twin_pair(region_a="A1", region_b="K1", summary_en="Updated")
    assert first.pk == second.pk
    assert TwinPair.objects.get().summary_en == "Updated"
    assert first.slug == "alpha-gamma"
    assert [p.code for p in second.pillars.all()] == ["civic", "academic", "business"]


def test_save_region_unknown_country_is_named(db) -> None:
    with pytest.raises(NotFoundError, match="names the country 'XX'"):
        save_region(code="X1", country="XX", level="uk-lad", name_en="X", name_ko="X")


def test_save_region_unknown_parent_is_named(regions) -> None:
    with pytest.raises(NotFoundError, match="names the parent region 'NOPE'"):
        save_region(code="X1", country="GB", level="uk-lad", name_en="X", name_ko="X", parent="NOPE")
