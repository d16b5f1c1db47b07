"""Companies House basic company data (the free company data product, OGL v3).

Rules: the register number is the company number; the name is kept as the register spells it; the region
is the local authority district named by ``localauthority_code`` (a company whose district the atlas
does not hold is skipped); up to four SIC 2007 codes become industries (``None Supplied`` and the dormant
mark ``99999`` are dropped and counted); the incorporation year is the founding year. Companies House
records no headcount, so a public limited company is recorded as a large company and every other company
as an SME — coordinators correct the exceptions.
"""

from __future__ import annotations

from innotwin.core.registry.industries import IndustryCode, parse_industry
from innotwin.core.registry.records import OrganisationRecord
from innotwin.core.registry.registers._common import RegisterReader

__all__ = ["CompaniesHouseReader"]

_SIC_COLUMNS = tuple(f"SICCode.SicText_{n}" for n in range(1, 5))


class CompaniesHouseReader(RegisterReader):
    source = "companies-house"
    columns = (
        "CompanyName",
        "CompanyNumber",
        "Postcode",
        "RegAddress.PostTown",
        "CompanyCategory",
        "IncorporationDate",
        *_SIC_COLUMNS,
        "localauthority_code",
        "localauthority_name",
    )

    def record(self, line: int, row: dict[str, str]) -> OrganisationRecord | None:
        name, number = row["CompanyName"], row["CompanyNumber"]
        if not name or not number:
            self.skip("no company name or number")
            return None
        region = self.regions.get(row["localauthority_code"])
        if region is None:
            self.skip(f"local authority {row['localauthority_code'] or '(none)'} is not in the atlas")
            return None
        industries: dict[str, IndustryCode] = {}
        for column in _SIC_COLUMNS:
            code = row[column].split(" - ", 1)[0].strip()
            if not code or not code.isdigit():
                continue
            try:
                industries.setdefault(code, parse_industry(code, country="GB"))
            except LookupError:
                self.unknown_industries[code] += 1
        date = row["IncorporationDate"]
        year = int(date[-4:]) if len(date) >= 4 and date[-4:].isdigit() else None
        return OrganisationRecord(
            line=line,
            name_en=name[:200],
            name_ko="",
            type="large_company" if row["CompanyCategory"] == "Public Limited Company" else "sme",
            region=region.code,
            industries=tuple(industries.values()),
            founded_year=year,
            external_id=number,
            postcode=row["Postcode"][:16],
            locality=row["RegAddress.PostTown"].title()[:100],
        )
