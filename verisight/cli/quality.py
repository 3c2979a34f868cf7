"""Quality and performance figures (eval, bench) and the LLM server (llm serve)."""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from verisight.cli.eval_answers import add_arguments as eval_answers_arguments
from verisight.cli.eval_answers import eval_answers
from verisight.cli.output import err, out_json
from verisight.cli.registry import command
from verisight.engine import Engine
from verisight.errors import BadQuery, ConfigError
from verisight.limits import SYNTH_MODES
from verisight.settings import Settings


def _llm_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", choices=("serve",))
    p.add_argument("--model", default="Qwen/Qwen2.5-7B-Instruct")
    p.add_argument("--port", type=int, default=8001)
    p.add_argument("--embedded", action="store_true", help="serve the embedded CPU model over the same protocol")


@command("llm", "manage the LLM server", _llm_args, data="none")
def llm_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight llm serve"""
    from synth.launch import serve_llm

    return serve_llm(model=args.model, port=args.port, embedded=args.embedded, threads=settings.llm_threads)


def _eval_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=("retrieval", "verifier", "verifier-gate", "usefulness", "extraction", "satire",
                                     "answers"))
    p.add_argument("--queries", help="retrieval: JSONL of {q, relevant} scored on this data directory's index "
                   "(without it: the Python-docs gate)")
    p.add_argument("--pages", metavar="DIR", help="extraction: the extraction set (default: bench/data/extraction)")
    p.add_argument("--claims", metavar="DIR", help="verifier-gate: the folder of wice_dev.jsonl and "
                   "factcheckgpt_claim_evidence_stance.jsonl, e.g. ../shared/data/claims (without it: our sets only)")
    eval_answers_arguments(p)
    p.add_argument("--file", help="verifier: claim/evidence file")
    p.add_argument("--suite", metavar="DATA_DIR",
                   help="verifier: every judge (the embedded one as baseline) on the external sets of the shared "
                        "data folder (nli/, claims/), page level, choose/report split, WiCE dev scored once")
    p.add_argument("--limit", type=int, default=300, help="verifier --suite: rows per set and split (0: all)")
    p.add_argument("--format", choices=("wice", "factcheckgpt", "jsonl"), default="jsonl")
    p.add_argument("--judge", action="append", choices=("embedded", "minicheck"), default=None,
                   help="verifier: judge to evaluate, repeatable (default: the configured one)")
    p.add_argument("--json", action="store_true")


def _eval_verifier(args: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    from verifier.evaluate import evaluate, load_claims

    if args.suite:
        from verifier.external import evaluate_suite, load_suite, wice_pages
        from verifier.heldout import BASELINE
        from verifier.judges import EmbeddedJudge, Judge

        names = list(dict.fromkeys(["embedded", *(args.judge or [settings.judge])]))  # embedded: the baseline
        judges: dict[str, Judge] = {name: Engine(settings.with_overrides(judge=name)).judge for name in names}
        judges["embedded_session1"] = EmbeddedJudge(BASELINE)  # the session-1 judge, scored in the same run
        data = Path(args.suite)
        suite: dict[str, Any] = evaluate_suite(judges, load_suite(data, args.limit), wice_pages(data),
                                               progress=err)
        return suite
    if not args.file:
        raise BadQuery("eval verifier needs --file FILE or --suite DATA_DIR")
    rows = load_claims(Path(args.file), args.format)
    result = {}
    for name in args.judge or [settings.judge]:
        judge = Engine(settings.with_overrides(judge=name)).judge
        started = time.perf_counter()
        figures = evaluate(judge, rows)
        figures["claims_per_s"] = round(len(rows) / max(time.perf_counter() - started, 1e-9), 1)
        result[judge.name] = figures
    return result


def _eval_retrieval(args: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    from retrieval.evaluate import evaluate as evaluate_retrieval

    if not settings.data_dir.is_dir():
        raise ConfigError(f"no data directory at {settings.data_dir}: crawl and index a corpus first")
    queries = [json.loads(line) for line in Path(args.queries).read_text().splitlines() if line.strip()]
    result: dict[str, Any] = evaluate_retrieval(Engine(settings).index, queries)
    return result


@command(
    "eval", "quality figures; retrieval (without --queries), usefulness, extraction, verifier-gate and satire are "
    "gates with floors (exit 1 below one)",
    _eval_args, data="none",
)
def eval_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight eval retrieval|verifier|verifier-gate|usefulness|extraction|satire|answers"""
    if args.what == "answers":
        return eval_answers(args, settings)
    if args.what in ("usefulness", "extraction", "verifier-gate", "satire") or (
            args.what == "retrieval" and not args.queries):
        from verisight.gates import run_gate

        path = args.claims if args.what == "verifier-gate" else args.pages
        gate = run_gate(args.what, path=Path(path) if path else None)
        out_json(gate.figures)
        for line in gate.failures:
            err(f"below floor: {line}")
        return 0 if gate.passed else 1
    result = _eval_verifier(args, settings) if args.what == "verifier" else _eval_retrieval(args, settings)
    if args.json:
        out_json(result)
    else:
        for name, figures in result.items():
            shown = {k: v for k, v in figures.items() if not isinstance(v, list | dict)}
            print(f"{name}: " + ", ".join(f"{k} {v:.4f}" if isinstance(v, float) else f"{k} {v}"
                                          for k, v in shown.items()))
            sets = {**figures.get("sets", {}), **({"wice_dev": figures["wice_dev"]} if "wice_dev" in figures else {})}
            for set_name, fig in sets.items():
                print(f"  {set_name}: balanced_accuracy {fig['own']['balanced_accuracy']:.4f} "
                      f"(chosen threshold {fig['chosen']['balanced_accuracy']:.4f}), auc {fig['own']['auc']:.4f}, "
                      f"n {fig['own']['n']}")
    return 0


def _bench_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=("answer", "retrieval", "crawl", "all"),
                   help="all: every stage at 1k/10k/100k passages, written to docs/benchmarks.md")
    p.add_argument("--queries", type=int, default=5, help="answer: how many warm answers to time")
    p.add_argument("--mode", dest="synth_mode", choices=SYNTH_MODES, default=None,
                   help="answer: overview mode to time (default: the configured one)")
    p.add_argument("rest", nargs="*", metavar="-- ARGS",
                   help="retrieval/crawl: arguments for the bench script, after --, e.g. -- --sizes 10000")


@command("bench", "performance figures (retrieval and crawl run the scripts under bench/ in a source checkout)",
         _bench_args, data="none")
def bench_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight bench answer|retrieval|crawl"""
    if args.what == "answer":
        from verisight.bench import bench_answer

        if not settings.data_dir.is_dir():
            raise ConfigError(f"no data directory at {settings.data_dir}: run `verisight demo` or crawl first")
        if args.synth_mode:
            settings = settings.with_overrides(synth_mode=args.synth_mode)
        out_json(bench_answer(Engine(settings), n=args.queries))
        return 0
    script = Path(__file__).resolve().parents[2] / "bench" / f"{args.what}_bench.py"
    if not script.is_file():
        raise ConfigError(f"bench {args.what} runs {script.name} from a source checkout; it is not installed here")
    import runpy

    module = runpy.run_path(str(script))
    return int(module["main"](list(args.rest)))
