"""Template context every page needs: the language switcher's links and the version."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

import innotwin

_LABELS = {"en": "English", "ko": "한국어"}


def navigation(request: HttpRequest) -> dict[str, Any]:
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    links = [
        {
            "code": code,
            "label": _LABELS[code],
            "url": translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {"language_links": links, "innotwin_version": innotwin.__version__}
