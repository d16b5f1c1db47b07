"""Industry relatedness from the atlas: the product-space proximity φ of ISIC divisions, as the city-pair
discovery engine computes it (co-specialisation of UK and Korean regions in employment, Hidalgo et al.
2007, ``innotwin.core.economics.proximity``), for the matcher's industry component."""

from __future__ import annotations

import threading

from innotwin.core.errors import InnotwinError
from innotwin.core.pairing.dimensions import prepare
from innotwin.discovery.domain.atlas_fingerprint import atlas_fingerprint
from innotwin.discovery.domain.build_pairing_input import build_pairing_input

_CACHE: dict[str, dict[tuple[str, str], float]] = {}
_LOCK = threading.Lock()


def atlas_proximity() -> dict[tuple[str, str], float]:
    """φ between ISIC divisions (both orders), from the stored atlas; empty when the atlas holds no
    regional employment by industry for both countries. Recomputed only when the atlas changes."""
    key = atlas_fingerprint()
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    try:
        data = build_pairing_input(country_a="GB", country_b="KR").data
        phi = prepare(data, proximity_method="min_conditional", threshold=1.0).proximity
    except (InnotwinError, ValueError):
        table: dict[tuple[str, str], float] = {}
    else:
        groups = list(data.a.industries)
        table = {}
        for i, first in enumerate(groups):
            for j, second in enumerate(groups):
                if i == j:
                    continue
                for a in first.split("+"):
                    for b in second.split("+"):
                        value = float(phi[i, j])
                        if value > table.get((a, b), 0.0):
                            table[(a, b)] = value
    with _LOCK:
        _CACHE.clear()
        _CACHE[key] = table
    return table
