"""Text of a PDF file, page by page, with pypdf (pure Python; its own decompression limits apply).

Korean text comes out as text when the PDF maps its glyphs to Unicode (a ``ToUnicode`` map, which every
current writer adds); a scanned PDF without a text layer yields no text and is refused by the caller.
An encrypted PDF is refused unless it opens with the empty password (many "protected" PDFs only restrict
printing). Complexity: linear in the size of the page content streams.
"""

from __future__ import annotations

import io
import logging
from typing import Any

from innotwin.core.errors import ConfigurationError
from innotwin.core.library.guards import Limits, RefusedFileError

__all__ = ["PdfText", "pdf_text"]


class PdfText:
    """What :func:`pdf_text` found: one string per page and the document's title, if it has one."""

    def __init__(self, *, pages: list[str], title: str) -> None:
        self.pages = pages
        self.title = title


def _reader(data: bytes, filename: str) -> Any:
    try:
        import pypdf
    except ImportError as error:  # pragma: no cover - pypdf is a dependency
        raise ConfigurationError("Reading PDF files needs the package pypdf: pip install pypdf") from error
    # pypdf logs every recoverable oddity of real-world PDFs as a warning; the outcome is what matters.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise RefusedFileError(
                filename=filename,
                reason="encrypted",
                message=(
                    f"The file {filename!r} is a password-protected PDF; upload a copy without a password."
                ),
            )
    except RefusedFileError:
        raise
    except Exception as error:  # pypdf raises many kinds of error on damaged files
        raise RefusedFileError(
            filename=filename,
            reason="unreadable",
            message=f"The file {filename!r} could not be read as a PDF ({type(error).__name__}: {error}).",
        ) from error
    return reader


def pdf_text(data: bytes, *, filename: str, limits: Limits) -> PdfText:
    """The text of each page of the PDF ``data``, and its title from the document information."""
    reader = _reader(data, filename)
    try:
        count = len(reader.pages)
        if count > limits.max_pages:
            raise RefusedFileError(
                filename=filename,
                reason="too_large",
                message=(
                    f"The file {filename!r} has {count:,} pages; the library reads at most "
                    f"{limits.max_pages:,}."
                ),
            )
        pages: list[str] = []
        characters = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            characters += len(text)
            if characters > limits.max_characters:
                raise RefusedFileError(
                    filename=filename,
                    reason="too_large",
                    message=(
                        f"The file {filename!r} holds more than {limits.max_characters:,} characters of "
                        "text; "
                        "split it into smaller documents."
                    ),
                )
            pages.append(text)
        metadata = reader.metadata
        title = str(metadata.title or "").strip() if metadata is not None else ""
    except RefusedFileError:
        raise
    except Exception as error:  # a damaged page stream, a decompression limit pypdf enforces, ...
        raise RefusedFileError(
            filename=filename,
            reason="unreadable",
            message=f"The file {filename!r} could not be read as a PDF ({type(error).__name__}: {error}).",
        ) from error
    return PdfText(pages=pages, title=title)
