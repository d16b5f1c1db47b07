from __future__ import annotations

from django.test import Client

from innotwin.library.domain.add_document import add_document
from innotwin.library.models import Document


def test_search_page_in_english_highlights_the_matching_passage(library, client: Client) -> None:
    page = client.get("/en/library/", {"q": "감염 예방 관리와 재료화학 연구"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Liverpool City Region Science and Innovation Audit refresh (2022)" in html
    assert "<mark>" in html
    assert page.context["results"].hits[0].document == library["liverpool-sia-refresh-2022"]


def test_search_page_in_korean_names_documents_in_korean(library, client: Client) -> None:
    html = client.get("/ko/library/", {"q": "autonomous buses"}).content.decode()
    assert '<html lang="ko">' in html
    assert "세종 5-1 생활권: 시범 스마트시티의 공유·자율주행 모빌리티" in html


def test_search_page_without_a_query_lists_the_latest_documents(library, client: Client) -> None:
    page = client.get("/en/library/")
    assert len(page.context["results"].hits) == 8
    assert page.context["results"].hits[0].document == library["ulsan-hydrogen-city"]


def test_search_page_with_an_invalid_date_says_so(library, client: Client) -> None:
    page = client.get("/en/library/", {"q": "port", "date_from": "not-a-date"})
    assert page.status_code == 200
    assert "Check the filters" in page.content.decode()


def test_search_results_escape_document_text(atlas, client: Client) -> None:
    add_document(
        kind="policy_brief",
        title_en="<script>alert(1)</script> Harbour notes",
        summary_en="Harbour <b>shore power</b> notes.",
        status="published",
    )
    html = client.get("/en/library/", {"q": "harbour shore power"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Harbour notes" in html
    assert "&lt;b&gt;shore power&lt;/b&gt;" in html


def test_document_page_shows_text_case_and_more_like_this(library, client: Client) -> None:
    busan = library["busan-eco-delta-city"]
    passage = busan.passages.filter(source="text").first()
    html = client.get(f"/en/library/{busan.pk}/", {"passage": passage.pk}).content.decode()
    assert "<h1>Busan Eco Delta City: a water-based national pilot smart city</h1>" in html
    assert f'<p class="passage" id="passage-{passage.pk}"><mark>' in html
    assert "More like this" in html
    assert "Living labs let residents test new services" in html


def test_document_file_is_served_as_a_sandboxed_download(atlas, client: Client) -> None:
    document = add_document(
        data=b"<html><body><p>Port notes</p><script>steal()</script></body></html>",
        filename="notes.html",
        kind="policy_brief",
        status="published",
    )
    response = client.get(f"/en/library/{document.pk}/file/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="notes.html"'
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert b"".join(response.streaming_content).startswith(b"<html>")


def test_upload_stores_a_draft_and_reports_removed_scripts(atlas, people, client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["member"])
    upload = SimpleUploadedFile("port.html", b"<h1>Shore power</h1><p>Ships plug in.</p><script>x()</script>")
    response = client.post("/en/library/upload/", {"file": upload, "kind": "policy_brief"}, follow=True)
    document = Document.objects.get()
    assert (document.title_en, document.status, document.uploaded_by) == (
        "Shore power",
        "draft",
        people["member"],
    )
    html = response.content.decode()
    assert "1 script or embedded element(s) were removed" in html
    assert "was added to the library as a draft" in html


def test_upload_of_a_program_named_pdf_is_refused_with_the_reason(atlas, people, client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["member"])
    upload = SimpleUploadedFile("brief.pdf", b"MZ\x90\x00\x03 a windows program")
    response = client.post("/en/library/upload/", {"file": upload, "kind": "policy_brief"})
    assert response.status_code == 422
    assert response.context["form"].errors["file"] == [
        "The file brief.pdf is named as PDF but its content is a Windows program; upload the real file or "
        "give it its real extension."
    ]
    assert Document.objects.count() == 0


def test_upload_of_a_wrong_extension_is_refused_with_the_reason(atlas, people, client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["member"])
    response = client.post(
        "/en/library/upload/", {"file": SimpleUploadedFile("run.sh", b"rm -rf /"), "kind": "policy_brief"}
    )
    assert response.status_code == 422
    assert "The file run.sh has &#x27;.sh&#x27;" in response.content.decode()


def test_upload_of_an_oversized_file_is_refused_before_reading(atlas, people, client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(people["member"])
    big = SimpleUploadedFile("big.txt", b"a" * (20 * 1024 * 1024 + 1))
    response = client.post("/en/library/upload/", {"file": big, "kind": "policy_brief"})
    assert response.status_code == 422
    assert response.context["form"].errors["file"] == [
        "The file big.txt is too large: The file 'big.txt' is 20.0 MiB; the library accepts files of at most "
        "20.0 MiB."
    ]


def test_upload_of_a_zip_bomb_is_refused(atlas, people, client: Client, make_docx) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.library.conftest import rezip

    client.force_login(people["member"])
    bomb = rezip(make_docx(paragraphs=("x",)), add={"word/media/zeros.bin": b"\0" * (8 * 1024 * 1024)})
    response = client.post(
        "/en/library/upload/", {"file": SimpleUploadedFile("b.docx", bomb), "kind": "case_study"}
    )
    assert response.status_code == 422
    assert "zip bomb" in response.context["form"].errors["file"][0]


def test_edit_then_publish_makes_the_document_public(library, people, client: Client) -> None:
    draft = add_document(
        kind="case_study", title_en="Sejong drones", region="KR-50", uploaded_by=people["member"]
    )
    client.force_login(people["admin"])
    form = {
        "kind": "case_study",
        "title_en": "Sejong delivery drones",
        "region": "KR-50",
        "themes": ["smart_cities"],
    }
    assert client.post(f"/en/library/{draft.pk}/edit/", form).status_code == 302
    assert client.post(f"/en/library/{draft.pk}/publish/").status_code == 302
    draft.refresh_from_db()
    assert (draft.title_en, draft.status, draft.theme_ids) == (
        "Sejong delivery drones",
        "published",
        ["smart_cities"],
    )
    client.logout()
    assert client.get(f"/en/library/{draft.pk}/").status_code == 200


def test_pair_page_shows_cases_from_other_cities(library, client: Client) -> None:
    html = client.get("/en/pairs/belfast-sejong/").content.decode()
    assert "Cases from other cities" in html
    assert "Busan Eco Delta City: a water-based national pilot smart city" in html
    assert "Sejong 5-1 living zone" not in html.split("Cases from other cities")[1]


def test_navigation_links_to_the_library(atlas, client: Client) -> None:
    assert 'href="/en/library/"' in client.get("/en/").content.decode()
