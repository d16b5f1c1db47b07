"""A real innotwin server (gunicorn, WhiteNoise) on a free port with the demo programme, and Debian's
Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.conftest import REPO_ROOT

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = REPO_ROOT / "var" / "screenshots"
INNOTWIN = str(Path(sys.executable).with_name("innotwin"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _database_url(tmp: Path) -> str:
    """A fresh database of the same engine the suite runs on: SQLite in a temp folder, or a new
    PostgreSQL database beside the configured one."""
    configured = os.environ.get("DATABASE_URL", "")
    if not configured.startswith("postgres"):
        return f"sqlite:///{tmp}/e2e.sqlite3"
    import psycopg

    base, _, name = configured.rpartition("/")
    e2e_name = f"{name}_e2e"
    with psycopg.connect(configured, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{e2e_name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{e2e_name}"')
    return f"{base}/{e2e_name}"


@pytest.fixture(scope="session")
def live_server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("e2e")
    port = _free_port()
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("INNOTWIN_") and k != "DJANGO_SETTINGS_MODULE"
    }
    env.update({"INNOTWIN_DATA_DIR": str(tmp), "DATABASE_URL": _database_url(tmp)})
    registers = os.environ.get("INNOTWIN_SHARED_DATA", str(REPO_ROOT.parent / "shared" / "data"))
    demo = subprocess.run(
        [INNOTWIN, "demo", "--with-registers", "--registers", registers],
        env=env,
        cwd=tmp,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert demo.returncode == 0, demo.stderr
    (tmp / "demo-output.txt").write_text(demo.stdout)
    (tmp / "database-url.txt").write_text(env["DATABASE_URL"])
    # The server's output goes to a file: a pipe nobody reads fills up (64 KiB) and blocks the server.
    server_log = tmp / "server.log"
    with server_log.open("w") as log:
        server = subprocess.Popen(
            [INNOTWIN, "serve", "--port", str(port), "--workers", "1"],
            env=env,
            cwd=tmp,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/en/", timeout=2)  # noqa: S310 - our own local server
            break
        except OSError:
            if server.poll() is not None:
                pytest.fail(f"innotwin serve exited: {server_log.read_text()}")
            time.sleep(0.3)
    else:
        server.kill()
        pytest.fail("innotwin serve did not answer within 60 seconds")
    yield url
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def demo_admin_password(live_server_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    output = next(tmp_path_factory.getbasetemp().glob("e2e*/demo-output.txt")).read_text()
    return next(line.split()[-1] for line in output.splitlines() if line.strip().startswith("password:"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/ensure-system-packages.sh test (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--headless",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def page(browser: Browser) -> Page:
    # axe is injected as a script; the page's own CSP forbids that, so the test context bypasses it.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
