"""Sparse retrieval: BM25 over our tokeniser (``retrieval.text.tokenize``), served by bm25s.

rank-bm25 scores every document in pure Python; it is kept only as the reference the comparison test checks
these rankings against.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from retrieval.errors import IndexCorrupt, ModelUnavailable

MAX_QUERY_TERMS = 256  # a 10 kB query is cut to its first 256 content terms: enough to rank, bounded cost


class SparseIndex:
    """BM25 index over pre-tokenised passages (row i of the index is passage i)."""

    def __init__(self, *, k1: float = 1.2, b: float = 0.75, method: str = "lucene") -> None:
        try:
            import bm25s
        except ImportError as exc:
            raise ModelUnavailable("BM25 needs bm25s: pip install bm25s==0.3.16") from exc
        self.k1, self.b, self.method = k1, b, method
        self._bm25s = bm25s
        self._model: bm25s.BM25 | None = None
        self.size = 0

    @property
    def params(self) -> dict[str, object]:
        """Parameters recorded in the index manifest."""
        return {"engine": "bm25s", "k1": self.k1, "b": self.b, "method": self.method}

    def build(self, corpus_tokens: Sequence[Sequence[str]]) -> None:
        """Index ``corpus_tokens`` (one token list per passage)."""
        self.size = len(corpus_tokens)
        if not self.size:
            self._model = None
            return
        model = self._bm25s.BM25(k1=self.k1, b=self.b, method=self.method)
        # An empty token list would make bm25s drop the row; a placeholder keeps rows aligned with passages.
        rows = [list(t) if t else ["\x00"] for t in corpus_tokens]
        _quiet()
        model.index(rows, show_progress=False)
        self._model = model

    def scores(self, query_tokens: Sequence[str]) -> np.ndarray:
        """BM25 score of every passage for ``query_tokens`` (zeros when no term is known)."""
        if self._model is None:
            return np.zeros(self.size, dtype=np.float32)
        terms = [t for t in query_tokens if t in self._model.vocab_dict][:MAX_QUERY_TERMS]
        if not terms:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._model.get_scores(terms), dtype=np.float32)

    def search(self, query_tokens: Sequence[str], k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top ``k`` passages with a positive score: ``(rows, scores)``, best first."""
        if self._model is None or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        s = self.scores(query_tokens)
        k = min(k, self.size)
        top = np.argpartition(-s, k - 1)[:k] if k < self.size else np.arange(self.size)
        top = top[np.lexsort((top, -s[top]))]
        keep = s[top] > 0
        return top[keep].astype(np.int64), s[top][keep]

    def save(self, folder: Path) -> None:
        """Write the index as plain files into ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "sparse.json").write_text(json.dumps({**self.params, "size": self.size}))
        if self._model is not None:
            self._model.save(str(folder / "bm25s"), show_progress=False)

    @classmethod
    def load(cls, folder: Path) -> SparseIndex:
        """Read an index written by ``save``."""
        try:
            meta = json.loads((folder / "sparse.json").read_text())
            index = cls(k1=float(meta["k1"]), b=float(meta["b"]), method=str(meta["method"]))
            index.size = int(meta["size"])
            if index.size:
                _quiet()
                index._model = index._bm25s.BM25.load(str(folder / "bm25s"), show_progress=False)
                n_docs = int(index._model.scores["num_docs"])
                if n_docs != index.size:
                    raise IndexCorrupt(f"BM25 index in {folder} holds {n_docs} rows, manifest says {index.size}")
        except IndexCorrupt:
            raise
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise IndexCorrupt(f"cannot read the BM25 index in {folder}: {exc}") from exc
        return index


def _quiet() -> None:
    """Keep bm25s's informational logging off stderr (progress belongs to the caller)."""
    logging.getLogger("bm25s").setLevel(logging.WARNING)
