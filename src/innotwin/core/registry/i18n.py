"""Messages in the reader's language, without Django: the caller installs a translation function.

Every person-facing message of the registry engine is written ``_("… {name} …").format(name=...)`` so that
``makemessages`` collects it into the project's catalogue. By default ``_`` returns the English text; the
Django side runs the engine inside ``with translated_by(gettext):`` to get the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["_", "translated_by"]

_translate: ContextVar[Callable[[str], str]] = ContextVar("registry_translate", default=lambda text: text)


def _(message: str) -> str:
    """``message`` in the current reader's language (English unless a translator is installed)."""
    return _translate.get()(message)


@contextmanager
def translated_by(translate: Callable[[str], str]) -> Iterator[None]:
    """Translate the engine's messages with ``translate`` (such as Django's ``gettext``) in this block."""
    token = _translate.set(translate)
    try:
        yield
    finally:
        _translate.reset(token)
