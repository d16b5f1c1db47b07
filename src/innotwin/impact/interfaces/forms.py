"""Forms of the impact pages: a progress report with an observation, verification, and targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from innotwin.core.impact import TRANSITIONS
from innotwin.core.impact import Status as CoreStatus
from innotwin.impact.domain.observations import Evidence, MoneyIn
from innotwin.impact.enums import Country, Currency, Status
from innotwin.impact.models import Kpi
from innotwin.organisations.models import Organisation

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ObservationFields(forms.Form):
    """One observation: the KPI, value, period, attribution, money, parts, method and evidence."""

    kpi = forms.ModelChoiceField(
        label=_("KPI"), queryset=Kpi.objects.none(), required=False, empty_label=_("— no figure this time —")
    )
    value = forms.DecimalField(
        label=_("Value"),
        required=False,
        min_value=0,
        max_digits=20,
        decimal_places=2,
        help_text=_("For money, leave empty and give the amount and its currency below."),
    )
    period_start = forms.DateField(
        label=_("From"),
        required=False,
        widget=_date_input(),
        help_text=_("The period of this figure; leave both dates empty to use the reporting period."),
    )
    period_end = forms.DateField(label=_("To"), required=False, widget=_date_input())
    country = forms.ChoiceField(label=_("Country"), choices=Country.choices, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Attributed to organisation"), queryset=Organisation.objects.none(), required=False
    )
    project = forms.CharField(label=_("Attributed to project"), max_length=300, required=False)
    amount = forms.DecimalField(
        label=_("Amount"), required=False, min_value=0, max_digits=20, decimal_places=2
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=[("", "—"), *Currency.choices], required=False)
    exchange_rate = forms.DecimalField(
        label=_("Won per pound"), required=False, max_digits=14, decimal_places=4
    )
    rate_date = forms.DateField(label=_("Date of the exchange rate"), required=False, widget=_date_input())
    rate_source = forms.CharField(label=_("Source of the exchange rate"), max_length=300, required=False)
    part_sme = forms.IntegerField(label=_("Of which SMEs"), min_value=0, required=False)
    part_women_led = forms.IntegerField(
        label=_("Of which women-led organisations"), min_value=0, required=False
    )
    method = forms.CharField(label=_("Method"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    evidence_url = forms.URLField(
        label=_("Evidence link"), max_length=500, required=False, assume_scheme="https"
    )
    evidence_file = forms.FileField(label=_("Evidence document"), required=False)
    evidence_note = forms.CharField(
        label=_("Note on the evidence"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kpi"].queryset = Kpi.objects.filter(automatic=False).order_by("position")
        self.fields["kpi"].label_from_instance = lambda kpi: kpi.name
        if organisations is not None:
            self.fields["organisation"].queryset = organisations
            self.fields["organisation"].label_from_instance = lambda org: org.name

    def clean_evidence_file(self) -> Any:
        upload = self.cleaned_data.get("evidence_file")
        if upload and upload.size > MAX_EVIDENCE_BYTES:
            raise forms.ValidationError(_("The evidence document is larger than 20 MB; give a link instead."))
        return upload

    def observation_arguments(self) -> dict[str, Any] | None:
        """The keyword arguments of :func:`record_observation`, or None when no KPI was chosen."""
        data = self.cleaned_data
        kpi = data.get("kpi")
        if kpi is None:
            return None
        upload = data.get("evidence_file")
        money = None
        if data.get("amount") is not None or data.get("currency"):
            money = MoneyIn(
                amount=data.get("amount") or Decimal(0),
                currency=data.get("currency") or "",
                rate=data.get("exchange_rate") or Decimal(0),
                rate_date=data.get("rate_date") or dt.date.min,
                rate_source=data.get("rate_source") or "",
            )
        return {
            "kpi": kpi,
            "value": data.get("value"),
            "period_start": data.get("period_start") or data.get("period_end"),
            "period_end": data.get("period_end") or data.get("period_start"),
            "country": data.get("country") or "",
            "organisation": data.get("organisation"),
            "project": data.get("project") or "",
            "money": money,
            "part_sme": data.get("part_sme"),
            "part_women_led": data.get("part_women_led"),
            "method": data.get("method") or "",
            "evidence": Evidence(
                url=data.get("evidence_url") or "",
                document=upload.read() if upload else None,
                filename=upload.name if upload else "",
                note=data.get("evidence_note") or "",
            ),
        }


class ReportForm(ObservationFields):
    """A progress report: what changed since the last report, with (optionally) one new figure."""

    report_start = forms.DateField(label=_("Reporting period from"), widget=_date_input())
    report_end = forms.DateField(label=_("Reporting period to"), widget=_date_input())
    changes = forms.CharField(
        label=_("What changed since the last report"), widget=forms.Textarea(attrs={"rows": 5})
    )
    report_organisation = forms.ModelChoiceField(
        label=_("Reporting for organisation"), queryset=Organisation.objects.none(), required=False
    )
    field_order = ["report_start", "report_end", "report_organisation", "changes"]

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, organisations=organisations, **kwargs)
        if organisations is not None:
            self.fields["report_organisation"].queryset = organisations
            self.fields["report_organisation"].label_from_instance = lambda org: org.name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kpi") and not (data.get("period_start") or data.get("period_end")):
            data["period_start"] = data.get("report_start")
            data["period_end"] = data.get("report_end")
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, current: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = {str(item) for item in TRANSITIONS[CoreStatus(current)]}
        self.fields["status"].choices = [
            (value, label) for value, label in Status.choices if value in allowed
        ]


class TargetForm(forms.Form):
    kpi = forms.ModelChoiceField(label=_("KPI"), queryset=Kpi.objects.none())
    value = forms.DecimalField(label=_("Target"), min_value=0, max_digits=20, decimal_places=2)
    baseline = forms.DecimalField(
        label=_("Baseline"), min_value=0, max_digits=20, decimal_places=2, initial=0
    )
    due_on = forms.DateField(label=_("By"), widget=_date_input())
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kpi"].queryset = Kpi.objects.order_by("position")
        self.fields["kpi"].label_from_instance = lambda kpi: kpi.name
