"""Progress against a target, and the funnel from introductions to funded projects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

__all__ = ["Direction", "FunnelStep", "Progress", "funnel", "progress"]


class Direction(StrEnum):
    INCREASE = "increase"  # more is better (jobs, agreements)
    DECREASE = "decrease"  # less is better (rarely: a cost)


@dataclass(frozen=True)
class Progress:
    achieved: Decimal
    target: Decimal
    baseline: Decimal
    share: float | None  # of the way from baseline to target, 0 … (may pass 1); None if no distance
    met: bool
    remaining: Decimal  # still to go (zero once met)


def progress(
    *,
    achieved: Decimal,
    target: Decimal,
    baseline: Decimal = Decimal(0),
    direction: Direction = Direction.INCREASE,
) -> Progress:
    """How far ``achieved`` has come from ``baseline`` towards ``target``."""
    if direction is Direction.INCREASE:
        distance, done = target - baseline, achieved - baseline
        met = achieved >= target
        remaining = max(target - achieved, Decimal(0))
    else:
        distance, done = baseline - target, baseline - achieved
        met = achieved <= target
        remaining = max(achieved - target, Decimal(0))
    share = None if distance <= 0 else max(float(done / distance), 0.0)
    return Progress(
        achieved=achieved, target=target, baseline=baseline, share=share, met=met, remaining=remaining
    )


@dataclass(frozen=True)
class FunnelStep:
    name: str
    count: int
    from_previous: float | None  # this step's count as a share of the previous step's; None at the top


def funnel(steps: Sequence[tuple[str, int]]) -> list[FunnelStep]:
    """The steps with the conversion from each to the next (None where the previous step is zero)."""
    result: list[FunnelStep] = []
    previous: int | None = None
    for name, count in steps:
        if count < 0:
            raise ValueError(f"A funnel step cannot count {count}.")
        rate = None if previous is None or previous == 0 else count / previous
        result.append(FunnelStep(name=name, count=count, from_previous=rate))
        previous = count
    return result
