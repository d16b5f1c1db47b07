"""``manage.py impact_remind``: the same reminders as ``innotwin impact remind``, for schedulers that run
Django management commands."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from innotwin.impact.domain.reports import send_reminders


class Command(BaseCommand):
    help = "Email the coordinators of active pairs that are due to report their impact."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--every", type=int, default=90, help="Days between reports (and reminders).")
        parser.add_argument("--base-url", default="http://localhost:8000", help="The site's address.")
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be reminded; send nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_reminders(
            every_days=options["every"], base_url=options["base_url"], dry_run=options["dry_run"]
        )
        for item in sent:
            self.stdout.write(f"{item.pair}\t{item.email}\t{item.last_report or ''}")
        self.stdout.write(f"{len(sent)} reminder(s){' would be' if options['dry_run'] else ''} sent.")
