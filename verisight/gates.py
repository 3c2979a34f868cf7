"""Quality gates that ship in the package, so ``verisight eval retrieval|usefulness|extraction|verifier-gate|satire``
runs from a wheel.

Each gate measures one stage on a fixed set and compares the figures with floors that are only ever raised:

- ``retrieval``: nDCG@10, recall@10 and MRR per search mode over Python's reference docs (``retrieval.pydocs``),
  floors in ``retrieval/data/pydocs_floors.json``;
- ``usefulness``: the share of claims kept as supported and of answers given on the same questions, with the
  engine's default settings, floors ``usefulness_pydocs`` in ``verifier/data/eval_floors.json``;
- ``extraction``: macro F1 of the extractor against hand-checked main texts (``crawler.evaluate``); the pages are
  not shipped (their licences vary), so this gate takes the set's folder (``bench/data/extraction`` in a checkout);
- ``verifier-gate``: the embedded judge's balanced accuracy on our page-level claims and, given the folder of the
  external claim sets (``../shared/data/claims``), WiCE dev and held-out Factcheck-GPT, next to the session-1 judge
  as baseline (``verifier.heldout``), floors ``embedded`` in ``verifier/data/eval_floors.json``;
- ``satire``: the satire/joke trap set through a real engine, both splits, extractive overviews
  (``verisight.satire_eval``): no dangerous claim shown as supported, floors ``satire_e2e``.
"""

from __future__ import annotations

import json
import logging
import tempfile
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from crawler import evaluate as extraction
from retrieval import pydocs
from retrieval.embed import get_embedder
from retrieval.evaluate import evaluate as evaluate_retrieval
from retrieval.evaluate import load_queries
from retrieval.index import HybridIndex
from verifier import heldout
from verisight import satire_eval
from verisight.bench import usefulness
from verisight.engine import Engine
from verisight.errors import BadQuery
from verisight.settings import load_settings

log = logging.getLogger(__name__)

GATES = ("retrieval", "usefulness", "extraction", "verifier-gate", "satire")
EVAL_FLOORS = files("verifier") / "data" / "eval_floors.json"


@dataclass
class GateResult:
    """The figures a gate measured and every figure below its floor (empty when the gate passes)."""

    name: str
    figures: dict[str, Any]
    failures: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        """True when no figure is below its floor."""
        return not self.failures


def retrieval_gate(index_dir: Path | None = None) -> GateResult:
    """Index Python's reference docs (in ``index_dir`` or a temporary folder) and score the labelled questions."""
    with tempfile.TemporaryDirectory() as tmp:
        index = HybridIndex(index_dir or Path(tmp) / "index", get_embedder())
        log.info("index: %s", index.update(pydocs.real_documents()))
        figures = evaluate_retrieval(index, load_queries(pydocs.QUERIES))
    return GateResult("retrieval", figures, pydocs.below_floors(figures, pydocs.floors()))


def usefulness_gate(data_dir: Path | None = None) -> GateResult:
    """Answer the Python-docs questions with the default settings (data in ``data_dir`` or a temporary folder)."""
    questions = [row["q"] for row in load_queries(pydocs.QUERIES)]
    with tempfile.TemporaryDirectory() as tmp:
        data = data_dir or Path(tmp)
        engine = Engine(load_settings(data, environ={}, config_file=data / "none.toml"))
        try:
            if engine.documents.count() == 0:
                for doc in pydocs.real_documents():
                    engine.documents.put(doc, b"")
            log.info("index: %s", engine.update_index())
            figures = usefulness(engine, questions)
        finally:
            engine.close()
    pinned = json.loads(EVAL_FLOORS.read_text(encoding="utf-8"))["usefulness_pydocs"]
    failures = pydocs.below_floors({"usefulness_pydocs": figures}, {"usefulness_pydocs": pinned})
    return GateResult("usefulness", figures, failures)


def extraction_gate(pages: Path | None = None) -> GateResult:
    """Score the extractor on the extraction set in ``pages`` (default: ``bench/data/extraction`` of a checkout)."""
    data = pages or extraction.CHECKOUT_SET
    if not (data / "floor.json").is_file():
        raise BadQuery(f"{data} is not an extraction set (no floor.json); pass --pages DIR")
    results = extraction.evaluate(data)
    return GateResult("extraction", {"macro": results["macro"], "floor": extraction.read_floor(data)},
                      extraction.below_floor(results, data))


def verifier_gate(claims: Path | None = None) -> GateResult:
    """The embedded judge and the session-1 baseline on the held-out sets; ``claims`` holds WiCE and Factcheck-GPT."""
    if claims is not None and not (claims / "wice_dev.jsonl").is_file():
        raise BadQuery(f"{claims} holds no wice_dev.jsonl; pass the claims folder, e.g. --claims ../shared/data/claims")
    figures: dict[str, Any] = heldout.slim(heldout.run(claims))
    if claims is None:
        figures["not_measured"] = list(heldout.EXTERNAL_SETS)
        log.warning("no --claims folder: %s not measured", ", ".join(heldout.EXTERNAL_SETS))
    return GateResult("verifier-gate", figures, heldout.below_floors(figures["embedded"]))


def satire_gate() -> GateResult:
    """The satire/joke trap set (both splits) through a real engine with extractive overviews."""
    figures = satire_eval.summary(satire_eval.run("all", ("extractive",)))
    return GateResult("satire", figures, satire_eval.below_floors(figures))


def run_gate(name: str, *, path: Path | None = None) -> GateResult:
    """Run the gate ``name``; ``path`` is the extraction set, the external claims folder (``verifier-gate``), or the
    folder the retrieval and usefulness gates build their index in."""
    if name == "retrieval":
        return retrieval_gate(path)
    if name == "usefulness":
        return usefulness_gate(path)
    if name == "extraction":
        return extraction_gate(path)
    if name == "verifier-gate":
        return verifier_gate(path)
    if name == "satire":
        return satire_gate()
    raise BadQuery(f"unknown gate {name!r}; choose {', '.join(GATES)}")
