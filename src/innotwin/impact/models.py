"""Impact: the KPI catalogue, observations with their evidence and verification, targets, and reports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innotwin.bilingual import pick
from innotwin.core.impact import Period, RecordRef
from innotwin.impact.enums import Country, Currency, Direction, Level, Status, Unit
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import TwinPair


class Kpi(models.Model):
    """One key performance indicator of the programme (seeded by a data migration)."""

    code = models.SlugField(_("code"), max_length=40, primary_key=True)
    name_en = models.CharField(_("name in English"), max_length=200)
    name_ko = models.CharField(_("name in Korean"), max_length=200)
    definition_en = models.TextField(_("definition in English"))
    definition_ko = models.TextField(_("definition in Korean"))
    evidence_en = models.TextField(_("how it is evidenced, in English"))
    evidence_ko = models.TextField(_("how it is evidenced, in Korean"))
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    direction = models.CharField(_("direction"), max_length=12, choices=Direction.choices, default="increase")
    level = models.CharField(_("logic-model level"), max_length=12, choices=Level.choices)
    exclusive = models.BooleanField(
        _("attributed once"),
        default=False,
        help_text=_("An organisation's figure for a period is attributed to one project only."),
    )
    by_country = models.BooleanField(_("reported by country"), default=False)
    has_parts = models.BooleanField(_("counts SMEs and women-led organisations"), default=False)
    needs_method = models.BooleanField(_("needs the method"), default=False)
    automatic = models.BooleanField(_("collected from innotwin records"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("KPI")
        verbose_name_plural = _("KPIs")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(en=self.name_en, ko=self.name_ko)

    @property
    def definition(self) -> str:
        return pick(en=self.definition_en, ko=self.definition_ko)

    @property
    def evidence(self) -> str:
        return pick(en=self.evidence_en, ko=self.evidence_ko)

    @property
    def is_money(self) -> bool:
        return self.unit == Unit.GBP


class ProgressReport(models.Model):
    """A report from a coordinator or an organisation: what changed since the last one."""

    pair = models.ForeignKey(TwinPair, on_delete=models.CASCADE, related_name="impact_reports")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="impact_reports",
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    changes = models.TextField(_("what changed since the last report"))
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="impact_reports"
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.pair} {self.period_start}–{self.period_end}"


def _evidence_path(observation: Observation, filename: str) -> str:
    return f"impact/{observation.pair_id}/{timezone.now():%Y%m%d%H%M%S}-{filename}"


class Observation(models.Model):
    """One figure of one KPI for one pair over one period, with its evidence and verification."""

    kpi = models.ForeignKey(Kpi, verbose_name=_("KPI"), on_delete=models.PROTECT, related_name="observations")
    pair = models.ForeignKey(
        TwinPair, verbose_name=_("twin pair"), on_delete=models.CASCADE, related_name="impact_observations"
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=2)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("attributed to organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="impact_observations",
    )
    project = models.CharField(_("attributed to project"), max_length=300, blank=True)
    # Money: the amount as reported, its currency, the rate used and its date and source.
    amount = models.DecimalField(
        _("amount as reported"), max_digits=20, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    value_krw = models.DecimalField(_("value in won"), max_digits=22, decimal_places=0, null=True, blank=True)
    exchange_rate = models.DecimalField(
        _("won per pound"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    rate_date = models.DateField(_("date of the exchange rate"), null=True, blank=True)
    rate_source = models.CharField(_("source of the exchange rate"), max_length=300, blank=True)
    part_sme = models.PositiveIntegerField(_("of which SMEs"), null=True, blank=True)
    part_women_led = models.PositiveIntegerField(_("of which women-led organisations"), null=True, blank=True)
    method = models.TextField(_("method"), blank=True)
    # Evidence: the innotwin record it follows from, a link, or a document.
    record_app = models.CharField(max_length=40, blank=True)
    record_model = models.CharField(max_length=40, blank=True)
    record_pk = models.PositiveBigIntegerField(null=True, blank=True)
    record_key = models.CharField(max_length=40, blank=True)
    record_label = models.CharField(_("record"), max_length=300, blank=True)
    record_label_ko = models.CharField(_("record in Korean"), max_length=300, blank=True)
    evidence_url = models.URLField(_("evidence link"), max_length=500, blank=True)
    evidence_file = models.FileField(
        _("evidence document"), upload_to=_evidence_path, max_length=400, blank=True
    )
    evidence_note = models.TextField(_("note on the evidence"), blank=True)
    collector = models.CharField(_("collected by"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REPORTED)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="impact_observations",
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)
    report = models.ForeignKey(
        ProgressReport, on_delete=models.SET_NULL, null=True, blank=True, related_name="observations"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["-period_end", "-pk"]
        constraints = [
            # Counting rule 1 in the database too: one observation per fact of a record.
            models.UniqueConstraint(
                fields=["record_app", "record_model", "record_pk", "record_key"],
                condition=models.Q(record_pk__isnull=False),
                name="impact_one_observation_per_record_fact",
            ),
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")), name="impact_period_ordered"
            ),
            models.CheckConstraint(condition=models.Q(value__gte=0), name="impact_value_not_negative"),
        ]
        indexes = [models.Index(fields=["pair", "kpi", "status"], name="impact_obs_pair_kpi_status")]

    def __str__(self) -> str:
        return f"{self.kpi_id} {self.value} ({self.pair_id}, {self.period_end})"

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)

    @property
    def record(self) -> RecordRef | None:
        if self.record_pk is None:
            return None
        return RecordRef(self.record_app, self.record_model, int(self.record_pk), self.record_key)

    @property
    def record_title(self) -> str:
        """The record's title in the reader's language (the other language when it has none)."""
        return pick(en=self.record_label, ko=self.record_label_ko)

    @property
    def is_automatic(self) -> bool:
        return bool(self.collector)


class StatusChange(models.Model):
    """One move of an observation's verification status: who, when, and why."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    reason = models.TextField(_("reason"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_label = models.CharField(max_length=120, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.observation_id}: {self.from_status or '—'} → {self.to_status}"


class Target(models.Model):
    """What a pair aims to reach on a KPI by a date."""

    pair = models.ForeignKey(TwinPair, on_delete=models.CASCADE, related_name="impact_targets")
    kpi = models.ForeignKey(Kpi, verbose_name=_("KPI"), on_delete=models.PROTECT, related_name="targets")
    value = models.DecimalField(_("target"), max_digits=20, decimal_places=2)
    baseline = models.DecimalField(_("baseline"), max_digits=20, decimal_places=2, default=0)
    due_on = models.DateField(_("by"))
    note = models.TextField(_("note"), blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["pair", "kpi__position", "due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["pair", "kpi", "due_on"], name="impact_one_target_per_pair_kpi_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pair_id} {self.kpi_id} ≥ {self.value} by {self.due_on}"


class Reminder(models.Model):
    """A reminder to report, sent to one person for one pair (so that no one is reminded twice a round)."""

    pair = models.ForeignKey(TwinPair, on_delete=models.CASCADE, related_name="impact_reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("reporting reminder")
        verbose_name_plural = _("reporting reminders")
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.pair_id} {self.sent_at:%Y-%m-%d}"
