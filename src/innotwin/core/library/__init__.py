"""The knowledge library's engine: reading uploaded files safely, splitting them into passages and
finding passages across Korean and English.

The public API::

    extract(path_or_bytes, *, filename=None, limits=Limits()) -> ExtractedDocument  # PDF, DOCX, HTML, MD
    split_passages(text) -> tuple[Passage, ...]                          # with offsets for highlighting
    PassageIndex(embedder=...).fit(passages).search(query) -> tuple[Hit, ...]  # hybrid, cross-lingual
    snippet(text, start, end) -> Snippet                                 # the context around a match

A file innotwin will not read raises :class:`RefusedFileError` (a ``DataError``) whose ``reason`` says
why. docs/methods/library.md specifies the method and gives every measurement behind its defaults.
"""

from innotwin.core.library.extract import ExtractedDocument, decode_text, extract
from innotwin.core.library.guards import (
    EXTENSIONS,
    FORMAT_NAMES,
    FileFormat,
    Limits,
    RefusedFileError,
    check_file,
    check_size,
    format_for,
    sniff,
)
from innotwin.core.library.highlight import Snippet, snippet
from innotwin.core.library.index import Hit, IndexedPassage, PassageIndex, decode_vector, encode_vector
from innotwin.core.library.memo import MemoEmbedder
from innotwin.core.library.passages import Passage, split_passages, text_weight

__all__ = [
    "EXTENSIONS",
    "FORMAT_NAMES",
    "ExtractedDocument",
    "FileFormat",
    "Hit",
    "IndexedPassage",
    "Limits",
    "MemoEmbedder",
    "Passage",
    "PassageIndex",
    "RefusedFileError",
    "Snippet",
    "check_file",
    "check_size",
    "decode_text",
    "decode_vector",
    "encode_vector",
    "extract",
    "format_for",
    "sniff",
    "snippet",
    "split_passages",
    "text_weight",
]
