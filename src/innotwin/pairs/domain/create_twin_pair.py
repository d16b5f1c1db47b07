from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from innotwin.core.errors import InvalidStateError, NotFoundError
from innotwin.pairs.enums import PairStatus, PillarCode
from innotwin.pairs.models import Pillar, TwinPair
from innotwin.regions.models import Region


def _region(code: str) -> Region:
    region = Region.objects.select_related("country").filter(code=code).first()
    if region is None:
        raise NotFoundError(_("There is no region with the code %(code)s.") % {"code": code})
    return region


@transaction.atomic
def create_twin_pair(
    *,
    region_a: str,
    region_b: str,
    status: PairStatus = PairStatus.PROPOSED,
    started_on: dt.date | None = None,
    summary_en: str = "",
    summary_ko: str = "",
    pillars: tuple[PillarCode, ...] = tuple(PillarCode),
    slug: str | None = None,
) -> TwinPair:
    """Create a twin pair of two regions in different countries, or update the one that exists."""
    first, second = _region(region_a), _region(region_b)
    if first.country_id == second.country_id:
        raise InvalidStateError(
            _("A twin pair joins regions in two countries; %(a)s and %(b)s are both in %(country)s.")
            % {"a": first.name, "b": second.name, "country": first.country.name}
        )
    pair, _created = TwinPair.objects.update_or_create(
        region_a=first,
        region_b=second,
        defaults={
            "slug": slug or slugify(f"{first.name_en}-{second.name_en}"),
            "status": status,
            "started_on": started_on,
            "summary_en": summary_en,
            "summary_ko": summary_ko,
        },
    )
    pair.pillars.set(Pillar.objects.filter(code__in=pillars))
    return pair
