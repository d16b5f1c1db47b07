"""Text of a Word (DOCX) file, read straight from its ZIP archive and WordprocessingML with the standard
library — after the archive has passed the zip-bomb limits.

The archive is refused before any XML is parsed when it has more than ``max_entries`` entries, when the
sizes its directory declares add up to more than ``max_unpacked_bytes``, when one entry larger than 1 MiB
claims a compression ratio above ``max_ratio``, when an entry is encrypted, or when it carries macros
(``word/vbaProject.bin``: such a file is a ``.docm`` in disguise). Entries are then inflated with a byte
budget, so an archive whose directory lies is stopped as soon as it exceeds the limit. XML with a
document type declaration is refused: WordprocessingML never needs one, and entity definitions are how
XML bombs work.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree as ET

from innotwin.core.library.guards import Limits, RefusedFileError

__all__ = ["DocxText", "docx_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_MIB = 1024 * 1024
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


class DocxText:
    """What :func:`docx_text` found: paragraphs in document order and the title, if any."""

    def __init__(self, *, paragraphs: list[str], title: str) -> None:
        self.paragraphs = paragraphs
        self.title = title


def _refuse(filename: str, reason: str, message: str) -> RefusedFileError:
    return RefusedFileError(filename=filename, reason=reason, message=message)  # type: ignore[arg-type]


def _check_directory(archive: zipfile.ZipFile, *, filename: str, limits: Limits) -> None:
    entries = archive.infolist()
    if len(entries) > limits.max_entries:
        raise _refuse(
            filename,
            "zip_bomb",
            f"The file {filename!r} holds {len(entries):,} archive entries; a Word document has far fewer "
            f"and the library reads at most {limits.max_entries:,}.",
        )
    declared = sum(entry.file_size for entry in entries)
    if declared > limits.max_unpacked_bytes:
        raise _refuse(
            filename,
            "zip_bomb",
            f"The file {filename!r} would unpack to {declared / _MIB:,.0f} MiB; the library unpacks at most "
            f"{limits.max_unpacked_bytes / _MIB:,.0f} MiB.",
        )
    for entry in entries:
        if entry.file_size > _MIB and entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
            raise _refuse(
                filename,
                "zip_bomb",
                f"The file {filename!r} has an entry ({entry.filename}) compressed more than "
                f"{limits.max_ratio} to 1, which is how zip bombs are built; it was not unpacked.",
            )
        if entry.flag_bits & 0x1:
            raise _refuse(
                filename,
                "encrypted",
                f"The file {filename!r} is password-protected; save it without a password and upload it "
                "again.",
            )
    names = {entry.filename for entry in entries}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise _refuse(
            filename,
            "macros",
            f"The file {filename!r} contains macros; save it as a plain .docx without macros and upload "
            "it again.",
        )
    if "word/document.xml" not in names:
        raise _refuse(
            filename,
            "unreadable",
            f"The file {filename!r} is a ZIP archive but not a Word document (it has no word/document.xml).",
        )


def _read(archive: zipfile.ZipFile, name: str, *, budget: int, filename: str, limits: Limits) -> bytes:
    with archive.open(name) as handle:
        data = handle.read(budget + 1)
    if len(data) > budget:
        raise _refuse(
            filename,
            "zip_bomb",
            f"The file {filename!r} unpacks to more than {limits.max_unpacked_bytes / _MIB:,.0f} MiB "
            "(its archive directory understates the sizes); it was not read.",
        )
    return data


def _parse(data: bytes, *, part: str, filename: str) -> ET.Element:
    if _DECLARATION.search(data[:4096]) or _DECLARATION.search(data):
        raise _refuse(
            filename,
            "unreadable",
            f"The file {filename!r} has a document type declaration in {part}, which Word never writes; "
            "it was not read.",
        )
    try:
        return ET.fromstring(data)  # noqa: S314 - no DTD is allowed (checked above), so no entity expansion
    except ET.ParseError as error:
        raise _refuse(
            filename, "unreadable", f"The file {filename!r} has malformed XML in {part} ({error})."
        ) from error


def _paragraph_text(paragraph: ET.Element) -> str:
    pieces: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            pieces.append(node.text)
        elif node.tag == f"{_W}tab":
            pieces.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            pieces.append("\n")
    return "".join(pieces).strip()


def _style(paragraph: ET.Element) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return "" if style is None else style.get(f"{_W}val", "")


def docx_text(data: bytes, *, filename: str, limits: Limits) -> DocxText:
    """Paragraphs and title of the DOCX file ``data``. O(size of document.xml)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise _refuse(
            filename, "unreadable", f"The file {filename!r} is not a readable ZIP archive ({error})."
        ) from error
    with archive:
        _check_directory(archive, filename=filename, limits=limits)
        budget = limits.max_unpacked_bytes
        try:
            body = _read(archive, "word/document.xml", budget=budget, filename=filename, limits=limits)
            core = (
                _read(
                    archive, "docProps/core.xml", budget=budget - len(body), filename=filename, limits=limits
                )
                if "docProps/core.xml" in archive.namelist()
                else b""
            )
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as error:
            raise _refuse(
                filename, "unreadable", f"The file {filename!r} is a damaged archive ({error})."
            ) from error
    root = _parse(body, part="word/document.xml", filename=filename)
    paragraphs: list[str] = []
    heading = ""
    for paragraph in root.iter(f"{_W}p"):
        text = _paragraph_text(paragraph)
        if not text:
            continue
        if not heading and _style(paragraph).lower() in {"title", "heading1"}:
            heading = text
        paragraphs.append(text)
    title = ""
    if core:
        element = _parse(core, part="docProps/core.xml", filename=filename).find(_DC_TITLE)
        title = (element.text or "").strip() if element is not None else ""
    return DocxText(paragraphs=paragraphs, title=title or heading)
