"""Translated messages of the library, above all the reason an upload was refused."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from innotwin.core.errors import InnotwinError
from innotwin.core.library import RefusedFileError

REFUSALS = {
    "extension": gettext_lazy(
        "The file %(filename)s has %(found)s; the library accepts .pdf, .docx, .html, .htm, .md and .txt "
        "files."
    ),
    "mismatch": gettext_lazy(
        "The file %(filename)s is named as %(expected)s but its content is %(found)s; upload the real file "
        "or give it its real extension."
    ),
    "too_large": gettext_lazy("The file %(filename)s is too large: %(detail)s"),
    "empty": gettext_lazy("The file %(filename)s is empty."),
    "zip_bomb": gettext_lazy(
        "The file %(filename)s would unpack to far more data than a Word document holds (a “zip bomb”); "
        "it was not read."
    ),
    "encrypted": gettext_lazy(
        "The file %(filename)s is password-protected; upload a copy without a password."
    ),
    "macros": gettext_lazy(
        "The file %(filename)s contains macros; save it as a plain .docx without macros and upload it again."
    ),
    "unreadable": gettext_lazy("The file %(filename)s could not be read: %(detail)s"),
    "no_text": gettext_lazy(
        "No text could be extracted from the file %(filename)s, so it was not stored. If it is a scan, "
        "run text recognition (OCR) on it first."
    ),
    "encoding": gettext_lazy(
        "The file %(filename)s is not UTF-8 or Korean (CP949/EUC-KR) text; save it as UTF-8 and upload it "
        "again."
    ),
    "malware": gettext_lazy("The file %(filename)s was refused by the virus scanner (%(detail)s)."),
}


# What a file was named as or found to be (innotwin.core.library.guards), in the reader's language.
DESCRIPTIONS = {
    "a PDF document": gettext_lazy("a PDF document"),
    "a ZIP archive": gettext_lazy("a ZIP archive"),
    "an empty ZIP archive": gettext_lazy("an empty ZIP archive"),
    "an older or password-protected Microsoft Office file": gettext_lazy(
        "an older or password-protected Microsoft Office file"
    ),
    "a PNG image": gettext_lazy("a PNG image"),
    "a JPEG image": gettext_lazy("a JPEG image"),
    "a GIF image": gettext_lazy("a GIF image"),
    "a gzip archive": gettext_lazy("a gzip archive"),
    "a RAR archive": gettext_lazy("a RAR archive"),
    "a 7-Zip archive": gettext_lazy("a 7-Zip archive"),
    "a Linux program": gettext_lazy("a Linux program"),
    "a Windows program": gettext_lazy("a Windows program"),
    "an RTF document": gettext_lazy("an RTF document"),
    "something else": gettext_lazy("something else"),
    "binary data": gettext_lazy("binary data"),
    "no extension": gettext_lazy("no extension"),
    "Word (DOCX)": gettext_lazy("Word (DOCX)"),
    "plain text": gettext_lazy("plain text"),
}


def refusal_message(error: RefusedFileError) -> str:
    """The reason a file was refused, in the reader's language."""
    template = REFUSALS.get(error.reason)
    if template is None:
        return error.message
    params = {
        "found": "",
        "expected": "",
        "detail": error.message,
        **error.params,
        "filename": error.filename,
    }
    return str(template) % {key: str(DESCRIPTIONS.get(value, value)) for key, value in params.items()}


def error_message(error: InnotwinError) -> str:
    """The message of an innotwin error for a person: translated for refused files."""
    if isinstance(error, RefusedFileError):
        return refusal_message(error)
    return error.message
