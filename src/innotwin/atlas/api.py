"""``/api/v1/indicators``, ``/sources`` and ``/observations``: the atlas, every value sourced."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from innotwin.atlas.models import Indicator, Observation, Source

router = Router(tags=["atlas"])


class IndicatorOut(Schema):
    code: str
    name_en: str
    name_ko: str
    definition_en: str
    definition_ko: str
    unit: str


class SourceOut(Schema):
    key: str
    publisher: str
    dataset: str
    url: str
    licence: str
    via: str


class ObservationOut(Schema):
    region: str
    indicator: str
    period: int
    industry_classification: str
    industry_code: str
    value: float
    unit: str
    quality: str
    note: str
    source: SourceOut

    @staticmethod
    def resolve_region(obj: Observation) -> str:
        return obj.region_id

    @staticmethod
    def resolve_indicator(obj: Observation) -> str:
        return obj.indicator_id


@router.get("/indicators", response=list[IndicatorOut], summary="The indicator catalogue")
def list_indicators(request: HttpRequest) -> QuerySet[Indicator]:
    return Indicator.objects.all()


@router.get("/sources", response=list[SourceOut], summary="Every source the atlas cites")
def list_sources(request: HttpRequest) -> QuerySet[Source]:
    return Source.objects.all()


@router.get("/observations", response=list[ObservationOut], summary="Sourced values, filtered")
@paginate
def list_observations(
    request: HttpRequest,
    region: str | None = None,
    indicator: str | None = None,
    period: int | None = None,
    source: str | None = None,
    industry: str | None = None,
) -> QuerySet[Observation]:
    """Values with their unit, year, quality flag and source (publisher, dataset, address, licence).
    ``industry=none`` keeps only values that are not broken down by industry."""
    observations = Observation.objects.select_related("source").order_by(
        "region_id", "indicator_id", "period", "industry_code"
    )
    filters = {"region_id": region, "indicator_id": indicator, "period": period, "source_id": source}
    observations = observations.filter(**{k: v for k, v in filters.items() if v is not None})
    if industry == "none":
        observations = observations.filter(industry_code="")
    elif industry:
        observations = observations.filter(industry_code=industry)
    return observations
