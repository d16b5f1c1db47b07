"""Forms of the roadmap pages. They only shape input; the domain functions check and store it, and
their problems are put back on the fields they name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from innotwin.core.errors import DataError, InnotwinError
from innotwin.pairs.models import Pillar
from innotwin.roadmaps.enums import DocumentKind, MilestoneStatus, PartnerRole, ProposalStage
from innotwin.roadmaps.models import FundingCall, Theme


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _pillars() -> list[tuple[str, str]]:
    return [("", "—"), *((p.code, p.name) for p in Pillar.objects.all())]


def _themes(blank: bool = True) -> list[tuple[str, str]]:
    rows = [(t.code, t.name) for t in Theme.objects.all()]
    return [("", "—"), *rows] if blank else rows


def _calls() -> list[tuple[str, str]]:
    return [("", "—"), *((c.slug, c.name + (" ★" if c.bilateral else "")) for c in FundingCall.objects.all())]


def put_errors(form: forms.Form, error: InnotwinError) -> None:
    """Show a domain error on the form: each problem on its field when the form has it."""
    if isinstance(error, DataError):
        for problem in error.problems:
            field = problem.field if problem.field in form.fields else None
            form.add_error(field, problem.message)
    else:
        form.add_error(None, error.message)


class ProposalForm(forms.Form):
    title_en = forms.CharField(label=_("Title in English"), max_length=300, required=False)
    title_ko = forms.CharField(label=_("Title in Korean"), max_length=300, required=False)
    summary_en = forms.CharField(
        label=_("Summary in English"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    summary_ko = forms.CharField(
        label=_("Summary in Korean"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    pillar = forms.ChoiceField(label=_("Pillar"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    lead_uk = forms.CharField(
        label=_("Lead organisation in the UK"),
        required=False,
        help_text=_(
            "The organisation's short name in the registry (as in its address), e.g. belfast-city-council."
        ),
    )
    lead_kr = forms.CharField(
        label=_("Lead organisation in Korea"),
        required=False,
        help_text=_("The organisation's short name in the registry (as in its address)."),
    )
    funding_call = forms.ChoiceField(
        label=_("Funding call"),
        required=False,
        help_text=_("★ bilateral: needs a partner in the UK and in Korea."),
    )
    budget_gbp = forms.CharField(label=_("Budget in GBP"), required=False)
    budget_krw = forms.CharField(label=_("Budget in KRW"), required=False)
    exchange_rate = forms.CharField(
        label=_("Exchange rate (KRW per GBP)"),
        required=False,
        help_text=_(
            "Give one amount and the rate with its date; the other amount is worked out and recorded."
        ),
    )
    rate_date = forms.DateField(label=_("Date of the exchange rate"), required=False, widget=DateInput())
    starts_on = forms.DateField(label=_("Starts on"), required=False, widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pillar"].choices = _pillars()
        self.fields["theme"].choices = _themes()
        self.fields["funding_call"].choices = _calls()

    def values(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.fields}


class MoveForm(forms.Form):
    stage = forms.ChoiceField(label=_("Move to"), choices=ProposalStage.choices)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, help_text=_("Needed for stalled or dropped.")
    )


class PartnerForm(forms.Form):
    organisation = forms.CharField(
        label=_("Organisation"),
        help_text=_("The organisation's short name in the registry (as in its address)."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=PartnerRole.choices)


class MilestoneForm(forms.Form):
    title_en = forms.CharField(label=_("Milestone in English"), max_length=300, required=False)
    title_ko = forms.CharField(label=_("Milestone in Korean"), max_length=300, required=False)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"), choices=MilestoneStatus.choices, initial=MilestoneStatus.PLANNED
    )


class MilestoneStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MilestoneStatus.choices)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, DOCX, XLSX, ODT or plain text; at most 10 MiB.")
    )


class RoadmapForm(forms.Form):
    title_en = forms.CharField(label=_("Title in English"), max_length=300, required=False)
    title_ko = forms.CharField(label=_("Title in Korean"), max_length=300, required=False)
    vision_en = forms.CharField(
        label=_("Vision in English"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    vision_ko = forms.CharField(
        label=_("Vision in Korean"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    themes = forms.MultipleChoiceField(label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = _themes(blank=False)


class ObjectiveForm(forms.Form):
    title_en = forms.CharField(label=_("Objective in English"), max_length=300, required=False)
    title_ko = forms.CharField(label=_("Objective in Korean"), max_length=300, required=False)
    pillar = forms.ChoiceField(label=_("Pillar"))
    theme = forms.ChoiceField(label=_("Theme"))
    target_date = forms.DateField(label=_("Target date"), required=False, widget=DateInput())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pillar"].choices = _pillars()
        self.fields["theme"].choices = _themes()


class SignForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput())
    signatories_uk = forms.CharField(label=_("Signatories on the UK side"), max_length=2000)
    signatories_kr = forms.CharField(label=_("Signatories on the Korean side"), max_length=2000)
    document = forms.FileField(
        label=_("Signed document"), required=False, help_text=_("PDF or DOCX; at most 10 MiB.")
    )


class DismissForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason for dismissing"), max_length=2000)
