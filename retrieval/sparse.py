"""Sparse retrieval: BM25 over our tokeniser (``retrieval.text.tokenize``), served by bm25s.

rank-bm25 scores every document in pure Python; it is kept only as the reference the comparison test checks
these rankings against.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.errors import IndexCorrupt, ModelUnavailable
from retrieval.variants import has_form, has_variant

MAX_QUERY_TERMS = 256  # a 10 kB query is cut to its first 256 content terms: enough to rank, bounded cost
_EMPTY = "\x00"  # stands in for a passage without tokens, so rows stay aligned with passages


def _rows(corpus_tokens: Sequence[Sequence[str]]) -> list[list[str]]:
    """Token lists as bm25s indexes them (an empty list becomes the placeholder token)."""
    return [list(t) if t else [_EMPTY] for t in corpus_tokens]


@dataclass(slots=True)
class CorpusStats:
    """BM25's corpus statistics: passages, their total length in tokens, and each term's document frequency.

    Shards built with the statistics of the whole corpus score every passage exactly as one index over the
    whole corpus would, so their hits merge by score. Statistics of parts add up with ``merge``.
    """

    n_docs: int = 0
    total_len: int = 0
    df: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, corpus_tokens: Sequence[Sequence[str]]) -> CorpusStats:
        """The statistics of ``corpus_tokens`` (one token list per passage)."""
        rows = _rows(corpus_tokens)
        df: Counter[str] = Counter()
        for row in rows:
            df.update(set(row))
        return cls(len(rows), sum(len(r) for r in rows), df)

    def merge(self, other: CorpusStats) -> CorpusStats:
        """The statistics of both corpora together."""
        return CorpusStats(self.n_docs + other.n_docs, self.total_len + other.total_len, self.df + other.df)


def _global_bm25(bm25s: Any, stats: CorpusStats, **params: Any) -> Any:
    """A bm25s model whose idf and average length come from ``stats`` instead of the corpus it indexes."""
    from bm25s.scoring import _build_idf_array, _build_scores_and_indices_for_matrix, _select_idf_scorer

    class GlobalStatsBM25(bm25s.BM25):  # type: ignore[misc, name-defined]
        """bm25s.BM25 with the corpus statistics supplied (bm25s invites overriding the index builder)."""

        def build_index_from_tokens(
            self, corpus_tokens: list[list[str]], show_progress: bool = True, leave_progress: bool = False
        ) -> tuple[dict[str, Any], dict[str, int]]:
            vocab: dict[str, int] = {}
            for row in corpus_tokens:
                for t in row:
                    vocab.setdefault(t, len(vocab))
            ids = [[vocab[t] for t in row] for row in corpus_tokens]
            self.nonoccurrence_array = None  # only BM25L and BM25+ use it
            local_df: Counter[int] = Counter()
            for row_ids in ids:
                local_df.update(set(row_ids))
            idf = _build_idf_array(
                doc_frequencies={i: stats.df[t] for t, i in vocab.items()},
                n_docs=stats.n_docs,
                compute_idf_fn=_select_idf_scorer(self.idf_method),
                dtype=self.dtype,
            )
            data, rows, cols = _build_scores_and_indices_for_matrix(
                corpus_token_ids=ids,
                idf_array=idf,
                # a numpy float64, as bm25s's own mean is: a Python float would keep the sums in float32
                avg_doc_len=np.float64(stats.total_len) / max(stats.n_docs, 1),
                doc_frequencies=dict(local_df),
                k1=self.k1,
                b=self.b,
                delta=self.delta,
                show_progress=False,
                dtype=self.dtype,
                int_dtype=self.int_dtype,
                method=self.method,
                nonoccurrence_array=None,
            )
            data, indices, indptr = self._np_csc(data=data, rows=rows, cols=cols, shape=(len(ids), len(vocab)))
            scores = {"data": data.astype(self.dtype), "indices": indices, "indptr": indptr, "num_docs": len(ids)}
            return scores, vocab

    return GlobalStatsBM25(**params)


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
        self._ordered: list[str] | None = None  # the vocabulary, sorted when first needed
        self.size = 0

    @property
    def params(self) -> dict[str, object]:
        """Parameters recorded in the index manifest."""
        return {"engine": "bm25s", "k1": self.k1, "b": self.b, "method": self.method}

    def build(self, corpus_tokens: Sequence[Sequence[str]], stats: CorpusStats | None = None) -> None:
        """Index ``corpus_tokens`` (one token list per passage); ``stats``: the whole corpus's, for a shard."""
        self.size = len(corpus_tokens)
        self._ordered = None
        if not self.size:
            self._model = None
            return
        if stats is not None and self.method not in ("robertson", "lucene", "atire"):
            raise ValueError(f"corpus statistics are supported for robertson, lucene and atire, not {self.method}")
        params = {"k1": self.k1, "b": self.b, "method": self.method}
        model = self._bm25s.BM25(**params) if stats is None else _global_bm25(self._bm25s, stats, **params)
        rows = _rows(corpus_tokens)
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

    def known(self, query_tokens: Sequence[str]) -> set[str]:
        """The distinct ``query_tokens`` that occur in at least one indexed passage."""
        if self._model is None:
            return set()
        return {t for t in query_tokens if t in self._model.vocab_dict}

    def named(self, query_tokens: Sequence[str]) -> set[str]:
        """The distinct ``query_tokens`` that occur in an indexed passage, or as the start of a longer word there
        (``retrieval.variants.has_form``)."""
        return self._matching(query_tokens, has_form)

    def near_known(self, query_tokens: Sequence[str]) -> set[str]:
        """The distinct ``query_tokens`` that occur in an indexed passage or whose close variant does
        (``retrieval.variants.has_variant``: another inflection, a longer form, one edit away)."""
        return self._matching(query_tokens, has_variant)

    def _matching(
        self, query_tokens: Sequence[str], test: Callable[[str, Collection[str], Sequence[str]], bool]
    ) -> set[str]:
        """The distinct ``query_tokens`` for which ``test(token, vocabulary, sorted vocabulary)`` holds."""
        if self._model is None:
            return set()
        vocab = self._model.vocab_dict
        if self._ordered is None:
            self._ordered = sorted(vocab)
        return {t for t in set(query_tokens) if test(t, vocab, self._ordered)}

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
