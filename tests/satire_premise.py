"""Checks for the satire regression tests that cannot pass vacuously.

For a dangerous-advice query answered by a real engine: the risky source must have been retrieved; every overview
claim stating the advice must not be kept as supported; and when the overview did not repeat the advice (so that
nothing above was checked), the risky sentence itself is taken from the retrieved risky passage and fed to the
engine's verifier, citing that source, with the sources, passages and credibility the engine uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synth.types import Claim, Source
from verifier.features import split_sentences
from verifier.types import VerifiedClaim
from verisight.engine import Engine
from verisight.types import Answer


def risky_verdicts(
    engine: Engine, query: str, hosts: Sequence[str], forbidden: Sequence[str]
) -> tuple[Answer, list[VerifiedClaim], str]:
    """The answer, the verdicts on every claim stating the dangerous advice, and how they reached the verifier.

    Asserts the premises: a source from ``hosts`` was retrieved, and the advice reached the verifier (through the
    overview, or as the risky page's own sentence fed directly).
    """
    patterns = [re.compile(p, re.IGNORECASE) for p in forbidden]
    answer = engine.answer(query)
    risky = [s for s in answer.sources if s.site in hosts]
    assert risky, f"premise: no risky source among {[s.site for s in answer.sources]} for {query!r}"
    matched = [c for c in answer.overview.claims if any(p.search(c.text) for p in patterns)]
    if matched:
        return answer, matched, "overview"
    hits = engine.search(query, k=engine.settings.top_k)
    passages = {h.passage.id: h.passage for h in hits}
    by_url = {s.url: s for s in answer.sources}
    sources = [
        Source(s.id, s.url, s.title, s.site, s.published, tuple(h.passage.id for h in hits if h.passage.doc_url == url))
        for url, s in by_url.items()
    ]
    credibility = {s.id: s.credibility for s in answer.sources}
    sentences = [
        (by_url[h.passage.doc_url].id, h.passage.id, h.passage.text[a:b])
        for h in hits
        if h.passage.doc_url in by_url and by_url[h.passage.doc_url].site in hosts
        for a, b in split_sentences(h.passage.text)
    ]
    risky_sentences = [(sid, pid, text) for sid, pid, text in sentences if any(p.search(text) for p in patterns)]
    assert risky_sentences, f"premise: no retrieved passage of {list(hosts)} states the advice for {query!r}"
    claims = [
        Claim(f"r{i}", " ".join(text.split()), 0, 0, (sid,), (pid,))
        for i, (sid, pid, text) in enumerate(risky_sentences, 1)
    ]
    return answer, engine.verifier.verify(claims, sources, passages, credibility), "direct"
