"""Health checks of a running installation: configuration, database, migrations and data files.

Each check returns a :class:`CheckResult`; ``innotwin check`` prints them and exits non-zero when any
has the level ``error``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor


class Level(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class CheckResult:
    name: str
    level: Level
    message: str


def database_error_message(exc: Exception) -> str:
    """What to tell a person whose database cannot be reached."""
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    name = settings.DATABASES["default"].get("NAME")
    host = settings.DATABASES["default"].get("HOST") or "localhost"
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return (
        f"Cannot use the {engine} database {name!r} on {host} ({reason}). "
        "Check that the database server is running and that DATABASE_URL is right."
    )


def check_database() -> CheckResult:
    try:
        connection.ensure_connection()
    except DatabaseError as exc:
        return CheckResult("database", Level.ERROR, database_error_message(exc))
    return CheckResult(
        "database", Level.OK, f"{connection.vendor} database {connection.settings_dict['NAME']}"
    )


def check_migrations() -> CheckResult:
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return CheckResult(
            "migrations", Level.ERROR, "Cannot read the migration state: the database is unreachable."
        )
    if pending:
        return CheckResult(
            "migrations",
            Level.ERROR,
            f"{len(pending)} migrations are not applied; run 'innotwin demo' or 'innotwin manage migrate'.",
        )
    return CheckResult("migrations", Level.OK, "all migrations applied")


def check_translations() -> CheckResult:
    catalogue = Path(settings.LOCALE_PATHS[0]) / "ko" / "LC_MESSAGES" / "django.mo"
    if not catalogue.is_file():
        return CheckResult(
            "translations", Level.ERROR, f"The Korean catalogue {catalogue} is missing; reinstall innotwin."
        )
    return CheckResult("translations", Level.OK, "Korean catalogue present")


def check_shared_data() -> CheckResult:
    path = Path(settings.SHARED_DATA_DIR)
    if not path.is_dir():
        return CheckResult(
            "shared data",
            Level.WARNING,
            f"{path} does not exist: the platform runs on its bundled data; loaders and tests need "
            "INNOTWIN_SHARED_DATA to point at the public data sets.",
        )
    folders = sum(1 for child in path.iterdir() if child.is_dir())
    return CheckResult("shared data", Level.OK, f"{path} ({folders} data sets)")


def run_checks() -> list[CheckResult]:
    """Every check, in the order a person would fix them."""
    database = check_database()
    results = [database]
    if database.level is not Level.ERROR:
        results.append(check_migrations())
    results += [check_translations(), check_shared_data()]
    return results
