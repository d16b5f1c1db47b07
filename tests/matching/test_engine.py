"""Stored vectors (model, version, text hash), the saved index and its incremental updates, rankings."""

from __future__ import annotations

import numpy as np
import pytest

from innotwin.core.text import get_embedder
from innotwin.matching.domain import engine
from innotwin.matching.domain.matches import rank_for
from innotwin.matching.domain.profiles import text_hash
from innotwin.matching.models import TextVector


class CountingEmbedder:
    """The USE backend under another version string, counting the texts it embeds."""

    def __init__(self, version: str = "1") -> None:
        self.base = get_embedder("use-multilingual")
        self.name = "use-multilingual"
        self.version = version
        self.dim = self.base.dim
        self.texts: list[str] = []

    def embed(self, texts):
        self.texts.extend(texts)
        return self.base.embed(texts)


def test_vectors_are_stored_with_model_version_and_hash_and_not_made_twice(world) -> None:
    counting = CountingEmbedder()
    profiles = engine.current_profiles()
    first = engine.refresh_vectors(profiles, embedder=counting)
    assert first.embedded == 2 * len(profiles) == 18
    row = TextVector.objects.get(organisation=world.orgs["busan-haeun-soft"], role="offer")
    assert (row.embedder, row.embedder_version, row.dim) == ("use-multilingual", "1", 512)
    assert row.text_hash == text_hash(profiles[row.organisation_id].offer_text)
    assert np.frombuffer(bytes(row.vector), dtype="<f4").shape == (512,)
    embedded = len(counting.texts)
    again = engine.refresh_vectors(engine.current_profiles(), embedder=counting)
    assert (again.embedded, again.unchanged) == (0, 18)
    assert len(counting.texts) == embedded


def test_a_changed_text_is_embedded_again_and_only_it(world) -> None:
    counting = CountingEmbedder()
    engine.refresh_vectors(engine.current_profiles(), embedder=counting)
    counting.texts.clear()
    org = world.orgs["korea-marine-steel"]
    org.description_ko = "해상풍력 하부구조물용 강재를 생산합니다."
    org.save()
    result = engine.refresh_vectors(engine.current_profiles(), embedder=counting)
    assert result.embedded == 2  # its offers and, having no request, its needs (the same text)
    assert counting.texts == [
        "해상풍력 하부구조물용 강재를 생산합니다.\n내식성 강재; 해상풍력 하부구조물; 강구조물"
    ]


def test_a_model_change_is_detected_and_everything_re_embedded(world) -> None:
    engine.refresh_vectors(engine.current_profiles(), embedder=CountingEmbedder("1"))
    newer = CountingEmbedder("2")
    result = engine.refresh_vectors(engine.current_profiles(), embedder=newer)
    assert result.model_changed == result.embedded == 18
    assert set(TextVector.objects.values_list("embedder_version", flat=True)) == {"2"}


def test_the_index_is_saved_loaded_and_updated_incrementally(world, settings) -> None:
    counting = CountingEmbedder()
    engine.refresh_vectors(engine.current_profiles(), embedder=counting)
    index = engine.matching_index(embedder=counting)
    folder = engine.index_folder("use-multilingual")
    assert (folder / "state.json").is_file()
    assert (folder / "offer" / "graph.bin").is_file()
    assert len(index.offers) == 9
    engine.forget_indexes()
    loaded = engine._load_saved(counting)
    assert loaded is not None
    assert loaded.hashes == index.hashes
    assert engine.sync_index(loaded, counting) == (0, 0)  # nothing to redo after a restart
    world.orgs["busan-festival-planning"].delete()
    org = world.orgs["busan-bio-medi"]
    org.keywords_ko = "세포치료제; 유전자치료제"
    org.save()
    engine.refresh_vectors(engine.current_profiles(), embedder=counting)
    assert engine.sync_index(loaded, counting) == (2, 2)  # bio-medi's two sides replaced; festival's removed
    assert world.orgs["busan-festival-planning"].pk not in loaded.offers


def test_an_index_of_another_model_version_is_not_loaded(world) -> None:
    engine.refresh_vectors(engine.current_profiles(), embedder=CountingEmbedder("1"))
    engine.matching_index(embedder=CountingEmbedder("1"))
    assert engine._load_saved(CountingEmbedder("2")) is None


def test_liverpool_port_software_finds_busan_port_software_across_languages(world) -> None:
    ranking = rank_for(world.orgs["mersey-port-logistics"], top=3)
    assert ranking.matchable
    assert ranking.results[0].organisation.slug == "busan-haeun-soft"
    why = ranking.results[0].explanation
    assert why is not None
    assert why.query_needs is not None
    assert why.query_needs.need.language == "en"
    assert why.query_needs.offer.language == "ko"
    # only Busan (the twin region) is ranked
    assert {result.organisation.region_id for result in ranking.results} == {"KR-26"}


@pytest.mark.parametrize(
    ("organisation", "expected"),
    [
        ("wirral-offshore-wind-services", "korea-marine-steel"),
        ("liverpool-materials-innovation-lab", "busan-battery-materials-institute"),
        ("merseyside-cell-therapies", "busan-bio-medi"),
    ],
)
def test_demo_organisations_find_their_counterparts(world, organisation: str, expected: str) -> None:
    ranking = rank_for(world.orgs[organisation], top=1, explain_matches=False)
    assert ranking.results[0].organisation.slug == expected


def test_an_organisation_with_nothing_to_match_on_is_reported(world) -> None:
    from innotwin.organisations.models import Organisation

    bare = Organisation.objects.create(slug="bare", name_en="Bare Ltd", type="sme", region_id="E08000012")
    ranking = rank_for(bare)
    assert not ranking.matchable
    assert ranking.results == []


def test_industry_relatedness_comes_from_the_atlas(world) -> None:
    from innotwin.matching.domain.relatedness import atlas_proximity

    table = atlas_proximity()
    assert table, "the bundled atlas has regional employment by industry for both countries"
    assert all(0.0 < value <= 1.0 for value in table.values())
    assert table[("62", "63")] == table[("63", "62")]
    ranking = rank_for(world.orgs["wirral-offshore-wind-services"], top=9, explain_matches=False)
    kinds = {link.kind for result in ranking.results for link in result.match.industry_links}
    assert "proximity" in kinds


def test_a_large_side_is_ranked_from_its_strongest_cross_border_texts(world) -> None:
    from innotwin.matching.domain.matches import matcher, pair_matches

    liverpool = [org.pk for org in world.orgs.values() if org.region.country_id == "GB"]
    busan = [org.pk for org in world.orgs.values() if org.region.country_id == "KR"]
    for org in world.orgs.values():  # every organisation active: the screening alone decides the order
        org.members.add(world.liverpool_member)
    engine_, _indexed, _pending = matcher()
    # the best reciprocal cosine of each Liverpool organisation with any Busan one, by brute force
    offers_b, needs_b = engine_.offer_index.vectors_of(busan), engine_.need_index.vectors_of(busan)
    best = {}
    for key in liverpool:
        ab = np.clip(offers_b @ engine_.need_index.vectors_of([key])[0], 0, 1)
        ba = np.clip(needs_b @ engine_.offer_index.vectors_of([key])[0], 0, 1)
        best[key] = float(np.max(np.where(ab * ba > 0, 2 * ab * ba / np.maximum(ab + ba, 1e-12), 0)))
    strongest = max(best, key=best.get)
    ranked_from = {item.a.pk for item in pair_matches(world.pair, top=10, limit=1)}
    assert ranked_from == {strongest}
