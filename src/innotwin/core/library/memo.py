"""An embedder that remembers the vectors it has computed, so that a text is embedded once per process.

Re-adding or re-indexing a document whose passages did not change, loading the demo library again, or
asking the same query twice then costs no model time. The memory is bounded (least recently used texts
are forgotten first) and keyed by the text after nothing but identity: the wrapped embedder's own
normalisation still applies.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from innotwin.core.text.embedders import Embedder

__all__ = ["MemoEmbedder"]


class MemoEmbedder:
    """Wraps an :class:`~innotwin.core.text.Embedder`; same ``name``, ``version``, ``dim`` and vectors."""

    def __init__(self, base: Embedder, *, max_items: int = 50_000) -> None:
        self.base = base
        self.max_items = max_items
        self._version = base.version  # read once: it looks the package up in the installed metadata
        self._memory: OrderedDict[str, npt.NDArray[np.float32]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The wrapped embedder's name."""
        return self.base.name

    @property
    def version(self) -> str:
        """The wrapped embedder's version (as it was when wrapped)."""
        return self._version

    @property
    def dim(self) -> int:
        """The wrapped embedder's dimension."""
        return self.base.dim

    def embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """One unit row per text; texts seen before are not embedded again."""
        with self._lock:
            missing = list(dict.fromkeys(text for text in texts if text not in self._memory))
        fresh = self.base.embed(missing) if missing else np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            for text, vector in zip(missing, fresh, strict=True):
                self._memory[text] = vector
            rows = []
            for text in texts:
                vector = self._memory.get(text)
                if vector is None:  # forgotten by a concurrent call since; rare
                    vector = self.base.embed([text])[0]
                self._memory[text] = vector
                self._memory.move_to_end(text)
                rows.append(vector)
            while len(self._memory) > self.max_items:
                self._memory.popitem(last=False)
        return np.vstack(rows).astype(np.float32) if rows else np.zeros((0, self.dim), dtype=np.float32)
