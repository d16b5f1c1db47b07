"""Read-only selections of the registry shared by the web pages, the API and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from innotwin.core.registry.industries import ISIC4_SECTIONS
from innotwin.organisations.enums import ProfileStatus
from innotwin.organisations.models import OpportunityProfile, Organisation
from innotwin.pairs.models import TwinPair
from innotwin.regions.models import Region


def region_and_descendants(code: str) -> set[str]:
    """``code`` and the codes of the regions inside it (districts of an authority, sigungu of a sido)."""
    codes, frontier = {code}, {code}
    while frontier:
        frontier = set(Region.objects.filter(parent__in=frontier).values_list("pk", flat=True)) - codes
        codes |= frontier
    return codes


def live_profiles() -> QuerySet[OpportunityProfile]:
    """Published profiles that have not expired: what the public sees."""
    return OpportunityProfile.objects.filter(
        status=ProfileStatus.PUBLISHED, expires_on__gte=timezone.localdate()
    )


def twin_cities() -> list[Region]:
    """The regions of the twin pairs, which the directory offers as its 'city' filter."""
    pairs = TwinPair.objects.filter(status__in=("active", "paused", "completed")).select_related(
        "region_a", "region_b"
    )
    seen: dict[str, Region] = {}
    for pair in pairs:
        for region in (pair.region_a, pair.region_b):
            seen.setdefault(region.pk, region)
    return sorted(seen.values(), key=lambda region: (region.country_id != "GB", region.name_en))


@dataclass(frozen=True)
class DirectoryFilter:
    """The directory's filters; empty strings mean 'any'."""

    q: str = ""
    city: str = ""
    type: str = ""
    industry: str = ""
    pillar: str = ""
    language: str = ""

    @property
    def active(self) -> bool:
        return any((self.q, self.city, self.type, self.industry, self.pillar, self.language))


def organisations_in(*, region: str | None = None, type: str | None = None) -> QuerySet[Organisation]:
    """Organisations in ``region`` (and the regions inside it), of ``type``."""
    organisations = Organisation.objects.all()
    if region:
        organisations = organisations.filter(region__in=region_and_descendants(region))
    if type:
        organisations = organisations.filter(type=type)
    return organisations


def directory(filters: DirectoryFilter) -> QuerySet[Organisation]:
    """Organisations matching the directory's filters and search words."""
    organisations = organisations_in(region=filters.city or None, type=filters.type or None)
    if filters.industry in ISIC4_SECTIONS:
        organisations = organisations.filter(industries__isic_sections__contains=filters.industry)
    if filters.pillar:
        organisations = organisations.filter(profiles__in=live_profiles().filter(pillar=filters.pillar))
    if filters.language == "en":
        organisations = organisations.exclude(name_en="", description_en="")
    elif filters.language == "ko":
        organisations = organisations.exclude(name_ko="", description_ko="")
    for word in filters.q.split()[:6]:
        organisations = organisations.filter(
            Q(name_en__icontains=word)
            | Q(name_ko__icontains=word)
            | Q(description_en__icontains=word)
            | Q(description_ko__icontains=word)
            | Q(keywords_en__icontains=word)
            | Q(keywords_ko__icontains=word)
            | Q(locality__icontains=word)
        )
    if filters.industry or filters.pillar:
        organisations = organisations.distinct()
    return organisations.select_related("region")
