"""Time and peak memory of importing the full Companies House extract (75,740 companies); prints JSON.

Usage: ``.venv/bin/python benchmarks/registry_import.py --shared-data /work/shared/data [--tracemalloc]
[--database-url postgresql://USER@HOST/EMPTY_DB]``

Two imports into a fresh SQLite database holding the four South Yorkshire districts:

* ``register`` — ``innotwin orgs import-register companies-house`` on the gzipped extract (read, place,
  harmonise SIC codes, store in batches of 2,000), then the same again, which updates every company;
* ``file`` — the same companies written as an import-template CSV and imported with
  ``innotwin orgs import`` (every row validated first, then all stored or none).

Peak memory is the process's maximum resident set size (``resource.getrusage``); with ``--tracemalloc``
the peak of Python allocations is reported too (tracemalloc slows the import down, so timings taken with
it are not comparable).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

EXTRACT = "organisations/companies_house_south_yorkshire_active_2024.csv.gz"
DISTRICTS = {
    "E08000016": "Barnsley",
    "E08000017": "Doncaster",
    "E08000018": "Rotherham",
    "E08000019": "Sheffield",
}


def _setup(folder: Path, database_url: str | None) -> None:
    os.environ.update(
        {
            "INNOTWIN_DATA_DIR": str(folder),
            "DATABASE_URL": database_url or f"sqlite:///{folder}/bench.sqlite3",
        }
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "innotwin.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from innotwin.regions.domain.save_region import save_country, save_region

    call_command("migrate", interactive=False, verbosity=0)
    save_country(code="GB", name_en="United Kingdom", name_ko="영국")
    for code, name in DISTRICTS.items():
        save_region(code=code, country="GB", level="uk-lad", name_en=name, name_ko=name)


def _template_csv(extract: Path) -> bytes:
    """The extract as an import-template CSV (English headers), as a person would prepare it."""
    from innotwin.core.registry.registers import CompaniesHouseReader
    from innotwin.organisations.domain._lookups import industry_text, region_index
    from innotwin.organisations.interfaces.exporters import template_columns

    columns = template_columns("en")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([header for _name, header in columns])
    for record in CompaniesHouseReader(extract, regions=region_index()):
        values = {name: getattr(record, name, "") for name, _header in columns}
        values["industries"] = industry_text(record.industries)
        values["founded_year"] = record.founded_year or ""
        writer.writerow([values[name] for name, _header in columns])
    return buffer.getvalue().encode("utf-8")


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--shared-data", type=Path, default=Path(os.environ.get("INNOTWIN_SHARED_DATA", "../shared/data"))
    )
    parser.add_argument("--tracemalloc", action="store_true", help="also report peak Python allocations")
    parser.add_argument(
        "--database-url", help="an empty PostgreSQL database to use instead of a temporary SQLite file"
    )
    arguments = parser.parse_args()
    extract = arguments.shared_data / EXTRACT
    with tempfile.TemporaryDirectory() as directory:
        _setup(Path(directory), arguments.database_url)
        from innotwin.core.registry import guess_mapping
        from innotwin.organisations.domain.import_organisations import import_organisations
        from innotwin.organisations.domain.import_register import import_register
        from innotwin.organisations.interfaces.registers import register_reader
        from innotwin.organisations.interfaces.uploads import read_upload
        from innotwin.organisations.models import Organisation, OrganisationIndustry

        if arguments.tracemalloc:
            tracemalloc.start()
        started = time.perf_counter()
        first = import_register(actor=None, reader=register_reader("companies-house", extract))
        created_s = time.perf_counter() - started
        started = time.perf_counter()
        second = import_register(actor=None, reader=register_reader("companies-house", extract))
        updated_s = time.perf_counter() - started
        register_peak = _peak_mb()
        counts = {
            "organisations": Organisation.objects.count(),
            "industries": OrganisationIndustry.objects.count(),
        }

        data = _template_csv(extract)
        Organisation.objects.all().delete()
        started = time.perf_counter()
        sheet = read_upload(data, name="companies.csv")
        result = import_organisations(actor=None, sheet=sheet, mapping=guess_mapping(sheet.header))
        file_s = time.perf_counter() - started
        report = {
            "rows": first.read,
            "register": {
                "created": first.created,
                "seconds": round(created_s, 1),
                "rows_per_second": round(first.read / created_s),
                "updated": second.updated,
                "update_seconds": round(updated_s, 1),
                "peak_rss_mb": register_peak,
                **counts,
            },
            "file": {
                "bytes": len(data),
                "created": result.created,
                "seconds": round(file_s, 1),
                "rows_per_second": round(result.created / file_s),
                "peak_rss_mb": _peak_mb(),
            },
            "database": "postgresql" if arguments.database_url else "sqlite",
            "python": sys.version.split()[0],
        }
        if arguments.tracemalloc:
            report["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1024 / 1024, 1)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
