"""Rank every cross-country pair of atlas regions, with the robustness of each pair's place in the top k.

The ranking is cached (Django's cache, plain data) under a key made of the atlas fingerprint, the
countries and levels, the profile's weights and the robustness settings, so the Discover page does not
recompute it on every request; storing anything in the atlas changes the fingerprint and so the key.
The engine's result itself (numpy arrays, needed for explanations) is kept in a small per-process memo
under the same key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property
from threading import Lock

from django.core.cache import cache
from django.utils import timezone

from innotwin.bilingual import pick
from innotwin.core.pairing import (
    DIMENSIONS,
    PairingResult,
    WeightProfile,
    assess_robustness,
    get_profile,
    score_pairs,
)
from innotwin.discovery.domain.atlas_fingerprint import atlas_fingerprint
from innotwin.discovery.domain.build_pairing_input import (
    DiscoveryInput,
    SideInput,
    SourceNote,
    build_pairing_input,
    sector_levels,
)
from innotwin.regions.models import Country

#: Robustness settings of every ranking: the top k, Monte Carlo draws, weight spread and seed.
TOP_K = 10
DRAWS = 200
SPREAD = 0.5
SEED = 0
_MEMO_SIZE = 8


@dataclass(frozen=True)
class ProfileInfo:
    """The weight profile a ranking used."""

    name: str
    description: str
    weights: dict[str, float]
    source: str


@dataclass(frozen=True)
class RankedPair:
    """One pair in a ranking; ``total`` is None when no dimension has data for both regions."""

    rank: int
    a: str
    b: str
    name_a_en: str
    name_a_ko: str
    name_b_en: str
    name_b_ko: str
    total: float | None
    scores: dict[str, float | None]
    left_out: tuple[str, ...]
    top_k_probability: float
    strongest: str | None

    @property
    def name_a(self) -> str:
        return pick(en=self.name_a_en, ko=self.name_a_ko)

    @property
    def name_b(self) -> str:
        return pick(en=self.name_b_en, ko=self.name_b_ko)

    @property
    def present(self) -> int:
        """How many dimensions have data for both regions."""
        return len(DIMENSIONS) - len(self.left_out)


@dataclass(frozen=True)
class LeaveOneOutRow:
    """How many of the baseline top k stay there when one dimension or indicator is dropped."""

    dropped: str
    kind: str
    kept: int


@dataclass(frozen=True)
class RankBand:
    """5th, 50th and 95th percentile of a baseline top-k pair's rank under weight perturbation."""

    a: str
    b: str
    p05: float
    median: float
    p95: float


@dataclass(frozen=True)
class Ranking:
    """Every pair of the two countries' regions, best first, with robustness and provenance."""

    key: str
    fingerprint: str
    profile: ProfileInfo
    a: SideInput
    b: SideInput
    sources: dict[str, SourceNote]
    regions_a: tuple[tuple[str, str, str], ...]
    regions_b: tuple[tuple[str, str, str], ...]
    pairs: tuple[RankedPair, ...]
    k: int
    n_draws: int
    spread: float
    random_state: int
    leave_one_out: tuple[LeaveOneOutRow, ...]
    rank_bands: tuple[RankBand, ...]
    computed_at: dt.datetime
    seconds: float

    @cached_property
    def _index(self) -> dict[tuple[str, str], RankedPair]:
        return {(pair.a, pair.b): pair for pair in self.pairs}

    def pair(self, a: str, b: str) -> RankedPair | None:
        """The pair of region codes ``a`` (first country) and ``b``, or None when it was not scored."""
        return self._index.get((a, b))

    def grid(self) -> list[tuple[tuple[str, str, str], list[RankedPair]]]:
        """Rows of the heat map: each region of the first country with its pairs, in the second's order."""
        return [
            (region, [self._index[(region[0], other[0])] for other in self.regions_b])
            for region in self.regions_a
        ]


def default_countries() -> tuple[str, str]:
    """The first two countries (by code) whose regions have employment by industry in the atlas."""
    codes = [
        code
        for code in Country.objects.order_by("code").values_list("code", flat=True)
        if sector_levels(code)
    ]
    if len(codes) < 2:
        from innotwin.core.errors import DataError

        raise DataError(
            "The atlas has employment by industry for fewer than two countries; load the atlas first."
        )
    return codes[0], codes[1]


def _key(*parts: object) -> str:
    text = json.dumps(parts, sort_keys=True, default=str)
    return "innotwin:discovery:" + hashlib.sha256(text.encode()).hexdigest()[:24]


_memo: OrderedDict[str, tuple[DiscoveryInput, PairingResult]] = OrderedDict()
_memo_lock = Lock()


def scored_pairs(
    *,
    country_a: str,
    country_b: str,
    level_a: str | None = None,
    level_b: str | None = None,
    profile: str | WeightProfile = "balanced",
    fingerprint: str | None = None,
) -> tuple[DiscoveryInput, PairingResult]:
    """The engine's input and result for the two countries, from the per-process memo when current."""
    weights = get_profile(profile)
    key = _key(
        "scored",
        fingerprint or atlas_fingerprint(),
        country_a.upper(),
        country_b.upper(),
        level_a,
        level_b,
        dict(weights.weights),
    )
    with _memo_lock:
        if key in _memo:
            _memo.move_to_end(key)
            return _memo[key]
    data = build_pairing_input(country_a=country_a, country_b=country_b, level_a=level_a, level_b=level_b)
    found = (data, score_pairs(data.data, profile=weights))
    with _memo_lock:
        _memo[key] = found
        while len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return found


def clear_memo() -> None:
    """Forget this process's engine results (tests use it; an atlas change needs no call: keys change)."""
    with _memo_lock:
        _memo.clear()


def _number(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def rank_pairs(
    *,
    country_a: str,
    country_b: str,
    level_a: str | None = None,
    level_b: str | None = None,
    profile: str | WeightProfile = "balanced",
    k: int = TOP_K,
    n_draws: int = DRAWS,
) -> Ranking:
    """Every pair of a region of ``country_a`` with a region of ``country_b``, best first, cached."""
    weights = get_profile(profile)
    fingerprint = atlas_fingerprint()
    key = _key(
        "ranking",
        fingerprint,
        country_a.upper(),
        country_b.upper(),
        level_a,
        level_b,
        weights.name,
        dict(weights.weights),
        k,
        n_draws,
    )
    cached = cache.get(key)
    if isinstance(cached, Ranking):
        return cached
    started = time.perf_counter()
    data, result = scored_pairs(
        country_a=country_a,
        country_b=country_b,
        level_a=level_a,
        level_b=level_b,
        profile=weights,
        fingerprint=fingerprint,
    )
    robustness = assess_robustness(result, k=k, n_draws=n_draws, spread=SPREAD, random_state=SEED)
    frame = result.to_frame()
    rows = {code: n for n, code in enumerate(result.data.a.codes)}
    columns = {code: n for n, code in enumerate(result.data.b.codes)}
    pairs = []
    for record in frame.itertuples(index=False):
        i, j = rows[record.a], columns[record.b]
        scores = {dimension: _number(float(result.scores[n, i, j])) for n, dimension in enumerate(DIMENSIONS)}
        counted = [(d, s) for d, s in scores.items() if s is not None and weights.weights[d] > 0]
        pairs.append(
            RankedPair(
                rank=int(record.rank),
                a=record.a,
                b=record.b,
                name_a_en=result.data.a.names_en[i],
                name_a_ko=result.data.a.names_ko[i],
                name_b_en=result.data.b.names_en[j],
                name_b_ko=result.data.b.names_ko[j],
                total=_number(float(record.total)),
                scores=scores,
                left_out=tuple(d for d, s in scores.items() if s is None),
                top_k_probability=float(robustness.top_k_probability[i, j]),
                strongest=max(counted, key=lambda item: item[1])[0] if counted else None,
            )
        )
    side_a, side_b = result.data.a, result.data.b
    ranking = Ranking(
        key=key,
        fingerprint=fingerprint,
        profile=ProfileInfo(
            name=weights.name,
            description=weights.description,
            weights=dict(weights.weights),
            source=weights.source,
        ),
        a=data.a,
        b=data.b,
        sources=data.sources,
        regions_a=tuple(zip(side_a.codes, side_a.names_en, side_a.names_ko, strict=True)),
        regions_b=tuple(zip(side_b.codes, side_b.names_en, side_b.names_ko, strict=True)),
        pairs=tuple(pairs),
        k=k,
        n_draws=n_draws,
        spread=SPREAD,
        random_state=SEED,
        leave_one_out=tuple(
            LeaveOneOutRow(dropped=check.dropped, kind=check.kind, kept=check.top_k_kept)
            for check in robustness.leave_one_out
        ),
        rank_bands=tuple(
            RankBand(a=a, b=b, p05=p05, median=median, p95=p95)
            for (a, b), p05, median, p95 in zip(
                robustness.baseline,
                robustness.rank_p05,
                robustness.rank_median,
                robustness.rank_p95,
                strict=True,
            )
        ),
        computed_at=timezone.now(),
        seconds=round(time.perf_counter() - started, 3),
    )
    cache.set(key, ranking, timeout=None)
    return ranking
