"""The registry's web forms. They collect values; the domain functions validate them (so the web, the
API and file imports obey one set of rules) and their problems are shown on the fields they name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from innotwin.core.errors import DataError
from innotwin.core.registry.schema import COLUMN_NAMES
from innotwin.organisations.domain._lookups import validate_values
from innotwin.organisations.domain._profile_values import clean_profile_values
from innotwin.organisations.enums import (
    ISIC_SECTIONS,
    ORGANISATION_REGION_LEVELS,
    BusinessKind,
    ConsentPurpose,
    OpportunityKind,
    OrganisationType,
    PartnerRole,
    SizeBand,
    Stage,
    TextOrigin,
)
from innotwin.organisations.models import Organisation
from innotwin.pairs.models import Pillar
from innotwin.regions.models import Region


def region_choices() -> list[tuple[str, Any]]:
    """Regions an organisation can be placed in, grouped by country, named in the reader's language."""
    groups: dict[str, list[tuple[str, str]]] = {}
    regions = Region.objects.filter(level__in=ORGANISATION_REGION_LEVELS).select_related("country")
    for region in regions:
        groups.setdefault(region.country.name, []).append((region.pk, region.name))
    choices: list[tuple[str, Any]] = [("", _("Choose a region"))]
    for country, options in sorted(groups.items()):
        choices.append((country, sorted(options, key=lambda option: option[1])))
    return choices


def apply_problems(form: forms.Form, error: DataError) -> None:
    """Show each problem of ``error`` on the field it names (or above the form)."""
    for problem in error.problems:
        field = problem.field if problem.field in form.fields else None
        form.add_error(field, problem.message)


def _origin_field(label: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=TextOrigin.choices, initial=TextOrigin.ORIGINAL, required=False
    )


class OrganisationForm(forms.Form):
    """An organisation's profile. A name in English or in Korean is enough; so is a description in either."""

    name_en = forms.CharField(
        label=_("Name in English"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"lang": "en", "autocomplete": "organization"}),
    )
    name_ko = forms.CharField(
        label=_("Name in Korean"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"lang": "ko"}),
    )
    type = forms.ChoiceField(label=_("Type"), choices=[("", _("Choose a type")), *OrganisationType.choices])
    region = forms.ChoiceField(label=_("Region"), choices=())
    industries = forms.CharField(
        label=_("Industry codes"),
        required=False,
        max_length=300,
        help_text=_(
            "UK SIC 2007 or KSIC codes separated by semicolons, e.g. 62012; 72190 — or SIC:62012, "
            "KSIC:58221, ISIC:62."
        ),
    )
    size_band = forms.ChoiceField(label=_("Size"), choices=SizeBand.choices, required=False)
    founded_year = forms.IntegerField(
        label=_("Year founded"), required=False, min_value=1000, max_value=timezone.now().year
    )
    website = forms.CharField(
        label=_("Website"),
        required=False,
        max_length=300,
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    description_en = forms.CharField(
        label=_("Description in English"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "lang": "en"}),
    )
    description_en_origin = _origin_field(_("The English description is"))
    description_ko = forms.CharField(
        label=_("Description in Korean"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "lang": "ko"}),
    )
    description_ko_origin = _origin_field(_("The Korean description is"))
    keywords_en = forms.CharField(
        label=_("Capabilities in English"),
        required=False,
        max_length=2000,
        help_text=_("Keywords separated by semicolons."),
        widget=forms.TextInput(attrs={"lang": "en"}),
    )
    keywords_en_origin = _origin_field(_("The English capabilities are"))
    keywords_ko = forms.CharField(
        label=_("Capabilities in Korean"),
        required=False,
        max_length=2000,
        help_text=_("Keywords separated by semicolons."),
        widget=forms.TextInput(attrs={"lang": "ko"}),
    )
    keywords_ko_origin = _origin_field(_("The Korean capabilities are"))

    def __init__(self, *args: Any, exclude: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.exclude = exclude
        self.fields["region"].choices = region_choices()

    def full_clean(self) -> None:
        """Validate the fields; when some are wrong, also show the registry's rules on the others, so that a
        person sees every problem at once (a missing name as well as a missing type)."""
        super().full_clean()
        if self.is_bound and self.errors:
            raw = {name: self.data.get(name, "") for name in COLUMN_NAMES}
            try:
                validate_values(raw, exclude=self.exclude)
            except DataError as exc:
                for problem in exc.problems:
                    if problem.field in self.fields and problem.field not in self.errors:
                        self.add_error(problem.field, problem.message)

    def values(self) -> dict[str, str]:
        """The cleaned values as the domain functions take them (text per import column)."""
        return {
            name: "" if value is None else str(value)
            for name, value in self.cleaned_data.items()
            if name in COLUMN_NAMES
        }


class ProfileForm(forms.Form):
    """An opportunity profile: what the organisation offers or seeks, in either language or both."""

    kind = forms.ChoiceField(
        label=_("Kind of opportunity"), choices=[("", _("Choose a kind")), *OpportunityKind.choices]
    )
    business_kind = forms.ChoiceField(
        label=_("Kind of business"),
        choices=BusinessKind.choices,
        required=False,
        help_text=_("For business offers and requests only."),
    )
    title_en = forms.CharField(
        label=_("Title in English"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"lang": "en"}),
    )
    title_en_origin = _origin_field(_("The English title is"))
    title_ko = forms.CharField(
        label=_("Title in Korean"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"lang": "ko"}),
    )
    title_ko_origin = _origin_field(_("The Korean title is"))
    summary_en = forms.CharField(
        label=_("Summary in English"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "lang": "en"}),
    )
    summary_en_origin = _origin_field(_("The English summary is"))
    summary_ko = forms.CharField(
        label=_("Summary in Korean"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5, "lang": "ko"}),
    )
    summary_ko_origin = _origin_field(_("The Korean summary is"))
    pillar = forms.ChoiceField(label=_("Pillar"), choices=())
    industries = forms.CharField(
        label=_("Industry codes"),
        required=False,
        max_length=300,
        help_text=_("Codes separated by semicolons, as for the organisation."),
    )
    partner_types = forms.MultipleChoiceField(
        label=_("Types of partner sought"),
        choices=OrganisationType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for any type."),
    )
    partner_size = forms.ChoiceField(
        label=_("Size of partner sought"), choices=SizeBand.choices, required=False
    )
    partner_role = forms.ChoiceField(
        label=_("Role of partner sought"), choices=PartnerRole.choices, required=False
    )
    stage = forms.ChoiceField(label=_("Stage"), choices=[("", _("Choose a stage")), *Stage.choices])
    expires_on = forms.DateField(
        label=_("Expires on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("After this date the profile is no longer shown."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["pillar"].choices = [("", _("Choose a pillar"))] + [
            (pillar.code, pillar.name) for pillar in Pillar.objects.all()
        ]

    def full_clean(self) -> None:
        """Validate the fields; when some are wrong, also show the registry's rules on the others."""
        super().full_clean()
        if self.is_bound and self.errors:
            raw: dict[str, Any] = {name: self.data.get(name, "") for name in self.fields}
            raw["partner_types"] = self.data.getlist("partner_types") if hasattr(self.data, "getlist") else []
            try:
                clean_profile_values(raw, organisation=self.organisation)
            except DataError as exc:
                for problem in exc.problems:
                    if problem.field in self.fields and problem.field not in self.errors:
                        self.add_error(problem.field, problem.message)


class ContactForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    job_title = forms.CharField(
        label=_("Job title"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    email = forms.EmailField(
        label=_("Email address"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Telephone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    consents = forms.MultipleChoiceField(
        label=_("The person agreed to"),
        choices=ConsentPurpose.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Record only what the person has agreed to. A contact is listed only with their consent "
            "to be listed."
        ),
    )


class MemberForm(forms.Form):
    """Add a member by email address; the name and language are used only when an account is created."""

    email = forms.EmailField(
        label=_("Email address"),
        help_text=_(
            "A person without an account gets one, and an email inviting them to choose their password."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    full_name = forms.CharField(
        label=_("Full name (for a new account)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation (for a new account)"),
        choices=[("en", _("English")), ("ko", _("Korean"))],
    )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the organisation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_("Up to 25 MB. Use the template, or any file whose columns you map in the next step."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    encoding = forms.ChoiceField(
        label=_("Text encoding of a CSV file"),
        choices=[
            ("utf-8", _("UTF-8 (recommended)")),
            ("cp949", _("Korean Windows (CP949, saved by Korean Excel)")),
        ],
        initial="utf-8",
    )


class ErasureForm(forms.Form):
    confirm_email = forms.EmailField(
        label=_("Type your email address to confirm"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )


class DirectoryForm(forms.Form):
    """The directory's filters (a GET form: every filter is optional)."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"placeholder": _("Name, capability, town…")}),
    )
    city = forms.ChoiceField(label=_("City"), required=False, choices=())
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any type")), *OrganisationType.choices]
    )
    industry = forms.ChoiceField(
        label=_("Industry"), required=False, choices=[("", _("Any industry")), *ISIC_SECTIONS.items()]
    )
    pillar = forms.ChoiceField(label=_("Pillar"), required=False, choices=())
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Either language")), ("en", _("English")), ("ko", _("Korean"))],
    )

    def __init__(self, *args: Any, cities: list[Region], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [("", _("Any city"))] + [(region.pk, region.name) for region in cities]
        self.fields["pillar"].choices = [("", _("Any pillar"))] + [
            (pillar.code, pillar.name) for pillar in Pillar.objects.all()
        ]
