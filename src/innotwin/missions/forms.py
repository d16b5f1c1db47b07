"""The forms of the mission pages: solving, moving a meeting, and finding virtual meeting slots."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import forms
from django.utils.translation import gettext_lazy as _

from innotwin.missions.models import Mission, Table
from innotwin.missions.templatetags.mission_tags import local


class SolveForm(forms.Form):
    solver = forms.ChoiceField(
        label=_("Solver"),
        choices=[
            ("highs", _("Exact (HiGHS), with a time limit")),
            ("assignment", _("Fast (one assignment per slot)")),
            ("greedy", _("Greedy baseline")),
        ],
        initial="highs",
    )
    time_limit = forms.IntegerField(label=_("Time limit in seconds"), min_value=1, max_value=120, initial=30)


class MoveForm(forms.Form):
    slot = forms.TypedChoiceField(label=_("Slot"), coerce=int)
    table = forms.TypedChoiceField(label=_("Table"), coerce=int)

    def __init__(self, *args: Any, mission: Mission, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zone = ZoneInfo(mission.time_zone)
        self.fields["slot"].choices = [
            (slot.pk, local(slot.start.astimezone(zone), "when")) for slot in mission.slots.all()
        ]
        self.fields["table"].choices = [
            (table.pk, f"{table.label} · {table.room.venue.name}, {table.room.name}")
            for table in Table.objects.filter(room__venue__mission=mission).select_related("room__venue")
        ]


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise forms.ValidationError(
            _("%(zone)s is not an IANA time zone; write it like Europe/London or Asia/Seoul."),
            params={"zone": value},
        ) from error
    return value


class VirtualForm(forms.Form):
    first = forms.DateField(label=_("First day"), widget=forms.DateInput(attrs={"type": "date"}))
    days = forms.IntegerField(label=_("Number of days to search"), min_value=1, max_value=31, initial=5)
    duration = forms.IntegerField(
        label=_("Meeting length in minutes"), min_value=15, max_value=240, initial=60
    )
    zone_a = forms.CharField(label=_("First side's time zone"), initial="Europe/London", max_length=64)
    zone_b = forms.CharField(label=_("Second side's time zone"), initial="Asia/Seoul", max_length=64)
    occurrences = forms.IntegerField(
        label=_("Meetings in a weekly series"), min_value=1, max_value=52, initial=8, required=False
    )

    def clean_zone_a(self) -> str:
        return _zone(self.cleaned_data["zone_a"])

    def clean_zone_b(self) -> str:
        return _zone(self.cleaned_data["zone_b"])

    @staticmethod
    def initial_first() -> dt.date:
        return dt.date.today() + dt.timedelta(days=1)
