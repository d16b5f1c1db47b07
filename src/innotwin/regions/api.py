"""``/api/v1/regions``: the regions innotwin knows."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from innotwin.regions.models import Region

router = Router(tags=["regions"])


class RegionOut(Schema):
    code: str
    country: str
    level: str
    parent: str | None
    name_en: str
    name_ko: str
    latitude: float | None
    longitude: float | None

    @staticmethod
    def resolve_country(obj: Region) -> str:
        return obj.country_id

    @staticmethod
    def resolve_parent(obj: Region) -> str | None:
        return obj.parent.code if obj.parent else None


@router.get("", response=list[RegionOut], summary="List regions")
@paginate
def list_regions(
    request: HttpRequest, country: str | None = None, level: str | None = None
) -> QuerySet[Region]:
    """Regions, filtered by ISO country code (``GB``, ``KR``) and level (``uk-itl2``, ``kr-sido``, …)."""
    regions = Region.objects.select_related("parent").order_by("code")
    if country:
        regions = regions.filter(country_id=country.upper())
    if level:
        regions = regions.filter(level=level)
    return regions


@router.get("/{code}", response=RegionOut, summary="One region")
def get_region(request: HttpRequest, code: str) -> Region:
    return get_object_or_404(Region.objects.select_related("parent"), code=code)
