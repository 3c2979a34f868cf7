"""A faster graph for the packaged MiniLM with the same vectors: onnxruntime's BERT fusions, derived once and cached.

The packaged model was exported with a guard after each attention softmax (``Where(IsNaN(p), 0, p)``) that keeps
onnxruntime's fusion passes from matching, and its GELU and layer norms run as separate elementwise nodes. Removing
the guards (exact: every row keeps the [CLS] key unmasked, so no softmax row is NaN) and fusing (SkipLayerNorm,
BiasGelu) computes the same function in fewer passes over memory: 1.08-1.18x faster on one core in three runs of
``bench/embed_int8_compute.py``, minimum cosine to the packaged model's vectors 1.00000. The weights stay int8 as
packaged (23 MB). The derived file is cached by the source file's size and time and onnxruntime's version, and it is
checked against the packaged model on probe texts before it is used.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from onnx import ModelProto

log = logging.getLogger(__name__)

FUSION_VERSION = 1  # bump when the derivation changes, so cached files are rebuilt
MIN_AGREEMENT = 0.9999  # least cosine between the derived and the packaged model's vectors on the probe texts


def cache_dir() -> Path:
    """Where derived models are kept: ``$VERISIGHT_MODEL_CACHE``, else ``$XDG_CACHE_HOME/verisight``."""
    explicit = os.environ.get("VERISIGHT_MODEL_CACHE")
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "verisight"


def _cache_name(src: Path) -> str:
    """A file name that changes with the source file and with onnxruntime's version."""
    import onnxruntime

    st = src.stat()
    tag = f"{st.st_size}-{int(st.st_mtime)}-{onnxruntime.__version__}-v{FUSION_VERSION}".replace(".", "_")
    return f"{src.stem}-fused-{tag}.onnx"


def drop_nan_guards(model: ModelProto) -> int:
    """Remove every ``Where(IsNaN(x), 0, x)`` from the onnx ``ModelProto`` ``model``; returns how many."""
    graph = model.graph
    producer = {o: n for n in graph.node for o in n.output}
    drop, rename = [], {}
    for node in graph.node:
        guard = producer.get(node.input[0]) if node.op_type == "Where" else None
        if guard is not None and guard.op_type == "IsNaN" and guard.input[0] == node.input[2]:
            rename[node.output[0]] = node.input[2]
            drop += [node, guard]
    if any(o.name in rename for o in graph.output):
        return 0  # a guard on the graph's output cannot be bypassed by renaming inputs
    for node in drop:
        graph.node.remove(node)
    for node in graph.node:
        for i, name in enumerate(node.input):
            node.input[i] = rename.get(name, name)
    return len(drop) // 2


def derive(src: Path, out: Path, *, num_heads: int, hidden_size: int) -> None:
    """Write the guard-free, fused graph of ``src`` to ``out`` (needs the ``onnx`` and ``sympy`` packages)."""
    import onnx
    from onnxruntime.transformers import optimizer

    model = onnx.load(str(src))
    drop_nan_guards(model)
    fused = optimizer.optimize_model(
        model, model_type="bert", num_heads=num_heads, hidden_size=hidden_size, opt_level=0
    )
    fused.save_model_to_file(str(out))


def fused_model(
    src: Path, *, num_heads: int, hidden_size: int, probe: Callable[[Path], np.ndarray] | None = None
) -> Path | None:
    """The cached fused graph of ``src`` (derived on first use), or None when it cannot be made or does not agree.

    ``probe`` computes vectors with the model at a path; it runs on both files to check agreement before caching.
    """
    directory = cache_dir()
    target = directory / _cache_name(src)
    if target.is_file():
        return target
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".fuse-", suffix=".onnx", dir=directory)
        os.close(fd)
    except OSError as exc:
        log.info("not deriving a fused embedding graph (cache %s not writable: %s)", directory, exc)
        return None
    tmp = Path(tmp_name)
    try:
        derive(src, tmp, num_heads=num_heads, hidden_size=hidden_size)
        if probe is not None:
            agreement = float(np.min(np.sum(probe(src) * probe(tmp), axis=1)))
            if agreement < MIN_AGREEMENT:
                log.warning("fused embedding graph disagrees with %s (cosine %.5f); using the packaged one", src,
                            agreement)
                return None
        tmp.chmod(0o644)
        os.replace(tmp, target)  # atomic: a concurrent process sees the old state or the whole file
        return target
    except ImportError as exc:
        log.info("not deriving a fused embedding graph (%s); pip install onnx sympy", exc)
        return None
    except Exception:  # a graph the fusions cannot handle: the packaged one still works
        log.warning("could not derive a fused embedding graph from %s", src, exc_info=True)
        return None
    finally:
        tmp.unlink(missing_ok=True)
