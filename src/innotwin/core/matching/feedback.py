"""Feedback re-ranking: what an organisation accepted, declined (and why) or hid changes its later rankings.

The method (docs/methods/matching.md, "Feedback"), for one organisation's ranking:

1. **Hidden** candidates are removed before ranking, like a hard filter.
2. **Query refinement** (Rocchio, "Relevance feedback in information retrieval", in The SMART Retrieval
   System, 1971): the organisation's need vector moves towards the offer vectors of candidates it
   accepted and away from those it declined as not relevant:
   ``q' = normalise(q + β·Σ wᵢ·aᵢ / Σ wᵢ − γ·Σ wⱼ·dⱼ / Σ wⱼ)`` with β = 0.3 and γ = 0.2, so that
   candidates *like* an accepted one rise and candidates like a rejected one sink, not only the one
   judged.
3. **Reasons as attribute penalties**: a decline because of the partner's type, size or region multiplies
   the score of every candidate sharing that attribute by ``1 − p·w`` (p = 0.3 for type, 0.2 for size
   and region), compounding over events.
4. **The judged candidate itself**: declined as "not now" ×0.6; declined for any other reason ×0.3.
   Accepted candidates keep their score (their introduction is under way and the ranking still shows it).

Each event's weight halves every 90 days (``w = 0.5^(age/90)``), so old judgements fade. A decline of an
expression of interest by the other side counts as a decline for both organisations: a match is good
only if good for both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from innotwin.core.errors import DataError
from innotwin.core.matching.profile import MatchProfile

__all__ = [
    "DECLINE_REASONS",
    "FEEDBACK_KINDS",
    "FeedbackEvent",
    "FeedbackModel",
]

FEEDBACK_KINDS = ("accepted", "declined", "hidden")
DECLINE_REASONS = ("not_relevant", "wrong_type", "wrong_size", "wrong_region", "not_now", "other")

ROCCHIO_POSITIVE = 0.3
ROCCHIO_NEGATIVE = 0.2
ATTRIBUTE_PENALTY = {"wrong_type": 0.3, "wrong_size": 0.2, "wrong_region": 0.2}
SELF_FACTOR = {"not_now": 0.6}
SELF_FACTOR_DEFAULT = 0.3
HALF_LIFE_DAYS = 90.0


@dataclass(frozen=True, kw_only=True)
class FeedbackEvent:
    """One judgement of a candidate: ``kind`` accepted, declined (with a reason) or hidden."""

    candidate: int
    kind: str
    reason: str = ""
    age_days: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in FEEDBACK_KINDS:
            raise DataError(f"Feedback kind must be one of {', '.join(FEEDBACK_KINDS)}; got {self.kind!r}.")
        if self.kind == "declined" and self.reason not in DECLINE_REASONS:
            raise DataError(
                f"A decline needs a reason among {', '.join(DECLINE_REASONS)}; got {self.reason!r}."
            )

    @property
    def weight(self) -> float:
        return float(0.5 ** (max(self.age_days, 0.0) / HALF_LIFE_DAYS))


@dataclass(frozen=True)
class FeedbackModel:
    """The feedback of one organisation, ready to apply to its rankings."""

    events: tuple[FeedbackEvent, ...] = ()

    @property
    def hidden(self) -> frozenset[int]:
        return frozenset(event.candidate for event in self.events if event.kind == "hidden")

    def refine(
        self, query: npt.NDArray[np.float32], offer_vectors: Mapping[int, npt.NDArray[np.float32]]
    ) -> npt.NDArray[np.float32]:
        """The need vector moved towards accepted offers and away from offers declined as not relevant."""
        positive = [(e.weight, offer_vectors[e.candidate]) for e in self.events if e.kind == "accepted"]
        negative = [
            (e.weight, offer_vectors[e.candidate])
            for e in self.events
            if e.kind == "declined" and e.reason == "not_relevant"
        ]
        positive = [(w, v) for w, v in positive if v is not None]
        negative = [(w, v) for w, v in negative if v is not None]
        if not positive and not negative:
            return query
        moved = query.astype(np.float64).copy()
        for sign, beta, items in ((1.0, ROCCHIO_POSITIVE, positive), (-1.0, ROCCHIO_NEGATIVE, negative)):
            if items:
                total = sum(w for w, _ in items)
                centroid = sum(w * v.astype(np.float64) for w, v in items) / total
                moved += sign * beta * centroid
        norm = float(np.linalg.norm(moved))
        return (moved / norm).astype(np.float32) if norm > 0 else query

    def factor(self, candidate: MatchProfile, judged: Mapping[int, MatchProfile]) -> tuple[float, list[str]]:
        """The multiplier of ``candidate``'s score and the reasons for it (codes, for the explanation)."""
        factor = 1.0
        notes: list[str] = []
        for event in self.events:
            if event.kind != "declined":
                continue
            if event.candidate == candidate.key:
                factor *= 1.0 - (1.0 - SELF_FACTOR.get(event.reason, SELF_FACTOR_DEFAULT)) * event.weight
                notes.append(f"declined:{event.reason}")
                continue
            penalty = ATTRIBUTE_PENALTY.get(event.reason)
            other = judged.get(event.candidate)
            if penalty is None or other is None:
                continue
            same = {
                "wrong_type": candidate.type == other.type,
                "wrong_size": bool(candidate.size) and candidate.size == other.size,
                "wrong_region": candidate.region == other.region,
            }[event.reason]
            if same:
                factor *= 1.0 - penalty * event.weight
                notes.append(event.reason)
        return factor, sorted(set(notes))


def feedback_model(events: Sequence[FeedbackEvent]) -> FeedbackModel:
    """A :class:`FeedbackModel`; the latest event per candidate and kind wins over earlier ones."""
    latest: dict[tuple[int, str], FeedbackEvent] = {}
    for event in sorted(events, key=lambda e: -e.age_days):
        latest[(event.candidate, event.kind)] = event
    return FeedbackModel(tuple(latest.values()))
