"""The organisation record every import produces, whether from a person's file or an official register."""

from __future__ import annotations

from dataclasses import dataclass

from innotwin.core.registry.industries import IndustryCode

__all__ = ["OrganisationRecord"]


@dataclass(frozen=True, kw_only=True, slots=True)
class OrganisationRecord:
    """One organisation, validated and ready to store. ``line`` is its row in the source file.

    Bilingual texts come in pairs with their origin (``original``, ``translation`` or ``machine``);
    either language alone is a valid record.
    """

    line: int
    name_en: str
    name_ko: str
    type: str
    region: str
    industries: tuple[IndustryCode, ...] = ()
    size_band: str = ""
    founded_year: int | None = None
    website: str = ""
    description_en: str = ""
    description_en_origin: str = "original"
    description_ko: str = ""
    description_ko_origin: str = "original"
    keywords_en: str = ""
    keywords_en_origin: str = "original"
    keywords_ko: str = ""
    keywords_ko_origin: str = "original"
    external_id: str = ""
    postcode: str = ""
    locality: str = ""
    latitude: float | None = None
    longitude: float | None = None

    @property
    def name(self) -> str:
        return self.name_en or self.name_ko
