"""The shared form-field templates: every id a widget's aria-describedby names is on the page, so screen
readers announce a field's help and its errors."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.template.loader import render_to_string


class _Form(forms.Form):
    name = forms.CharField(help_text="Your full name.")
    email = forms.EmailField()
    topics = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple, help_text="Pick one or more."
    )


@pytest.mark.parametrize(
    ("template", "context"),
    [
        ("web/form_fields.html", lambda form: {"form": form}),
        ("library/_form_fields.html", lambda form: {"fields": list(form)}),
    ],
)
def test_described_by_ids_exist(template: str, context) -> None:
    form = _Form(data={"email": "not an address"})
    assert not form.is_valid()
    html = render_to_string(template, context(form))
    named = {name for value in re.findall(r'aria-describedby="([^"]+)"', html) for name in value.split()}
    assert "id_name_error" in named
    assert named <= set(re.findall(r'id="([^"]+)"', html))


def test_organisation_field_template_links_errors() -> None:
    form = _Form(data={})
    assert not form.is_valid()
    html = "".join(render_to_string("organisations/_field.html", {"field": field}) for field in form)
    named = {name for value in re.findall(r'aria-describedby="([^"]+)"', html) for name in value.split()}
    assert {"id_name_error", "id_email_error"} <= named
    assert named <= set(re.findall(r'id="([^"]+)"', html))
