from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from innotwin.core.errors import DataError, InvalidStateError
from innotwin.core.library import RefusedFileError
from innotwin.library.demo import load_library_demo
from innotwin.library.domain.add_document import add_document
from innotwin.library.domain.cases_for_theme import cases_for_pair, cases_for_theme, pair_themes
from innotwin.library.domain.library_index import library_index
from innotwin.library.domain.more_like_this import more_like_this
from innotwin.library.domain.search_library import search_library
from innotwin.library.domain.update_document import update_document
from innotwin.library.models import Document, Passage
from innotwin.library.scanning import ScanVerdict, register_scanner
from innotwin.pairs.models import TwinPair

ANONYMOUS = AnonymousUser()


def _files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_add_document_stores_text_passages_vectors_and_file(atlas, korean_pdf: bytes, settings) -> None:
    document = add_document(
        data=korean_pdf,
        filename="부산항 전략.pdf",
        kind="strategy",
        region="KR-26",
        themes=["maritime_ports"],
    )
    assert (document.title_ko, document.title_en, document.language) == ("부산항 탈탄소 전략", "", "ko")
    assert (document.file_format, document.pages, document.status) == ("pdf", 1, "draft")
    assert "육상전원공급설비" in document.text
    passages = list(document.passages.all())
    assert {p.source for p in passages} == {"about_ko", "text"}
    assert {(p.embedder, len(p.vector)) for p in passages} == {("use-multilingual", 512 * 4)}
    assert document.file.read() == korean_pdf
    assert _files(Path(settings.MEDIA_ROOT)) == [Path(document.file.path)]
    assert document.theme_ids == ["maritime_ports"]


def test_add_document_refused_file_stores_nothing(atlas, settings) -> None:
    with pytest.raises(RefusedFileError) as caught:
        add_document(data=b"MZ\x90\x00binary", filename="policy.md", kind="policy_brief")
    assert caught.value.reason == "mismatch"
    assert (Document.objects.count(), Passage.objects.count()) == (0, 0)
    assert _files(Path(settings.MEDIA_ROOT)) == []


def test_add_document_same_file_twice_is_refused(atlas) -> None:
    data = b"# Shore power\n\nLiverpool tested shore power for cruise ships."
    add_document(data=data, filename="a.md", kind="policy_brief")
    with pytest.raises(InvalidStateError, match="already in the library as “Shore power”"):
        add_document(data=data, filename="b.md", kind="policy_brief")


def test_add_document_refused_by_the_virus_scanner_stores_nothing(atlas, settings) -> None:
    register_scanner(
        lambda data, *, filename: ScanVerdict(clean=b"EICAR" not in data, detail="Eicar-Test-Signature")
    )
    with pytest.raises(RefusedFileError) as caught:
        add_document(data=b"# Test\n\nEICAR test text", filename="eicar.md", kind="policy_brief")
    assert (caught.value.reason, caught.value.params["detail"]) == ("malware", "Eicar-Test-Signature")
    assert Document.objects.count() == 0
    assert _files(Path(settings.MEDIA_ROOT)) == []


def test_add_document_with_a_failing_scanner_is_refused(atlas) -> None:
    def broken(data: bytes, *, filename: str) -> ScanVerdict:
        raise OSError("clamd is not running")

    register_scanner(broken)
    with pytest.raises(RefusedFileError) as caught:
        add_document(data=b"# Fine\n\nA fine text.", filename="fine.md", kind="policy_brief")
    assert caught.value.params["detail"] == "the virus scanner failed"


def test_add_document_without_a_file_needs_a_title(atlas) -> None:
    with pytest.raises(DataError, match="needs a file, or at least a title"):
        add_document(kind="case_study")


def test_add_document_lists_every_metadata_problem(atlas) -> None:
    with pytest.raises(DataError) as caught:
        add_document(
            kind="novel",
            title_en="x",
            themes=["space_opera"],
            region="XX-1",
            pairs=["nowhere"],
            source_url="ftp://x",
            pillar="fun",
        )
    assert [problem.field for problem in caught.value.problems] == [
        "kind",
        "themes",
        "pillar",
        "region",
        "pairs",
        "source_url",
    ]


def test_update_document_reindexes_when_the_summary_changes(atlas) -> None:
    document = add_document(kind="case_study", title_en="Port pilot", summary_en="Shore power for ships.")
    before = set(document.passages.values_list("text", flat=True))
    update_document(
        document=document, changes={"summary_ko": "선박 육상전원 공급.", "themes": ["maritime_ports"]}
    )
    after = set(document.passages.values_list("text", flat=True))
    assert after - before == {"선박 육상전원 공급."}
    assert document.theme_ids == ["maritime_ports"]


def test_update_document_refuses_unknown_fields(atlas) -> None:
    document = add_document(kind="case_study", title_en="Port pilot")
    with pytest.raises(DataError, match="cannot be changed: sha256"):
        update_document(document=document, changes={"sha256": "x"})


def test_search_korean_query_finds_the_english_audit(library) -> None:
    result = search_library(user=ANONYMOUS, query="감염 예방 관리와 재료화학 연구")
    assert result.hits[0].document == library["liverpool-sia-refresh-2022"]
    assert result.hits[0].snippet is not None


def test_search_english_query_finds_a_korean_only_document(atlas) -> None:
    korean = add_document(
        data="# 울산 수소 도시\n\n울산시는 그린수소 타운을 만들고 수소 연료전지 버스를 늘린다.".encode(),
        filename="ulsan.md",
        kind="strategy",
        status="published",
    )
    add_document(
        data=b"# Buses\n\nGlasgow bought new diesel buses for its airport route.",
        filename="g.md",
        kind="strategy",
        status="published",
    )
    add_document(
        data=b"# Jobs\n\nBelfast counts jobs created by its city deal.",
        filename="b.md",
        kind="strategy",
        status="published",
    )
    hits = search_library(user=ANONYMOUS, query="green hydrogen town").hits
    assert hits[0].document == korean
    assert hits[0].passage is not None
    assert hits[0].passage.language == "ko"


def test_search_filters_by_theme_city_type_language_and_date(library) -> None:
    def titles(**filters: object) -> set[str]:
        return {
            hit.document.original_filename
            for hit in search_library(user=ANONYMOUS, query="", top=50, **filters).hits
        }

    assert titles(themes=["hydrogen"]) == {"ulsan-hydrogen-city.md"}
    assert titles(region="KR-26") == {"busan-eco-delta-city.md"}
    assert titles(kind="evaluation") == {"liverpool-sia-refresh-2022.md"}
    assert titles(language="en") == {
        "liverpool-sia-refresh-2022.md",
        "west-midlands-plan-for-growth.md",
        "glasgow-innovation-districts.md",
        "belfast-region-city-deal.md",
    }
    assert titles(date_from=dt.date(2022, 7, 1), date_to=dt.date(2022, 12, 31)) == {
        "liverpool-sia-refresh-2022.md",
        "west-midlands-plan-for-growth.md",
    }


def test_search_city_filter_includes_regions_inside_it(library) -> None:
    from innotwin.regions.models import Region

    inside = Region.objects.filter(parent_id="E47000004").first()
    assert inside is not None
    document = add_document(
        kind="case_study", title_en="Wirral tidal study", region=inside.code, status="published"
    )
    hits = search_library(user=ANONYMOUS, region="E47000004", top=50).hits
    assert document in [hit.document for hit in hits]


def test_search_hides_drafts_from_the_public_but_not_from_the_uploader(atlas, people) -> None:
    draft = add_document(
        kind="case_study", title_en="Confidential draft on tidal power", uploaded_by=people["member"]
    )
    assert search_library(user=ANONYMOUS, query="tidal power").hits == []
    assert [hit.document for hit in search_library(user=people["member"], query="tidal power").hits] == [
        draft
    ]


def test_more_like_this_finds_the_other_smart_city_and_never_itself(library) -> None:
    similar = [
        hit.document for hit in more_like_this(user=ANONYMOUS, document=library["sejong-5-1-living-zone"])
    ]
    assert library["sejong-5-1-living-zone"] not in similar
    assert library["busan-eco-delta-city"] in similar[:2]


def test_cases_for_theme_leave_out_the_pairs_own_cities(library) -> None:
    pair = TwinPair.objects.get(slug="belfast-sejong")
    cases = [
        hit.document for hit in cases_for_theme(user=ANONYMOUS, theme_id="smart_cities", pair=pair, top=5)
    ]
    assert cases[0] == library["busan-eco-delta-city"]
    assert not {library["sejong-5-1-living-zone"], library["belfast-region-city-deal"]} & set(cases)


def test_pair_themes_come_from_the_documents_that_inform_the_pair(library) -> None:
    pair = TwinPair.objects.get(slug="belfast-sejong")
    assert pair_themes(pair=pair)[:2] == ["digital_cyber", "smart_cities"]
    assert [item.theme for item in cases_for_pair(user=ANONYMOUS, pair=pair)][:1] == ["digital_cyber"]


def test_library_index_reembeds_passages_of_another_embedder_version(library) -> None:
    Passage.objects.filter(document=library["busan-eco-delta-city"]).update(embedder_version="0.0-old")
    index = library_index()
    assert set(Passage.objects.values_list("embedder_version", flat=True)) == {index.backend.version}
    assert library_index() is index  # nothing changed since: the same index is reused


def test_load_library_demo_again_changes_nothing(library) -> None:
    before = sorted(Passage.objects.values_list("pk", flat=True))
    assert load_library_demo() == 8
    assert Document.objects.count() == 8
    assert sorted(Passage.objects.values_list("pk", flat=True)) == before


def test_demo_documents_are_published_and_linked_to_their_pairs(library) -> None:
    busan = library["busan-eco-delta-city"]
    assert (busan.status, busan.region_id, busan.language) == ("published", "KR-26", "ko")
    assert [pair.slug for pair in busan.pairs.all()] == ["liverpool-city-region-busan"]
    assert busan.case_study.results_en.startswith("Designated a national pilot smart city")


def test_add_document_reads_a_real_docx(atlas, make_docx: Callable[..., bytes]) -> None:
    data = make_docx(title="Daegu UAM pilot", paragraphs=("Daegu is an urban air mobility pilot city.",))
    document = add_document(data=data, filename="daegu.docx", kind="policy_brief")
    assert (document.title_en, document.file_format, document.language) == ("Daegu UAM pilot", "docx", "en")
