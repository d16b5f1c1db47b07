"""Cross-lingual retrieval quality of the library's passage search (recall@10 and MRR) on real text.

Sets (read from the shared data folder, never copied):

- ``news``: the 1,000 aligned Korean–English news sentences (shared/data/parallel_en_ko/news_dev.*) made
  into 100 documents of 10 consecutive sentences, two paragraphs each; even-numbered documents in English,
  odd-numbered ones in Korean. The index also holds the 830 distinct Korean premises of KorNLI's XNLI
  development set as 166 Korean distractor documents, so a Korean query meets many Korean passages that
  are *not* what it looks for. Each sentence of each document is asked **in the other language**
  (the Korean sentence for an English document: KO→EN; the English one for a Korean document: EN→KO);
  the right answer is the passage that holds its translation. Documents 0–49 (``news[:500]``, the
  tuning half) are the only queries on which a default was chosen; documents 50–99 (``news[500:]``)
  give the held-out number. Every query searches the whole index.
- ``korsts``: a same-language check: the KorSTS test pairs whose two Korean sentences were rated at
  least 4 of 5 for similarity (shared/data/parallel_en_ko/korsts_sts-test.tsv); the second sentences form
  Korean documents of five, the first ones are the queries (KO→KO). First half tuning, second held out.
- ``strategies``: the 11 city innovation-strategy summaries of shared/data/partnerships_uk_kr (English),
  added to the same index as documents, asked by 18 Korean queries written for this benchmark (below),
  each with the summaries that answer it. Small; a sanity check on the library's own kind of text.

Metrics: passage-level recall@1 and recall@10 (the right passage among the first 1 or 10 passages,
several passages of one document allowed) and MRR (mean of 1 / rank of the right passage, 0 beyond 100);
document-level recall@10 (the right document among the first 10 documents) for the strategy set.

Run: ``OMP_NUM_THREADS=1 nice .venv/bin/python benchmarks/library_retrieval.py [--data PATH]
[--embedders use-multilingual,use+e5] [--cache /tmp/innotwin-embeddings] [--grid]``; prints JSON.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import pickle
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from innotwin.core.library import IndexedPassage, PassageIndex, extract
from innotwin.core.text import (
    E5SmallEmbedder,
    Embedder,
    EnsembleEmbedder,
    UniversalSentenceEncoder,
    analyse,
    detect_language,
    read_lines,
)

# Korean queries written for this benchmark; the numbers are rows of city_innovation_strategy_priorities.csv
# (0-based, header excluded) that answer each.
STRATEGY_QUERIES: tuple[tuple[str, frozenset[int]], ...] = (
    ("부산 에코델타시티의 스마트 물 관리와 수열 에너지", frozenset({7})),
    ("세계 최고의 수소 도시 비전과 그린수소 타운", frozenset({9})),
    ("자율주행 버스와 공유 모빌리티 시범도시", frozenset({10})),
    ("도심항공교통 시범도시와 미래 모빌리티", frozenset({8, 9})),
    ("감염 예방 관리와 재료화학 연구 역량", frozenset({0, 1})),
    ("전기 경량 차량과 배터리 저장, 게임 콘텐츠 클러스터", frozenset({3})),
    ("양자 기술, 우주, 5G 혁신지구", frozenset({4})),
    ("핀테크와 금융 서비스, 생명·보건 과학 우선 기술", frozenset({5, 6})),
    ("약 10억 파운드 규모 시티딜과 최대 2만 개 일자리", frozenset({6})),
    ("친환경 스마트 선박과 고기능 화학 소재", frozenset({9})),
    ("로봇 도시 플랫폼과 리빙랩", frozenset({7})),
    ("디지털 트윈과 드론 배송, 블록체인 결제", frozenset({10})),
    ("물, 의료, 로봇, 미래형 자동차, 에너지 5+1 신산업", frozenset({8})),
    ("고성능 인지 컴퓨팅과 혁신 우수성", frozenset({1})),
    ("청정 성장과 첨단 제조, 디지털·창조 산업 전략", frozenset({2})),
    ("정밀의료와 나노 제조 연구 지구", frozenset({4})),
    ("탄소중립과 해양 분야의 성장 역량", frozenset({0})),
    ("반도체와 인공지능·빅데이터·블록체인 산업 육성", frozenset({8})),
)


class CachedEmbedder:
    """An embedder whose vectors are kept in a pickle file per backend, so reruns embed nothing twice."""

    def __init__(self, base: Embedder, cache: Path | None) -> None:
        self.base, self.name, self.dim = base, base.name, base.dim
        self.path = cache / f"{base.name}-{base.version}.pickle" if cache else None
        self.table: dict[str, npt.NDArray[np.float32]] = {}
        if self.path and self.path.exists():
            self.table = pickle.loads(self.path.read_bytes())  # noqa: S301 - our own cache file
        self.seconds = 0.0

    @property
    def version(self) -> str:
        return self.base.version

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        keys = [hashlib.sha1(text.encode()).hexdigest() for text in texts]  # noqa: S324 - a cache key
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in self.table))
        if missing:
            started = time.perf_counter()
            vectors = self.base.embed(missing)
            self.seconds += time.perf_counter() - started
            for text, vector in zip(missing, vectors, strict=True):
                self.table[hashlib.sha1(text.encode()).hexdigest()] = vector  # noqa: S324
            if self.path:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.path.write_bytes(pickle.dumps(self.table))
        return np.vstack([self.table[k] for k in keys]) if keys else np.zeros((0, self.dim), np.float32)


def embedder(name: str, cache: Path | None) -> Embedder:
    use = CachedEmbedder(UniversalSentenceEncoder(), cache)
    e5 = CachedEmbedder(E5SmallEmbedder(), cache)
    if name == "use-multilingual":
        return use
    if name == "e5-small":
        return e5
    return EnsembleEmbedder(name="use+e5", members=((use, 1.0), (e5, 8.0)))


@dataclass
class Query:
    text: str
    gold: frozenset[int]  # passage keys
    gold_groups: frozenset[int]
    subset: str


@dataclass
class Corpus:
    texts: dict[int, str]  # passage key -> text
    groups: dict[int, int]
    languages: dict[int, str]
    queries: list[Query]


def build_corpus(data: Path) -> Corpus:
    en = read_lines(data / "parallel_en_ko" / "news_dev.en")
    ko = read_lines(data / "parallel_en_ko" / "news_dev.ko")
    texts: dict[int, str] = {}
    groups: dict[int, int] = {}
    languages: dict[int, str] = {}
    queries: list[Query] = []

    def add_document(group: int, paragraphs: Sequence[Sequence[str]]) -> list[tuple[int, int, int]]:
        """Index a document; returns (key, start, end) of its passages."""
        text = "\n\n".join(" ".join(paragraph) for paragraph in paragraphs)
        document = extract(text.encode("utf-8"), filename=f"doc-{group}.txt")
        spans = []
        for passage in document.passages:
            key = group * 1000 + passage.position
            texts[key], groups[key], languages[key] = passage.text, group, passage.language
            spans.append((key, passage.start, passage.end))
        return spans

    for number in range(100):
        lines = range(10 * number, 10 * number + 10)
        own, other = (en, ko) if number % 2 == 0 else (ko, en)
        paragraphs = [[own[i] for i in lines[:5]], [own[i] for i in lines[5:]]]
        spans = add_document(number, paragraphs)
        offset = 0
        for position, line in enumerate(lines):
            if position == 5:
                offset += 1  # the blank line between the paragraphs ("\n\n" replaced one " ")
            start = offset
            offset += len(own[line]) + 1
            gold = frozenset(key for key, s, e in spans if s <= start < e)
            direction = "ko->en" if number % 2 == 0 else "en->ko"
            half = "tuning" if number < 50 else "held_out"
            queries.append(Query(other[line], gold, frozenset({number}), f"news[{half}] {direction}"))
    with (data / "parallel_en_ko" / "kornli_xnli.dev.ko.tsv").open(encoding="utf-8") as handle:
        premises = list(dict.fromkeys(row["sentence1"] for row in csv.DictReader(handle, delimiter="\t")))
    for number in range(0, len(premises), 5):
        add_document(1000 + number // 5, [premises[number : number + 5]])
    with (data / "parallel_en_ko" / "korsts_sts-test.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        close = [(r["sentence1"], r["sentence2"]) for r in rows if float(r["score"]) >= 4.0]
    close = list({second: (first, second) for first, second in close if first != second}.values())
    for number in range(0, len(close), 5):
        chunk = close[number : number + 5]
        spans = add_document(3000 + number // 5, [[second for _, second in chunk]])
        offset = 0
        for first, second in chunk:
            gold = frozenset(key for key, s, e in spans if s <= offset < e)
            half = "tuning" if number < len(close) // 2 else "held_out"
            queries.append(Query(first, gold, frozenset({3000 + number // 5}), f"korsts[{half}] ko->ko"))
            offset += len(second) + 1
    with (data / "partnerships_uk_kr" / "city_innovation_strategy_priorities.csv").open(
        encoding="utf-8"
    ) as f:
        rows = list(csv.DictReader(f))
    strategy_keys: dict[int, list[int]] = {}
    for number, row in enumerate(rows):
        text = f"{row['place']}: {row['document_or_programme']}\n\n{row['priorities_short_summary']}"
        strategy_keys[number] = [key for key, _, _ in add_document(5000 + number, [[text]])]
    for text, answers in STRATEGY_QUERIES:
        gold = frozenset(key for row in answers for key in strategy_keys[row])
        queries.append(Query(text, gold, frozenset(5000 + row for row in answers), "strategies ko->en"))
    missing = [query.text for query in queries if not query.gold]
    if missing:
        raise SystemExit(f"queries without a gold passage: {missing[:3]}")
    return Corpus(texts, groups, languages, queries)


def evaluate(
    index: PassageIndex, corpus: Corpus, vectors: dict[int, npt.NDArray[np.float32]]
) -> dict[str, dict[str, float]]:
    subsets: dict[str, list[tuple[float, float, float, float]]] = {}
    query_vectors = {q.text: v for q, v in zip(corpus.queries, vectors["queries"], strict=True)}
    for query in corpus.queries:
        terms = analyse(query.text)
        hits = index.search_vector(
            query_vectors[query.text],
            terms=terms,
            language=detect_language(query.text),
            top=100,
            per_group=None,
        )
        ranks = [rank for rank, hit in enumerate(hits, 1) if hit.key in query.gold]
        first = ranks[0] if ranks else None
        documents = list(dict.fromkeys(hit.group for hit in hits))[:10]
        row = (
            float(first == 1),
            float(first is not None and first <= 10),
            1.0 / first if first else 0.0,
            float(bool(query.gold_groups.intersection(documents))),
        )
        for name in (query.subset, query.subset.split(" ")[0].split("[")[0] + " all"):
            subsets.setdefault(name, []).append(row)
    return {
        name: {
            "queries": len(rows),
            "recall@1": round(float(np.mean([r[0] for r in rows])), 3),
            "recall@10": round(float(np.mean([r[1] for r in rows])), 3),
            "mrr": round(float(np.mean([r[2] for r in rows])), 3),
            "document_recall@10": round(float(np.mean([r[3] for r in rows])), 3),
        }
        for name, rows in sorted(subsets.items())
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=Path(os.environ.get("INNOTWIN_SHARED_DATA", "../shared/data"))
    )
    parser.add_argument("--embedders", default="use-multilingual,use+e5")
    parser.add_argument("--cache", type=Path, default=None, help="Folder to keep embeddings between runs.")
    parser.add_argument(
        "--grid", action="store_true", help="Every setting of the method, not only the steps."
    )
    args = parser.parse_args()
    corpus = build_corpus(args.data)
    report: dict[str, object] = {"passages": len(corpus.texts), "queries": len(corpus.queries), "results": []}
    keys = sorted(corpus.texts)
    for name in args.embedders.split(","):
        backend = embedder(name, args.cache)
        started = time.perf_counter()
        passage_vectors = backend.embed([corpus.texts[k] for k in keys])
        query_vectors = backend.embed([q.text for q in corpus.queries])
        embed_seconds = time.perf_counter() - started
        passages = [
            IndexedPassage(
                key=k,
                group=corpus.groups[k],
                language=corpus.languages[k],
                terms=analyse(corpus.texts[k]),
                vector=v,
            )
            for k, v in zip(keys, passage_vectors, strict=True)
        ]
        settings: list[dict[str, object]] = [
            {"hubness": False, "language_balance": False, "lexical_weight": 0.0},  # cosine alone
            {"hubness": False, "language_balance": False, "lexical_weight": 0.25},  # + BM25
            {"hubness": True, "language_balance": False, "lexical_weight": 0.0},  # + CSLS
            {"hubness": False, "language_balance": True, "lexical_weight": 0.0},  # + language balance
            {"hubness": True, "language_balance": True, "lexical_weight": 0.25},  # all three
            {"hubness": False, "language_balance": True, "lexical_weight": 0.25},  # the default
        ]
        if args.grid:
            settings = [
                {"hubness": h, "language_balance": lb, "lexical_weight": w, "neighbours": k}
                for h in (False, True)
                for lb in (False, True)
                for w in (0.0, 0.25, 0.5, 1.0, 2.0)
                for k in ((5, 10, 30) if h else (10,))
            ]
        for setting in settings:
            started = time.perf_counter()
            index = PassageIndex(embedder=backend, **setting).fit(passages)  # type: ignore[arg-type]
            built = time.perf_counter() - started
            started = time.perf_counter()
            results = evaluate(index, corpus, {"queries": query_vectors})
            report["results"].append(  # type: ignore[union-attr]
                {
                    "embedder": name,
                    **setting,
                    "build_seconds": round(built, 3),
                    "search_seconds": round(time.perf_counter() - started, 2),
                    "embed_seconds": round(embed_seconds, 1),
                    "subsets": results,
                }
            )
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
