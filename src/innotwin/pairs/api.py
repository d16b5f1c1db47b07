"""``/api/v1/pairs``: twin pairs the caller may see."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from innotwin.accounts.permissions import Action, visible
from innotwin.pairs.models import TwinPair
from innotwin.regions.models import Region

router = Router(tags=["pairs"])


class PairRegionOut(Schema):
    code: str
    country: str
    name_en: str
    name_ko: str


class AgreementOut(Schema):
    kind: str
    title_en: str
    title_ko: str
    signed_on: dt.date | None
    date_precision: str
    parties: str
    source_url: str


class PairOut(Schema):
    slug: str
    status: str
    started_on: dt.date | None
    region_a: PairRegionOut
    region_b: PairRegionOut
    summary_en: str
    summary_ko: str
    pillars: list[str]

    @staticmethod
    def resolve_pillars(obj: TwinPair) -> list[str]:
        return [pillar.code for pillar in obj.pillars.all()]

    @staticmethod
    def resolve_region_a(obj: TwinPair) -> dict[str, str]:
        return _region(obj.region_a)

    @staticmethod
    def resolve_region_b(obj: TwinPair) -> dict[str, str]:
        return _region(obj.region_b)


class PairDetailOut(PairOut):
    agreements: list[AgreementOut]

    @staticmethod
    def resolve_agreements(obj: TwinPair) -> list[object]:
        return list(obj.agreements.all())


def _region(region: Region) -> dict[str, str]:
    return {
        "code": region.code,
        "country": region.country_id,
        "name_en": region.name_en,
        "name_ko": region.name_ko,
    }


def _pairs(request: HttpRequest) -> QuerySet[TwinPair]:
    queryset = TwinPair.objects.select_related("region_a", "region_b").prefetch_related("pillars")
    return visible(request.user, Action.VIEW_PAIR, queryset).order_by("slug")


@router.get("", response=list[PairOut], summary="List twin pairs")
@paginate
def list_pairs(request: HttpRequest, status: str | None = None) -> QuerySet[TwinPair]:
    """Twin pairs the caller may see: public pairs for everyone, proposed ones for their coordinators
    and for programme administrators."""
    pairs = _pairs(request)
    return pairs.filter(status=status) if status else pairs


@router.get("/{slug}", response=PairDetailOut, summary="One twin pair with its agreements")
def get_pair(request: HttpRequest, slug: str) -> TwinPair:
    pair = _pairs(request).filter(slug=slug).first()
    if pair is None:
        raise Http404(f"There is no twin pair {slug!r} that you may see.")
    return pair
