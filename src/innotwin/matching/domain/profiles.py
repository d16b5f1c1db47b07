"""What the matcher knows of each organisation, read from the registry in a few queries.

An organisation takes part in matching once it has something to match on: a description, capabilities,
a live opportunity profile or, for organisations imported from a register without any text, the names of
its industries (from the atlas, in English and Korean).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from innotwin.atlas.models import Industry
from innotwin.core.matching import MatchProfile, Passage
from innotwin.core.text import analyse
from innotwin.organisations.enums import OpportunityKind
from innotwin.organisations.models import OpportunityProfile, Organisation

REQUEST_KINDS = frozenset(
    {
        OpportunityKind.TECHNOLOGY_REQUEST,
        OpportunityKind.BUSINESS_REQUEST,
        OpportunityKind.RESEARCH_PARTNER_REQUEST,
        OpportunityKind.POLICY_EXCHANGE_REQUEST,
    }
)


@dataclass(frozen=True)
class ProfileTexts:
    """One organisation's profile for the matcher and the texts its two vectors embed."""

    profile: MatchProfile
    offer_text: str
    need_text: str

    def text(self, role: str) -> str:
        return self.offer_text if role == "offer" else self.need_text


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _pair(source: str, en: str, ko: str) -> list[Passage]:
    """One passage per language a field is written in, each carrying the other language's text."""
    en, ko = en.strip(), ko.strip()
    passages = []
    if en:
        passages.append(
            Passage(text=en, language="en", source=source, other_text=ko, other_language="ko" if ko else "")
        )
    if ko:
        passages.append(
            Passage(text=ko, language="ko", source=source, other_text=en, other_language="en" if en else "")
        )
    return passages


def _industry_names() -> dict[str, tuple[str, str]]:
    """Harmonised ISIC group code → (English name, Korean name), from the atlas."""
    return {
        code: (name_en, name_ko)
        for code, name_en, name_ko in Industry.objects.filter(classification="isic4").values_list(
            "code", "name_en", "name_ko"
        )
    }


def organisations_for_matching(ids: Iterable[int] | None = None) -> QuerySet[Organisation]:
    today = timezone.localdate()
    live = OpportunityProfile.objects.filter(status="published", expires_on__gte=today).select_related(
        "pillar"
    )
    queryset = Organisation.objects.select_related("region").prefetch_related(
        "industries", Prefetch("profiles", queryset=live, to_attr="live_profiles")
    )
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    return queryset.order_by("pk")


def build_profiles(organisations: Iterable[Organisation]) -> dict[int, ProfileTexts]:
    """Profiles of the organisations that have anything to match on, by organisation id."""
    names = _industry_names()
    result: dict[int, ProfileTexts] = {}
    for organisation in organisations:
        item = profile_of(organisation, names)
        if item is not None:
            result[organisation.pk] = item
    return result


def profile_of(organisation: Organisation, names: dict[str, tuple[str, str]]) -> ProfileTexts | None:
    live: list[OpportunityProfile] = list(getattr(organisation, "live_profiles", None) or [])
    groups = sorted(
        {industry.isic_group for industry in organisation.industries.all() if industry.isic_group}
    )
    offers = _pair("description", organisation.description_en, organisation.description_ko)
    offers += _pair("capabilities", organisation.keywords_en, organisation.keywords_ko)
    needs: list[Passage] = []
    sought_types: set[str] = set()
    sought_sizes: set[str] = set()
    for profile in live:
        passages = _pair(
            f"profile:{profile.pk}",
            ". ".join(part for part in (profile.title_en, profile.summary_en) if part),
            ". ".join(part for part in (profile.title_ko, profile.summary_ko) if part),
        )
        if profile.kind in REQUEST_KINDS:
            needs += passages
            sought_types.update(profile.partner_types or [])
            if profile.partner_size:
                sought_sizes.add(profile.partner_size)
        else:
            offers += passages
    if not offers:
        for group in groups:
            en, ko = names.get(group, ("", ""))
            offers += _pair(f"industry:{group}", en, ko)
    if not offers and not needs:
        return None
    if not offers:
        offers = list(needs)
    if not needs:
        needs = list(offers)
    updated = max(
        [organisation.updated_at, *(profile.updated_at for profile in live)], default=organisation.updated_at
    )
    offer_text = "\n".join(passage.text for passage in offers)
    need_text = "\n".join(passage.text for passage in needs)
    match_profile = MatchProfile(
        key=organisation.pk,
        name=organisation.name,
        type=organisation.type,
        region=organisation.region_id,
        country=organisation.region.country_id,
        size=organisation.size_band,
        languages=frozenset({passage.language for passage in offers + needs}),
        pillars=frozenset(profile.pillar_id for profile in live),
        industries=frozenset(groups),
        offers=tuple(offers),
        needs=tuple(needs),
        offer_terms=analyse(offer_text),
        need_terms=analyse(need_text) if need_text != offer_text else (),
        sought_types=frozenset(sought_types),
        sought_sizes=frozenset(sought_sizes),
        updated=timezone.localtime(updated).date() if updated else dt.date.today(),
    )
    if not match_profile.need_terms:
        match_profile = _with_need_terms(match_profile)
    return ProfileTexts(profile=match_profile, offer_text=offer_text, need_text=need_text)


def _with_need_terms(profile: MatchProfile) -> MatchProfile:
    from dataclasses import replace

    return replace(profile, need_terms=profile.offer_terms)
