"""Cross-lingual text backend: Korean and English in one vector space, BM25 and the full scorer.

The public API::

    get_embedder(name="use+e5") -> Embedder      # embed(texts) -> unit float32 rows
    HybridScorer(...).score(texts_a, texts_b)     # semantic + BM25 + length, hubness-corrected
    align(lines_a, lines_b, *, scorer=None) -> AlignmentResult
    embed_file(source, *, out, embedder="use+e5") -> EmbeddedFile
    analyse(text) -> terms;  BM25(k1=1.2, b=0.75).fit(documents).score(query)
    detect_language(text) -> "ko" | "en" | "und"

docs/methods/text.md describes the method and every measurement behind its defaults.
"""

from innotwin.core.text.align import AlignmentResult, EmbeddedFile, align, embed_file, read_lines
from innotwin.core.text.bm25 import BM25
from innotwin.core.text.embedders import (
    DEFAULT_EMBEDDER,
    E5SmallEmbedder,
    Embedder,
    EnsembleEmbedder,
    UniversalSentenceEncoder,
    embedder_names,
    get_embedder,
    register_embedder,
)
from innotwin.core.text.language import Language, detect_language, hangul_ratio
from innotwin.core.text.lexical import analyse, extract_numbers, shared_terms, stem
from innotwin.core.text.normalise import normalise_text
from innotwin.core.text.romanise import consonant_skeleton, hangul_skeleton, latin_skeleton
from innotwin.core.text.scoring import HybridScorer, csls, length_prior, sinkhorn, standardise

__all__ = [
    "BM25",
    "DEFAULT_EMBEDDER",
    "AlignmentResult",
    "E5SmallEmbedder",
    "EmbeddedFile",
    "Embedder",
    "EnsembleEmbedder",
    "HybridScorer",
    "Language",
    "UniversalSentenceEncoder",
    "align",
    "analyse",
    "consonant_skeleton",
    "csls",
    "detect_language",
    "embed_file",
    "embedder_names",
    "extract_numbers",
    "get_embedder",
    "hangul_ratio",
    "hangul_skeleton",
    "latin_skeleton",
    "length_prior",
    "normalise_text",
    "read_lines",
    "register_embedder",
    "shared_terms",
    "sinkhorn",
    "standardise",
    "stem",
]
