"""Reading an uploaded or named file into a :class:`~innotwin.core.registry.Sheet`, with messages in the
reader's language, and reading a column mapping file."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, Problem
from innotwin.core.registry import Sheet, read_sheet, translated_by
from innotwin.core.registry.schema import ColumnMapping


def read_upload(data: bytes, *, name: str, encoding: str = "utf-8") -> Sheet:
    """The sheet in an uploaded CSV or XLSX file; :class:`DataError` lists what is wrong with the file."""
    with translated_by(_):
        return read_sheet(data, file=name, encoding=encoding)


def read_mapping(path: Path) -> ColumnMapping:
    """A column mapping from a JSON or YAML file: ``{"file's header": "field", …}`` (``null`` to skip)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(
            [Problem(_("The mapping file cannot be read: %(reason)s") % {"reason": exc}, file=str(path))]
        ) from None
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        raise DataError(
            [
                Problem(
                    _('A mapping file holds one object: {"header in the file": "field", …}.'), file=str(path)
                )
            ]
        )
    return {key: (str(value) if value else None) for key, value in data.items()}


def mapping_json(mapping: ColumnMapping) -> str:
    return json.dumps(dict(mapping), ensure_ascii=False)
