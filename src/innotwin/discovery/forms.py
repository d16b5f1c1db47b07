"""The filters of the Discover page and the shortlist report, validated like any other input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from innotwin.core.pairing import load_profiles
from innotwin.discovery.domain.build_pairing_input import sector_levels
from innotwin.discovery.domain.rank_pairs import default_countries
from innotwin.discovery.phrases import PROFILE_LABELS, label
from innotwin.regions.enums import RegionLevel
from innotwin.regions.models import Country


def profile_choices() -> list[tuple[str, str]]:
    """The built-in weight profiles, in file order, with their translated names."""
    return [(name, label(PROFILE_LABELS, name)) for name in load_profiles()]


class RankingForm(forms.Form):
    """Which ranking to show: weight profile, the two countries and their region levels."""

    profile = forms.ChoiceField(label=_("Weight profile"), required=False)
    country_a = forms.ChoiceField(label=_("Regions of"), required=False)
    country_b = forms.ChoiceField(label=_("paired with regions of"), required=False)
    level_a = forms.ChoiceField(label=_("Level of the first country"), required=False)
    level_b = forms.ChoiceField(label=_("Level of the second country"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        countries = [c for c in Country.objects.order_by("code") if sector_levels(c.code)]
        levels = sorted({level for c in countries for level in sector_levels(c.code)})
        self.fields["profile"].choices = profile_choices()
        self.fields["country_a"].choices = [(c.code, c.name) for c in countries]
        self.fields["country_b"].choices = [(c.code, c.name) for c in countries]
        automatic = [("", _("best covered"))]
        level_choices = automatic + [(level, RegionLevel(level).label) for level in levels]
        self.fields["level_a"].choices = level_choices
        self.fields["level_b"].choices = level_choices

    @classmethod
    def from_query(cls, query: Any) -> Any:
        """The form bound to the request's query, with the default ranking filled in where it says nothing."""
        first, second = default_countries()
        data = {"profile": "balanced", "country_a": first, "country_b": second}
        data.update({key: value for key, value in query.items() if value})
        return cls(data)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("country_a") and data.get("country_a") == data.get("country_b"):
            self.add_error("country_b", _("Choose a different country from the first one."))
        return data

    def ranking_arguments(self) -> dict[str, Any]:
        """Arguments of ``rank_pairs`` from the valid fields, with defaults for the others."""
        self.is_valid()  # cleaned_data then holds exactly the fields that are valid
        data = self.cleaned_data
        first, second = default_countries()
        country_a = data.get("country_a") or first
        country_b = data.get("country_b") or (second if country_a != second else first)
        return {
            "country_a": country_a,
            "country_b": country_b,
            "level_a": data.get("level_a") or None,
            "level_b": data.get("level_b") or None,
            "profile": data.get("profile") or "balanced",
        }


class DiscoverForm(RankingForm):
    """The Discover page's filters: a ranking plus a minimum score."""

    min_score = forms.FloatField(label=_("Minimum score"), required=False, min_value=0, max_value=1)


class ReportForm(RankingForm):
    """The shortlist report's options: a ranking plus how many pairs to describe."""

    top = forms.IntegerField(label=_("Pairs in the shortlist"), required=False, min_value=1, max_value=30)
