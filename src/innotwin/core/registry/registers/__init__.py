"""Readers of the official registers of organisations: each turns one register file into records.

Every reader checks the file's columns before reading a row (a wrong file fails at once, naming the
missing columns), then yields one :class:`~innotwin.core.registry.records.OrganisationRecord` per usable
row. Rows it cannot use — a company outside the regions the atlas knows, a university abroad — are
skipped and counted by reason in :attr:`RegisterReader.skipped`, never stored half-done. The rules of
each register are in its module and in ``docs/registry.md``.

=====================  =====================================================  ============================
kind                   file                                                   reader
=====================  =====================================================  ============================
``krx``                KRX KIND list of listed companies (Korean)             :class:`KrxReader`
``companies-house``    Companies House basic company data (CSV or .csv.gz)    :class:`CompaniesHouseReader`
``universities``       Korean 4-year universities; UK university campuses     :func:`universities_reader`
``research-institutes`` NST government research institutes; curated anchors   :func:`research_reader`
=====================  =====================================================  ============================
"""

from __future__ import annotations

from innotwin.core.registry.registers._common import RegisterReader, open_register
from innotwin.core.registry.registers.companies_house import CompaniesHouseReader
from innotwin.core.registry.registers.krx import KrxReader, load_ksic_names
from innotwin.core.registry.registers.research import (
    AnchorsReader,
    NstInstitutesReader,
    research_reader,
)
from innotwin.core.registry.registers.universities import (
    KoreanUniversitiesReader,
    UkCampusesReader,
    universities_reader,
)

__all__ = [
    "REGISTER_KINDS",
    "AnchorsReader",
    "CompaniesHouseReader",
    "KoreanUniversitiesReader",
    "KrxReader",
    "NstInstitutesReader",
    "RegisterReader",
    "UkCampusesReader",
    "load_ksic_names",
    "open_register",
    "research_reader",
    "universities_reader",
]

REGISTER_KINDS = ("krx", "companies-house", "universities", "research-institutes")
"""The kinds of register ``innotwin orgs import-register`` reads."""
