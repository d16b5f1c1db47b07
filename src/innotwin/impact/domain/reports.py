"""Progress reports ("what changed since the last report") and reminders to send them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from innotwin.core.errors import DataError, Problem
from innotwin.impact.models import ProgressReport, Reminder
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair


def last_report(pair: TwinPair, organisation: Organisation | None = None) -> ProgressReport | None:
    reports = pair.impact_reports.all()
    if organisation is not None:
        reports = reports.filter(organisation=organisation)
    return reports.order_by("-period_end", "-pk").first()


def next_period_start(pair: TwinPair, organisation: Organisation | None = None) -> dt.date | None:
    """The day after the last report's period ends: where the next report starts."""
    last = last_report(pair, organisation)
    return last.period_end + dt.timedelta(days=1) if last else pair.started_on


@transaction.atomic
def submit_report(
    *,
    pair: TwinPair,
    reporter: Any,
    period_start: dt.date,
    period_end: dt.date,
    changes: str,
    organisation: Organisation | None = None,
    observations: Iterable[Callable[[ProgressReport], Any]] = (),
    today: dt.date | None = None,
) -> ProgressReport:
    """Store a report and the observations it brings (each a callable that records one with the report);
    any problem stores nothing."""
    problems = []
    if not changes.strip():
        problems.append(Problem(_("Say what changed since the last report."), field="changes"))
    if period_start > period_end:
        problems.append(Problem(_("The period starts after it ends."), field="period_start"))
    if period_end > (today or timezone.localdate()):
        problems.append(Problem(_("The period cannot end in the future."), field="period_end"))
    if problems:
        raise DataError(problems)
    report = ProgressReport.objects.create(
        pair=pair,
        organisation=organisation,
        period_start=period_start,
        period_end=period_end,
        changes=changes.strip(),
        reporter=reporter,
    )
    for record in observations:
        record(report)
    return report


@dataclass(frozen=True)
class ReminderSent:
    pair: str
    email: str
    last_report: dt.date | None


def send_reminders(
    *, every_days: int = 90, base_url: str = "", dry_run: bool = False, now: dt.datetime | None = None
) -> list[ReminderSent]:
    """Email each coordinator of an active pair whose last report ended more than ``every_days`` ago (or
    that never reported), at most once per ``every_days``; in each person's preferred language."""
    if every_days < 1:
        raise DataError(
            [Problem("Remind at most once a day: give --every of 1 or more days.", field="every")]
        )
    now = now or timezone.now()
    due = now.date() - dt.timedelta(days=every_days)
    sent = []
    for pair in TwinPair.objects.filter(status="active").prefetch_related("coordinators").order_by("slug"):
        last = last_report(pair)
        if last is not None and last.period_end > due:
            continue
        for user in pair.coordinators.filter(is_active=True).order_by("email"):
            recent = Reminder.objects.filter(
                pair=pair, user=user, sent_at__gt=now - dt.timedelta(days=every_days)
            )
            if recent.exists():
                continue
            if not dry_run:
                with translation.override(user.preferred_language or "en"):
                    link = base_url.rstrip("/") + reverse("impact:report", kwargs={"slug": pair.slug})
                    since = last.period_end.isoformat() if last else _("the start of the pair")
                    send_mail(
                        subject=_("Time to report the impact of %(pair)s") % {"pair": pair.name},
                        message=_(
                            "Please report what changed for %(pair)s since your last report (%(since)s): "
                            "new agreements, proposals, jobs, funding and events, each with its evidence."
                            "\n\n%(link)s"
                        )
                        % {"pair": pair.name, "since": since, "link": link},
                        from_email=settings.DEFAULT_FROM_EMAIL,
                        recipient_list=[user.email],
                    )
                Reminder.objects.create(pair=pair, user=user, sent_at=now)
            sent.append(
                ReminderSent(pair=pair.slug, email=user.email, last_report=last.period_end if last else None)
            )
    return sent
