"""Search latency of the library at scale: 100,000 passages, exact hybrid search in numpy.

Passages are made from real sentences (shared/data/parallel_en_ko: the 2,000 news_dev sentences in
both languages): each passage is three random sentences of one language (seeded), ten passages to a
document. Its vector is the normalised mean of its sentences' vectors and its terms are the union of
their analysed terms — so that 100,000 passages cost 2,000 embeddings, not 100,000; the vectors have the
real model's dimension and distribution, which is what search time depends on. Queries are 200 real
sentences (half Korean, half English), embedded by the real model.

Measured: building the index (BM25 postings, vector matrix), one query's embedding by the real,
uncached model, search itself (p50, p95), search restricted to half of the documents (a filter), and
the memory the vectors take. With ``--django`` the passages are also stored in a fresh SQLite database
through the ORM (vectors as bytes, as the library stores them) and the cold load of ``library_index()``
and an end-to-end ``search_library()`` are timed.

Run: ``OMP_NUM_THREADS=1 nice .venv/bin/python benchmarks/library_search.py [--passages 100000]
[--embedder use+e5] [--cache /tmp/innotwin-embeddings] [--django]``; prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from library_retrieval import embedder as cached_embedder

from innotwin.core.library import IndexedPassage, PassageIndex
from innotwin.core.text import analyse, detect_language, get_embedder, read_lines


def _percentiles(values: list[float]) -> dict[str, float]:
    array = np.array(values) * 1000
    return {
        "p50_ms": round(float(np.percentile(array, 50)), 1),
        "p95_ms": round(float(np.percentile(array, 95)), 1),
    }


def build_passages(data: Path, count: int, backend, seed: int) -> tuple[list[IndexedPassage], list[str]]:  # type: ignore[no-untyped-def]
    en = read_lines(data / "parallel_en_ko" / "news_dev.en")
    ko = read_lines(data / "parallel_en_ko" / "news_dev.ko")
    pools = {"en": list(en), "ko": list(ko)}
    vectors = {lang: backend.embed(texts) for lang, texts in pools.items()}
    terms = {lang: [analyse(text) for text in texts] for lang, texts in pools.items()}
    rng = random.Random(seed)
    passages = []
    for key in range(count):
        lang = "en" if key % 2 == 0 else "ko"
        picks = rng.sample(range(len(pools[lang])), 3)
        vector = vectors[lang][picks].mean(axis=0)
        passages.append(
            IndexedPassage(
                key=key + 1,
                group=key // 10 + 1,
                language=lang,
                terms=tuple(term for pick in picks for term in terms[lang][pick]),
                vector=(vector / np.linalg.norm(vector)).astype(np.float32),
            )
        )
    queries = [ko[i] for i in range(900, 1000)] + [en[i] for i in range(900, 1000)]
    return passages, queries


def measure_core(passages: list[IndexedPassage], queries: list[str], backend) -> dict[str, object]:  # type: ignore[no-untyped-def]
    model = get_embedder(backend.name)  # the real model, uncached, for the time a query's embedding takes
    model.embed(["warm-up"])
    started = time.perf_counter()
    index = PassageIndex(embedder=backend).fit(passages)
    build = time.perf_counter() - started
    embed_times, search_times, filtered_times = [], [], []
    half = set(range(1, len(passages) // 20 + 1))
    for query in queries:
        started = time.perf_counter()
        model.embed([query])
        embed_times.append(time.perf_counter() - started)
        vector = backend.embed([query])[0]
        terms, language = analyse(query), detect_language(query)
        started = time.perf_counter()
        index.search_vector(vector, terms=terms, language=language, top=10)
        search_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        index.search_vector(vector, terms=terms, language=language, top=10, groups=half)
        filtered_times.append(time.perf_counter() - started)
    return {
        "build_seconds": round(build, 2),
        "vector_memory_mib": round(index.vectors_.nbytes / 2**20, 1),
        "query_embedding": _percentiles(embed_times),
        "search": _percentiles(search_times),
        "search_in_half_the_documents": _percentiles(filtered_times),
    }


def measure_django(
    passages: list[IndexedPassage], queries: list[str], backend, folder: Path
) -> dict[str, object]:  # type: ignore[no-untyped-def]
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "innotwin.config.settings",
            "INNOTWIN_DATA_DIR": str(folder),
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "INNOTWIN_TEXT_EMBEDDER": backend.name,
        }
    )
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command

    from innotwin.core.library import encode_vector
    from innotwin.library.domain import _common
    from innotwin.library.domain.library_index import library_index
    from innotwin.library.domain.search_library import search_library
    from innotwin.library.models import Document, Passage

    _common._EMBEDDERS[backend.name] = backend  # the benchmark's cached embedder serves queries
    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    groups = sorted({p.group for p in passages})
    Document.objects.bulk_create(
        [Document(pk=g, kind="case_study", status="published", title_en=f"Document {g}") for g in groups],
        batch_size=2000,
    )
    texts = {p.key: " ".join(p.terms)[:300] for p in passages}
    Passage.objects.bulk_create(
        [
            Passage(
                pk=p.key,
                document_id=p.group,
                position=p.key,
                source="text",
                start=0,
                end=len(texts[p.key]),
                text=texts[p.key],
                language=p.language,
                terms=" ".join(p.terms),
                vector=encode_vector(p.vector),
                embedder=backend.name,
                embedder_version=backend.version,
            )
            for p in passages
        ],
        batch_size=2000,
    )
    Document.objects.update(text="")
    store = time.perf_counter() - started
    started = time.perf_counter()
    library_index()
    cold = time.perf_counter() - started
    warm, end_to_end = [], []
    for query in queries[:50]:
        started = time.perf_counter()
        library_index()
        warm.append(time.perf_counter() - started)
        started = time.perf_counter()
        search_library(user=AnonymousUser(), query=query)
        end_to_end.append(time.perf_counter() - started)
    return {
        "store_seconds": round(store, 1),
        "database_mib": round((folder / "bench.sqlite3").stat().st_size / 2**20, 1),
        "cold_index_load_seconds": round(cold, 1),
        "warm_index_check": _percentiles(warm),
        "search_library_end_to_end": _percentiles(end_to_end),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("INNOTWIN_SHARED_DATA", "../shared/data"))
    )
    parser.add_argument("--passages", type=int, default=100_000)
    parser.add_argument("--embedder", default="use+e5")
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--django", action="store_true", help="Also store the passages and search through Django."
    )
    args = parser.parse_args()
    backend = cached_embedder(args.embedder, args.cache)
    started = time.perf_counter()
    passages, queries = build_passages(args.data, args.passages, backend, args.seed)
    report: dict[str, object] = {
        "passages": len(passages),
        "documents": len({p.group for p in passages}),
        "embedder": args.embedder,
        "dim": backend.dim,
        "prepare_seconds": round(time.perf_counter() - started, 1),
        "core": measure_core(passages, queries, backend),
    }
    if args.django:
        with tempfile.TemporaryDirectory() as folder:
            report["django"] = measure_django(passages, queries, backend, Path(folder))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
