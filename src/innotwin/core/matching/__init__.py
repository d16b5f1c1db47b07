"""Cross-lingual partner matching: vector indexes, the reciprocal score, explanations and feedback.

Typical use::

    from innotwin.core.matching import Filters, Matcher, MatchProfile, make_index, explain

    offers, needs = make_index("hnsw", dim), make_index("hnsw", dim)
    offers.add(keys, offer_vectors); needs.add(keys, need_vectors)
    matcher = Matcher(profiles={p.key: p for p in profiles}, offer_index=offers, need_index=needs)
    best = matcher.rank(key, filters=Filters(countries=frozenset({"KR"})), top=10, feedback=events)
    why = explain(profiles[key], profiles[best[0].key], best[0], embed=embedder.embed)

The method, with every formula and default, is in ``docs/methods/matching.md``.
"""

from innotwin.core.matching.bench import (
    BenchResult,
    clustered_profiles,
    clustered_vectors,
    peak_memory_mb,
    recall_at,
    run_bench,
)
from innotwin.core.matching.explain import Explanation, PassageLink, explain
from innotwin.core.matching.feedback import DECLINE_REASONS, FEEDBACK_KINDS, FeedbackEvent, FeedbackModel
from innotwin.core.matching.index import (
    BACKENDS,
    ExactIndex,
    HnswIndex,
    SearchResult,
    VectorIndex,
    load_index,
    make_index,
)
from innotwin.core.matching.profile import Filters, MatchProfile, Passage
from innotwin.core.matching.reciprocal import ReciprocalResult, reciprocal_top_k, spherical_kmeans
from innotwin.core.matching.scoring import (
    COMPONENTS,
    IndustryLink,
    Match,
    Matcher,
    Weights,
    industry_links,
    reciprocal,
)

__all__ = [
    "BACKENDS",
    "COMPONENTS",
    "DECLINE_REASONS",
    "FEEDBACK_KINDS",
    "BenchResult",
    "ExactIndex",
    "Explanation",
    "FeedbackEvent",
    "FeedbackModel",
    "Filters",
    "HnswIndex",
    "IndustryLink",
    "Match",
    "MatchProfile",
    "Matcher",
    "Passage",
    "PassageLink",
    "ReciprocalResult",
    "SearchResult",
    "VectorIndex",
    "Weights",
    "clustered_profiles",
    "clustered_vectors",
    "explain",
    "industry_links",
    "load_index",
    "make_index",
    "peak_memory_mb",
    "recall_at",
    "reciprocal",
    "reciprocal_top_k",
    "run_bench",
    "spherical_kmeans",
]
