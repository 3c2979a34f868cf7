"""Retrieval: passages, BM25 + dense hybrid search, and sentence alignment.

Modules: ``text`` (sentences, tokens), ``embed`` (embedders), ``chunk`` (passages), ``sparse`` (BM25),
``dense`` (FAISS), ``fuse`` (rank fusion), ``index`` (``HybridIndex``), ``versions`` (index folders),
``align`` (supporting spans), ``evaluate`` (quality figures), ``errors``.
Import from the modules; this package imports nothing heavy.
"""
