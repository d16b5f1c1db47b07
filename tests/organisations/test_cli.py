"""``innotwin orgs`` as a person runs it: a real process on a fresh SQLite database with the demo atlas."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.organisations.files import GOOD_ROWS, csv_bytes, xlsx_bytes

INNOTWIN = str(Path(sys.executable).with_name("innotwin"))


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("cli")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("INNOTWIN_") and k != "DATABASE_URL"}
    environment = {
        **clean,
        "INNOTWIN_DATA_DIR": str(folder),
        "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
    }
    demo = subprocess.run(
        [INNOTWIN, "demo"], env=environment, cwd=folder, capture_output=True, text=True, timeout=300
    )
    assert demo.returncode == 0, demo.stderr
    return environment


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [INNOTWIN, "orgs", *args], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_import_failure_exits_non_zero_and_names_row_and_column(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([*GOOD_ROWS, ["Bad", "", "sme", "Narnia", "", "", "", "", ""]]))
    result = _run(env, "import", str(path))
    assert result.returncode == 2
    assert (
        "bad.csv:5:Region: 'Narnia' is not a region innotwin knows; give its official code." in result.stderr
    )
    assert "Traceback" not in result.stderr
    listed = json.loads(_run(env, "list", "--format", "json", "--region", "N09000003").stdout)
    assert [row["name_en"] for row in listed] == []


def test_import_dry_run_then_import_with_a_mapping_file(env: dict[str, str], tmp_path: Path) -> None:
    data = tmp_path / "mine.xlsx"
    data.write_bytes(xlsx_bytes([row[:4] for row in GOOD_ROWS], ["Org", "Org (KO)", "Kind", "Where"]))
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("Org: name_en\nOrg (KO): name_ko\nKind: type\nWhere: region\n", encoding="utf-8")
    dry = _run(env, "import", str(data), "--mapping", str(mapping), "--dry-run")
    assert (dry.returncode, dry.stdout.strip()) == (0, "Dry run: 3 rows are valid; nothing was stored.")
    done = _run(env, "import", str(data), "--mapping", str(mapping))
    assert (done.returncode, done.stdout.strip()) == (0, "Imported 3 organisations from mine.xlsx.")
    again = _run(env, "import", str(data), "--mapping", str(mapping))
    assert again.returncode == 2
    assert "mine.xlsx:2:Org: An organisation named 'Lough Labs' already exists in N09000003." in again.stderr


def test_import_register_list_and_export(env: dict[str, str], shared_data: Path, tmp_path: Path) -> None:
    register = shared_data / "organisations" / "kr_government_research_institutes_NST_23_coords.csv"
    result = _run(env, "import-register", "research-institutes", str(register))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "nst-institutes: 23 created, 0 updated, 0 unchanged, 0 skipped, from 23 rows of "
        "kr_government_research_institutes_NST_23_coords.csv."
    )
    table = _run(env, "list", "--region", "KR-30", "--type", "research_institute")
    assert "innotwin organisations" in table.stdout
    assert "KR-30" in table.stdout
    listed = json.loads(_run(env, "list", "--region", "KR-30", "--format", "json").stdout)
    assert len(listed) == 14
    assert {row["type"] for row in listed} == {"research_institute"}
    csv_text = _run(env, "list", "--region", "KR-30", "--format", "csv", "--limit", "2").stdout
    assert csv_text.splitlines()[0].startswith("Identifier,Name (English),Name (Korean),Type,Region")
    assert len(csv_text.splitlines()) == 3
    output = tmp_path / "all.xlsx"
    exported = _run(env, "export", "--format", "xlsx", "--output", str(output))
    assert exported.returncode == 0
    assert output.read_bytes().startswith(b"PK")
    assert _run(env, "export", "--format", "xlsx").returncode == 2
    data = json.loads(_run(env, "export", "--format", "json").stdout)
    assert {row["external_id"] for row in data["organisations"]} >= {"KIST", "KBSI"}


def test_import_register_wrong_file_fails_clearly(env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "ch.csv"
    path.write_text("name\nAcme\n", encoding="utf-8")
    result = _run(env, "import-register", "companies-house", str(path))
    assert result.returncode == 2
    assert "ch.csv:1: The file lacks the columns CompanyName" in result.stderr


def test_template_and_personal_data_commands(env: dict[str, str], tmp_path: Path) -> None:
    template = tmp_path / "t.csv"
    assert (
        _run(env, "template", "--format", "csv", "--language", "ko", "--output", str(template)).returncode
        == 0
    )
    assert template.read_text(encoding="utf-8-sig").startswith("기관명(영문),기관명(국문),기관 유형,지역")
    data = json.loads(_run(env, "personal-data", "nobody@example.org").stdout)
    assert data == {
        "email": "nobody@example.org",
        "account": None,
        "contact_records": [],
        "organisations": [],
        "api_tokens": [],
        "actions": [],
    }
    erased = _run(env, "erase-personal-data", "nobody@example.org", "--yes")
    assert erased.stdout.strip() == "Erased 0 contact records."
    assert _run(env, "expire").stdout.strip() == "0 profiles expired."


def test_demo_with_registers_imports_them_and_updates_on_a_second_run(
    env: dict[str, str], shared_data: Path
) -> None:
    folder = Path(env["INNOTWIN_DATA_DIR"])
    command = [INNOTWIN, "demo", "--with-registers", "--registers", str(shared_data)]
    first = subprocess.run(
        command, env=env, cwd=folder, capture_output=True, text=True, timeout=600, check=False
    )
    assert first.returncode == 0, first.stderr
    assert (
        "Register krx_kind_all_listed_companies_2026-05.csv: 2743 organisations added, 0 updated, "
        "0 unchanged, 22 rows skipped." in first.stdout
    )
    second = subprocess.run(
        command, env=env, cwd=folder, capture_output=True, text=True, timeout=600, check=False
    )
    assert (
        "Register companies_house_south_yorkshire_sample2000.csv: 0 organisations added, 0 updated, "
        "2000 unchanged" in second.stdout
    )
