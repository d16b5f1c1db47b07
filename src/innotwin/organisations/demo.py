"""Optional demo data of the registry: the real registers in the shared data folder, imported through the
same domain function as ``innotwin orgs import-register`` (``innotwin demo --with-registers``)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from innotwin.core.errors import NotFoundError
from innotwin.organisations.domain.import_register import RegisterImportResult, import_register
from innotwin.organisations.interfaces.registers import DEMO_REGISTERS, register_reader


def registers_folder(path: Path | None = None) -> Path:
    """The folder holding the register files: ``path`` (the shared data folder or its ``organisations``
    folder), else ``INNOTWIN_SHARED_DATA/organisations``."""
    base = Path(path) if path is not None else Path(settings.SHARED_DATA_DIR)
    folder = base / "organisations" if (base / "organisations").is_dir() else base
    if not any((folder / name).is_file() for _kind, name in DEMO_REGISTERS):
        raise NotFoundError(
            f"No register file was found in {folder}; give the shared data folder with --registers PATH "
            "(it holds organisations/krx_kind_all_listed_companies_2026-05.csv and the others)."
        )
    return folder


def load_registers(path: Path | None = None) -> list[RegisterImportResult]:
    """Import every demo register found in the folder; running it again updates, never duplicates."""
    folder = registers_folder(path)
    return [
        import_register(actor=None, reader=register_reader(kind, folder / name), actor_label="innotwin demo")
        for kind, name in DEMO_REGISTERS
        if (folder / name).is_file()
    ]
