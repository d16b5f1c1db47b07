"""Vectors in the database, the in-process index on disk, and the matcher built from them.

Vectors: one :class:`~innotwin.matching.models.TextVector` per organisation, side (offers, needs) and
embedder, holding the SHA-256 of the text it embeds and the embedder's version. :func:`refresh_vectors`
embeds only texts whose hash or embedder version changed (a model change is detected because every
stored version differs from the running one) and deletes vectors of organisations that left matching.

Index: two :class:`~innotwin.core.matching.VectorIndex` (offers, needs) per embedder, saved under
``DATA_DIR/matching/<embedder>/`` with ``state.json`` recording which text hash each key holds. On use,
:func:`matching_index` compares that state with the stored vectors and adds, replaces or removes only the
keys that changed, then saves; a restart loads the saved index instead of rebuilding it.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max

from innotwin.core.errors import DataError
from innotwin.core.library import MemoEmbedder, decode_vector, encode_vector
from innotwin.core.matching import VectorIndex, load_index, make_index
from innotwin.core.text import Embedder, get_embedder
from innotwin.matching.domain.profiles import (
    ProfileTexts,
    build_profiles,
    organisations_for_matching,
    text_hash,
)
from innotwin.matching.models import TextVector

ROLES = ("offer", "need")
DEFAULT_BACKEND = "hnsw"
_BATCH = 128
_EMBEDDERS: dict[str, MemoEmbedder] = {}
_LOCK = threading.RLock()


def matching_embedder() -> Embedder:
    """The configured text embedder (``INNOTWIN_TEXT_EMBEDDER``), remembering what it embedded."""
    name = str(settings.CONFIG["text_embedder"])
    with _LOCK:
        if name not in _EMBEDDERS:
            _EMBEDDERS[name] = MemoEmbedder(get_embedder(name))
        return _EMBEDDERS[name]


# ---------------------------------------------------------------------------------------------- profiles

_PROFILE_CACHE: dict[int, tuple[tuple[Any, ...], ProfileTexts | None]] = {}


def current_profiles() -> dict[int, ProfileTexts]:
    """Every organisation that takes part in matching, its profile rebuilt only when it changed."""
    organisations = list(organisations_for_matching())
    stale = []
    stamps = {}
    for organisation in organisations:
        stamp = (
            organisation.updated_at,
            tuple((p.pk, p.updated_at) for p in organisation.live_profiles),
            tuple(sorted(i.isic_group for i in organisation.industries.all())),
        )
        stamps[organisation.pk] = stamp
        cached = _PROFILE_CACHE.get(organisation.pk)
        if cached is None or cached[0] != stamp:
            stale.append(organisation)
    built = build_profiles(stale)
    with _LOCK:
        for organisation in stale:
            _PROFILE_CACHE[organisation.pk] = (stamps[organisation.pk], built.get(organisation.pk))
        for key in set(_PROFILE_CACHE) - set(stamps):
            del _PROFILE_CACHE[key]
        return {key: item for key, (_stamp, item) in _PROFILE_CACHE.items() if item is not None}


# ----------------------------------------------------------------------------------------------- vectors


@dataclass(frozen=True)
class RefreshResult:
    embedded: int
    unchanged: int
    removed: int
    pending: int
    model_changed: int


def refresh_vectors(
    profiles: Mapping[int, ProfileTexts],
    *,
    embedder: Embedder | None = None,
    limit: int | None = None,
    first: Iterable[int] = (),
    prune: bool = True,
) -> RefreshResult:
    """Embed the texts that have no current vector: those of ``first`` and at most ``limit`` others. With
    ``prune``, ``profiles`` is every organisation in matching and the vectors of any other are deleted."""
    embedder = embedder or matching_embedder()
    stored = {
        (org, role): (digest, version)
        for org, role, digest, version in TextVector.objects.filter(embedder=embedder.name).values_list(
            "organisation_id", "role", "text_hash", "embedder_version"
        )
    }
    priority = [key for key in first if key in profiles]
    order = priority + [key for key in profiles if key not in set(priority)]
    stale: list[tuple[int, str, str]] = []
    unchanged = model_changed = 0
    for key in order:
        for role in ROLES:
            text = profiles[key].text(role)
            digest = text_hash(text)
            current = stored.get((key, role))
            if current == (digest, embedder.version):
                unchanged += 1
                continue
            if current is not None and current[1] != embedder.version:
                model_changed += 1
            stale.append((key, role, text))
    wanted = set(priority)
    urgent = sum(1 for key, _role, _text in stale if key in wanted)
    todo = stale if limit is None else stale[: urgent + limit]
    for start in range(0, len(todo), _BATCH):
        batch = todo[start : start + _BATCH]
        texts = sorted({text for _key, _role, text in batch})
        vectors = dict(zip(texts, embedder.embed(texts), strict=True))
        with transaction.atomic():
            for key, role, text in batch:
                TextVector.objects.update_or_create(
                    organisation_id=key,
                    role=role,
                    embedder=embedder.name,
                    defaults={
                        "embedder_version": embedder.version,
                        "text_hash": text_hash(text),
                        "dim": embedder.dim,
                        "vector": encode_vector(vectors[text]),
                    },
                )
    removed = 0
    if prune:
        removed, _ = (
            TextVector.objects.filter(embedder=embedder.name)
            .exclude(organisation_id__in=list(profiles))
            .delete()
        )
    return RefreshResult(
        embedded=len(todo),
        unchanged=unchanged,
        removed=removed,
        pending=len(stale) - len(todo),
        model_changed=model_changed,
    )


# ------------------------------------------------------------------------------------------------- index


def index_folder(embedder_name: str) -> Path:
    return Path(settings.DATA_DIR) / "matching" / re.sub(r"[^A-Za-z0-9_.+-]", "_", embedder_name)


@dataclass
class MatchingIndex:
    """The offer and need indexes of one embedder, and the text hash each key holds."""

    embedder: str
    version: str
    backend: str
    dim: int
    offers: VectorIndex
    needs: VectorIndex
    hashes: dict[str, str] = field(default_factory=dict)
    stamp: tuple[Any, ...] = ()

    def index(self, role: str) -> VectorIndex:
        return self.offers if role == "offer" else self.needs

    def save(self) -> None:
        folder = index_folder(self.embedder)
        self.offers.save(folder / "offer")
        self.needs.save(folder / "need")
        state = {
            "embedder": self.embedder,
            "version": self.version,
            "backend": self.backend,
            "dim": self.dim,
            "hashes": self.hashes,
        }
        temporary = folder / "state.json.tmp"
        temporary.write_text(json.dumps(state), encoding="utf-8")
        temporary.replace(folder / "state.json")


_INDEXES: dict[str, MatchingIndex] = {}


def _vector_stamp(embedder: Embedder) -> tuple[Any, ...]:
    rows = TextVector.objects.filter(embedder=embedder.name).aggregate(
        count=Count("id"), last=Max("updated_at")
    )
    return (embedder.version, rows["count"], rows["last"])


def _load_saved(embedder: Embedder) -> MatchingIndex | None:
    folder = index_folder(embedder.name)
    try:
        state = json.loads((folder / "state.json").read_text(encoding="utf-8"))
        if state["embedder"] != embedder.name or state["version"] != embedder.version:
            return None  # another model made it: start again
        return MatchingIndex(
            embedder=embedder.name,
            version=embedder.version,
            backend=str(state["backend"]),
            dim=int(state["dim"]),
            offers=load_index(folder / "offer"),
            needs=load_index(folder / "need"),
            hashes={str(k): str(v) for k, v in state["hashes"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, DataError):
        return None
    except Exception:
        return None


def _empty(embedder: Embedder, backend: str) -> MatchingIndex:
    return MatchingIndex(
        embedder=embedder.name,
        version=embedder.version,
        backend=backend,
        dim=embedder.dim,
        offers=make_index(backend, embedder.dim),
        needs=make_index(backend, embedder.dim),
    )


def sync_index(index: MatchingIndex, embedder: Embedder) -> tuple[int, int]:
    """Bring ``index`` in line with the stored vectors; returns (keys added or replaced, keys removed)."""
    rows = TextVector.objects.filter(embedder=embedder.name, embedder_version=embedder.version)
    current = {
        f"{role}:{org}": digest
        for org, role, digest in rows.values_list("organisation_id", "role", "text_hash")
    }
    changed = [name for name, digest in current.items() if index.hashes.get(name) != digest]
    gone = [name for name in index.hashes if name not in current]
    for role in ROLES:
        removed_keys = [int(name.split(":")[1]) for name in gone if name.startswith(role + ":")]
        index.index(role).remove(removed_keys)
    for name in gone:
        del index.hashes[name]
    for role in ROLES:
        keys = [int(name.split(":")[1]) for name in changed if name.startswith(role + ":")]
        for start in range(0, len(keys), 2048):
            chunk = keys[start : start + 2048]
            stored = dict(
                rows.filter(role=role, organisation_id__in=chunk).values_list("organisation_id", "vector")
            )
            present = [key for key in chunk if key in stored]
            if present:
                index.index(role).add(
                    present, np.vstack([decode_vector(bytes(stored[key])) for key in present])
                )
    for name in changed:
        index.hashes[name] = current[name]
    return len(changed), len(gone)


def matching_index(
    *, embedder: Embedder | None = None, backend: str | None = None, rebuild: bool = False
) -> MatchingIndex:
    """The index of the stored vectors, loaded from disk or built, and updated with what changed since."""
    embedder = embedder or matching_embedder()
    stamp = _vector_stamp(embedder)
    with _LOCK:
        index = None if rebuild else _INDEXES.get(embedder.name)
        if index is not None and index.stamp == stamp and (backend is None or index.backend == backend):
            return index
        if index is None and not rebuild:
            index = _load_saved(embedder)
        if index is None or (backend is not None and index.backend != backend):
            if rebuild:
                shutil.rmtree(index_folder(embedder.name), ignore_errors=True)
            index = _empty(embedder, backend or DEFAULT_BACKEND)
        added, removed = sync_index(index, embedder)
        if added or removed or not (index_folder(embedder.name) / "state.json").is_file():
            index.save()
        index.stamp = stamp
        _INDEXES[embedder.name] = index
        return index


def forget_indexes() -> None:
    """Drop the in-process indexes and profiles (tests; after a change of data folder)."""
    with _LOCK:
        _INDEXES.clear()
        _PROFILE_CACHE.clear()
