from __future__ import annotations

import datetime as dt

from innotwin.pairs.enums import AgreementKind
from innotwin.pairs.models import Agreement, TwinPair


def record_agreement(
    *,
    pair: TwinPair,
    kind: AgreementKind,
    title_en: str,
    title_ko: str = "",
    signed_on: dt.date | None = None,
    date_precision: str = "day",
    parties: str = "",
    source_url: str = "",
) -> Agreement:
    """Record an agreement or milestone of a pair; recording the same title twice updates it."""
    agreement, _created = Agreement.objects.update_or_create(
        pair=pair,
        title_en=title_en,
        defaults={
            "kind": kind,
            "title_ko": title_ko,
            "signed_on": signed_on,
            "date_precision": date_precision,
            "parties": parties,
            "source_url": source_url,
        },
    )
    return agreement
