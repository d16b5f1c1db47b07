"""Keep the process's standard output clean while the scheduler runs (no Django here, so the CLI's
``schedule bench`` can use it without a database)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

__all__ = ["quiet_stdout"]


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Send what is written to file descriptor 1 (HiGHS prints its banner there, below Python) to
    standard error, so ``--format json`` output stays pure JSON."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no file descriptor 1 (some embedded servers)
        yield
        return
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)
