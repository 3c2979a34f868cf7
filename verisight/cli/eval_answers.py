"""``verisight eval answers --questions FILE [--corpus C] [--split dev|test|all] [--json]``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from verisight.settings import Settings


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options ``eval answers`` adds to ``verisight eval``."""
    p.add_argument("--questions", help="answers: JSONL question file (default: the shipped answer_questions.jsonl)")
    p.add_argument("--corpus", help="answers: only the questions of this corpus (e.g. demo, pydocs)")
    p.add_argument("--split", choices=("dev", "test", "all"), default="all", help="answers: which split")
    p.add_argument("--detail", action="store_true", help="answers: include every question's answer in the JSON")


def eval_answers(args: argparse.Namespace, settings: Settings) -> int:
    """Answer the questions with the engine on ``--data`` and print the figures (JSON with ``--json``)."""
    from verisight.answer_eval import QUESTIONS, evaluate, load_questions
    from verisight.engine import Engine

    questions = load_questions(Path(args.questions) if args.questions else QUESTIONS, corpus=args.corpus,
                               split=args.split)
    engine = Engine(settings)
    try:
        figures = evaluate(engine, questions)
    finally:
        engine.close()
    if not args.detail:
        figures.pop("per_question")
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0
