"""The bilateral-partner rule, budgets in two currencies and the checks on attached documents."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from innotwin.core.errors import DataError
from innotwin.core.roadmaps import (
    MAX_DOCUMENT_BYTES,
    DocumentProblem,
    bilateral_gap,
    budget_problems,
    check_document,
    complete_budget,
)

RATE_DAY = dt.date(2025, 3, 31)


@pytest.mark.parametrize(
    ("countries", "missing"),
    [
        ([], ("GB", "KR")),
        (["GB", "GB"], ("KR",)),
        (["KR"], ("GB",)),
        (["KR", "GB", "US"], ()),
    ],
)
def test_bilateral_gap_names_each_missing_side(countries: list[str], missing: tuple[str, ...]) -> None:
    gap = bilateral_gap(countries)
    assert gap.missing == missing
    assert bool(gap) is bool(missing)


def test_the_won_amount_is_derived_from_pounds_and_the_recorded_rate() -> None:
    budget = complete_budget(gbp=Decimal(100000), krw=None, rate=Decimal("1850.5"), rate_date=RATE_DAY)
    assert budget.krw == Decimal(185050000)
    assert budget.rate_date == RATE_DAY


def test_the_pound_amount_is_derived_from_won_rounded_half_even() -> None:
    budget = complete_budget(gbp=None, krw=Decimal(1000), rate=Decimal(400), rate_date=RATE_DAY)
    assert budget.gbp == Decimal(2)  # 2.5 rounds to the even 2


def test_two_amounts_without_a_rate_record_the_rate_they_imply() -> None:
    budget = complete_budget(gbp=Decimal(3), krw=Decimal(5000), rate=None, rate_date=RATE_DAY)
    assert budget.rate == Decimal("1666.6667")


def test_one_amount_alone_is_kept_without_a_rate() -> None:
    budget = complete_budget(gbp=Decimal(50000), krw=None, rate=None, rate_date=None)
    assert (budget.gbp, budget.krw, budget.rate) == (Decimal(50000), None, None)


def test_inconsistent_amounts_and_missing_dates_are_refused_with_every_problem() -> None:
    assert [p.code for p in budget_problems(gbp=None, krw=None, rate=Decimal(1800), rate_date=None)] == [
        "rate_needs_date"
    ]
    problems = budget_problems(gbp=Decimal(-1), krw=None, rate=Decimal(0), rate_date=None)
    assert [p.code for p in problems] == ["negative", "zero_rate", "rate_needs_date"]
    with pytest.raises(DataError) as refused:
        complete_budget(gbp=Decimal(100), krw=Decimal(100), rate=Decimal(1800), rate_date=RATE_DAY)
    assert refused.value.problems[0].field == "budget_krw"
    assert "₩180,000" in refused.value.problems[0].message


def test_a_pdf_and_a_docx_are_accepted() -> None:
    assert check_document(b"%PDF-1.7\n...", filename="MoU.pdf") == ".pdf"
    assert check_document(b"PK\x03\x04rest", filename="bid.DOCX") == ".docx"
    assert check_document("의향서".encode(), filename="notes.txt") == ".txt"


@pytest.mark.parametrize(
    ("data", "filename", "reason"),
    [
        (b"MZ\x90\x00", "payload.exe", "extension"),
        (b"", "empty.pdf", "empty"),
        (b"<html>not a pdf</html>", "fake.pdf", "mismatch"),
        (b"%PDF-1.4", "renamed.docx", "mismatch"),
        (b"a\x00b", "binary.txt", "mismatch"),
    ],
)
def test_wrong_types_are_refused_with_a_reason(data: bytes, filename: str, reason: str) -> None:
    with pytest.raises(DocumentProblem) as refused:
        check_document(data, filename=filename)
    assert refused.value.reason == reason
    assert filename in refused.value.problems[0].message


def test_a_document_over_the_limit_is_refused() -> None:
    with pytest.raises(DocumentProblem) as refused:
        check_document(b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES, filename="huge.pdf")
    assert refused.value.reason == "too_large"
    assert "at most 10 MiB" in refused.value.problems[0].message
