"""Commands that read the index: search and ask."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from verisight.cli.output import dump, out_json
from verisight.cli.registry import command
from verisight.engine import Engine
from verisight.limits import SEARCH_MODES, SYNTH_MODES
from verisight.settings import Settings
from verisight.types import Answer


def _search_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+")
    p.add_argument("-k", type=int, default=10)
    p.add_argument("--mode", choices=SEARCH_MODES, default=None)
    p.add_argument("--json", action="store_true")


@command("search", "ranked passages for a query", _search_args)
def search_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight search QUERY"""
    hits = Engine(settings).search(" ".join(args.query), k=args.k, mode=args.mode)
    if args.json:
        out_json(dump(hits))
        return 0
    for hit in hits:
        p = hit.passage
        snippet = " ".join(p.text.split())[:200]
        print(f"{hit.rank:>2}. {hit.score:.4f}  {p.title}  <{p.doc_url}>\n    {snippet}")
    return 0


def render_answer(answer: Answer) -> str:
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


def _ask_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="+")
    p.add_argument("-k", type=int, default=None)
    p.add_argument("--json", action="store_true")
    p.add_argument("--mode", dest="synth_mode", choices=SYNTH_MODES, default=None,
                   help="generated: the LLM writes; extractive: quote the best passage sentences (default: auto)")
    p.add_argument("--extractive", dest="synth_mode", action="store_const", const="extractive",
                   help="same as --mode extractive")


@command("ask", "the full verified answer to a question", _ask_args)
def ask_cmd(args: argparse.Namespace, settings: Settings) -> int:
    """verisight ask QUERY"""
    if args.synth_mode:
        settings = settings.with_overrides(synth_mode=args.synth_mode)
    answer = Engine(settings).answer(" ".join(args.query), k=args.k)
    if args.json:
        out_json(asdict(answer))
    else:
        print(render_answer(answer))
    return 0
