"""Choosing and building the reader of an official register, with the database's regions."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from innotwin.core.errors import NotFoundError
from innotwin.core.registry.registers import (
    REGISTER_KINDS,
    CompaniesHouseReader,
    KrxReader,
    RegisterReader,
    load_ksic_names,
    research_reader,
    universities_reader,
)
from innotwin.core.registry.registers.krx import KSIC_NAMES_FILE
from innotwin.organisations.domain._lookups import region_index

DEMO_REGISTERS = (
    ("krx", "krx_kind_all_listed_companies_2026-05.csv"),
    ("companies-house", "companies_house_south_yorkshire_sample2000.csv"),
    ("universities", "korea_universities_4yr_with_address_coords.csv"),
    ("universities", "uk_university_campuses_coords.csv"),
    ("research-institutes", "kr_government_research_institutes_NST_23_coords.csv"),
    ("research-institutes", "research_innovation_anchors_UK_KR_target_regions_CURATED.csv"),
)
"""What ``innotwin demo --with-registers`` loads from the shared data's ``organisations`` folder (the
2,000-company Companies House sample; the full extract is imported with ``innotwin orgs import-register``)."""


def ksic_names_path(register: Path, explicit: Path | None = None) -> Path | None:
    """The KSIC code list for a KRX import: ``explicit``, else beside the register in the shared data
    (``../classifications``), else in ``INNOTWIN_SHARED_DATA``; ``None`` when there is none."""
    candidates = [explicit] if explicit else []
    candidates += [
        register.resolve().parent.parent / "classifications" / KSIC_NAMES_FILE,
        Path(settings.SHARED_DATA_DIR) / "classifications" / KSIC_NAMES_FILE,
    ]
    found = next((path for path in candidates if path is not None and path.is_file()), None)
    if explicit and found != explicit:
        raise NotFoundError(f"The KSIC code list {explicit} does not exist.")
    return found


def register_reader(kind: str, path: Path, *, ksic_names: Path | None = None) -> RegisterReader:
    """The reader for a register of ``kind`` (one of :data:`REGISTER_KINDS`) at ``path``."""
    regions = region_index()
    if kind == "krx":
        names_file = ksic_names_path(path, ksic_names)
        return KrxReader(path, regions=regions, ksic_names=load_ksic_names(names_file) if names_file else {})
    if kind == "companies-house":
        return CompaniesHouseReader(path, regions=regions)
    if kind == "universities":
        return universities_reader(path, regions=regions)
    if kind == "research-institutes":
        return research_reader(path, regions=regions)
    raise NotFoundError(f"'{kind}' is not a register innotwin reads; use one of {', '.join(REGISTER_KINDS)}.")
