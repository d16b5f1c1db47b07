"""Collaboration themes and the three pillars, read from ``themes.yaml`` next to this module.

The theme map keys each theme (maritime and ports, advanced manufacturing, …) to ISIC Rev.4 divisions
and to the pillars (civic/policy, academic, business) where it usually leads to joint work; each theme
and pillar has an English and a Korean name. An industry label may group several divisions joined by
``+`` (e.g. ``"26+32"`` where a national classification does not split them); it belongs to every theme
of any of its divisions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from numpy.typing import NDArray

from innotwin.core.errors import ConfigurationError

__all__ = ["BUILTIN_THEMES_FILE", "PILLARS", "Pillar", "Theme", "ThemeMap", "load_theme_map"]

BUILTIN_THEMES_FILE = Path(__file__).with_name("themes.yaml")
#: The pillars of collaboration, in display order.
PILLARS = ("civic", "academic", "business")
_THEME_KEYS = {"name_en", "name_ko", "pillars", "isic_divisions"}


@dataclass(frozen=True, kw_only=True)
class Pillar:
    """A pillar of collaboration."""

    id: str
    name_en: str
    name_ko: str


@dataclass(frozen=True, kw_only=True)
class Theme:
    """A collaboration theme, the pillars it serves and the ISIC Rev.4 divisions it draws on."""

    id: str
    name_en: str
    name_ko: str
    pillars: tuple[str, ...]
    isic_divisions: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ThemeMap:
    """Themes and pillars, with a lookup from industry label to themes."""

    pillars: tuple[Pillar, ...]
    themes: tuple[Theme, ...]
    source: str

    def themes_for(self, industry: str) -> tuple[Theme, ...]:
        """The themes of an industry label (one ISIC division, or several joined by ``+``), in file order."""
        divisions = set(industry.split("+"))
        return tuple(theme for theme in self.themes if divisions.intersection(theme.isic_divisions))

    def membership(self, industries: Sequence[str]) -> NDArray[np.bool_]:
        """Themes × industries: True where the industry belongs to the theme. O(T·K)."""
        return np.array(
            [
                [bool(set(code.split("+")).intersection(theme.isic_divisions)) for code in industries]
                for theme in self.themes
            ],
            dtype=np.bool_,
        ).reshape(len(self.themes), len(industries))

    def pillar(self, pillar_id: str) -> Pillar:
        """The pillar with this id."""
        return next(pillar for pillar in self.pillars if pillar.id == pillar_id)


def _text(source: Path, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigurationError(f"{source}: {key}: must be a non-empty string. Got {value!r} instead.")
    return value


def _strings(source: Path, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(item, str) and item for item in value):
        raise ConfigurationError(
            f"{source}: {key}: must be a non-empty list of strings. Got {value!r} instead."
        )
    return tuple(value)


def load_theme_map(path: str | Path = BUILTIN_THEMES_FILE) -> ThemeMap:
    """The theme map in a YAML file (by default the one shipped with innotwin), validated."""
    source = Path(path)
    try:
        content = yaml.safe_load(source.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigurationError(f"{source}: cannot be read ({error.strerror}).") from error
    except yaml.YAMLError as error:
        raise ConfigurationError(f"{source}: is not valid YAML: {error}") from error
    if not isinstance(content, Mapping) or set(content) != {"pillars", "themes"}:
        raise ConfigurationError(f"{source}: must have exactly the keys 'pillars' and 'themes'.")
    raw_pillars, raw_themes = content["pillars"], content["themes"]
    if (
        not isinstance(raw_pillars, Mapping)
        or set(raw_pillars) != set(PILLARS)
        or not all(isinstance(body, Mapping) for body in raw_pillars.values())
    ):
        raise ConfigurationError(f"{source}: pillars: must map exactly {list(PILLARS)} to their names.")
    pillars = tuple(
        Pillar(
            id=pillar,
            name_en=_text(source, f"pillars.{pillar}.name_en", raw_pillars[pillar].get("name_en")),
            name_ko=_text(source, f"pillars.{pillar}.name_ko", raw_pillars[pillar].get("name_ko")),
        )
        for pillar in PILLARS
    )
    if not isinstance(raw_themes, Mapping) or not raw_themes:
        raise ConfigurationError(f"{source}: themes: must map theme ids to themes.")
    themes = []
    for theme_id, body in raw_themes.items():
        key = f"themes.{theme_id}"
        if not isinstance(body, Mapping) or set(body) != _THEME_KEYS:
            raise ConfigurationError(f"{source}: {key}: must have exactly the keys {sorted(_THEME_KEYS)}.")
        theme_pillars = _strings(source, f"{key}.pillars", body["pillars"])
        unknown = sorted(set(theme_pillars) - set(PILLARS))
        if unknown:
            raise ConfigurationError(
                f"{source}: {key}.pillars: must name pillars from {list(PILLARS)}. Got {unknown} instead."
            )
        themes.append(
            Theme(
                id=str(theme_id),
                name_en=_text(source, f"{key}.name_en", body["name_en"]),
                name_ko=_text(source, f"{key}.name_ko", body["name_ko"]),
                pillars=tuple(pillar for pillar in PILLARS if pillar in theme_pillars),
                isic_divisions=_strings(source, f"{key}.isic_divisions", body["isic_divisions"]),
            )
        )
    return ThemeMap(pillars=pillars, themes=tuple(themes), source=str(source))
