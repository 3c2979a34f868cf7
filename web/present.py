"""Turns an answer's JSON into what the page shows: claim pieces, citation quotes, reasons and badges.

The search page's JavaScript builds the same structure from ``claim`` events; keep both in step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

_CITE_MARK = re.compile(r"\s*\[\d+(?:\s*,\s*\d+)*\]")

REASONS = {
    "supported": "Supported by a cited source.",
    "unsupported": "Not confirmed by the sources.",
    "contradicted": "The sources say otherwise.",
    "satire": "From a satirical source.",
    "unreliable_source": "Only from user-generated or low-credibility sources.",
}
BADGES = {
    "reliable": "Reliable",
    "unknown": "Unknown reliability",
    "user_generated": "User-generated",
    "unreliable": "Unreliable",
    "satire": "Satire",
}
MODES = {
    "generated": "Written by {model} from the sources",
    "extractive": "Quoted from the sources",
    "declined": "Not in the sources",
}


def mode_label(mode: str, model: str = "") -> str:
    """The honest label over the overview: who wrote it, or that the sources do not answer the question."""
    return MODES.get(mode, "Overview").format(model=model or "a language model")


def claim_reason(claim: Mapping[str, Any]) -> str:
    """Why a claim was hedged or left out, in words."""
    verdict = claim.get("verdict") or {}
    return REASONS.get(str(verdict.get("label")), "Not verified.")


def badge(label: str) -> str:
    """The words on a credibility badge."""
    return BADGES.get(label, label.replace("_", " ").capitalize())


def split_display(text: str) -> tuple[str, str]:
    """The claim's display text without citation marks, split into (body, final punctuation)."""
    body = _CITE_MARK.sub("", text).rstrip()
    if body and body[-1] in ".!?":
        return body[:-1], body[-1]
    return body, ""


def citation_quotes(claim: Mapping[str, Any]) -> dict[int, str]:
    """The best evidence quote for each source a claim cites (the first quote given per source)."""
    quotes: dict[int, str] = {}
    for ev in (claim.get("verdict") or {}).get("evidence") or ():
        sid = ev.get("source_id")
        if isinstance(sid, int) and sid not in quotes and ev.get("quote"):
            quotes[sid] = str(ev["quote"])
    return quotes


def claim_view(claim: Mapping[str, Any], sources: Mapping[int, Mapping[str, Any]]) -> dict[str, Any]:
    """Everything the template needs for one claim."""
    body, stop = split_display(str(claim.get("display") or claim.get("text") or ""))
    quotes = citation_quotes(claim)
    cites = []
    for n in claim.get("citations") or ():
        if n in sources:
            quote = quotes.get(n, "")
            cites.append({"n": n, "quote": quote, "title": sources[n].get("title", "")})
    return {
        "id": claim.get("id", ""),
        "text": claim.get("text", ""),
        "body": body,
        "stop": stop,
        "action": claim.get("action", ""),
        "label": (claim.get("verdict") or {}).get("label", ""),
        "reason": claim_reason(claim),
        "detail": (claim.get("verdict") or {}).get("reason", ""),
        "evidence": list((claim.get("verdict") or {}).get("evidence") or ()),
        "cites": cites,
    }


def answer_view(answer: Mapping[str, Any]) -> dict[str, Any]:
    """The whole answer as the template shows it."""
    sources = {int(s["id"]): s for s in answer.get("sources") or ()}
    overview = answer.get("overview") or {}
    claims = [claim_view(c, sources) for c in overview.get("claims") or ()]
    mode = str(overview.get("mode", ""))
    return {
        "answer_id": answer.get("answer_id", ""),
        "query": answer.get("query", ""),
        "mode": mode,
        "mode_label": mode_label(mode, str((answer.get("models") or {}).get("llm", ""))),
        "notice": str(overview.get("notice") or ""),
        "declined": mode == "declined",
        "draft": overview.get("draft", ""),
        "shown": [c for c in claims if c["action"] in ("keep", "hedge")],
        "dropped": [c for c in claims if c["action"] == "drop"],
        "hedged": sum(1 for c in claims if c["action"] == "hedge"),
        "sources": list(sources.values()),
        "passages": list(answer.get("passages") or ()),
        "timings": answer.get("timings_ms") or {},
    }


def web_url(url: object) -> str:
    """``url`` when it is an http(s) address, else '' (so no ``javascript:`` link reaches a page)."""
    text = str(url or "")
    return text if urlsplit(text).scheme in ("http", "https") else ""


def source_by_id(answer: Mapping[str, Any], source_id: int) -> Mapping[str, Any] | None:
    """The source numbered ``source_id`` in a stored answer, or None."""
    sources: Sequence[Mapping[str, Any]] = answer.get("sources") or ()
    return next((s for s in sources if s.get("id") == source_id), None)
