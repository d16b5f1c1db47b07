from __future__ import annotations

from django.db import transaction

from innotwin.core.errors import NotFoundError
from innotwin.regions.enums import RegionLevel
from innotwin.regions.models import Country, Region


def save_country(*, code: str, name_en: str, name_ko: str) -> Country:
    """Create or update a country by its ISO 3166 code."""
    country, _created = Country.objects.update_or_create(
        code=code.upper(), defaults={"name_en": name_en, "name_ko": name_ko}
    )
    return country


@transaction.atomic
def save_region(
    *,
    code: str,
    country: str,
    level: RegionLevel | str,
    name_en: str,
    name_ko: str,
    parent: str | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
) -> Region:
    """Create or update a region by its official code; ``parent`` is the parent region's code."""
    try:
        country_obj = Country.objects.get(code=country.upper())
    except Country.DoesNotExist as exc:
        raise NotFoundError(f"Region {code} names the country {country!r}, which is not known.") from exc
    parent_obj = None
    if parent:
        parent_obj = Region.objects.filter(code=parent).first()
        if parent_obj is None:
            raise NotFoundError(f"Region {code} names the parent region {parent!r}, which is not known.")
    region, _created = Region.objects.update_or_create(
        code=code,
        defaults={
            "country": country_obj,
            "level": RegionLevel(level),
            "parent": parent_obj,
            "name_en": name_en,
            "name_ko": name_ko,
            "latitude": latitude,
            "longitude": longitude,
        },
    )
    return region
