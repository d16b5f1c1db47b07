"""A short digest that changes whenever the atlas or the discovery tables change: the cache's version."""

from __future__ import annotations

import hashlib

from django.db.models import Count, Max, Sum

import innotwin
from innotwin.atlas.models import Gap, Observation
from innotwin.discovery import reference
from innotwin.regions.models import Region


def atlas_fingerprint() -> str:
    """Digest of the atlas (value and gap counts, newest ids and the sum of all values, region names), the
    discovery tables and the innotwin version.

    Storing atlas values always deletes and re-creates a source's rows, so any load or import changes the
    newest observation id; a renamed region changes the names. Three queries, a few milliseconds.
    """
    observations = Observation.objects.aggregate(count=Count("id"), newest=Max("id"), total=Sum("value"))
    gaps = Gap.objects.aggregate(count=Count("id"), newest=Max("id"))
    digest = hashlib.sha256(
        # The sum is rounded so that the order in which a database adds floats never changes the digest.
        f"{observations['count']}:{observations['newest']}:{float(observations['total'] or 0):.9g}:"
        f"{gaps}:{reference.tables_digest()}:{innotwin.__version__}".encode()
    )
    for row in Region.objects.order_by("code").values_list("code", "name_en", "name_ko"):
        digest.update("\t".join(row).encode())
    return digest.hexdigest()[:16]
