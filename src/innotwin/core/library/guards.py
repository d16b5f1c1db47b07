"""Checks an uploaded file must pass before any parser sees it, and the error that refuses it.

A file is accepted only when its extension names a supported format **and** its first bytes agree:

=========  ==============================  =========================================================
format     extensions                      what the bytes must be
=========  ==============================  =========================================================
pdf        ``.pdf``                        ``%PDF-`` within the first 1,024 bytes (ISO 32000-1 §7.5.2)
docx       ``.docx``                       a ZIP archive (``PK\\x03\\x04``) holding ``word/document.xml``
html       ``.html``, ``.htm``, ``.xhtml``  text (UTF-8, or CP949 for Korean pages), no NUL byte
markdown   ``.md``, ``.markdown``          text, as for HTML
text       ``.txt``                        text, as for HTML
=========  ==============================  =========================================================

Every refusal is a :class:`RefusedFileError` whose message names the file and what is wrong with it, and
whose ``reason`` is a stable code (``extension``, ``mismatch``, ``too_large``, ``empty``, ``zip_bomb``,
``encrypted``, ``macros``, ``unreadable``, ``no_text``, ``encoding``, ``malware``) that callers and tests
can rely on.
Limits live in :class:`Limits`; the defaults suit policy papers and case studies, not archives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from innotwin.core.errors import DataError, Problem

__all__ = [
    "EXTENSIONS",
    "FORMAT_NAMES",
    "FileFormat",
    "Limits",
    "RefusedFileError",
    "check_file",
    "check_size",
    "format_for",
    "sniff",
]

FileFormat = Literal["pdf", "docx", "html", "markdown", "text"]

EXTENSIONS: dict[str, FileFormat] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
}
FORMAT_NAMES: dict[str, str] = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "html": "HTML",
    "markdown": "Markdown",
    "text": "plain text",
}

RefusalReason = Literal[
    "extension",
    "mismatch",
    "too_large",
    "empty",
    "zip_bomb",
    "encrypted",
    "macros",
    "unreadable",
    "no_text",
    "encoding",
    "malware",
]

# Leading bytes of formats people upload by mistake (or on purpose), named in refusals.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an older or password-protected Microsoft Office file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a Linux program"),
    (b"MZ", "a Windows program"),
    (b"{\\rtf", "an RTF document"),
)


class RefusedFileError(DataError):
    """An uploaded file was refused; ``reason`` says why in one stable word, the message in a sentence."""

    code = "refused_file"

    def __init__(
        self, *, filename: str, reason: RefusalReason, message: str, params: Mapping[str, str] | None = None
    ) -> None:
        super().__init__([Problem(message, file=filename or None)])
        self.filename = filename
        self.reason: RefusalReason = reason
        self.message = message
        #: The figures of the message (``size``, ``limit``, ``found``...), for translated messages.
        self.params: dict[str, str] = dict(params or {})


@dataclass(frozen=True, kw_only=True)
class Limits:
    """How much of a file innotwin reads before refusing it.

    ``max_bytes`` bounds the upload itself; ``max_entries`` and ``max_unpacked_bytes`` bound a DOCX
    archive (the declared sizes *and* the bytes really inflated, so a lying header does not help), and
    ``max_ratio`` the compression ratio of any one entry larger than 1 MiB unpacked. ``max_pages`` and
    ``max_characters`` bound what a PDF or any file may yield as text.
    """

    max_bytes: int = 20 * 1024 * 1024
    max_entries: int = 1_000
    max_unpacked_bytes: int = 100 * 1024 * 1024
    max_ratio: int = 200
    max_pages: int = 2_000
    max_characters: int = 5_000_000


def format_for(filename: str) -> FileFormat:
    """The format a file's extension names; refuses an extension innotwin does not read."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    accepted = ", ".join(sorted(EXTENSIONS))
    shown = f"'{suffix}'" if suffix else "no extension"
    raise RefusedFileError(
        filename=filename,
        reason="extension",
        message=f"The file {filename!r} has {shown}; the library accepts {accepted}.",
        params={"found": shown, "accepted": accepted},
    )


def sniff(data: bytes) -> str | None:
    """What the leading bytes of ``data`` say it is (``"a PNG image"``), or None for anything else."""
    if b"%PDF-" in data[:1024]:
        return "a PDF document"
    return next((name for signature, name in _SIGNATURES if data.startswith(signature)), None)


def check_size(size: int, *, filename: str, limits: Limits) -> None:
    """Refuse a file of ``size`` bytes when it is over ``limits.max_bytes``."""
    if size > limits.max_bytes:
        raise RefusedFileError(
            filename=filename,
            reason="too_large",
            message=(
                f"The file {filename!r} is {_size(size)}; the library accepts files of at most "
                f"{_size(limits.max_bytes)}."
            ),
            params={"size": _size(size), "limit": _size(limits.max_bytes)},
        )


def check_file(data: bytes, *, filename: str, limits: Limits) -> FileFormat:
    """The format of ``data``, after checking its size and that its bytes match its extension."""
    file_format = format_for(filename)
    if not data:
        raise RefusedFileError(filename=filename, reason="empty", message=f"The file {filename!r} is empty.")
    check_size(len(data), filename=filename, limits=limits)
    found = sniff(data)
    expected = {"pdf": "a PDF document", "docx": "a ZIP archive"}.get(file_format)
    if expected is not None and found != expected:
        raise RefusedFileError(
            filename=filename,
            reason="mismatch",
            message=(
                f"The file {filename!r} is named as {FORMAT_NAMES[file_format]} but its content is "
                f"{found or 'something else'}; upload the real {FORMAT_NAMES[file_format]} file or rename it."
            ),
            params={"expected": FORMAT_NAMES[file_format], "found": found or "something else"},
        )
    if expected is None and (found is not None or b"\x00" in data[:8192]):
        raise RefusedFileError(
            filename=filename,
            reason="mismatch",
            message=(
                f"The file {filename!r} is named as {FORMAT_NAMES[file_format]} text but its content is "
                f"{found or 'binary data'}; upload a text file or give it its real extension."
            ),
            params={"expected": FORMAT_NAMES[file_format], "found": found or "binary data"},
        )
    return file_format


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MiB"
    if count >= 1024:
        return f"{count / 1024:.0f} KiB"
    return f"{count} bytes"
