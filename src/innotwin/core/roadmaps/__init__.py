"""Pure rules of roadmaps and the joint project pipeline: stage transitions, the bilateral-partner rule,
budgets in two currencies with a recorded rate, document checks and the diff that feeds the change
history. No Django here (``tests/core/test_core_is_pure.py``)."""

from innotwin.core.roadmaps.budget import Budget, BudgetProblem, budget_problems, complete_budget
from innotwin.core.roadmaps.documents import (
    DOCUMENT_EXTENSIONS,
    MAX_DOCUMENT_BYTES,
    DocumentProblem,
    check_document,
)
from innotwin.core.roadmaps.history import FieldChange, diff, replay
from innotwin.core.roadmaps.partners import BilateralGap, bilateral_gap
from innotwin.core.roadmaps.stages import (
    ACTIVE_STAGES,
    BOARD_STAGES,
    REASON_STAGES,
    STAGES,
    SUBMITTED_OR_LATER,
    TERMINAL_STAGES,
    TRANSITIONS,
    Stage,
    allowed_targets,
    check_transition,
)

__all__ = [
    "ACTIVE_STAGES",
    "BOARD_STAGES",
    "DOCUMENT_EXTENSIONS",
    "MAX_DOCUMENT_BYTES",
    "REASON_STAGES",
    "STAGES",
    "SUBMITTED_OR_LATER",
    "TERMINAL_STAGES",
    "TRANSITIONS",
    "BilateralGap",
    "Budget",
    "BudgetProblem",
    "DocumentProblem",
    "FieldChange",
    "Stage",
    "allowed_targets",
    "bilateral_gap",
    "budget_problems",
    "check_document",
    "check_transition",
    "complete_budget",
    "diff",
    "replay",
]
