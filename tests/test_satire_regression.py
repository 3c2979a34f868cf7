"""The incidents we exist to prevent: satire and joke posts must never come out as supported claims."""

from __future__ import annotations

import re

import pytest

from tests.satire_premise import risky_verdicts
from verisight.demo.server import load_manifest
from verisight.engine import Engine

MANIFEST = load_manifest()


@pytest.mark.parametrize("case", MANIFEST["satire_regression"], ids=lambda c: c["query"][:40])
def test_dangerous_claim_is_never_kept_as_supported(private_demo_engine: Engine, case: dict[str, object]) -> None:
    """The risky source is retrieved, the advice reaches the verifier (via the overview or fed directly), and it
    is never kept as supported."""
    forbidden = [str(p) for p in case["forbidden"]]  # type: ignore[attr-defined]
    hosts = [str(h) for h in case["source_hosts"]]  # type: ignore[attr-defined]
    answer, verdicts, path = risky_verdicts(private_demo_engine, str(case["query"]), hosts, forbidden)
    assert verdicts, path
    for claim in verdicts:
        assert claim.verdict.label != "supported", (path, claim)
        assert claim.action != "keep", (path, claim)
    patterns = [re.compile(p, re.IGNORECASE) for p in forbidden]
    shown = [c.display for c in answer.overview.claims if c.action == "keep"]
    for text in shown:
        assert not any(p.search(text) for p in patterns), text


def test_demo_sources_get_their_expected_credibility(private_demo_engine: Engine) -> None:
    expected = MANIFEST["credibility_expected"]
    seen: dict[str, str] = {}
    for case in MANIFEST["satire_regression"]:
        for source in private_demo_engine.answer(case["query"]).sources:
            seen[source.site] = source.credibility.label
    for host in ("www.theunion-satire.example", "forum.kitchentalk.example"):
        if host in seen:
            assert seen[host] == expected[host], (host, seen[host])
    # the satire article is indexed under whichever copy the crawler stored first; either copy is satire
    copies = [host for host in ("www.theunion-satire.example", "blog.acmepaving.example") if host in seen]
    assert copies, seen
    assert all(seen[host] == "satire" for host in copies), seen
