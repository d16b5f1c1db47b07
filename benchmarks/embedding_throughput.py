"""Sentences per second of each text backend on this machine (the project's machines have 2 cores).

Embeds the first 200 Korean and 200 English lines of news_dev (400 sentences) with each embedder after
a warm-up call, and runs the lexical analyser and the full scorer on the same lines. Thread counts come
from the environment (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS), which the output records.

Run: ``nice .venv/bin/python benchmarks/embedding_throughput.py [--data PATH]``; prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from innotwin.core.text import HybridScorer, analyse, embedder_names, get_embedder, read_lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("INNOTWIN_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")
    parser.add_argument("--data", type=Path, default=Path(default))
    parser.add_argument("--lines", type=int, default=200)
    args = parser.parse_args()
    folder = args.data / "parallel_en_ko"
    korean = list(read_lines(folder / "news_dev.ko")[: args.lines])
    english = list(read_lines(folder / "news_dev.en")[: args.lines])
    sentences = korean + english
    results = []
    for name in embedder_names():
        embedder = get_embedder(name)
        start = time.perf_counter()
        embedder.embed(sentences[:8])
        warm_up = time.perf_counter() - start
        start = time.perf_counter()
        embedder.embed(sentences)
        seconds = time.perf_counter() - start
        results.append(
            {
                "backend": name,
                "version": embedder.version,
                "sentences": len(sentences),
                "seconds": round(seconds, 2),
                "sentences_per_second": round(len(sentences) / seconds, 1),
                "first_call_seconds": round(warm_up, 2),
            }
        )
    analyse("세종과 벨파스트")  # loads Kiwi's model (about two seconds) before the clock starts
    analyse.cache_clear()
    start = time.perf_counter()
    for sentence in sentences:
        analyse(sentence)
    seconds = time.perf_counter() - start
    results.append(
        {"backend": "lexical analyser (Kiwi + rules)", "sentences": len(sentences),
         "seconds": round(seconds, 2), "sentences_per_second": round(len(sentences) / seconds, 1)}
    )  # fmt: skip
    analyse.cache_clear()
    start = time.perf_counter()
    HybridScorer().score(korean, english)
    seconds = time.perf_counter() - start
    results.append(
        {"backend": f"full scorer, {len(korean)} x {len(english)} (embedding included)",
         "sentences": len(sentences), "seconds": round(seconds, 2),
         "sentences_per_second": round(len(sentences) / seconds, 1)}
    )  # fmt: skip
    threads = {key: os.environ.get(key, "unset") for key in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")}
    print(json.dumps({"cpu_count": os.cpu_count(), "threads": threads, "results": results}, indent=1))


if __name__ == "__main__":
    main()
