"""Top-1 alignment accuracy of every text-matching method tried, on real Korean–English sets.

Sets (read from the shared data folder, never copied):

- ``news_dev``: 1,000 aligned Korean–English news sentences (korean-english-park), whole and in halves:
  lines 1–500 (``news_dev[:500]``) are the tuning half on which every default weight was chosen, lines
  501–1000 (``news_dev[500:]``) were never used for a choice;
- ``ksic_names``: the 1,154 Korean–English industry names of KSIC 9/10/11 whose Korean and English
  names are both unique — short phrases, the vocabulary of organisation profiles.

Run: ``OMP_NUM_THREADS=1 nice .venv/bin/python benchmarks/text_alignment.py [--data PATH]``; prints JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from innotwin.core.text import (
    BM25,
    E5SmallEmbedder,
    Embedder,
    EnsembleEmbedder,
    HybridScorer,
    UniversalSentenceEncoder,
    align,
    analyse,
    read_lines,
)


class Precomputed:
    """An embedder that serves vectors computed once, so each method is timed on scoring alone."""

    def __init__(self, *, name: str, version: str, table: dict[str, np.ndarray], dim: int) -> None:
        self.name, self.version, self.dim, self._table = name, version, dim, table

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return np.vstack([self._table[text] for text in texts]).astype(np.float32)


def load_sets(data: Path) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    ko = read_lines(data / "parallel_en_ko" / "news_dev.ko")
    en = read_lines(data / "parallel_en_ko" / "news_dev.en")
    with (data / "classifications" / "ksic_9th_10th_11th_codes_korean_english_names.csv").open(
        encoding="utf-8"
    ) as f:
        pairs = list(dict.fromkeys((row["nm"], row["eng_nm"]) for row in csv.DictReader(f) if row["nm"]))
    ko_count: dict[str, int] = {}
    en_count: dict[str, int] = {}
    for k, e in pairs:
        ko_count[k] = ko_count.get(k, 0) + 1
        en_count[e] = en_count.get(e, 0) + 1
    unique = [(k, e) for k, e in pairs if ko_count[k] == 1 and en_count[e] == 1]
    return {
        "news_dev": (ko, en),
        "news_dev[:500]": (ko[:500], en[:500]),
        "news_dev[500:]": (ko[500:], en[500:]),
        "ksic_names": (tuple(k for k, _ in unique), tuple(e for _, e in unique)),
    }


def cosine_accuracy(ko: Sequence[str], en: Sequence[str], embedder: Embedder) -> tuple[float, float]:
    scores = embedder.embed(ko) @ embedder.embed(en).T
    return _accuracy(scores, ko, en)


def _accuracy(scores: np.ndarray, ko: Sequence[str], en: Sequence[str]) -> tuple[float, float]:
    best_en, best_ko = scores.argmax(axis=1), scores.argmax(axis=0)
    n = len(ko)
    return (
        sum(en[best_en[i]] == en[i] for i in range(n)) / n,
        sum(ko[best_ko[j]] == ko[j] for j in range(n)) / n,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("INNOTWIN_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--data", type=Path, default=Path(default))
    args = parser.parse_args()
    sets = load_sets(args.data)
    backends: dict[str, Embedder] = {
        "use-multilingual": UniversalSentenceEncoder(),
        "e5-small": E5SmallEmbedder(),
    }
    rows = []
    embed_seconds: dict[str, dict[str, float]] = {}
    for set_name in ("news_dev", "ksic_names"):
        ko, en = sets[set_name]
        texts = list(dict.fromkeys((*ko, *en)))
        tables: dict[str, Embedder] = {}
        for name, backend in backends.items():
            start = time.perf_counter()
            vectors = backend.embed(texts)
            embed_seconds.setdefault(set_name, {})[name] = round(time.perf_counter() - start, 1)
            tables[name] = Precomputed(
                name=name,
                version=backend.version,
                table=dict(zip(texts, vectors, strict=True)),
                dim=backend.dim,
            )
        tables["use+e5"] = EnsembleEmbedder(
            name="use+e5", members=((tables["use-multilingual"], 1.0), (tables["e5-small"], 8.0))
        )
        subsets = [s for s in sets if s.startswith(set_name)]
        for subset in subsets:
            ko_s, en_s = sets[subset]
            start = time.perf_counter()
            terms_ko, terms_en = [analyse(t) for t in ko_s], [analyse(t) for t in en_s]
            lexical = (
                BM25().fit(terms_en).score_many(terms_ko) + BM25().fit(terms_ko).score_many(terms_en).T
            ) / 2
            ko_en, en_ko = _accuracy(lexical, ko_s, en_s)
            rows.append(
                _row(subset, "BM25 alone (both directions)", ko_en, en_ko, time.perf_counter() - start)
            )
            for name, embedder in tables.items():
                start = time.perf_counter()
                ko_en, en_ko = cosine_accuracy(ko_s, en_s, embedder)
                rows.append(_row(subset, f"{name}: cosine", ko_en, en_ko, time.perf_counter() - start))
                methods = {
                    "CSLS k=2": HybridScorer(
                        embedder=embedder, lexical_weight=0, length_weight=0, balance="csls"
                    ),
                    "CSLS + BM25 0.2 + length 0.1": HybridScorer(embedder=embedder, balance="csls"),
                    "Sinkhorn, no BM25, no length": HybridScorer(
                        embedder=embedder, lexical_weight=0, length_weight=0
                    ),
                    "Sinkhorn + BM25 0.2 + length 0.1 (full)": HybridScorer(embedder=embedder),
                }
                for label, scorer in methods.items():
                    result = align(ko_s, en_s, scorer=scorer)
                    rows.append(
                        _row(subset, f"{name}: {label}", result.a_to_b, result.b_to_a, result.seconds)
                    )
    print(json.dumps({"embedding_seconds": embed_seconds, "results": rows}, ensure_ascii=False, indent=1))


def _row(set_name: str, method: str, ko_en: float, en_ko: float, seconds: float) -> dict[str, object]:
    return {
        "set": set_name,
        "method": method,
        "ko_to_en": round(ko_en, 3),
        "en_to_ko": round(en_ko, 3),
        "scoring_seconds": round(seconds, 2),
    }


if __name__ == "__main__":
    main()
