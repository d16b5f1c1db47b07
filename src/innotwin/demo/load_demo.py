"""Loads the bundled demo programme through the domain functions, so demo data obeys every rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from django.db import transaction

from innotwin.accounts.domain.create_user import create_user
from innotwin.accounts.enums import Role
from innotwin.accounts.models import User
from innotwin.atlas.domain.store_atlas import store_bundle_once
from innotwin.atlas.models import Observation
from innotwin.core.atlas.bundle_read import bundled_atlas_dir
from innotwin.impact.demo import load_impact_demo
from innotwin.library.demo import load_library_demo
from innotwin.matching.demo import load_matching_demo
from innotwin.missions.demo import load_missions_demo
from innotwin.pairs.domain.create_twin_pair import create_twin_pair
from innotwin.pairs.domain.record_agreement import record_agreement
from innotwin.pairs.enums import AgreementKind, PairStatus
from innotwin.regions.models import Region
from innotwin.roadmaps.demo import load_roadmaps_demo

DEMO_ADMIN_EMAIL = "admin@innotwin.example"


@dataclass(frozen=True)
class DemoResult:
    regions: int
    observations: int
    atlas_loaded: bool
    pairs: int
    agreements: int
    admin_email: str
    admin_password: str | None


def _programme() -> dict[str, Any]:
    text = resources.files("innotwin.demo").joinpath("data/programme.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


@transaction.atomic
def load_demo() -> DemoResult:
    """Load the bundled atlas, the demo programme and its administrator; running it again changes nothing."""
    data = _programme()
    atlas_loaded = store_bundle_once(directory=bundled_atlas_dir()) is not None
    agreements = 0
    for pair_data in data["pairs"]:
        pair = create_twin_pair(
            region_a=pair_data["region_a"],
            region_b=pair_data["region_b"],
            status=PairStatus(pair_data["status"]),
            started_on=_date(pair_data.get("started_on")),
            summary_en=pair_data.get("summary_en", ""),
            summary_ko=pair_data.get("summary_ko", ""),
            slug=pair_data["slug"],
        )
        for item in pair_data["agreements"]:
            record_agreement(
                pair=pair,
                kind=AgreementKind(item["kind"]),
                title_en=item["title_en"],
                title_ko=item.get("title_ko", ""),
                signed_on=_date(item.get("date")),
                date_precision=item.get("precision", "day"),
                parties=item.get("parties", ""),
                source_url=item.get("source_url", ""),
            )
            agreements += 1
    load_library_demo()  # the knowledge library's demo documents, linked to the pairs above
    load_roadmaps_demo()  # draft roadmaps from the sourced programme content, illustrative proposals
    load_missions_demo()  # a solved demo trade mission of the Liverpool City Region – Busan pair
    load_matching_demo()  # organisations of the Liverpool City Region – Busan pair, matched and indexed
    load_impact_demo()  # the records above as observations (once each), and two demo targets
    password = None
    if not User.objects.filter(email=DEMO_ADMIN_EMAIL).exists():
        _admin, password = create_user(
            email=DEMO_ADMIN_EMAIL, role=Role.PROGRAMME_ADMIN, full_name="Demo administrator"
        )
    return DemoResult(
        regions=Region.objects.count(),
        observations=Observation.objects.count(),
        atlas_loaded=atlas_loaded,
        pairs=len(data["pairs"]),
        agreements=agreements,
        admin_email=DEMO_ADMIN_EMAIL,
        admin_password=password,
    )
