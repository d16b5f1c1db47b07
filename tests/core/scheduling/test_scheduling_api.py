"""The public surface of the scheduling package."""

from __future__ import annotations

import subprocess
import sys

import innotwin.core.scheduling as scheduling
from innotwin.core.scheduling import SOLVERS, Solver


def test_scheduling_all_names_exist_once() -> None:
    assert [name for name in scheduling.__all__ if not hasattr(scheduling, name)] == []
    assert len(set(scheduling.__all__)) == len(scheduling.__all__)


def test_scheduling_import_pulls_in_no_django() -> None:
    code = (
        "import sys, innotwin.core.scheduling, innotwin.core.scheduling.bench; print('django' in sys.modules)"
    )

    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert completed.stdout.strip() == "False"


def test_solvers_registry_instances_satisfy_protocol() -> None:
    backends: list[Solver] = [factory() for factory in SOLVERS.values()]

    assert [backend.name for backend in backends] == list(SOLVERS)
