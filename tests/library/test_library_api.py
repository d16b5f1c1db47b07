from __future__ import annotations

from django.test import Client

from innotwin.accounts.domain.create_api_token import create_api_token
from innotwin.library.domain.add_document import add_document


def test_api_search_returns_hits_with_passage_and_snippet(library, client: Client) -> None:
    body = client.get("/api/v1/library/search", {"q": "수소 도시 비전", "top": 3}).json()
    assert body["query"] == "수소 도시 비전"
    first = body["hits"][0]
    assert first["document"]["id"] == library["ulsan-hydrogen-city"].pk
    assert set(first["passage"]) == {"id", "source", "start", "end", "language", "text"}
    assert first["snippet"]["match"] == first["passage"]["text"]


def test_api_lists_and_reads_documents_with_text(library, client: Client) -> None:
    listing = client.get("/api/v1/library/documents", {"theme": "hydrogen"}).json()
    assert [item["id"] for item in listing["items"]] == [library["ulsan-hydrogen-city"].pk]
    detail = client.get(f"/api/v1/library/documents/{library['busan-eco-delta-city'].pk}").json()
    assert detail["themes"] == ["smart_cities", "net_zero_clean_energy", "digital_cyber"]
    assert detail["case_study"]["contacts"] == "Busan Metropolitan City (smart city office)"
    assert "수열 에너지" in detail["text"]


def test_api_similar_and_theme_cases(library, client: Client) -> None:
    similar = client.get(f"/api/v1/library/documents/{library['sejong-5-1-living-zone'].pk}/similar").json()
    assert library["sejong-5-1-living-zone"].pk not in [hit["document"]["id"] for hit in similar]
    cases = client.get("/api/v1/library/themes/smart_cities/cases", {"pair": "belfast-sejong"}).json()
    assert cases[0]["document"]["id"] == library["busan-eco-delta-city"].pk


def test_api_unknown_theme_is_a_404_in_the_one_error_shape(library, client: Client) -> None:
    response = client.get("/api/v1/library/themes/space_opera/cases")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "There is no theme space_opera.", "details": []}
    }


def test_api_upload_with_a_token_and_a_refused_file(atlas, people, client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    _token, raw = create_api_token(user=people["member"], name="test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    created = client.post(
        "/api/v1/library/documents",
        {
            "file": SimpleUploadedFile("tidal.md", b"# Tidal power\n\nSihwa tidal power plant."),
            "kind": "case_study",
            "themes": "net_zero_clean_energy",
        },
        **auth,
    )
    assert created.status_code == 201
    assert (created.json()["title_en"], created.json()["status"]) == ("Tidal power", "draft")
    refused = client.post(
        "/api/v1/library/documents",
        {"file": SimpleUploadedFile("x.exe", b"MZ"), "kind": "case_study"},
        **auth,
    )
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "refused_file"
    assert refused.json()["error"]["details"][0]["file"] == "x.exe"


def test_api_patch_and_publish_by_an_administrator(atlas, people, client: Client) -> None:
    document = add_document(kind="case_study", title_en="Draft", uploaded_by=people["member"])
    client.force_login(people["admin"])
    patched = client.patch(
        f"/api/v1/library/documents/{document.pk}",
        {"title_ko": "초안", "themes": ["mobility"]},
        content_type="application/json",
    )
    assert (patched.status_code, patched.json()["title_ko"], patched.json()["themes"]) == (
        200,
        "초안",
        ["mobility"],
    )
    assert client.post(f"/api/v1/library/documents/{document.pk}/publish").json()["status"] == "published"
    assert client.post(f"/api/v1/library/documents/{document.pk}/withdraw").json()["status"] == "draft"
