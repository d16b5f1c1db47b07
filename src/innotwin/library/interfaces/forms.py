"""Forms of the library's pages: search, upload and edit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from innotwin.accounts.permissions import Action, Person, visible
from innotwin.core.library import EXTENSIONS, Limits
from innotwin.library.enums import CASE_STUDY_PARTS, DocumentKind, TextLanguage
from innotwin.library.themes import theme_choices
from innotwin.pairs.models import Pillar, TwinPair
from innotwin.regions.models import Region

CITY_LEVELS = ("kr-sido", "uk-combined-authority", "uk-itl2", "uk-lad")
ACCEPT = ",".join(sorted(EXTENSIONS))


def city_choices(*, blank: str) -> list[tuple[str, Any]]:
    """Regions people call cities (Korean provinces and metropolitan cities, UK combined authorities,
    ITL2 regions and local authorities), grouped by country."""
    regions = (
        Region.objects.filter(level__in=CITY_LEVELS)
        .select_related("country")
        .order_by("country_id", "name_en")
    )
    groups: dict[str, list[tuple[str, str]]] = {}
    for region in regions:
        groups.setdefault(region.country.name, []).append((region.code, region.name))
    return [("", blank), *((country, options) for country, options in groups.items())]


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=500)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    city = forms.ChoiceField(label=_("City or region"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=_date_input())
    date_to = forms.DateField(label=_("To"), required=False, widget=_date_input())

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        self.fields["theme"].choices = [("", _("All themes")), *theme_choices()]
        self.fields["city"].choices = city_choices(blank=str(_("All cities")))
        self.fields["kind"].choices = [("", _("All types")), *DocumentKind.choices]
        self.fields["language"].choices = [
            ("", _("Both languages")),
            (TextLanguage.ENGLISH, TextLanguage.ENGLISH.label),
            (TextLanguage.KOREAN, TextLanguage.KOREAN.label),
        ]


class DocumentForm(forms.Form):
    """The metadata of a document, and its case-study parts."""

    kind = forms.ChoiceField(label=_("Type"), choices=DocumentKind.choices)
    title_en = forms.CharField(label=_("Title in English"), required=False, max_length=300)
    title_ko = forms.CharField(label=_("Title in Korean"), required=False, max_length=300)
    summary_en = forms.CharField(
        label=_("Summary in English"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    summary_ko = forms.CharField(
        label=_("Summary in Korean"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=300)
    region = forms.ChoiceField(label=_("City or region it comes from"), required=False)
    themes = forms.MultipleChoiceField(label=_("Themes"), required=False, widget=forms.CheckboxSelectMultiple)
    pillar = forms.ChoiceField(label=_("Pillar"), required=False)
    published_on = forms.DateField(label=_("Date of the document"), required=False, widget=_date_input())
    licence = forms.CharField(label=_("Licence"), required=False, max_length=200)
    source_url = forms.URLField(
        label=_("Source address"), required=False, max_length=500, assume_scheme="https"
    )
    pairs = forms.MultipleChoiceField(
        label=_("Twin pairs it informs"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, user: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = city_choices(blank=str(_("Not tied to one place")))
        self.fields["themes"].choices = theme_choices()
        self.fields["pillar"].choices = [("", _("None")), *((p.code, p.name) for p in Pillar.objects.all())]
        pairs = visible(user, Action.VIEW_PAIR, TwinPair.objects.select_related("region_a", "region_b"))
        self.fields["pairs"].choices = [(pair.slug, pair.name) for pair in pairs.order_by("slug")]
        for stem, label in CASE_STUDY_PARTS:
            for language, name in (("en", _("in English")), ("ko", _("in Korean"))):
                self.fields[f"{stem}_{language}"] = forms.CharField(
                    label=f"{label} ({name})", required=False, widget=forms.Textarea(attrs={"rows": 3})
                )
        self.fields["contacts"] = forms.CharField(
            label=_("Contacts"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Organisations or public offices to ask; no private details."),
        )

    def metadata(self) -> dict[str, Any]:
        """The cleaned values as the domain functions take them."""
        data = self.cleaned_data
        case = {
            name: data[name]
            for name in [f"{stem}_{lang}" for stem, _label in CASE_STUDY_PARTS for lang in ("en", "ko")]
            + ["contacts"]
            if data.get(name)
        }
        return {
            "kind": data["kind"],
            "title_en": data["title_en"],
            "title_ko": data["title_ko"],
            "summary_en": data["summary_en"],
            "summary_ko": data["summary_ko"],
            "organisation": data["organisation"],
            "region": data["region"] or None,
            "themes": list(data["themes"]),
            "pillar": data["pillar"] or None,
            "published_on": data["published_on"],
            "licence": data["licence"],
            "source_url": data["source_url"],
            "pairs": list(data["pairs"]),
            "case_study": case,
        }

    def case_fields(self) -> list[forms.BoundField]:
        return [
            self[name]
            for name in self.fields
            if name.split("_")[0] in {s for s, _l in CASE_STUDY_PARTS} or name == "contacts"
        ]

    def main_fields(self) -> list[forms.BoundField]:
        case = {field.name for field in self.case_fields()}
        return [self[name] for name in self.fields if name not in case]


class UploadForm(DocumentForm):
    file = forms.FileField(label=_("File"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "PDF, Word (DOCX), HTML, Markdown or plain text; at most %(size)d MiB."
        ) % {"size": Limits().max_bytes // (1024 * 1024)}
        self.fields["file"].widget.attrs["accept"] = ACCEPT
        self.order_fields(["file"])


class EditForm(DocumentForm):
    file = forms.FileField(
        label=_("Replace the file"), required=False, help_text=_("Leave empty to keep the current file.")
    )

    @classmethod
    def initial_for(cls, document: Any) -> dict[str, Any]:
        case = getattr(document, "case_study", None)
        initial = {
            "kind": document.kind,
            "title_en": document.title_en,
            "title_ko": document.title_ko,
            "summary_en": document.summary_en,
            "summary_ko": document.summary_ko,
            "organisation": document.organisation,
            "region": document.region_id or "",
            "themes": document.theme_ids,
            "pillar": document.pillar_id or "",
            "published_on": document.published_on,
            "licence": document.licence,
            "source_url": document.source_url,
            "pairs": [pair.slug for pair in document.pairs.all()],
        }
        if case is not None:
            for stem, _label in CASE_STUDY_PARTS:
                for language in ("en", "ko"):
                    initial[f"{stem}_{language}"] = getattr(case, f"{stem}_{language}")
            initial["contacts"] = case.contacts
        return initial
