"""A reference to the innotwin record an observation follows from, so that it is counted once.

``app.model:pk#key`` names one countable fact about one record: ``pairs.agreement:12#signed`` is "the
agreement 12 was signed". The key separates the facts one record may carry (a proposal is ``submitted`` and
later ``funded``: two facts, two KPIs, each counted once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from innotwin.core.errors import DataError, Problem

__all__ = ["RecordRef"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_TOKEN = re.compile(
    r"^(?P<app>[a-z][a-z0-9_]*)\.(?P<model>[a-z][a-z0-9_]*):(?P<pk>[1-9][0-9]*)#(?P<key>[a-z][a-z0-9_]*)$"
)


@dataclass(frozen=True, order=True)
class RecordRef:
    app: str
    model: str
    pk: int
    key: str

    def __post_init__(self) -> None:
        problems = [
            Problem(f"The record reference's {name} {value!r} must be lower-case letters, digits and _.")
            for name, value in (("app", self.app), ("model", self.model), ("key", self.key))
            if not _NAME.match(value)
        ]
        if self.pk < 1:
            problems.append(Problem(f"The record reference's id must be a positive number, not {self.pk}."))
        if problems:
            raise DataError(problems)

    @property
    def token(self) -> str:
        return f"{self.app}.{self.model}:{self.pk}#{self.key}"

    @property
    def label(self) -> str:
        """``app.model`` — what :func:`django.apps.apps.get_model` takes."""
        return f"{self.app}.{self.model}"

    @classmethod
    def parse(cls, token: str) -> RecordRef:
        match = _TOKEN.match(token.strip())
        if match is None:
            raise DataError(
                [
                    Problem(
                        f"{token!r} is not a record reference; write app.model:id#key, e.g. "
                        "pairs.agreement:12#signed.",
                        field="record",
                    )
                ]
            )
        return cls(match["app"], match["model"], int(match["pk"]), match["key"])

    def __str__(self) -> str:
        return self.token
