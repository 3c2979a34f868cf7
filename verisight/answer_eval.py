"""``verisight eval answers``: does the overview answer the question, or say plainly that the sources do not?

Questions are JSONL rows ``{"id", "corpus", "q", "answerable", "split", "answer": {"regex": ...} or
{"nuggets": [...]}}`` (``verisight/data/answer_questions.jsonl``: 156 questions over the demo corpus and the
Python docs, split into dev and test by the parity of sha1(question), fixed before any result was seen).

Figures, each next to a baseline from the same run:

- ``answer_rate``: share of answerable questions whose shown overview text matches the answer key, against
  ``snippet_rate``, the same for the best passage's first 400 characters (a featured-snippet baseline);
- ``unanswerable_declined`` and ``answerable_declined``: share of each kind answered with mode ``declined``;
- ``fragments``: shown sentences that are not whole sentences (``is_fragment``), out of ``sentences_shown``;
- ``latency_ms``: p50/p95 of warm ``total`` (the first answer, which loads the models, is left out).

``verisight.answer_gate`` chooses the answerability calibration on dev questions only
(``training/fit_answer_gate.py`` runs it).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from verisight.engine import Engine
from verisight.errors import BadQuery

QUESTIONS = Path(__file__).parent / "data" / "answer_questions.jsonl"
SNIPPET_CHARS = 400
_TERM_PREFIX = re.compile(r"^\w[\w\- .]{0,40}: (?=[A-Z0-9\"'“(])")  # a definition entry's term before its sentence
# a sentence that stops on an abbreviation that always leads on to more ("(i.e.", "e.g.", "cf.") was cut short
_OPEN_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:i\.e|e\.g|cf|viz)\.$", re.IGNORECASE)
_CODE_START = re.compile(r"^[\w.]+(\(|\.\w+|_\w+)")  # a code name: ``list.sort()``, ``int(x):``, ``snake_case``


def split_of(question: str) -> str:
    """The fixed split of a question: ``test`` when sha1(question) is even, else ``dev``."""
    return "test" if int(hashlib.sha1(question.encode()).hexdigest(), 16) % 2 == 0 else "dev"


def load_questions(path: Path, *, corpus: str | None = None, split: str | None = None) -> list[dict[str, Any]]:
    """Question rows from ``path``, optionally only one corpus and one split; a bad row is a clear error."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise BadQuery(f"{path}:{n}: not JSON ({exc})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("q"), str) or "answerable" not in row:
            raise BadQuery(f'{path}:{n}: a question row needs "q" and "answerable"')
        if row["answerable"] and not (row.get("answer") or {}).keys() & {"regex", "nuggets"}:
            raise BadQuery(f'{path}:{n}: an answerable question needs "answer": {{"regex"}} or {{"nuggets"}}')
        row.setdefault("split", split_of(row["q"]))
        if (corpus is None or row.get("corpus") == corpus) and (split in (None, "all") or row["split"] == split):
            rows.append(row)
    return rows


def matches(text: str, key: dict[str, Any]) -> bool:
    """True when ``text`` holds the answer: the regex matches (case-insensitive), or every nugget appears."""
    if "regex" in key:
        return re.search(str(key["regex"]), text, re.IGNORECASE) is not None
    return all(str(n).lower() in text.lower() for n in key.get("nuggets", ()))


def is_fragment(sentence: str) -> bool:
    """A shown sentence that is not whole: it opens in lower case (not on a code name, nor a definition entry's
    term before its sentence), is cut with "…" or on "i.e."/"e.g.", or does not end in a full stop (or the colon of
    a sentence introducing an example). A "…" inside a sentence is the page's own ("The try … except statement
    has ...")."""
    t = sentence.strip()
    if not t:
        return False
    t = _TERM_PREFIX.sub("", t, count=1)  # "duck-typing: A programming style ..." quotes a glossary entry
    opens_mid = t[0].islower() and not _CODE_START.match(t)
    cut = t.startswith(("…", "...")) or t.endswith("….")  # a bare "…" at the end fails the full-stop check
    cut = cut or _OPEN_ABBREVIATION.search(t) is not None  # "... to the given number of decimal places (i.e."
    return opens_mid or cut or t[-1] not in ".!?:\"'”’)"


def _pct(values: Sequence[float], q: float) -> float:
    return round(float(np.percentile(values, q)), 1) if values else 0.0


def evaluate(engine: Engine, questions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Answer every question and report the figures (see the module docstring) with per-question detail."""
    if questions:
        engine.answer(questions[0]["q"])  # warm-up: loads the models; not timed
    per: list[dict[str, Any]] = []
    latencies: list[float] = []
    for row in questions:
        answer = engine.answer(row["q"])
        latencies.append(answer.timings_ms.get("total", 0.0))
        shown = [c for c in answer.overview.claims if c.action in ("keep", "hedge")]
        declined = answer.overview.mode == "declined"
        hits = engine.search(row["q"], k=1)
        snippet = hits[0].passage.text[:SNIPPET_CHARS] if hits else ""
        item: dict[str, Any] = {
            "id": row.get("id", ""), "q": row["q"], "answerable": bool(row["answerable"]), "mode": answer.overview.mode,
            "shown": [c.text for c in shown], "fragments": [c.text for c in shown if is_fragment(c.text)],
        }
        if row["answerable"]:
            item["found"] = not declined and matches(answer.overview.text, row["answer"])
            item["snippet_found"] = matches(snippet, row["answer"])
        per.append(item)
    answerable = [p for p in per if p["answerable"]]
    unanswerable = [p for p in per if not p["answerable"]]
    shown_n = sum(len(p["shown"]) for p in per)

    def share(items: list[dict[str, Any]], key: str) -> float:
        return round(sum(1 for p in items if p[key]) / len(items), 4) if items else 0.0

    return {
        "questions": len(per),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "answer_rate": share(answerable, "found"),
        "snippet_rate": share(answerable, "snippet_found"),
        "unanswerable_declined": round(sum(p["mode"] == "declined" for p in unanswerable) / len(unanswerable), 4)
        if unanswerable else 0.0,
        "answerable_declined": round(sum(p["mode"] == "declined" for p in answerable) / len(answerable), 4)
        if answerable else 0.0,
        "sentences_shown": shown_n,
        "fragments": sum(len(p["fragments"]) for p in per),
        "latency_ms": {"p50": _pct(latencies, 50), "p95": _pct(latencies, 95)},
        "per_question": per,
    }
