"""``innotwin index build`` and ``innotwin match``."""

from __future__ import annotations

import json

from click.testing import CliRunner

from innotwin.cli.main import cli
from innotwin.matching.models import TextVector


def test_index_build_then_match_with_explanations(world) -> None:
    TextVector.objects.all().delete()
    runner = CliRunner()
    built = runner.invoke(cli, ["index", "build"])
    assert built.exit_code == 0, built.output
    assert "9 organisations take part in matching: 18 texts embedded" in built.output
    again = runner.invoke(cli, ["index", "build"])
    assert "0 texts embedded" in again.output
    table = runner.invoke(cli, ["match", "mersey-port-logistics", "--top", "3", "--explain"])
    assert table.exit_code == 0, table.output
    assert "부산해운소프트" in table.output
    assert "They offer what you seek" in table.output
    result = runner.invoke(cli, ["match", "mersey-port-logistics", "--format", "json", "--top", "2"])
    body = json.loads(result.output)
    assert body["matches"][0]["slug"] == "busan-haeun-soft"
    assert body["matches"][0]["explanation"]["breakdown"][0]["component"] == "text"


def test_match_of_an_unknown_organisation_is_one_clear_error(world) -> None:
    result = CliRunner().invoke(cli, ["match", "no-such-org"])
    assert result.exit_code != 0
    assert "no organisation with the slug or id 'no-such-org'" in str(result.exception or result.output)


def test_match_bench_prints_json() -> None:
    result = CliRunner().invoke(
        cli,
        [
            "match",
            "bench",
            "--profiles",
            "2000",
            "--queries",
            "50",
            "--backend",
            "hnsw",
            "--dim",
            "32",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert set(body) >= {
        "build_seconds",
        "queries_per_second",
        "latency_p50_ms",
        "latency_p95_ms",
        "recall_at_10",
        "peak_memory_mb",
    }
    assert body["profiles"] == 2000
    assert 0.0 <= body["recall_at_10"] <= 1.0


def test_vocabularies_match_the_core() -> None:
    from innotwin.core.matching import DECLINE_REASONS, FEEDBACK_KINDS
    from innotwin.matching.enums import DeclineReason, FeedbackKind

    assert set(DeclineReason.values) == set(DECLINE_REASONS)
    assert set(FeedbackKind.values) == set(FEEDBACK_KINDS)
