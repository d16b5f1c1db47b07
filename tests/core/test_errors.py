from __future__ import annotations

import pytest

from innotwin.core.errors import (
    ConfigurationError,
    DataError,
    InnotwinError,
    InvalidStateError,
    NotFoundError,
    PermissionDeniedError,
    Problem,
)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (ConfigurationError, ValueError),
        (DataError, ValueError),
        (NotFoundError, LookupError),
        (PermissionDeniedError, PermissionError),
        (InvalidStateError, ValueError),
    ],
)
def test_error_inherits_innotwin_error_and_nearest_builtin(error: type[Exception], builtin: type) -> None:
    assert issubclass(error, InnotwinError)
    assert issubclass(error, builtin)


def test_problem_str_with_location_names_file_line_and_field() -> None:
    problem = Problem("not a number: 'abc'", file="pop.csv", line=7, field="population")
    assert str(problem) == "pop.csv:7:population: not a number: 'abc'"


def test_problem_str_without_location_is_the_message() -> None:
    assert str(Problem("empty file")) == "empty file"


def test_data_error_with_one_problem_says_it_plainly() -> None:
    error = DataError([Problem("missing column 'year'", file="a.csv", line=1)])
    assert str(error) == "a.csv:1: missing column 'year'"
    assert error.code == "data_error"


def test_data_error_with_many_problems_counts_and_lists_them() -> None:
    problems = [Problem(f"bad value {i}", file="b.csv", line=i + 2, field="v") for i in range(25)]
    error = DataError(problems)
    lines = str(error).splitlines()
    assert lines[0] == "25 problems found:"
    assert lines[1] == "b.csv:2:v: bad value 0"
    assert lines[-1] == "… and 5 more"
    assert len(error.problems) == 25


def test_data_error_without_problems_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one Problem"):
        DataError([])
