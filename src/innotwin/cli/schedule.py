"""``innotwin schedule``: solve a mission's meeting schedule, or benchmark the scheduler."""

from __future__ import annotations

import json
from typing import Any

import click

from innotwin.cli.django_setup import setup_django
from innotwin.cli.output import emit

SOLVER_NAMES = ("highs", "assignment", "greedy")

_table_or_json = click.option(
    "--format",
    "output_format",
    type=click.Choice(("table", "json")),
    default="table",
    show_default=True,
    help="Output as a table for people or JSON for programs.",
)


@click.group()
def schedule() -> None:
    """Optimised 1:1 meeting schedules for missions and events."""


@schedule.command()
@click.argument("mission")
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds for the solver.",
)
@click.option("--solver", type=click.Choice(SOLVER_NAMES), default="highs", show_default=True)
@_table_or_json
def solve(mission: str, time_limit: float, solver: str, output_format: str) -> None:
    """Schedule the meeting requests of MISSION (its id or slug) and store the schedule for review.

    Prints the meetings, the value against the LP bound, and every unscheduled request with its reason.
    """
    setup_django()
    from innotwin.core.errors import NotFoundError
    from innotwin.missions.domain.solve import solve_mission
    from innotwin.missions.models import Mission

    found = Mission.objects.filter(slug=mission).first()
    if found is None and mission.isdigit():
        found = Mission.objects.filter(pk=int(mission)).first()
    if found is None:
        raise NotFoundError(
            f"There is no mission with the id or slug {mission!r}; list them with the API or the web pages."
        )
    result = solve_mission(mission=found, solver=solver, time_limit=time_limit)
    found.refresh_from_db()
    meetings = [
        {
            "slot": m.slot.index,
            "start": m.slot.start.isoformat(),
            "table": m.table.label,
            "venue": m.table.room.venue.name,
            "parties": f"{m.request.requester.name} – {m.request.counterpart.name}",
            "interpreter": m.interpreter.name if m.interpreter else "",
        }
        for m in found.meetings.select_related(
            "slot", "table__room__venue", "interpreter", "request__requester", "request__counterpart"
        )
    ]
    unscheduled = [{"reason": u.reason, "message": u.message_en} for u in found.unscheduled.all()]
    summary: dict[str, Any] = {
        "mission": found.slug,
        "solver": result.solver,
        "status": result.status.value,
        "value": result.value,
        "bound": result.bound,
        "bound_exact": result.bound_exact,
        "ratio": result.ratio,
        "seconds": result.solve_seconds,
        "meetings": len(meetings),
        "unscheduled": len(unscheduled),
    }
    if output_format == "json":
        click.echo(
            json.dumps(
                {**summary, "schedule": meetings, "unscheduled_requests": unscheduled},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    emit(
        meetings,
        columns=["slot", "start", "table", "venue", "parties", "interpreter"],
        output_format="table",
        title=found.title,
    )
    if unscheduled:
        emit(unscheduled, columns=["reason", "message"], output_format="table", title="Unscheduled requests")
    ratio = "" if result.ratio is None else f" ({result.ratio:.2%} of the LP bound {result.bound:,.2f})"
    click.echo(
        f"{len(meetings)} meetings scheduled by {result.solver} ({result.status.value}) in "
        f"{result.solve_seconds:.2f} s; value {result.value:,.2f}{ratio}; {len(unscheduled)} requests "
        "unscheduled. The mission is now in review."
    )


@schedule.command()
@click.option("--participants", type=click.IntRange(min=2), default=1000, show_default=True)
@click.option("--requests", type=click.IntRange(min=0), default=6000, show_default=True)
@click.option("--slots", type=click.IntRange(min=1), default=16, show_default=True)
@click.option("--tables", type=click.IntRange(min=1), default=60, show_default=True)
@click.option("--interpreters", type=click.IntRange(min=0), default=10, show_default=True)
@click.option("--seed", type=int, default=1, show_default=True)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Seconds for the exact solver.",
)
@click.option("--fallback-time-limit", type=click.FloatRange(min=0.1), default=2.0, show_default=True)
@_table_or_json
def bench(
    participants: int,
    requests: int,
    slots: int,
    tables: int,
    interpreters: int,
    seed: int,
    time_limit: float,
    fallback_time_limit: float,
    output_format: str,
) -> None:
    """Benchmark the scheduler on a generated event (skewed popularity, like real events): the exact
    solver's value and LP bound, the fast fallback's and greedy's values, times, and unscheduled requests
    by reason. Needs no database."""
    from innotwin.core.scheduling.bench import run_benchmark
    from innotwin.missions.quiet import quiet_stdout

    with quiet_stdout():
        report = run_benchmark(
            participants=participants,
            requests=requests,
            slots=slots,
            tables=tables,
            interpreters=interpreters,
            seed=seed,
            time_limit=time_limit,
            fallback_time_limit=fallback_time_limit,
        )
    if output_format == "json":
        click.echo(json.dumps(report, indent=2))
        return
    rows = [
        {
            "solver": "highs",
            "value": report["value"],
            "ratio": report["value_ratio"],
            "seconds": report["seconds"],
            "unscheduled": report["unscheduled"],
        },
        {
            "solver": "assignment",
            "value": report["fallback_value"],
            "ratio": report["fallback_ratio"],
            "seconds": report["fallback_seconds"],
            "unscheduled": report["fallback_unscheduled"],
        },
        {
            "solver": "greedy",
            "value": report["greedy_value"],
            "ratio": report["greedy_ratio"],
            "seconds": report["greedy_seconds"],
            "unscheduled": report["greedy_unscheduled"],
        },
    ]
    emit(
        rows,
        columns=["solver", "value", "ratio", "seconds", "unscheduled"],
        output_format="table",
        title=f"LP bound {report['bound']:,.2f}",
    )
