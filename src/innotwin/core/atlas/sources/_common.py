"""Helpers shared by the loaders: turning parsed cells into observations or gaps, and region checks."""

from __future__ import annotations

from dataclasses import dataclass, field

from innotwin.core.atlas.csvio import Missing, ProblemLog, Row
from innotwin.core.atlas.geography import Geography
from innotwin.core.atlas.model import Gap, LoadResult, Observation, Quality, Region, Source

__all__ = ["Collector"]


@dataclass
class Collector:
    """Accumulates a loader's observations and gaps; returns them only if the file had no problem."""

    log: ProblemLog
    observations: list[Observation] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)

    def known_region(self, geography: Geography, code: str, row: Row, column: str) -> str | None:
        """``code`` when the geography knows it; otherwise record a problem and return None."""
        if code in geography:
            return code
        self.log.add(
            f"Unknown region code '{code}'; use an official code of a region in the atlas geography.",
            line=row.line,
            field=column,
        )
        return None

    def add(
        self,
        value: float | Missing | None,
        *,
        region_code: str | None,
        indicator_code: str,
        period: int | None,
        unit: str,
        source: Source,
        quality: Quality = Quality.OFFICIAL,
        note: str = "",
        scale: float = 1.0,
        industry_classification: str = "",
        industry_code: str = "",
    ) -> None:
        """Record an observation, or a gap for a missing cell; skip silently after a problem (None)."""
        if value is None or region_code is None or period is None:
            return
        if isinstance(value, Missing):
            subject = f"{indicator_code} {industry_code}".strip()
            self.gaps.append(
                Gap(
                    region_code=region_code,
                    indicator_code=indicator_code,
                    period=period,
                    reason=f"{subject}: {value.reason}",
                    source_key=source.key,
                )
            )
            return
        self.observations.append(
            Observation(
                region_code=region_code,
                indicator_code=indicator_code,
                period=period,
                value=value * scale,
                unit=unit,
                source=source,
                quality=quality,
                note=note,
                industry_classification=industry_classification,
                industry_code=industry_code,
            )
        )

    def result(self) -> LoadResult:
        """The loaded values; raises the file's DataError instead when any problem was recorded."""
        self.log.raise_if_any()
        return LoadResult(
            observations=tuple(self.observations), regions=tuple(self.regions), gaps=tuple(self.gaps)
        )
