"""Handlers for the CLI's commands; each returns an exit status."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from verisight.cli.main import command, dump, err, out_json
from verisight.cli.progress import Progress
from verisight.engine import Engine
from verisight.errors import BadQuery, ConfigError
from verisight.settings import Settings


def _engine(settings: Settings) -> Engine:
    return Engine(settings)


def _parse_resolve(values: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        host, sep, target = value.partition("=")
        if not sep or ":" not in target:
            raise BadQuery(f"--resolve expects HOST=ADDR:PORT, got {value!r}")
        mapping[host.strip().lower()] = target.strip()
    return mapping


def run_crawl(engine: Engine, seeds: list[str], args: argparse.Namespace | None = None, **kw: Any) -> Any:
    """Crawl ``seeds`` into the engine's document store with a progress line; return the summary."""
    from crawler.crawl import crawl

    progress = Progress("crawl")

    def report(stats: Any) -> None:
        s = stats if isinstance(stats, dict) else asdict(stats)
        rate = s.get("pages_per_s")
        rate_text = f", {rate:.1f} pages/s" if isinstance(rate, float) else ""
        progress.update(
            f"{s.get('done', s.get('fetched', 0))} done, {s.get('queued', 0)} queued, {s.get('failed', 0)} failed"
            + rate_text
        )

    options: dict[str, Any] = {"progress": report}
    if args is not None:
        options.update(
            max_pages=args.max_pages,
            max_depth=args.max_depth,
            concurrency=args.concurrency,
            same_site=args.same_site,
            allow=args.allow,
            deny=args.deny,
            resolve=_parse_resolve(args.resolve),
            allow_private=args.allow_private,
        )
        if args.sitemap:
            options["sitemaps"] = args.sitemap
        if args.refresh:
            options["refresh"] = True
    options.update(kw)
    summary = crawl(seeds, frontier_path=engine.settings.path("frontier.db"), sink=engine.documents, **options)
    progress.done(_summary_line(summary))
    return summary


def _summary_line(summary: Any) -> str:
    s = asdict(summary)
    by_reason = s.pop("by_reason", {}) or {}
    parts = [f"{k} {v}" for k, v in s.items() if isinstance(v, int | float)]
    if by_reason:
        parts.append("reasons: " + ", ".join(f"{k} {v}" for k, v in sorted(by_reason.items())))
    return "; ".join(parts)


def run_index(engine: Engine) -> Any:
    """Update the index with a progress line; return what changed."""
    progress = Progress("index")
    progress.update("reading documents", force=True)
    update = engine.update_index()
    progress.done(
        ", ".join(f"{k} {v}" for k, v in asdict(update).items() if isinstance(v, int | float))
        + f"; {len(engine.index)} passages in the index"
    )
    return update


@command("crawl")
def crawl_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight crawl URL..."""
    if not args.urls and not args.sitemap and not args.refresh and not args.resume:
        raise BadQuery("give at least one URL to crawl (or --sitemap URL, --resume, --refresh)")
    engine = _engine(settings)
    started = time.time()
    try:
        run_crawl(engine, list(args.urls), args)
    finally:
        if args.log_failures:
            _log_failures(engine, started)
    if not args.no_index:
        run_index(engine)
    return 0


def _log_failures(engine: Engine, since: float) -> None:
    """One JSON line per URL that failed or was skipped since ``since``, on stderr."""
    from crawler.frontier import Frontier

    with Frontier(engine.settings.path("frontier.db"), resume=False) as frontier:
        for row in frontier.failures(since):
            print(json.dumps({"event": "crawl_failure", **row}), file=sys.stderr)


@command("import-warc")
def import_warc_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight import-warc FILE..."""
    from crawler.warc import import_warc

    engine = _engine(settings)
    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise BadQuery(f"no such file: {missing[0]}")
    summary = import_warc([Path(f) for f in args.files], engine.documents)
    err(f"import-warc: {_summary_line(summary)}")
    if not args.no_index:
        run_index(engine)
    return 0


@command("index")
def index_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight index"""
    engine = _engine(settings)
    if engine.documents.count() == 0:
        raise BadQuery("the document store is empty: run `verisight crawl URL` first")
    run_index(engine)
    return 0


@command("forget")
def forget_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight forget URL|DOMAIN"""
    engine = _engine(settings)
    result = engine.forget(args.target)
    err(
        f"forget: removed {result['documents']} document(s), {result['passages']} passage(s) and "
        f"{result['answers']} stored answer(s) matching {args.target}"
    )
    return 0


@command("search")
def search_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight search QUERY"""
    engine = _engine(settings)
    hits = engine.search(" ".join(args.query), k=args.k, mode=args.mode)
    if args.json:
        out_json([dump(h) for h in hits])
        return 0
    for hit in hits:
        p = hit.passage
        snippet = " ".join(p.text.split())[:200]
        print(f"{hit.rank:>2}. {hit.score:.4f}  {p.title}  <{p.doc_url}>\n    {snippet}")
    return 0


def render_answer(answer: Any) -> str:
    """A plain-text rendering of an answer for the terminal."""
    lines = [f"Q: {answer.query}", ""]
    ov = answer.overview
    if ov.mode == "declined":
        lines.append("The sources do not let us give a verified overview. Best passages:")
        for p in answer.passages:
            lines.append(f"  - {' '.join(str(p['text']).split())[:240]}  <{p['url']}>")
    else:
        lines.append(f"Overview ({ov.mode}, AI-generated, each claim checked): {ov.text}")
    lines.append("")
    lines.append("Claims:")
    for c in ov.claims:
        cites = ",".join(str(n) for n in c.citations) or "-"
        lines.append(f"  [{c.verdict.label} -> {c.action}] ({cites}) {c.text}")
        lines.append(f"      {c.verdict.reason}")
    lines.append("")
    lines.append("Sources:")
    for s in answer.sources:
        lines.append(f"  [{s.id}] {s.title} — {s.site} ({s.credibility.label}) <{s.url}>")
    lines.append("")
    lines.append("Timings (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in answer.timings_ms.items()))
    return "\n".join(lines)


@command("ask")
def ask_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight ask QUERY"""
    if args.synth_mode:
        settings = settings.with_overrides(synth_mode=args.synth_mode)
    engine = _engine(settings)
    answer = engine.answer(" ".join(args.query), k=args.k)
    if args.json:
        out_json(asdict(answer))
    else:
        print(render_answer(answer))
    return 0


@command("status")
def status_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight status"""
    engine = _engine(settings)
    status = engine.status()
    if args.json:
        out_json(status)
    else:
        for key, value in status.items():
            print(f"{key}: {value}")
    return 0


@command("serve")
def serve_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight serve"""
    from web.server import serve

    engine = _engine(settings)
    host, port = args.host or settings.host, args.port or settings.port
    err(f"serve: http://{host}:{port}/ (Ctrl-C stops)")
    serve(engine, host=host, port=port)
    return 0


@command("demo")
def demo_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight demo [--check]"""
    from verisight.cli.demo import run_demo

    return run_demo(args, settings)


@command("doctor")
def doctor_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight doctor"""
    from verisight.doctor import run_checks

    failed = 0
    for check in run_checks(settings):
        mark = "ok  " if check.ok else "FAIL"
        print(f"[{mark}] {check.name}: {check.detail}")
        if not check.ok:
            failed += 1
            print(f"       fix: {check.fix}")
    print(f"{failed} problem(s) found" if failed else "everything is in place")
    return 1 if failed else 0


@command("reviewer")
def reviewer_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight reviewer add NAME"""
    from verisight.reviewers import ReviewerStore

    store = ReviewerStore(settings.path("answers.db"))
    token = store.add(args.name, password=args.password)
    err(f"reviewer {args.name} added; this token is shown once:")
    print(token)
    return 0


@command("llm")
def llm_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight llm serve"""
    from synth.launch import serve_llm

    return serve_llm(model=args.model, port=args.port, embedded=args.embedded, threads=settings.llm_threads)


@command("eval")
def eval_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight eval retrieval|verifier"""
    if args.what == "verifier" and args.suite:
        from verifier.external import evaluate_suite, load_suite, wice_pages

        names = list(dict.fromkeys(["embedded", *(args.judge or [settings.judge])]))  # embedded: the baseline
        judges = {name: _engine(settings.with_overrides(judge=name)).judge for name in names}
        data = Path(args.suite)
        result = evaluate_suite(judges, load_suite(data, args.limit), wice_pages(data),
                                progress=lambda msg: print(msg, file=sys.stderr))
    elif args.what == "verifier":
        from verifier.evaluate import evaluate, load_claims

        if not args.file:
            raise BadQuery("eval verifier needs --file FILE or --suite DATA_DIR")
        rows = load_claims(Path(args.file), args.format)
        result = {}
        for name in args.judge or [settings.judge]:
            judge = _engine(settings.with_overrides(judge=name)).judge
            started = time.perf_counter()
            figures = evaluate(judge, rows)
            figures["claims_per_s"] = round(len(rows) / max(time.perf_counter() - started, 1e-9), 1)
            result[judge.name] = figures
    else:
        from retrieval.evaluate import evaluate as evaluate_retrieval

        if not args.queries:
            raise BadQuery("eval retrieval needs --queries FILE")
        queries = [json.loads(line) for line in Path(args.queries).read_text().splitlines() if line.strip()]
        engine = _engine(settings)
        result = evaluate_retrieval(engine.index, queries)
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


@command("bench")
def bench_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight bench answer|retrieval|crawl"""
    if args.what == "answer":
        from verisight.bench import bench_answer

        if args.synth_mode:
            settings = settings.with_overrides(synth_mode=args.synth_mode)
        out_json(bench_answer(_engine(settings), n=args.queries))
        return 0
    script = Path(__file__).resolve().parents[2] / "bench" / f"{args.what}_bench.py"
    if not script.is_file():
        raise ConfigError(f"bench {args.what} runs {script.name} from a source checkout; it is not installed here")
    import runpy

    module = runpy.run_path(str(script))
    return int(module["main"](list(args.rest)))


@command("answers")
def answers_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight answers prune --older-than DAYS"""
    if args.older_than < 0:
        raise BadQuery("--older-than must be zero or more days")
    removed = _engine(settings).answers.prune(older_than_days=args.older_than)
    err(f"answers prune: removed {removed} answer(s) older than {args.older_than:g} day(s)")
    return 0


@command("audit")
def audit_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight audit export"""
    engine = _engine(settings)
    rows = engine.audit_export()
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        err(f"audit export: {len(rows)} decision(s) written to {args.out}")
    return 0


def require(condition: bool, message: str) -> None:
    """Raise a ConfigError with ``message`` unless ``condition`` holds."""
    if not condition:
        raise ConfigError(message)
