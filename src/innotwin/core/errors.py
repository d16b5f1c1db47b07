"""The one error hierarchy of innotwin.

Every error innotwin raises on purpose is an :class:`InnotwinError`. Each subclass also inherits the
nearest built-in exception, so callers that only know Python's own types still catch them::

    InnotwinError (Exception)
    ├── ConfigurationError (ValueError)   a setting, a DATABASE_URL or a config file is wrong
    ├── DataError (ValueError)            input data is malformed; carries every Problem found
    ├── NotFoundError (LookupError)       a named thing (region, pair, file) does not exist
    ├── PermissionDeniedError (PermissionError)  the user may not do this
    └── InvalidStateError (ValueError)    a transition or write that the record's state forbids

Each class has a stable ``code`` used in the API's JSON error shape and a message written for the
person who has to fix it: what is wrong, where, and how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "ConfigurationError",
    "DataError",
    "InnotwinError",
    "InvalidStateError",
    "NotFoundError",
    "PermissionDeniedError",
    "Problem",
]


class InnotwinError(Exception):
    """Base of every error innotwin raises on purpose."""

    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigurationError(InnotwinError, ValueError):
    """A setting, a database URL or a configuration file is wrong."""

    code = "configuration_error"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with input data, located as precisely as the input allows."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        location = ":".join(
            part for part in (self.file, None if self.line is None else str(self.line), self.field) if part
        )
        return f"{location}: {self.message}" if location else self.message


class DataError(InnotwinError, ValueError):
    """Input data is malformed. ``problems`` lists every problem found, not only the first."""

    code = "data_error"

    def __init__(self, problems: Iterable[Problem] | str) -> None:
        self.problems: tuple[Problem, ...] = (
            (Problem(problems),) if isinstance(problems, str) else tuple(problems)
        )
        if not self.problems:
            raise ValueError("DataError needs at least one Problem.")
        count = len(self.problems)
        head = "\n".join(str(problem) for problem in self.problems[:20])
        more = f"\n… and {count - 20} more" if count > 20 else ""
        summary = str(self.problems[0]) if count == 1 else f"{count} problems found:\n{head}{more}"
        super().__init__(summary)


class NotFoundError(InnotwinError, LookupError):
    """A named thing does not exist."""

    code = "not_found"


class PermissionDeniedError(InnotwinError, PermissionError):
    """The user may not do this."""

    code = "permission_denied"


class InvalidStateError(InnotwinError, ValueError):
    """The record's current state forbids this change; the record is left unchanged."""

    code = "invalid_state"
