"""The ecosystem registry's engine: reading and validating organisation files and official registers.

No Django here (a test enforces it): the Django app ``innotwin.organisations`` builds a
:class:`RegionIndex` from its database, calls these functions, and stores what they return.

* :mod:`.tabular` — read CSV and XLSX uploads strictly (encoding, size, formulas);
* :mod:`.schema` — the import columns and the mapping from a file's own headers;
* :mod:`.validate` — every problem of every row, by row and field; records only when there is none;
* :mod:`.industries` — UK SIC 2007, KSIC and ISIC codes harmonised to ISIC Rev.4;
* :mod:`.regions` — which region a code, a name or a point belongs to;
* :mod:`.registers` — readers of the KRX, Companies House, university and research-institute lists;
* :mod:`.csvsafe` — text a spreadsheet shows as text and never runs as a formula;
* :mod:`.i18n` — messages in the reader's language, with a translator the caller installs.
"""

from __future__ import annotations

from innotwin.core.registry.csvsafe import looks_like_formula, neutralise
from innotwin.core.registry.i18n import translated_by
from innotwin.core.registry.industries import IndustryCode, parse_industry, parse_industry_list
from innotwin.core.registry.records import OrganisationRecord
from innotwin.core.registry.regions import RegionIndex, RegionRef
from innotwin.core.registry.schema import COLUMNS, Column, check_mapping, guess_mapping
from innotwin.core.registry.tabular import Sheet, SheetRow, read_csv, read_sheet, read_xlsx
from innotwin.core.registry.validate import ExistingOrganisations, ValidationReport, validate_rows

__all__ = [
    "COLUMNS",
    "Column",
    "ExistingOrganisations",
    "IndustryCode",
    "OrganisationRecord",
    "RegionIndex",
    "RegionRef",
    "Sheet",
    "SheetRow",
    "ValidationReport",
    "check_mapping",
    "guess_mapping",
    "looks_like_formula",
    "neutralise",
    "parse_industry",
    "parse_industry_list",
    "read_csv",
    "read_sheet",
    "read_xlsx",
    "translated_by",
    "validate_rows",
]
