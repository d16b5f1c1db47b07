"""The forms of the set-up pages: a new mission, and a mission's venues, slot grid, programme,
participants, interpreters and meeting requests.

They only turn what was typed into the values that the domain functions of
:mod:`innotwin.missions.domain.setup` and :mod:`innotwin.missions.domain.requests` take; those functions
check the values and report each problem with the field it belongs to, which :func:`put_problems` shows
next to that field."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from innotwin.core.errors import DataError, InnotwinError
from innotwin.core.scheduling import KOREA, UK
from innotwin.missions.enums import AgendaKind, RequestPriority, Side
from innotwin.missions.models import Mission, Venue
from innotwin.missions.templatetags.mission_tags import local
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair

# The time zone of a new mission when none is given: the host region's country's.
HOST_ZONES = {"GB": UK.zone, "KR": KOREA.zone}
# The registry organisations offered as suggestions in the participant form (any other can be typed).
SUGGESTED_ORGANISATIONS = 500

_SPAN = re.compile(r"^(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$")
_WINDOW = re.compile(r"^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2})\s*[-–—]\s*(\d{1,2}:\d{2})$")


def put_problems(form: forms.Form, error: InnotwinError, fields: Mapping[str, str] | None = None) -> None:
    """Show a domain error on ``form``: each problem next to its field (``fields`` renames the domain's
    field names to the form's), the rest above the form."""
    if not isinstance(error, DataError):
        form.add_error(None, error.message)
        return
    for problem in error.problems:
        name = (fields or {}).get(problem.field or "", problem.field)
        form.add_error(name if name in form.fields else None, problem.message)


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _clock(text: str) -> dt.time:
    return dt.datetime.strptime(text, "%H:%M").time()


def _items(text: str) -> list[str]:
    return [item.strip() for item in re.split(r"[\n;]+", text) if item.strip()]


def _languages(text: str) -> list[str]:
    return [code for code in re.split(r"[\s,]+", text) if code]


def _windows(text: str, mission: Mission) -> list[tuple[dt.datetime, dt.datetime]]:
    """Availability windows written one a line as ``2027-03-23 09:00–12:00`` in the mission's zone."""
    zone = ZoneInfo(mission.time_zone)
    windows = []
    for item in _items(text):
        found = _WINDOW.match(item)
        try:
            if found is None:
                raise ValueError(item)
            day = dt.date.fromisoformat(found[1])
            start, end = _clock(found[2]), _clock(found[3])
        except ValueError as error:
            raise forms.ValidationError(
                _(
                    "Write each window as a day and two times, such as 2027-03-23 09:00–12:00; "
                    "“%(item)s” is not."
                ),
                params={"item": item},
            ) from error
        windows.append(
            (dt.datetime.combine(day, start, tzinfo=zone), dt.datetime.combine(day, end, tzinfo=zone))
        )
    return windows


def mission_days(mission: Mission) -> list[dt.date]:
    return [
        mission.starts_on + dt.timedelta(days=n)
        for n in range((mission.ends_on - mission.starts_on).days + 1)
    ]


def _day_choices(mission: Mission) -> list[tuple[str, str]]:
    return [(day.isoformat(), local(day, "day")) for day in mission_days(mission)]


def _venue_choices(mission: Mission, empty: str) -> list[tuple[str, str]]:
    return [("", empty), *((str(venue.pk), venue.name) for venue in mission.venues.all())]


def _venue(mission: Mission, value: str) -> Venue | None:
    return mission.venues.filter(pk=int(value)).first() if value else None


class MissionForm(forms.Form):
    """A new draft mission of one of ``pairs`` (the pairs whose missions the person may manage)."""

    pair = forms.ChoiceField(label=_("Twin pair"))
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    title_ko = forms.CharField(label=_("Title in Korean"), max_length=200, required=False)
    host_region = forms.ChoiceField(label=_("Host region"), help_text=_("One of the pair's two regions."))
    host_city = forms.CharField(label=_("Host city"), max_length=100, required=False)
    starts_on = forms.DateField(label=_("First day"), widget=_date_input())
    ends_on = forms.DateField(
        label=_("Last day"), widget=_date_input(), help_text=_("At most 31 days in all.")
    )
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        required=False,
        help_text=_(
            "An IANA name such as Europe/London or Asia/Seoul. Left empty, it is the host country's: "
            "Europe/London in the United Kingdom, Asia/Seoul in Korea."
        ),
    )
    travel_minutes = forms.IntegerField(
        label=_("Minutes to change venue"),
        min_value=0,
        max_value=240,
        initial=15,
        help_text=_("Time a participant needs between meetings at two different venues."),
    )

    def __init__(self, *args: Any, pairs: list[TwinPair], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pairs = {pair.slug: pair for pair in pairs}
        self.fields["pair"].choices = [(pair.slug, pair.name) for pair in pairs]
        self.fields["host_region"].choices = [
            (pair.name, [(region.code, region.name) for region in (pair.region_a, pair.region_b)])
            for pair in pairs
        ]
        self.countries = {
            region.code: region.country_id for pair in pairs for region in (pair.region_a, pair.region_b)
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("time_zone") and data.get("host_region"):
            zone = HOST_ZONES.get(self.countries.get(data["host_region"], ""))
            if zone is None:
                self.add_error(
                    "time_zone", _("There is no usual time zone for the host region's country; give one.")
                )
            else:
                data["time_zone"] = zone
        return data

    def values(self) -> dict[str, Any]:
        """The arguments of :func:`~innotwin.missions.domain.setup.create_mission`."""
        data = self.cleaned_data
        return {
            "pair": self.pairs[data["pair"]],
            **{
                name: data[name]
                for name in (
                    "title_en",
                    "title_ko",
                    "host_region",
                    "host_city",
                    "starts_on",
                    "ends_on",
                    "time_zone",
                    "travel_minutes",
                )
            },
        }


class SetupForm(forms.Form):
    """A form of the set-up page: bound to ``mission``; ``fields_map`` renames the domain's field names."""

    fields_map: Mapping[str, str] = {}

    def __init__(self, *args: Any, mission: Mission, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mission = mission


class RoomForm(SetupForm):
    venue = forms.ChoiceField(label=_("Venue"), required=False)
    name_en = forms.CharField(label=_("Venue name in English"), max_length=200, required=False)
    name_ko = forms.CharField(label=_("Venue name in Korean"), max_length=200, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    room = forms.CharField(label=_("Room"), max_length=100, required=False)
    capacity = forms.IntegerField(label=_("Room capacity (people)"), min_value=1)
    tables = forms.IntegerField(label=_("Number of tables"), min_value=0, max_value=500, initial=4)
    seats = forms.IntegerField(label=_("Seats per table"), initial=2)

    fields_map = {"name": "room"}

    def __init__(self, *args: Any, mission: Mission, **kwargs: Any) -> None:
        super().__init__(*args, mission=mission, **kwargs)
        self.fields["venue"].choices = _venue_choices(mission, str(_("A new venue, named below")))
        self.fields["venue"].help_text = _(
            "Leave the venue's names and address empty for a venue already set up."
        )

    def clean_venue(self) -> Venue | None:
        return _venue(self.mission, self.cleaned_data["venue"])


class SlotsForm(SetupForm):
    day_start = forms.TimeField(label=_("The day starts at"), widget=_time_input())
    day_end = forms.TimeField(label=_("The day ends at"), widget=_time_input())
    minutes = forms.IntegerField(label=_("Slot length in minutes"), initial=30)
    breaks = forms.CharField(
        label=_("Breaks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One a line, as start–end, such as 12:00–13:00. No slot overlaps a break."),
    )
    days = forms.MultipleChoiceField(label=_("Days"), widget=forms.CheckboxSelectMultiple)
    venue = forms.ChoiceField(
        label=_("Meetings at"),
        required=False,
        help_text=_("Confine these slots' meetings to one venue, for a day spent at one site."),
    )

    def __init__(self, *args: Any, mission: Mission, **kwargs: Any) -> None:
        super().__init__(*args, mission=mission, **kwargs)
        self.fields["days"].choices = _day_choices(mission)
        self.fields["days"].initial = [day.isoformat() for day in mission_days(mission)]
        self.fields["venue"].choices = _venue_choices(mission, str(_("Any venue")))

    def clean_breaks(self) -> list[tuple[dt.time, dt.time]]:
        breaks = []
        for item in _items(self.cleaned_data["breaks"].replace(",", "\n")):
            found = _SPAN.match(item)
            try:
                if found is None:
                    raise ValueError(item)
                breaks.append((_clock(found[1]), _clock(found[2])))
            except ValueError as error:
                raise forms.ValidationError(
                    _("Write each break as start–end, such as 12:00–13:00; “%(item)s” is not."),
                    params={"item": item},
                ) from error
        return breaks

    def clean_days(self) -> list[dt.date]:
        return [dt.date.fromisoformat(day) for day in self.cleaned_data["days"]]

    def clean_venue(self) -> Venue | None:
        return _venue(self.mission, self.cleaned_data["venue"])


class AgendaItemForm(SetupForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=AgendaKind.choices)
    title_en = forms.CharField(label=_("Title in English"), max_length=200, required=False)
    title_ko = forms.CharField(label=_("Title in Korean"), max_length=200, required=False)
    day = forms.ChoiceField(label=_("Day"))
    start = forms.TimeField(label=_("Starts at"), widget=_time_input())
    end = forms.TimeField(label=_("Ends at"), widget=_time_input())
    venue = forms.ChoiceField(label=_("Venue"), required=False)
    location = forms.CharField(
        label=_("Or another place"),
        max_length=300,
        required=False,
        help_text=_("For a site visit away from the venues, such as a factory or a university."),
    )

    def __init__(self, *args: Any, mission: Mission, **kwargs: Any) -> None:
        super().__init__(*args, mission=mission, **kwargs)
        self.fields["day"].choices = _day_choices(mission)
        self.fields["venue"].choices = _venue_choices(mission, "—")
        self.fields["start"].help_text = _("Times in the mission's time zone, %(zone)s.") % {
            "zone": mission.time_zone
        }

    def values(self) -> dict[str, Any]:
        """The arguments of :func:`~innotwin.missions.domain.setup.add_agenda_item`."""
        data = self.cleaned_data
        zone = ZoneInfo(self.mission.time_zone)
        day = dt.date.fromisoformat(data["day"])
        return {
            "mission": self.mission,
            "kind": data["kind"],
            "title_en": data["title_en"],
            "title_ko": data["title_ko"],
            "start": dt.datetime.combine(day, data["start"], tzinfo=zone),
            "end": dt.datetime.combine(day, data["end"], tzinfo=zone),
            "venue": _venue(self.mission, data["venue"]),
            "location": data["location"],
        }


def _availability_field() -> forms.CharField:
    return forms.CharField(
        label=_("Availability"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "One window a line, as a day and two times in the mission's time zone, such as "
            "2027-03-23 09:00–12:00. Leave it empty when available for the whole mission."
        ),
    )


def pair_organisations(pair: TwinPair, organisations: QuerySet[Organisation]) -> QuerySet[Organisation]:
    """The organisations of ``organisations`` in the pair's two regions or the regions inside them."""
    from innotwin.organisations.queries import region_and_descendants

    codes = region_and_descendants(pair.region_a_id) | region_and_descendants(pair.region_b_id)
    return organisations.filter(region__in=codes)


class ParticipantForm(SetupForm):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    organisation = forms.CharField(
        label=_("Organisation in the registry"),
        max_length=200,
        required=False,
        help_text=_(
            "Its name, or its short name as in its address, in one of the pair's regions. "
            "Suggestions appear as you type."
        ),
        widget=forms.TextInput(attrs={"list": "registry-organisations", "autocomplete": "off"}),
    )
    organisation_name = forms.CharField(
        label=_("Or an organisation not in the registry"), max_length=200, required=False
    )
    side = forms.ChoiceField(label=_("Country"), choices=Side.choices)
    languages = forms.CharField(
        label=_("Languages of their meetings"),
        max_length=60,
        initial="en",
        help_text=_("Two-letter codes separated by commas, such as en, ko."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language of their agenda"), choices=[("en", "English"), ("ko", "한국어")]
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("Their agenda is emailed here when the mission is published."),
    )
    time_zone = forms.CharField(label=_("Their time zone"), max_length=64, required=False)
    meeting_cap = forms.IntegerField(label=_("Most meetings"), initial=8)
    availability = _availability_field()

    def __init__(
        self, *args: Any, mission: Mission, organisations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, mission=mission, **kwargs)
        self.organisations = organisations
        self.fields["time_zone"].help_text = _("Left empty, the mission's: %(zone)s.") % {
            "zone": mission.time_zone
        }

    def clean_organisation(self) -> Organisation | None:
        text = self.cleaned_data["organisation"].strip()
        if not text:
            return None
        found = list(
            self.organisations.filter(Q(slug=text) | Q(name_en__iexact=text) | Q(name_ko__iexact=text))[:2]
        )
        exact = [organisation for organisation in found if organisation.slug == text]
        if exact:
            return exact[0]
        if len(found) > 1:
            raise forms.ValidationError(
                _(
                    "Several organisations in the registry have this name; "
                    "give the short name of the one you mean."
                )
            )
        if not found:
            raise forms.ValidationError(
                _("The registry has no organisation of this name or short name in %(pair)s."),
                params={"pair": self.mission.pair.name},
            )
        return found[0]

    def clean_languages(self) -> list[str]:
        return _languages(self.cleaned_data["languages"])

    def clean_availability(self) -> list[tuple[dt.datetime, dt.datetime]]:
        return _windows(self.cleaned_data["availability"], self.mission)

    def suggestions(self) -> QuerySet[Organisation]:
        return self.organisations.order_by("name_en", "name_ko")[:SUGGESTED_ORGANISATIONS]


class InterpreterForm(SetupForm):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    languages = forms.CharField(
        label=_("Languages"),
        max_length=60,
        initial="en, ko",
        help_text=_("The languages they interpret between, as two-letter codes such as en, ko."),
    )
    capacity = forms.IntegerField(label=_("Meetings at once"), initial=1)
    availability = _availability_field()

    def clean_languages(self) -> list[str]:
        return _languages(self.cleaned_data["languages"])

    def clean_availability(self) -> list[tuple[dt.datetime, dt.datetime]]:
        return _windows(self.cleaned_data["availability"], self.mission)


class RequestForm(SetupForm):
    requester = forms.TypedChoiceField(label=_("Who asks"), coerce=int)
    counterpart = forms.TypedChoiceField(label=_("Whom they ask to meet"), coerce=int)
    priority = forms.ChoiceField(
        label=_("How much they want it"),
        choices=[
            (RequestPriority.WOULD_LIKE, RequestPriority.WOULD_LIKE.label),
            (RequestPriority.MUST_MEET, RequestPriority.MUST_MEET.label),
        ],
    )
    answer = forms.ChoiceField(
        label=_("The other side's answer"),
        required=False,
        choices=[("", _("Not answered yet")), *RequestPriority.choices],
        help_text=_("A request is scheduled only once the other side has answered and neither declined."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args: Any, mission: Mission, **kwargs: Any) -> None:
        super().__init__(*args, mission=mission, **kwargs)
        self.people = {person.pk: person for person in mission.participants.select_related("organisation")}
        choices = [(pk, f"{person.name} ({person.organisation_label})") for pk, person in self.people.items()]
        self.fields["requester"].choices = choices
        self.fields["counterpart"].choices = choices


SETUP_FORMS: dict[str, type[SetupForm]] = {
    "venue": RoomForm,
    "slots": SlotsForm,
    "agenda": AgendaItemForm,
    "participant": ParticipantForm,
    "interpreter": InterpreterForm,
    "request": RequestForm,
}
