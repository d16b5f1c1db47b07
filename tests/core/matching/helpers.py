"""Small hand-made matching worlds: profiles with chosen offer and need vectors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from innotwin.core.matching import Matcher, MatchProfile, make_index

TODAY = dt.date(2026, 6, 1)
DIM = 8


def unit(*weights: float) -> np.ndarray:
    vector = np.zeros(DIM, dtype=np.float32)
    vector[: len(weights)] = weights
    return vector / np.linalg.norm(vector)


def profile(key: int, **values: Any) -> MatchProfile:
    defaults: dict[str, Any] = {
        "name": f"org {key}",
        "type": "sme",
        "region": "KR-26" if key >= 100 else "E08000012",
        "country": "KR" if key >= 100 else "GB",
        "updated": TODAY,
    }
    return MatchProfile(key=key, **{**defaults, **values})


def world(
    entries: list[tuple[MatchProfile, np.ndarray, np.ndarray]], backend: str = "exact", **options: Any
) -> Matcher:
    """A matcher over ``(profile, offer vector, need vector)`` entries."""
    offers, needs = make_index(backend, DIM), make_index(backend, DIM)
    keys = [entry[0].key for entry in entries]
    offers.add(keys, np.vstack([entry[1] for entry in entries]))
    needs.add(keys, np.vstack([entry[2] for entry in entries]))
    return Matcher(
        profiles={entry[0].key: entry[0] for entry in entries},
        offer_index=offers,
        need_index=needs,
        today=options.pop("today", TODAY),
        **options,
    )
