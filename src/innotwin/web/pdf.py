"""HTML to PDF, the one way innotwin prints: WeasyPrint with Debian's Pango, and a font with Hangul so
Korean text renders (the font is embedded in the PDF). What is missing is said in one sentence, as a
:class:`~innotwin.core.errors.ConfigurationError`, never a traceback."""

from __future__ import annotations

import logging
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from innotwin.core.errors import ConfigurationError


def html_to_pdf(html: str, *, stylesheet: Path) -> bytes:
    """``html`` printed with ``stylesheet``; relative links resolve beside the stylesheet."""
    weasyprint = _weasyprint()
    pdf: bytes = weasyprint.HTML(string=html, base_url=str(stylesheet.parent)).write_pdf(
        stylesheets=[weasyprint.CSS(filename=str(stylesheet))]
    )
    return pdf


@cache
def _korean_font_installed() -> bool:
    """Whether fontconfig knows a font with Hangul (``fc-list :lang=ko``)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, ":lang=ko", "family"], capture_output=True, text=True, check=False)  # noqa: S603
    return bool(found.stdout.strip())


def _weasyprint() -> Any:
    # WeasyPrint reports every layout step at INFO, some while it is imported; people running innotwin
    # want only real problems.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise ConfigurationError(
            _(
                "The PDF report needs WeasyPrint and Debian's Pango libraries (pip install weasyprint; "
                "apt-get "
                "install libpango-1.0-0 libpangoft2-1.0-0); the HTML report works without them."
            )
        ) from error
    if not _korean_font_installed():
        raise ConfigurationError(
            _(
                "The PDF report needs a font with Korean letters (apt-get install fonts-noto-cjk); the HTML "
                "report works without it."
            )
        )
    return weasyprint
