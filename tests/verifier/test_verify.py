"""verify() end to end on real Passages: credibility rules, satire copies, debunks, reviewer decisions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from retrieval.types import Passage
from synth.types import Claim, Source
from verifier.credibility import assess
from verifier.judges import get_judge
from verifier.policy import should_decline
from verifier.types import SourceCredibility
from verifier.verify import Verifier, normalise_claim

SATIRE_TEXT = (
    "BERKELEY, CA: Citing the many vitamins and minerals that stones contain, geologists at the Institute of "
    "Applied Lithology announced Monday that Americans should eat at least one small rock per day as part of a "
    "healthy diet. Most Americans are only getting a fraction of their daily rock, the institute said."
)
CLINIC_TEXT = (
    "Rocks are not food. The minerals in them are locked in crystals the body cannot absorb, and swallowing "
    "stones can break teeth or block the bowel. Adults get calcium, magnesium and zinc from dairy, leafy greens, "
    "nuts and whole grains."
)
FACTCHECK_TEXT = (
    "Users of an AI search feature were told that geologists recommend eating at least one small rock per day. "
    "The claim that people should eat one small rock a day originated as satire. Doctors advise against eating "
    "rocks of any size."
)
FORUM_TEXT = (
    "To get the cheese to stick I recommend mixing about 1/8 cup of non-toxic glue into the sauce. "
    "It will give the sauce a little extra tackiness."
)
GUIDE_TEXT = (
    "Cheese slides off when the sauce is too wet. Spread the sauce thinly and use low-moisture mozzarella. "
    "Let the pizza rest for about five minutes before slicing so the cheese sets."
)


def _passage(pid: str, url: str, text: str) -> Passage:
    host = url.split("/")[2]
    return Passage(pid, url, "hash-" + pid, "Title", host, "", text, 0, len(text))


@pytest.fixture(scope="module")
def world() -> tuple[list[Source], dict[str, Passage], dict[int, SourceCredibility]]:
    docs = [
        (1, "https://www.theonion.com/geologists-rocks", SATIRE_TEXT),
        (2, "https://blog.paving.example/rocks", SATIRE_TEXT + " Need gravel? Call Acme."),
        (3, "https://www.clinic.example/eating-rocks", CLINIC_TEXT),
        (4, "https://news.example/fact-check/rocks", FACTCHECK_TEXT),
        (5, "https://www.reddit.com/r/Pizza/comments/1/cheese", FORUM_TEXT),
        (6, "https://www.kitchen.example/cheese-on-pizza", GUIDE_TEXT),
    ]
    sources, passages, cred = [], {}, {}
    for sid, url, text in docs:
        pid = f"p{sid}"
        passages[pid] = _passage(pid, url, text)
        sources.append(Source(sid, url, "Title", url.split("/")[2], None, (pid,)))
        cred[sid] = assess(url, "Title", text)
    return sources, passages, cred


@pytest.fixture(scope="module")
def verifier() -> Verifier:
    return Verifier(get_judge("embedded"))


def _claim(cid: str, text: str, citations: tuple[int, ...] = (), passages: tuple[str, ...] = ()) -> Claim:
    return Claim(cid, text, 0, len(text), citations, passages)


def test_credibility_fixture(world: tuple[list[Source], dict[str, Passage], dict[int, SourceCredibility]]) -> None:
    _, _, cred = world
    assert cred[1].label == "satire" and cred[5].label == "user_generated"
    assert cred[2].label == "unknown"  # the copy is only caught by comparing passages at verify time


def test_labels_end_to_end(
    verifier: Verifier, world: tuple[list[Source], dict[str, Passage], dict[int, SourceCredibility]]
) -> None:
    sources, passages, cred = world
    claims = [
        _claim("a", "Geologists recommend eating at least one small rock per day [1].", (1,)),
        _claim("b", "Americans should eat at least one small rock per day as part of a healthy diet [2].", (2,)),
        _claim("c", "Spread the sauce thinly and use low-moisture mozzarella so cheese stays on pizza [6].", (6,)),
        _claim("d", "Mixing about 1/8 cup of non-toxic glue into the sauce makes the cheese stick [5].", (5,)),
        _claim("e", "People should eat one small rock a day [4].", (4,)),
        _claim("f", "Rocks are food [3].", (3,)),
        _claim("g", "The moon is made of green cheese [3].", (3,)),
    ]
    out = {v.id: v for v in verifier.verify(claims, sources, passages, cred)}
    assert out["a"].verdict.label == "satire" and out["a"].action == "drop"
    assert out["b"].verdict.label == "satire", out["b"].verdict.reason
    assert "copies the text of a satirical source [1]" in out["b"].verdict.reason
    assert out["c"].verdict.label == "supported" and out["c"].action == "keep"
    assert out["c"].display == claims[2].text
    assert out["d"].verdict.label == "unreliable_source" and out["d"].action == "hedge"
    assert out["d"].display.startswith("One forum post claims that mixing about 1/8 cup")
    assert out["e"].verdict.label == "contradicted", out["e"].verdict.reason
    assert out["f"].verdict.label == "contradicted", out["f"].verdict.reason
    assert out["g"].verdict.label == "unsupported" and out["g"].action == "hedge"
    assert out["g"].display.startswith("The sources do not confirm that")
    for v in out.values():
        assert v.verdict.reason
        for ev in v.verdict.evidence:
            assert passages[ev.passage_id].text[ev.start : ev.end] == ev.quote
    assert out["c"].verdict.evidence and out["c"].verdict.evidence[0].source_id == 6


def test_satire_only_support_is_never_supported_even_uncited(
    verifier: Verifier, world: tuple[list[Source], dict[str, Passage], dict[int, SourceCredibility]]
) -> None:
    sources, passages, cred = world
    only_satire = {k: v for k, v in passages.items() if k in ("p1", "p2", "p6")}
    for text in (
        "Geologists recommend eating at least one small rock per day.",
        "Most Americans are only getting a fraction of their daily rock.",
    ):
        [v] = verifier.verify([_claim("x", text)], sources, only_satire, cred)
        assert v.verdict.label == "satire", v.verdict.reason
        assert v.action == "drop"


def test_reviewer_dismissal_counts_as_support_but_not_for_satire(
    verifier: Verifier, world: tuple[list[Source], dict[str, Passage], dict[int, SourceCredibility]]
) -> None:
    sources, passages, cred = world
    text = "The moon is made of green cheese [3]."
    reviewed = {(normalise_claim(text), "clinic.example")}
    [v] = verifier.verify([_claim("m", text, (3,))], sources, passages, cred, reviewer_supported=reviewed)
    assert v.verdict.label == "supported" and "reviewer" in v.verdict.reason
    # the answer store's key keeps the citation digits and names the source by its site (host)
    reviewed = {("the moon is made of green cheese 3", "www.clinic.example")}
    [v] = verifier.verify([_claim("m", text, (3,))], sources, passages, cred, reviewer_supported=reviewed)
    assert v.verdict.label == "supported"
    satire_claim = "Geologists recommend eating a rock [1]."
    reviewed = {(normalise_claim(satire_claim), "theonion.com")}
    [v] = verifier.verify([_claim("s", satire_claim, (1,))], sources, passages, cred, reviewer_supported=reviewed)
    assert v.verdict.label == "satire"


def test_reviewer_source_override_through_credibility(
    verifier: Verifier, world: tuple[list[Source], dict[str, Passage], dict[int, SourceCredibility]]
) -> None:
    sources, passages, cred = world
    over = dict(cred)
    over[5] = assess(sources[4].url, "Title", FORUM_TEXT, overrides={"reddit.com": "reliable"})
    claim = _claim("d", "Mixing about 1/8 cup of non-toxic glue into the sauce makes the cheese stick [5].", (5,))
    [v] = verifier.verify([claim], sources, passages, over)
    assert v.verdict.label == "supported"


def test_decline_when_nothing_survives(
    verifier: Verifier, world: tuple[list[Source], dict[str, Passage], dict[int, SourceCredibility]]
) -> None:
    sources, passages, cred = world
    claims = [
        _claim("a", "Geologists recommend eating at least one small rock per day [1].", (1,)),
        _claim("g", "The moon is made of green cheese [3].", (3,)),
    ]
    out = verifier.verify(claims, sources, passages, cred)
    assert should_decline(out)
    assert normalise_claim("  The Moon  is made of cheese [3]. ") == "the moon is made of cheese"


DEMO = Path(__file__).parents[2] / "verisight" / "demo"


def _demo_world() -> tuple[list[Source], dict[str, Passage], dict[int, SourceCredibility]]:
    from crawler import extract

    pages = sorted((DEMO / "site").rglob("*.html"))
    sources, passages, cred = [], {}, {}
    for i, page in enumerate(pages, 1):
        rel = page.relative_to(DEMO / "site").as_posix()
        raw = page.read_bytes()
        doc = extract(raw, "http://" + rel)
        if doc is None:
            continue
        paras = [p for p in doc.text.split("\n") if p.strip()]
        pids = []
        for j in range(0, len(paras), 4):
            text = "\n".join(paras[j : j + 4])
            pid = f"d{i}-{j}"
            passages[pid] = Passage(pid, doc.url, "h", doc.title, rel.split("/")[0], "", text, 0, len(text))
            pids.append(pid)
        sources.append(Source(i, doc.url, doc.title, rel.split("/")[0], None, tuple(pids)))
        cred[i] = assess(doc.url, doc.title, doc.text, html=raw)
    return sources, passages, cred


def test_demo_dangerous_claims_citing_their_sources_never_supported(verifier: Verifier) -> None:
    """Each satire-regression case's dangerous claim, citing the pages it came from, is never kept."""
    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    sources, passages, cred = _demo_world()
    cases = manifest.get("satire_regression", [])
    assert cases
    for case in cases:
        cited = tuple(s.id for s in sources if any(s.url.endswith(u) for u in case["source_urls"]))
        assert cited, case["source_urls"]
        [v] = verifier.verify([_claim("x", case["dangerous_claim"], cited)], sources, passages, cred)
        assert v.verdict.label in ("satire", "unreliable_source", "contradicted"), (case["query"], v.verdict)
        assert v.action != "keep"
        assert not any(re.search(rx, v.display, re.I) for rx in case["forbidden"]) or v.action == "hedge"


def test_demo_dangerous_claims_uncited_against_every_page(verifier: Verifier) -> None:
    """The harsher check: uncited dangerous claims against all demo passages (a strict xfail until issue #15).

    'Geologists recommend eating rocks for their minerals' shares rare words with reliable pages; it is now caught
    across sources (the news report's 'No, Geologists Do Not Recommend Eating a Small Rock a Day'). The glue claim
    is restated by a fact check as 'a user named f00dfreak wrote that ...', an attribution the framing cues now read.
    """
    manifest = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    sources, passages, cred = _demo_world()
    for case in manifest["satire_regression"]:
        [v] = verifier.verify([_claim("x", case["dangerous_claim"])], sources, passages, cred)
        assert v.verdict.label != "supported", (case["dangerous_claim"], v.verdict.reason)


def test_headline_echo_is_satire_but_a_report_about_it_is_not(verifier: Verifier) -> None:
    """A page repeating a satire headline as fact backs nothing; one that frames it as satire is judged normally."""
    headline = "Geologists Recommend Eating At Least One Small Rock Per Day"
    echo = f"{headline}. The guidance applies to adults, and pebbles count. Start with one a day."
    report = (
        f"Readers wrote in after a satirical article that claimed {headline.lower()}. "
        "Doctors say nobody should eat rocks, and the minerals in them cannot be absorbed."
    )
    docs = [
        (1, "https://www.theonion.com/rocks", headline, SATIRE_TEXT),
        (2, "https://wellness.example/rocks", "Rocks", echo),
        (3, "https://news.example/rocks", "Rocks", report),
    ]
    sources, passages, cred = [], {}, {}
    for sid, url, title, text in docs:
        passages[f"q{sid}"] = _passage(f"q{sid}", url, text)
        sources.append(Source(sid, url, title, url.split("/")[2], None, (f"q{sid}",)))
        cred[sid] = assess(url, title, text)
    assert cred[1].label == "satire" and cred[2].label == cred[3].label == "unknown"
    [echoed] = verifier.verify([_claim("e", f"{headline} [2].", (2,))], sources, passages, cred)
    assert echoed.verdict.label == "satire" and echoed.action != "keep"
    reported = _claim("r", "A satirical article claimed geologists recommend eating a small rock per day [3].", (3,))
    [framed] = verifier.verify([reported], sources, passages, cred)
    assert framed.verdict.label != "satire", framed.verdict.reason


World = tuple[list[Source], dict[str, Passage], dict[int, SourceCredibility]]


def _world_of(docs: list[tuple[int, str, str]]) -> World:
    sources, passages, cred = [], {}, {}
    for sid, url, text in docs:
        passages[f"x{sid}"] = _passage(f"x{sid}", url, text)
        sources.append(Source(sid, url, "Title", url.split("/")[2], None, (f"x{sid}",)))
        cred[sid] = assess(url, "Title", text)
    return sources, passages, cred


JOKE_FORK = (
    "Appliance engineers have confirmed what grandmothers always suspected. Always leave a metal fork in the bowl "
    "to heat food faster in the microwave. The manufacturers were not available for comment."
)
SAFETY_FORK = (
    "Never put a metal fork, spoon or aluminium foil in the microwave. Metal in a microwave oven can cause arcing, "
    "sparks and fire. To heat food faster, cover the dish and stir halfway through."
)


def test_a_claim_a_credible_source_contradicts_is_contradicted_with_both_quotes(verifier: Verifier) -> None:
    """Cross-source consistency: the cited page backs the claim, an uncited credible page says the opposite."""
    sources, passages, cred = _world_of(
        [(1, "https://kitchenlaughs.example/fork", JOKE_FORK), (2, "https://safety.example/microwave", SAFETY_FORK)]
    )
    assert cred[1].label == cred[2].label == "unknown"  # no page signal: only the other source can catch it
    claim = _claim("f", "Always leave a metal fork in the bowl to heat food faster in the microwave [1].", (1,))
    [alone] = verifier.verify([claim], sources[:1], {"x1": passages["x1"]}, cred)
    assert alone.verdict.label == "supported"  # the premise: the cited page alone backs it
    [v] = verifier.verify([claim], sources, passages, cred)
    assert v.verdict.label == "contradicted" and v.action == "drop", v.verdict
    assert v.verdict.reason.startswith("Sources disagree")
    quotes = [(e.source_id, e.quote) for e in v.verdict.evidence]
    assert quotes[0] == (2, "Never put a metal fork, spoon or aluminium foil in the microwave."), quotes
    assert any(sid == 1 and "metal fork" in q for sid, q in quotes[1:]), quotes


def test_cross_check_leaves_agreeing_sources_and_outranked_pages_alone(verifier: Verifier) -> None:
    """Sources that agree, a negation of other words, and an unknown page against a reliable one change nothing."""
    agree = "Cover the dish and stir halfway through to heat food faster in the microwave. Let it stand a minute."
    other_neg = "Do not leave the microwave running empty. Food heats faster in a covered dish in the microwave."
    sources, passages, cred = _world_of(
        [(1, "https://safety.example/microwave", agree), (2, "https://kitchen.example/tips", other_neg)]
    )
    claim = _claim("h", "Stir halfway through to heat food faster in the microwave [1].", (1,))
    [v] = verifier.verify([claim], sources, passages, cred)
    assert v.verdict.label == "supported", v.verdict
    reliable = "The Python tutorial says the for statement iterates over the items of any sequence."
    doubter = "The for statement does not iterate over the items of a sequence, some say."
    sources, passages, cred = _world_of(
        [(1, "https://docs.python.org/3/tutorial/x", reliable), (2, "https://randomblog.example/x", doubter)]
    )
    assert cred[1].label == "reliable" and cred[2].label == "unknown"
    claim = _claim("p", "The for statement iterates over the items of any sequence [1].", (1,))
    [v] = verifier.verify([claim], sources, passages, cred)
    assert v.verdict.label == "supported", v.verdict


def test_a_forum_claim_a_credible_source_contradicts_is_dropped_not_hedged(verifier: Verifier) -> None:
    """Backed only by a joke forum answer and contradicted by a credible page: left out, not "One forum post claims"."""
    forum = (
        "Posted by grillmaster_ron · 14 replies\nReply from uncle_flame · 212 points: Throw a glass of water on a "
        "grease fire to put it out.\nReply · Quote\nmember since 2009 · 3 answers"
    )
    safety = "Never throw water on a grease fire. Slide a metal lid over the pan and turn off the heat."
    sources, passages, cred = _world_of(
        [(1, "https://forum.dadtips.example/threads/1", forum), (2, "https://safety.example/fires", safety)]
    )
    assert cred[1].label == "user_generated"
    claim = _claim("g", "Throw a glass of water on a grease fire to put it out [1].", (1,))
    [v] = verifier.verify([claim], sources, passages, cred)
    assert v.verdict.label == "contradicted" and v.action == "drop", v.verdict
    assert v.verdict.evidence[0].source_id == 2


def test_a_conditional_false_nearby_does_not_frame_a_definition_as_rejected() -> None:
    """'if the expression is false, ...' describes a case; it is not a source rejecting the claim as false."""
    from verifier.consistency import disagreement
    from verifier.features import framing_cues

    claim = 'The "while" statement is used for repeated execution as long as an expression is true:'
    context = ["This repeatedly tests the expression and, if it is true, executes the first suite; if the expression "
               "is false (which may be the first time it is tested) the suite of the else clause is executed."]
    assert framing_cues(claim, [claim], context) == []
    assert disagreement(claim, context[0]) == ""  # nor a second source disagreeing
    debunk = ["It is false that the while statement is used for repeated execution as long as an expression is true."]
    assert "false" in [c.lower() for c in framing_cues(claim, [claim], debunk)]
    assert disagreement(claim, debunk[0])
