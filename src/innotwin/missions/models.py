"""Missions and events: where and when people meet, who they are, what they asked for, what was scheduled."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from innotwin.bilingual import pick
from innotwin.missions.enums import AgendaKind, MissionStatus, RequestPriority, RequestSource
from innotwin.organisations.models import Organisation, Person
from innotwin.pairs.models import TwinPair
from innotwin.regions.models import Region


def _feed_token() -> str:
    return secrets.token_urlsafe(24)


class Mission(models.Model):
    """A delegation visit, trade mission or brokerage event of one twin pair, in one host city."""

    pair = models.ForeignKey(
        TwinPair, on_delete=models.PROTECT, related_name="missions", verbose_name=_("twin pair")
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_ko = models.CharField(_("title in Korean"), max_length=200, blank=True)
    host_region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="hosted_missions", verbose_name=_("host region")
    )
    host_city = models.CharField(_("host city"), max_length=100)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    time_zone = models.CharField(_("time zone"), max_length=64)
    travel_minutes = models.PositiveSmallIntegerField(_("minutes to change venue"), default=15)
    status = models.CharField(
        _("status"), max_length=16, choices=MissionStatus.choices, default=MissionStatus.DRAFT
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    # The latest solve: the engine's figures, kept so every page can show how close to optimal it is.
    solver = models.CharField(_("solver"), max_length=16, blank=True)
    solver_status = models.CharField(_("solver status"), max_length=16, blank=True)
    value = models.FloatField(_("value"), null=True, blank=True)
    bound = models.FloatField(_("LP bound"), null=True, blank=True)
    bound_exact = models.BooleanField(default=False)
    solve_seconds = models.FloatField(null=True, blank=True)
    solved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        ordering = ["-starts_on", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="mission_dates_ordered"
            ),
            models.CheckConstraint(
                condition=~(models.Q(title_en="") & models.Q(title_ko="")), name="mission_has_a_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(en=self.title_en, ko=self.title_ko)

    @property
    def gap(self) -> float | None:
        """How far the schedule's value is below the LP bound, as a fraction (0.0 is proven optimal)."""
        if self.value is None or self.bound is None:
            return None
        return 0.0 if self.bound <= 0 else max(0.0, 1.0 - self.value / self.bound)


class Venue(models.Model):
    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="venues")
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    name_ko = models.CharField(_("name in Korean"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)


class Room(models.Model):
    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=100)
    capacity = models.PositiveIntegerField(_("capacity (people)"))

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Table(models.Model):
    room = models.ForeignKey(Room, on_delete=models.CASCADE, related_name="tables")
    label = models.CharField(_("label"), max_length=40)
    capacity = models.PositiveSmallIntegerField(_("seats"), default=2)

    class Meta:
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["room", "label"], name="unique_table_label")]

    def __str__(self) -> str:
        return self.label


class Slot(models.Model):
    """One meeting slot of the grid; ``venue`` confines its meetings to that venue's tables when set."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="slots")
    index = models.PositiveIntegerField()
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, null=True, blank=True, related_name="slots")

    class Meta:
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        ordering = ["mission", "index"]
        constraints = [models.UniqueConstraint(fields=["mission", "index"], name="unique_slot_index")]

    def __str__(self) -> str:
        return f"{self.index}: {self.start:%Y-%m-%d %H:%M}"


class AgendaItem(models.Model):
    """Something everyone on the mission does together: a site visit, an MoU signing, a panel, a break."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="agenda")
    kind = models.CharField(_("kind"), max_length=16, choices=AgendaKind.choices)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_ko = models.CharField(_("title in Korean"), max_length=200, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    venue = models.ForeignKey(Venue, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    location = models.CharField(_("location"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["start", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return pick(en=self.title_en, ko=self.title_ko)


class Participant(models.Model):
    """A delegation member or host: a person from a registered organisation (or named by hand).

    ``languages`` are ISO 639-1 codes separated by commas; ``availability`` is a list of
    ``[start, end]`` ISO datetimes (empty: available for the whole mission)."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"), blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="mission_participants"
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mission_roles",
    )
    side = models.CharField(_("country"), max_length=2)
    languages = models.CharField(_("languages"), max_length=60, default="en")
    preferred_language = models.CharField(
        _("language of the agenda"), max_length=2, choices=[("en", "English"), ("ko", "한국어")], default="en"
    )
    time_zone = models.CharField(_("time zone"), max_length=64)
    meeting_cap = models.PositiveSmallIntegerField(_("most meetings"), default=8)
    availability = models.JSONField(_("availability"), default=list, blank=True)
    feed_token = models.CharField(max_length=64, unique=True, default=_feed_token)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["side", "name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def organisation_label(self) -> str:
        return self.organisation.name if self.organisation else self.organisation_name


class Interpreter(models.Model):
    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="interpreters")
    name = models.CharField(_("name"), max_length=200)
    languages = models.CharField(_("languages"), max_length=60, default="en,ko")
    capacity = models.PositiveSmallIntegerField(_("meetings at once"), default=1)
    availability = models.JSONField(_("availability"), default=list, blank=True)

    class Meta:
        verbose_name = _("interpreter")
        verbose_name_plural = _("interpreters")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def language_list(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]


class MeetingRequest(models.Model):
    """A wish that two participants meet, with each side's answer.

    The rules of mutual acceptance: the request is scheduled only once the counterpart has answered and
    neither side declined; it is a must-meet when either side marked it so."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="requests")
    requester = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="requests_made")
    counterpart = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="requests_received")
    requester_priority = models.CharField(max_length=16, choices=RequestPriority.choices)
    counterpart_priority = models.CharField(max_length=16, choices=RequestPriority.choices, blank=True)
    source = models.CharField(max_length=16, choices=RequestSource.choices, default=RequestSource.MANUAL)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["requester", "counterpart"], name="unique_meeting_request"),
            models.CheckConstraint(
                condition=~models.Q(requester=models.F("counterpart")), name="meeting_request_two_people"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester} – {self.counterpart}"

    @property
    def code(self) -> str:
        """The request's id in the scheduler and in calendar UIDs."""
        return f"r{self.pk}"

    @property
    def declined(self) -> bool:
        return RequestPriority.DECLINED in (self.requester_priority, self.counterpart_priority)

    @property
    def answered(self) -> bool:
        return bool(self.counterpart_priority)

    @property
    def schedulable(self) -> bool:
        return self.answered and not self.declined

    @property
    def priority(self) -> str:
        """The effective priority: declined, awaiting an answer, must-meet or would-like."""
        if self.declined:
            return RequestPriority.DECLINED
        if RequestPriority.MUST_MEET in (self.requester_priority, self.counterpart_priority):
            return RequestPriority.MUST_MEET
        return RequestPriority.WOULD_LIKE


class ScheduledMeeting(models.Model):
    """A request held in a slot at a table; ``sequence`` is its iCalendar SEQUENCE, raised on each change."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="meeting")
    slot = models.ForeignKey(Slot, on_delete=models.RESTRICT, related_name="meetings")
    table = models.ForeignKey(Table, on_delete=models.RESTRICT, related_name="meetings")
    interpreter = models.ForeignKey(
        Interpreter, on_delete=models.SET_NULL, null=True, blank=True, related_name="meetings"
    )
    sequence = models.PositiveIntegerField(default=0)
    moved_by_hand = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("scheduled meeting")
        verbose_name_plural = _("scheduled meetings")
        ordering = ["slot__index", "table__pk"]
        constraints = [
            models.UniqueConstraint(fields=["slot", "table"], name="one_meeting_per_table_and_slot")
        ]

    def __str__(self) -> str:
        return f"{self.request} @ {self.slot}"


class UnscheduledRequest(models.Model):
    """A request the schedule does not hold, with the reason as a code and in both languages."""

    mission = models.ForeignKey(Mission, on_delete=models.CASCADE, related_name="unscheduled")
    request = models.OneToOneField(MeetingRequest, on_delete=models.CASCADE, related_name="unscheduled")
    reason = models.CharField(_("reason"), max_length=32)
    message_en = models.TextField()
    message_ko = models.TextField()

    class Meta:
        verbose_name = _("unscheduled request")
        verbose_name_plural = _("unscheduled requests")
        ordering = ["reason", "request__pk"]

    def __str__(self) -> str:
        return f"{self.request}: {self.reason}"

    @property
    def message(self) -> str:
        return pick(en=self.message_en, ko=self.message_ko)
