"""The collaboration themes (the same taxonomy as roadmaps and city-pair discovery), shown bilingually."""

from __future__ import annotations

from functools import cache

from innotwin.bilingual import pick
from innotwin.core.pairing.themes import Theme, ThemeMap, load_theme_map


@cache
def theme_map() -> ThemeMap:
    """The built-in theme map, read once per process."""
    return load_theme_map()


def theme_ids() -> tuple[str, ...]:
    """Every theme id, in the taxonomy's order."""
    return tuple(theme.id for theme in theme_map().themes)


def theme(theme_id: str) -> Theme | None:
    """The theme with this id, or None."""
    return next((item for item in theme_map().themes if item.id == theme_id), None)


def theme_name(theme_id: str) -> str:
    """The theme's name in the reader's language (the id itself for an unknown theme)."""
    found = theme(theme_id)
    return pick(en=found.name_en, ko=found.name_ko) if found else theme_id


def theme_choices() -> list[tuple[str, str]]:
    """(id, name in the reader's language) for every theme, for forms."""
    return [(item.id, pick(en=item.name_en, ko=item.name_ko)) for item in theme_map().themes]
