"""The in-memory passage index of the library, rebuilt from the stored passages when they change.

Each process keeps one :class:`~innotwin.core.library.PassageIndex` per embedder. Before a search it
compares a cheap stamp (highest passage id, number of documents, latest indexing time, embedder name
and version) with the one the index was built from, and rebuilds only when they differ. Passages whose
vectors were made by another embedder or another version of it are re-embedded and saved first, so a
model upgrade never mixes vectors of two models.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max

from innotwin.core.library import IndexedPassage, PassageIndex, decode_vector, encode_vector
from innotwin.core.text import Embedder
from innotwin.library.domain._common import library_embedder
from innotwin.library.models import Document, Passage

_BATCH = 256


@dataclass(frozen=True)
class _Built:
    stamp: tuple[object, ...]
    index: PassageIndex


_CACHE: dict[str, _Built] = {}
_LOCK = threading.Lock()


def _stamp(embedder: Embedder) -> tuple[object, ...]:
    # Cheap on large tables: the highest passage id comes from the primary key's index, and documents are
    # far fewer than passages. Passages change only with their document's indexing time, or with it.
    last_passage = Passage.objects.aggregate(last=Max("id"))["last"]
    documents = Document.objects.aggregate(count=Count("id"), indexed=Max("indexed_at"))
    return (embedder.name, embedder.version, last_passage, documents["count"], documents["indexed"])


def refresh_vectors(*, embedder: Embedder | None = None) -> int:
    """Re-embed the passages whose vectors another embedder (or version) made; returns how many."""
    embedder = embedder or library_embedder()
    stale = Passage.objects.exclude(embedder=embedder.name, embedder_version=embedder.version)
    count = 0
    ids = list(stale.values_list("pk", flat=True))
    for start in range(0, len(ids), _BATCH):
        batch = list(Passage.objects.filter(pk__in=ids[start : start + _BATCH]).only("pk", "text"))
        vectors = embedder.embed([passage.text for passage in batch])
        for passage, vector in zip(batch, vectors, strict=True):
            passage.vector = encode_vector(vector)
            passage.embedder, passage.embedder_version = embedder.name, embedder.version
        with transaction.atomic():
            Passage.objects.bulk_update(batch, ["vector", "embedder", "embedder_version"])
        count += len(batch)
    return count


def library_index() -> PassageIndex:
    """The index of every stored passage for the configured embedder, rebuilt only when passages changed."""
    embedder = library_embedder()
    stamp = _stamp(embedder)
    with _LOCK:
        built = _CACHE.get(embedder.name)
    if built is not None and built.stamp == stamp:
        return built.index
    if refresh_vectors(embedder=embedder):
        stamp = _stamp(embedder)
    rows = Passage.objects.values_list("pk", "document_id", "language", "terms", "vector").order_by("pk")
    index = PassageIndex(embedder=embedder).fit(
        [
            IndexedPassage(
                key=key,
                group=group,
                language=language,
                terms=tuple(terms.split()),
                vector=decode_vector(bytes(vector)),
            )
            for key, group, language, terms, vector in rows.iterator(chunk_size=2000)
        ]
    )
    with _LOCK:
        _CACHE[embedder.name] = _Built(stamp, index)
    return index
