"""The checks a document attached to a proposal or a signed roadmap must pass: its type and its size.

Accepted: PDF (bytes start ``%PDF-``), Word, Excel and OpenDocument text (ZIP archives, ``PK\\x03\\x04``)
and plain text (no NUL byte). The extension must name an accepted type *and* the first bytes must agree.
"""

from __future__ import annotations

from pathlib import PurePath

from innotwin.core.errors import DataError, Problem

__all__ = ["DOCUMENT_EXTENSIONS", "MAX_DOCUMENT_BYTES", "DocumentProblem", "check_document"]

#: Extension → the format's name.
DOCUMENT_EXTENSIONS: dict[str, str] = {
    ".pdf": "PDF",
    ".docx": "Word (DOCX)",
    ".xlsx": "Excel (XLSX)",
    ".odt": "OpenDocument text (ODT)",
    ".txt": "plain text",
}
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
_ZIP = b"PK\x03\x04"


class DocumentProblem(DataError):
    """A refused document; ``reason`` is ``extension``, ``empty``, ``too_large`` or ``mismatch``."""

    def __init__(self, *, reason: str, message: str, filename: str, params: dict[str, str]) -> None:
        super().__init__([Problem(message, file=filename, field="file")])
        self.reason = reason
        self.params = params


def check_document(data: bytes, *, filename: str, max_bytes: int = MAX_DOCUMENT_BYTES) -> str:
    """The document's extension (``.pdf`` …) after checking type and size; :class:`DocumentProblem`
    naming the file and what is wrong otherwise."""
    suffix = PurePath(filename).suffix.lower()
    accepted = ", ".join(DOCUMENT_EXTENSIONS)
    if suffix not in DOCUMENT_EXTENSIONS:
        raise DocumentProblem(
            reason="extension",
            filename=filename,
            message=f"The file {filename!r} is not of an accepted type; accepted: {accepted}.",
            params={"accepted": accepted},
        )
    if not data:
        raise DocumentProblem(
            reason="empty", filename=filename, message=f"The file {filename!r} is empty.", params={}
        )
    if len(data) > max_bytes:
        size, limit = f"{len(data) / 1048576:.1f} MiB", f"{max_bytes / 1048576:.0f} MiB"
        raise DocumentProblem(
            reason="too_large",
            filename=filename,
            message=f"The file {filename!r} is {size}; documents may be at most {limit}.",
            params={"size": size, "limit": limit},
        )
    if suffix == ".pdf":
        ok = b"%PDF-" in data[:1024]
    elif suffix == ".txt":
        ok = b"\x00" not in data[:8192] and not data.startswith((_ZIP, b"%PDF-"))
    else:
        ok = data.startswith(_ZIP)
    if not ok:
        kind = DOCUMENT_EXTENSIONS[suffix]
        raise DocumentProblem(
            reason="mismatch",
            filename=filename,
            message=f"The file {filename!r} is named as {kind} but its content is not; upload the real file.",
            params={"kind": kind},
        )
    return suffix
