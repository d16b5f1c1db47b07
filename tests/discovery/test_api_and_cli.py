"""The ranking and explanation endpoints and the ``innotwin pairs`` commands, on the real atlas."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from django.test import Client

from innotwin.cli.errors import report_errors
from innotwin.cli.main import cli


def _cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["pairs", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_and_api_give_the_same_top_pairs(atlas, client: Client) -> None:
    code, out, _err = _cli("rank", "--from", "GB", "--to", "KR", "--top", "10", "--format", "json")
    api = client.get("/api/v1/discovery/rankings?from=GB&to=KR&top=10").json()
    assert code == 0
    rows = json.loads(out)
    assert [(r["a"], r["b"], r["rank"]) for r in rows] == [(p["a"], p["b"], p["rank"]) for p in api["pairs"]]
    assert [r["total"] for r in rows] == [round(p["total"], 4) for p in api["pairs"]]


def test_cli_and_api_agree_under_another_profile(atlas, client: Client) -> None:
    _code, out, _err = _cli("rank", "--profile", "complementarity-first", "--top", "5", "--format", "json")
    api = client.get("/api/v1/discovery/rankings?profile=complementarity-first&top=5").json()
    assert [(r["a"], r["b"]) for r in json.loads(out)] == [(p["a"], p["b"]) for p in api["pairs"]]


def test_api_ranking_carries_profile_robustness_and_sources(atlas, client: Client) -> None:
    body = client.get("/api/v1/discovery/rankings?top=1").json()
    assert (body["pairs_ranked"], body["k"], body["n_draws"], body["random_state"]) == (680, 10, 200, 0)
    assert body["a"]["excluded"][0]["code"] == "TLN0"
    assert (body["a"]["employment_indicator"], body["a"]["employment_year"]) == ("employment_bres", 2021)
    population = next(item for item in body["b"]["inputs"] if item["indicator"] == "population")
    assert population == {
        "indicator": "population",
        "atlas_indicators": ["population"],
        "years": [2024],
        "sources": ["kosis-registered-population"],
        "regions": 17,
    }
    pair = body["pairs"][0]
    assert (pair["a"], pair["b"], pair["left_out"], pair["dimensions_with_data"]) == (
        "TLG1",
        "KR-43",
        ["policy"],
        6,
    )
    assert pair["scores"]["policy"] is None


def test_api_ranking_minimum_score(atlas, client: Client) -> None:
    body = client.get("/api/v1/discovery/rankings?min_score=0.66").json()
    assert body["pairs"]
    assert min(p["total"] for p in body["pairs"]) >= 0.66


def test_api_explanation_has_sentences_in_both_languages(atlas, client: Client) -> None:
    body = client.get("/api/v1/discovery/pairs/TLD7/KR-26").json()
    assert body["sentences"]["en"][1].startswith("They share 9 specialisations")
    assert body["sentences"]["ko"][1].startswith("두 지역이 함께 특화된 산업")
    assert body["shared"][0]["industry"] == "50"
    assert body["inputs"]["b"]["output_per_head_ppp"]["atlas_indicator"] == "oecd_gdp_per_head_usd_ppp"


@pytest.mark.parametrize(
    ("path", "status", "code", "message"),
    [
        (
            "/api/v1/discovery/rankings?profile=nope",
            422,
            "data_error",
            "There is no weight profile called 'nope'; choose one of balanced, complementarity-first, peers.",
        ),
        (
            "/api/v1/discovery/rankings?from=XX",
            404,
            "not_found",
            "There is no country with the code XX; the atlas has GB, KR.",
        ),
        (
            "/api/v1/discovery/pairs/NOWHERE/KR-26",
            404,
            "not_found",
            "There is no region with the code NOWHERE.",
        ),
        ("/api/v1/discovery/rankings?top=0", 422, "invalid_request", "The request is not valid."),
    ],
)
def test_api_errors_have_the_one_shape(atlas, client: Client, path, status, code, message) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert (response.json()["error"]["code"], response.json()["error"]["message"]) == (code, message)


def test_api_propose_returns_the_new_pair(atlas, people, client: Client) -> None:
    client.force_login(people["admin"])
    response = client.post(
        "/api/v1/discovery/pairs/TLD7/KR-26/propose", {"profile": "peers"}, content_type="application/json"
    )
    body = response.json()
    assert (response.status_code, body["slug"], body["status"], body["url"]) == (
        201,
        "merseyside-busan",
        "proposed",
        "/en/discover/evidence/merseyside-busan/",
    )
    evidence = client.get("/api/v1/discovery/evidence/merseyside-busan").json()
    assert [item["profile"] for item in evidence] == ["peers"]
    assert evidence[0]["snapshot"]["pair"]["a"]["code"] == "TLD7"
    again = client.post(
        "/api/v1/discovery/pairs/TLD7/KR-26/propose", {"profile": "peers"}, content_type="application/json"
    )
    assert (again.status_code, again.json()["error"]["code"]) == (400, "invalid_state")


def test_cli_rank_table_lists_sources_and_years(atlas) -> None:
    code, out, _err = _cli("rank", "--top", "3")
    assert code == 0
    assert "680 pairs, profile balanced, k = 10" in out
    assert "GB uk-itl2: employment employment_bres 2021 [nomis-bres]" in out
    assert "TLN0 not scored: BRES by industry is in the shared data for Great Britain" in out


def test_cli_rank_explain_adds_sentences_in_korean(atlas) -> None:
    code, out, err = _cli("rank", "--top", "1", "--explain", "--language", "ko", "--format", "json")
    assert code == 0
    row = json.loads(out)[0]
    assert row["why"].startswith("Herefordshire, Worcestershire and Warwickshire–충청북도 쌍의 종합 점수는")
    assert "KR kr-sido: employment workers_establishment_census 2023" in err


def test_cli_rank_csv_has_every_dimension(atlas) -> None:
    code, out, _err = _cli("rank", "--top", "2", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == (
        "rank,a,name_a,b,name_b,total,dimensions_with_data,in_top_k,strongest,left_out,scale,structure,"
        "shared_specialisation,complementarity,research,policy,governance"
    )
    assert len(out.splitlines()) == 3


def test_cli_rank_reads_a_profile_file(atlas, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    weights = (
        "{scale: 0, structure: 0, shared_specialisation: 1, complementarity: 0, research: 0, policy: 0, "
        "governance: 0}"
    )
    path.write_text(f"mine:\n  weights: {weights}\n", encoding="utf-8")
    code, out, _err = _cli("rank", "--profile", str(path), "--top", "1", "--format", "json")
    assert code == 0
    assert (json.loads(out)[0]["a"], json.loads(out)[0]["b"]) == (
        "TLL1",
        "KR-44",
    )  # steel: Port Talbot, Dangjin


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def _as_user(args: tuple[str, ...]) -> None:
    """``innotwin`` as the installed entry point runs it: innotwin errors become one sentence, status 2."""
    with report_errors():
        cli.main(["pairs", *args], standalone_mode=False)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rank", "--profile", "nope"), "Error: There is no weight profile called 'nope'"),
        (("rank", "--from", "XX"), "Error: There is no country with the code XX; the atlas has GB, KR."),
        (
            ("rank", "--level", "kr-sigungu"),
            "Error: The atlas has no employment by industry for regions of level",
        ),
        (("explain", "TLN0", "KR-50"), "Error: Northern Ireland cannot be paired"),
        (("explain", "NOWHERE", "KR-50"), "Error: There is no region with the code NOWHERE."),
        (("report", "--out", "shortlist.docx"), "Error: The report is written as PDF or HTML"),
    ],
)
def test_cli_bad_input_is_one_sentence_and_status_2(atlas, args, message) -> None:
    result = CliRunner().invoke(_as_user, list(args))
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.output


def test_cli_malformed_profile_file_names_the_file_and_key(atlas, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"bad": {"weights": {"scale": -1}}}', encoding="utf-8")
    result = CliRunner().invoke(_as_user, ["rank", "--profile", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {path}: bad.weights.scale: The 'weights' parameter of WeightProfile must be non-negative. "
        "Got -1 instead.\n"
    )


def test_cli_explain_json_is_the_api_explanation(atlas, client: Client) -> None:
    code, out, _err = _cli("explain", "TLD7", "KR-26", "--format", "json")
    api = client.get("/api/v1/discovery/pairs/TLD7/KR-26").json()
    cli_body = json.loads(out)
    assert code == 0
    assert {k: v for k, v in cli_body.items() if k != "computed_at"} == {
        k: v for k, v in api.items() if k != "computed_at"
    }


def test_cli_explain_table_shows_industries_themes_and_sources(atlas) -> None:
    code, out, _err = _cli("explain", "TLD7", "KR-26")
    assert code == 0
    assert "Merseyside ↔ Busan" in out
    assert "Maritime and ports" in out
    assert "[nomis-bres] ONS/NOMIS, BRES open access (OGL-3.0)" in out


def test_cli_bench_prints_time_and_peak_memory() -> None:
    code, out, _err = _cli(
        "bench",
        "--regions-a",
        "30",
        "--regions-b",
        "20",
        "--industries",
        "12",
        "--seed",
        "3",
        "--explain",
        "5",
        "--format",
        "json",
    )
    report = json.loads(out)
    assert code == 0
    assert (report["pairs"], report["industries"], report["seed"], report["explained_pairs"]) == (
        600,
        12,
        3,
        5,
    )
    assert set(report["seconds"]) == {"score", "top", "explain", "total"}
    assert report["peak_traced_mib"] > 0
