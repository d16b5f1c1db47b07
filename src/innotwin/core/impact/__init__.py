"""Impact: counting rules, currency conversion with a recorded rate, verification, targets, funnels.

Pure Python (no Django); the impact app stores observations and asks these functions whether one may be
counted, how a figure converts, and how far a pair has come.
"""

from innotwin.core.impact.counting import (
    WHOLE_UNITS,
    Fact,
    Period,
    check_countable,
    counting_problems,
    double_counting,
    share,
)
from innotwin.core.impact.money import Currency, ExchangeRate, Money, convert, parse_amount
from innotwin.core.impact.progress import Direction, FunnelStep, Progress, funnel, progress
from innotwin.core.impact.references import RecordRef
from innotwin.core.impact.verification import TRANSITIONS, Status, check_transition, needs_reason

__all__ = [
    "TRANSITIONS",
    "WHOLE_UNITS",
    "Currency",
    "Direction",
    "ExchangeRate",
    "Fact",
    "FunnelStep",
    "Money",
    "Period",
    "Progress",
    "RecordRef",
    "Status",
    "check_countable",
    "check_transition",
    "convert",
    "counting_problems",
    "double_counting",
    "funnel",
    "needs_reason",
    "parse_amount",
    "progress",
    "share",
]
