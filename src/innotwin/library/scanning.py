"""The virus-scan hook point: every uploaded file passes :func:`scan` before anything is stored.

innotwin ships no virus scanner, and needs no setting for one. A deployment that has one registers a
function once at start-up (for example in the ``ready()`` of a small local app, or in the WSGI module)::

    import subprocess
    from innotwin.library.scanning import ScanVerdict, register_scanner

    def clamav(data: bytes, *, filename: str) -> ScanVerdict:
        done = subprocess.run(["clamdscan", "--no-summary", "--stream", "-"], input=data, capture_output=True)
        return ScanVerdict(clean=done.returncode == 0, detail=done.stdout.decode(errors="replace").strip())

    register_scanner(clamav)

A scanner is any callable ``(data, *, filename) -> ScanVerdict``. A file it calls unclean is refused
with its ``detail`` in the message; a scanner that raises refuses the file too (fail closed), so a
broken scanner never lets files through unchecked. The default scanner accepts everything.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from innotwin.core.library import RefusedFileError

__all__ = ["ScanVerdict", "Scanner", "accept_all", "register_scanner", "scan"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScanVerdict:
    """What a scanner says of one file: clean or not, and what it found."""

    clean: bool
    detail: str = ""


class Scanner(Protocol):
    def __call__(self, data: bytes, *, filename: str) -> ScanVerdict: ...


def accept_all(data: bytes, *, filename: str) -> ScanVerdict:
    """The default scanner: no scanner is installed, every file is accepted."""
    return ScanVerdict(clean=True, detail="no scanner installed")


_scanner: Scanner = accept_all


def register_scanner(scanner: Scanner | None) -> None:
    """Make ``scanner`` check every upload from now on (None restores the default)."""
    global _scanner
    _scanner = scanner or accept_all


def scan(data: bytes, *, filename: str) -> None:
    """Pass ``data`` to the registered scanner; refuse the file unless it is clean."""
    try:
        verdict = _scanner(data, filename=filename)
    except Exception:
        logger.exception("The virus scanner failed on %s; the file is refused.", filename)
        verdict = ScanVerdict(clean=False, detail="the virus scanner failed")
    if not verdict.clean:
        raise RefusedFileError(
            filename=filename,
            reason="malware",
            message=(
                f"The file {filename!r} was refused by the virus scanner ({verdict.detail or 'no detail'})."
            ),
            params={"detail": verdict.detail},
        )
