"""What the matcher knows of each organisation: its texts, industries, pillars, what it seeks, and filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from innotwin.core.errors import DataError

__all__ = ["Filters", "MatchProfile", "Passage"]


@dataclass(frozen=True, kw_only=True)
class Passage:
    """One passage of an organisation's texts, with the same field in its other language when it has one."""

    text: str
    language: str
    source: str
    other_text: str = ""
    other_language: str = ""


@dataclass(frozen=True, kw_only=True)
class MatchProfile:
    """One organisation as the matcher sees it.

    ``offers`` are the passages describing what it does and offers (its description, capabilities and
    offer profiles); ``needs`` those describing what it seeks (its request profiles; an organisation that
    states no need is taken to seek partners in its own line of work, so its ``needs`` are its offers).
    ``offer_terms`` and ``need_terms`` are the lexical terms of each side (``innotwin.core.text.analyse``).
    ``industries`` are harmonised ISIC Rev.4 groups (one division, or several joined by ``+``);
    ``sought_types`` and ``sought_sizes`` come from its request profiles (empty: no preference).
    """

    key: int
    name: str
    type: str
    region: str
    country: str
    size: str = ""
    languages: frozenset[str] = frozenset()
    pillars: frozenset[str] = frozenset()
    industries: frozenset[str] = frozenset()
    offers: tuple[Passage, ...] = ()
    needs: tuple[Passage, ...] = ()
    offer_terms: tuple[str, ...] = ()
    need_terms: tuple[str, ...] = ()
    sought_types: frozenset[str] = frozenset()
    sought_sizes: frozenset[str] = frozenset()
    updated: dt.date = field(default_factory=dt.date.today)

    @property
    def divisions(self) -> frozenset[str]:
        """The ISIC divisions of its industries."""
        return frozenset(division for group in self.industries for division in group.split("+") if division)


@dataclass(frozen=True, kw_only=True)
class Filters:
    """Hard filters applied before ranking: a candidate failing any is never ranked.

    Empty sets allow everything. ``countries`` restricts candidates to those countries (the twin city's
    country for cross-border matching); ``exclude`` removes keys (the querying organisation, hidden ones).
    """

    types: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    pillars: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    exclude: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        for name in ("types", "regions", "countries", "pillars", "languages"):
            value = getattr(self, name)
            if isinstance(value, str) or not isinstance(value, frozenset):
                raise DataError(f"The {name!r} filter must be a frozenset of strings; got {value!r}.")

    def allows(self, profile: MatchProfile) -> bool:
        """Whether ``profile`` passes every filter."""
        return (
            profile.key not in self.exclude
            and (not self.types or profile.type in self.types)
            and (not self.regions or profile.region in self.regions)
            and (not self.countries or profile.country in self.countries)
            and (not self.pillars or bool(profile.pillars & self.pillars))
            and (not self.languages or bool(profile.languages & self.languages))
        )
