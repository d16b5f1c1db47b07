"""The library's tests store files in a temporary MEDIA_ROOT and embed with the fast
``use-multilingual`` backend (tests/core/library and the benchmark cover the default ``use+e5``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.core.library.conftest import korean_pdf, make_docx, make_pdf  # noqa: F401 - shared fixtures


@pytest.fixture(autouse=True)
def library_settings(settings, tmp_path) -> Iterator[None]:
    from innotwin.library.scanning import register_scanner

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CONFIG = {**settings.CONFIG, "text_embedder": "use-multilingual"}
    yield
    register_scanner(None)


@pytest.fixture
def library(demo_programme):
    """The demo programme with its eight published library documents."""
    from innotwin.library.models import Document

    return {document.original_filename.removesuffix(".md"): document for document in Document.objects.all()}
