"""Demo data of partner matching: organisations of the Liverpool City Region – Busan pair writing in
English or Korean, their profiles and consented contacts, and their vectors and index (``innotwin demo``)."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Any

import yaml
from django.utils import timezone

from innotwin.organisations.domain.add_person import add_person
from innotwin.organisations.domain.create_organisation import create_organisation
from innotwin.organisations.domain.create_profile import create_profile
from innotwin.organisations.domain.publish_profile import publish_profile
from innotwin.organisations.domain.submit_profile import submit_profile
from innotwin.organisations.models import Organisation

LABEL = "innotwin demo"


def demo_organisations() -> list[dict[str, Any]]:
    text = (
        resources.files("innotwin.matching").joinpath("demo_organisations.yaml").read_text(encoding="utf-8")
    )
    data: dict[str, Any] = yaml.safe_load(text)
    return list(data["organisations"])


def load_matching_demo(*, index: bool = True) -> int:
    """Create the demo organisations (once) and index them; returns how many were created."""
    created = 0
    for item in demo_organisations():
        if Organisation.objects.filter(slug=item["slug"]).exists():
            continue
        values = {
            key: value
            for key, value in item.items()
            if key not in {"slug", "profiles", "contact"} and value not in (None, "")
        }
        organisation = create_organisation(actor=None, values=values, actor_label=LABEL)
        Organisation.objects.filter(pk=organisation.pk).update(slug=item["slug"])
        organisation.slug = item["slug"]
        if item.get("contact"):
            add_person(
                actor=None,
                organisation=organisation,
                language="ko" if item.get("name_ko") else "en",
                actor_label=LABEL,
                **item["contact"],
            )
        for profile_values in item.get("profiles", []):
            values = {
                "stage": "market",
                "expires_on": timezone.localdate() + dt.timedelta(days=365),
                **profile_values,
            }
            profile = create_profile(actor=None, organisation=organisation, values=values)
            submit_profile(actor=None, profile=profile)
            publish_profile(actor=None, profile=profile)
        created += 1
    if index:
        from innotwin.matching.domain.engine import current_profiles, matching_index, refresh_vectors

        profiles = current_profiles()
        slugs = {item["slug"] for item in demo_organisations()}
        demo_keys = set(Organisation.objects.filter(slug__in=slugs).values_list("pk", flat=True))
        refresh_vectors({key: value for key, value in profiles.items() if key in demo_keys}, prune=False)
        matching_index()
    return created
