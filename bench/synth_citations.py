"""Citation precision of the overview strategies, against (sentence, cited passage) pairs labelled by hand.

Step 1, generate pairs:  python bench/synth_citations.py pairs DATA_DIR --n 20 --out bench/data/citation_pairs.jsonl
Step 2, label by hand:    bench/data/citation_labels.jsonl, one {"id", "supported": true|false, "note"} per pair
                          (a person reads the sentence and the passage; our verifier is not consulted)
Step 3, score:            python bench/synth_citations.py score bench/data/citation_pairs.jsonl \
                              bench/data/citation_labels.jsonl

Strategies: ``attribute`` (the model writes freely, alignment attaches citations), ``grammar`` (a grammar
forces "[n]." after every sentence, alignment repairs), ``model`` (grammar-forced citations as the model chose
them), ``extractive`` (quoted passage sentences). DATA_DIR holds the indexed demo corpus.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

STRATEGIES = ("attribute", "grammar", "model", "extractive")


def make_pairs(data: Path, n: int, strategies: list[str]) -> list[dict[str, object]]:
    """Write overviews for the first ``n`` reliable demo questions with each strategy; return the pairs."""
    from synth.backends import EmbeddedBackend, GenerationOptions
    from synth.overview import Synthesizer
    from verisight.demo.server import load_manifest
    from verisight.engine import Engine
    from verisight.settings import load_settings

    engine = Engine(load_settings(data, environ={}, synth_mode="extractive"))
    backend = EmbeddedBackend(n_threads=2, seed=42)
    questions = [q["q"] for q in load_manifest()["reliable_questions"][:n]]
    pairs: list[dict[str, object]] = []
    for strategy in strategies:
        if strategy == "extractive":
            synth = Synthesizer(None, engine.embedder, mode="extractive")
        else:
            synth = Synthesizer(backend, engine.embedder, options=GenerationOptions(max_tokens=120),
                                citation_mode=strategy)
        for q in questions:
            hits = engine.search(q, k=6)
            passages = {h.passage.id: h.passage for h in hits}
            overview = synth.write(q, hits)
            for claim in overview.claims:
                for pid in claim.passages:
                    text = passages[pid].text if pid in passages else ""
                    key = hashlib.sha1(f"{claim.text}\x00{pid}".encode()).hexdigest()[:12]
                    pairs.append({"id": key, "strategy": strategy, "mode": overview.mode, "query": q,
                                  "sentence": claim.text, "passage_id": pid, "passage": text})
            print(f"{strategy}: {q[:50]!r}: {len(overview.claims)} claims", file=sys.stderr)
    return pairs


def score(pairs_file: Path, labels_file: Path) -> dict[str, dict[str, float]]:
    """Citation precision per strategy: the share of its labelled pairs whose passage supports the sentence."""
    labels = {}
    for line in labels_file.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels[row["id"]] = bool(row["supported"])
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for line in pairs_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        pair = json.loads(line)
        c = counts[pair["strategy"]]
        c[2] += 1
        if pair["id"] in labels:
            c[0] += 1
            c[1] += labels[pair["id"]]
    return {s: {"pairs": c[2], "labelled": c[0], "supported": c[1],
                "citation_precision": round(c[1] / c[0], 3) if c[0] else 0.0} for s, c in counts.items()}


def main() -> int:
    """Run ``pairs`` or ``score``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pairs")
    p.add_argument("data", type=Path)
    p.add_argument("--n", type=int, default=20)
    p.add_argument("--strategies", default=",".join(STRATEGIES))
    p.add_argument("--out", type=Path, required=True)
    s = sub.add_parser("score")
    s.add_argument("pairs", type=Path)
    s.add_argument("labels", type=Path)
    args = parser.parse_args()
    if args.cmd == "pairs":
        rows = make_pairs(args.data, args.n, args.strategies.split(","))
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{len(rows)} pairs written to {args.out}", file=sys.stderr)
    else:
        print(json.dumps(score(args.pairs, args.labels), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
