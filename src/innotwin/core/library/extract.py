"""One function for every format: ``extract(file, *, filename) -> ExtractedDocument``.

The bytes first pass :func:`~innotwin.core.library.guards.check_file` (extension, magic bytes, size),
then the format's reader (PDF with pypdf, DOCX from its ZIP archive with the zip-bomb limits, HTML with
the standard library's parser, Markdown and plain text as text). The text is put in Unicode NFC form (PDF
writers sometimes emit Hangul as separate jamo) and split into passages, each with its language. A file
that yields no text is refused, never stored empty.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from innotwin.core.library._docx import docx_text
from innotwin.core.library._html import html_text
from innotwin.core.library._markdown import markdown_text
from innotwin.core.library._pdf import pdf_text
from innotwin.core.library.guards import (
    FileFormat,
    Limits,
    RefusedFileError,
    check_file,
    check_size,
    format_for,
)
from innotwin.core.library.passages import Passage, split_passages, text_weight
from innotwin.core.text.language import Language

__all__ = ["ExtractedDocument", "decode_text", "extract"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_KOREAN_LEGACY = {"euc-kr", "euc_kr", "ks_c_5601-1987", "ksc5601", "cp949", "uhc", "x-windows-949"}
_LINE_ENDINGS = re.compile(r"\r\n?")
_TRAILING = re.compile(r"[ \t]+\n")
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass(frozen=True, kw_only=True)
class ExtractedDocument:
    """The text of one file, ready to store and index.

    ``language`` is the language of most of the text (by weight of its passages); ``pages`` is the page
    count of a PDF and None for other formats; ``warnings`` says what was removed on the way (scripts).
    """

    filename: str
    format: FileFormat
    title: str
    text: str
    passages: tuple[Passage, ...]
    language: Language
    pages: int | None
    size: int
    sha256: str
    warnings: tuple[str, ...] = ()


def decode_text(data: bytes, *, filename: str, html: bool = False) -> str:
    """Text of ``data``: UTF-8 (with or without BOM), UTF-16 with BOM, or Korean CP949/EUC-KR."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig"]
        declared = _META_CHARSET.search(data[:4096]) if html else None
        if declared and declared.group(1).decode("ascii").lower() in _KOREAN_LEGACY:
            candidates.insert(0, "cp949")
        candidates.append("cp949")
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RefusedFileError(
        filename=filename,
        reason="encoding",
        message=(
            f"The file {filename!r} is not UTF-8 or Korean (CP949/EUC-KR) text; save it as UTF-8 and "
            "upload it again."
        ),
    )


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", _LINE_ENDINGS.sub("\n", text)).replace("\x00", "")
    return _BLANK_RUNS.sub("\n\n", _TRAILING.sub("\n", text)).strip()


def _read(source: bytes | str | os.PathLike[str], filename: str | None, limits: Limits) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        if filename is None:
            raise ValueError("The 'filename' parameter of extract is needed when the file is given as bytes.")
        return source, filename
    path = Path(source)
    name = filename or path.name
    if not path.is_file():
        raise RefusedFileError(
            filename=name, reason="unreadable", message=f"There is no file at {str(path)!r}."
        )
    format_for(name)  # refuse a wrong extension before reading anything
    check_size(path.stat().st_size, filename=name, limits=limits)  # before reading a byte of it
    return path.read_bytes(), name


def extract(
    source: bytes | str | os.PathLike[str], *, filename: str | None = None, limits: Limits | None = None
) -> ExtractedDocument:
    """Check, read and split one file (bytes and their ``filename``, or a path); refuses unreadable ones."""
    limits = limits or Limits()
    data, name = _read(source, filename, limits)
    file_format = check_file(data, filename=name, limits=limits)
    title = ""
    pages: int | None = None
    warnings: list[str] = []
    removed = 0
    if file_format == "pdf":
        pdf = pdf_text(data, filename=name, limits=limits)
        text, title, pages = "\n\n".join(pdf.pages), pdf.title, len(pdf.pages)
    elif file_format == "docx":
        docx = docx_text(data, filename=name, limits=limits)
        text, title = "\n\n".join(docx.paragraphs), docx.title
    elif file_format == "html":
        page = html_text(decode_text(data, filename=name, html=True))
        text, title, removed = page.text, page.title, page.removed_active
    elif file_format == "markdown":
        markdown = markdown_text(decode_text(data, filename=name))
        text, title, removed = markdown.text, markdown.title, markdown.removed_active
    else:
        text = decode_text(data, filename=name)
    if removed:
        warnings.append(f"{removed} script or embedded element(s) were removed; only the text is kept.")
    text = _clean(text)
    if len(text) > limits.max_characters:
        raise RefusedFileError(
            filename=name,
            reason="too_large",
            message=(
                f"The file {name!r} holds more than {limits.max_characters:,} characters of text; "
                "split it into smaller documents."
            ),
        )
    passages = split_passages(text)
    if not passages:
        hint = " If it is a scan, run text recognition (OCR) on it first." if file_format == "pdf" else ""
        raise RefusedFileError(
            filename=name,
            reason="no_text",
            message=f"No text could be extracted from the file {name!r}; it was not stored.{hint}",
        )
    weights: Counter[Language] = Counter()
    for passage in passages:
        weights[passage.language] += text_weight(passage.text)
    languages: tuple[Language, ...] = ("en", "ko", "und")
    language = max(languages, key=lambda code: weights[code])  # ties: English first
    return ExtractedDocument(
        filename=name,
        format=file_format,
        title=_clean(title)[:300],
        text=text,
        passages=passages,
        language=language,
        pages=pages,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        warnings=tuple(warnings),
    )
