"""Reviewer decisions scoped to a page or a domain, undo, who/when/note, and signing in with the printed token."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from synth.types import Source
from tests.web.helpers import assert_error
from verisight.engine import Engine

FORUM = "https://forum.kitchentalk.example/threads/cheese-sliding-off-pizza"
FORUM_DOMAIN = "kitchentalk.example"
GUIDE = "https://www.kitchenbasics.example/guides/pizza-cheese"
SATIRE = "https://www.theunion-satire.example/news/geologists-recommend-one-rock-a-day"
# A question whose answer keeps a claim only the forum thread makes, so it is hedged and flagged for review (the
# pizza question "How do I keep cheese from sliding off my pizza?" no longer is: its forum advice is now supported
# by the cooking guide that says the same).
GLUE = "Should I add glue to the pizza sauce?"


def forum_only_hedges(answer: dict[str, Any]) -> list[dict[str, Any]]:
    """The answer's hedged claims that cite only the forum thread."""
    forum_ids = {s["id"] for s in answer["sources"] if s["url"] == FORUM}
    return [c for c in answer["overview"]["claims"]
            if c["action"] == "hedge" and c["citations"] and set(c["citations"]) <= forum_ids]


def source(url: str) -> Source:
    """A numbered source for ``url`` as the engine would build it."""
    return Source(1, url, "", url.split("/")[2], None, ())


def credibility(engine: Engine, url: str) -> Any:
    """The credibility the engine gives ``url`` with the reviewer labels now in force."""
    return engine.assessor.assess(source(url), engine.answers.source_overrides())


def test_a_domain_marked_reliable_leaves_page_signals_in_force(fresh_engine: Engine) -> None:
    answers = fresh_engine.answers
    assert credibility(fresh_engine, FORUM).label == "user_generated"
    assert credibility(fresh_engine, SATIRE).label == "satire"
    assert credibility(fresh_engine, GUIDE).label != "reliable"

    answers.label_source(FORUM_DOMAIN, "reliable", "rita", "a well moderated forum")
    answers.label_source("theunion-satire.example", "reliable", "rita")
    answers.label_source("kitchenbasics.example", "reliable", "rita")
    forum = credibility(fresh_engine, FORUM)
    assert forum.label == "user_generated", "a domain label turned a forum thread into a reliable source"
    assert any("rita" in r and "own signs still count" in r for r in forum.reasons), forum.reasons
    assert credibility(fresh_engine, SATIRE).label == "satire"
    answers.label_source("theunion-satire.example", "user_generated", "rita")
    assert credibility(fresh_engine, SATIRE).label == "satire", "a milder domain label turned satire into a post"
    guide = credibility(fresh_engine, GUIDE)
    assert guide.label == "reliable" and 'a reviewer (rita, ' in guide.reasons[0]

    # A domain label that lowers trust applies to every page.
    answers.label_source("kitchenbasics.example", "unreliable", "rita", "sells glue")
    assert credibility(fresh_engine, GUIDE).label == "unreliable"
    assert '"sells glue"' in credibility(fresh_engine, GUIDE).reasons[0]
    answers.label_source("kitchenbasics.example", "user_generated", "rita")
    reason = credibility(fresh_engine, GUIDE).reasons[0]
    assert "as user-generated" in reason and "user_generated" not in reason, "a raw code in the reason"


def test_a_page_label_wins_and_undo_restores_the_automatic_label(fresh_engine: Engine) -> None:
    answers = fresh_engine.answers
    automatic = credibility(fresh_engine, FORUM)
    answers.label_source(FORUM, "satire", "rita", "a joke thread", scope="page")
    page = credibility(fresh_engine, FORUM)
    assert page.label == "satire" and page.reasons[0].startswith("a reviewer (rita, ")
    assert "this page" in page.reasons[0] and '"a joke thread"' in page.reasons[0]
    assert credibility(fresh_engine, "https://forum.kitchentalk.example/threads/other").label != "satire"

    answers.label_source(FORUM, None, "rita", "back", scope="page")
    assert credibility(fresh_engine, FORUM) == automatic
    history = answers.source_labels(history=True)
    assert [(h.label, h.reviewer, h.note) for h in history] == [
        (None, "rita", "back"), ("satire", "rita", "a joke thread")
    ]
    assert answers.source_labels() == []


def test_the_user_generated_reason_is_plain_words(fresh_engine: Engine) -> None:
    reasons = " ".join(credibility(fresh_engine, FORUM).reasons)
    assert "forum or Q&A thread, where anyone can post" in reasons
    for jargon in ("reply/quote controls", "OP", "forum host name", "thread-style URL"):
        assert jargon not in reasons


@pytest.fixture
def scoped_app(fresh_engine: Engine, make_app: Callable[..., Flask]) -> Flask:
    """An app over an engine of its own."""
    return make_app(fresh_engine)


def test_source_labels_over_the_api_record_who_when_and_note(scoped_app: Flask, reviewer: dict[str, str]) -> None:
    api = scoped_app.test_client()
    auth = {"Authorization": f"Bearer {reviewer['token']}"}
    domain = api.post("/api/audit/sources", json={"domain": FORUM_DOMAIN, "label": "reliable", "note": "moderated"},
                      headers=auth)
    assert domain.status_code == 200
    body = domain.get_json()
    assert body["scope"] == "domain" and body["reviewer"] == "rita" and body["note"] == "moderated" and body["at"]
    assert "every page of kitchentalk.example" in body["warning"] and "own signals still count" in body["warning"]

    answer = api.post("/api/answer", json={"query": GLUE}).get_json()
    forum = next(s for s in answer["sources"] if s["url"] == FORUM)
    assert forum["credibility"]["label"] == "user_generated"
    glue = [c for c in answer["overview"]["claims"] if "glue" in c["text"].lower()]
    assert glue, "the glue question must bring back the forum thread's glue claim"
    assert all(c["action"] != "keep" for c in glue), "a domain label turned a forum post into a verified fact"

    page = api.post("/api/audit/sources", json={"url": FORUM, "label": "satire"}, headers=auth).get_json()
    assert page["scope"] == "page" and page["url"] == FORUM and "warning" not in page
    undo = api.post("/api/audit/sources", json={"url": FORUM, "automatic": True}, headers=auth).get_json()
    assert undo["automatic"] is True and undo["label"] is None
    also = api.post("/api/audit/sources", json={"domain": FORUM_DOMAIN, "label": "automatic"}, headers=auth)
    assert also.get_json()["automatic"] is True

    labels = api.get("/api/audit/sources", headers=auth).get_json()
    assert labels == {"count": 0, "labels": []}
    history = api.get("/api/audit/sources?history=1", headers=auth).get_json()
    assert history["count"] == 4 and history["labels"][-1]["note"] == "moderated"
    assert_error(api.get("/api/audit/sources"), 401, "unauthorized")


def test_claim_decisions_record_who_when_note_and_can_be_undone(scoped_app: Flask, reviewer: dict[str, str]) -> None:
    api = scoped_app.test_client()
    auth = {"Authorization": f"Bearer {reviewer['token']}"}
    answer = api.post("/api/answer", json={"query": GLUE}).get_json()
    hedged = forum_only_hedges(answer)
    assert hedged, "the glue question must leave a hedged forum-only claim to review"
    claim = hedged[0]
    groups = api.get("/api/audit/claims", headers=auth).get_json()["groups"]
    group = next(g for g in groups if g["text"] == claim["text"])
    assert group["decision"] is None and group["history"] == []

    decided = api.post(f"/api/audit/claims/{group['id']}", json={"decision": "dismiss", "note": "checked it"},
                       headers=auth).get_json()
    assert decided["reviewer"] == "rita" and decided["note"] == "checked it" and decided["at"]
    [dismissed] = api.get("/api/audit/claims?status=dismissed", headers=auth).get_json()["groups"]
    assert dismissed["decision"] == {"decision": "dismiss", "reviewer": "rita", "at": decided["at"],
                                     "note": "checked it"}

    undone = api.post(f"/api/audit/claims/{group['id']}", json={"decision": "automatic"}, headers=auth).get_json()
    assert undone["status"] == "flagged"
    flagged = api.get("/api/audit/claims", headers=auth).get_json()["groups"]
    again = next(g for g in flagged if g["id"] == group["id"])
    assert [d["decision"] for d in again["history"]] == ["automatic", "dismiss"]
    assert api.get("/api/audit/claims?status=dismissed", headers=auth).get_json()["groups"] == []

    page = api.get("/audit", headers=auth).get_data(as_text=True)
    assert "Dismiss</strong> by rita" in page and "checked it" in page and "Back to automatic" in page
    assert "every page of kitchentalk.example" in page


def test_sign_in_with_the_printed_token(scoped_app: Flask, reviewer: dict[str, str]) -> None:
    from tests.web.helpers import csrf_of

    client: FlaskClient = scoped_app.test_client()
    signin = client.get("/audit/signin").get_data(as_text=True)
    assert "Password or token" in signin
    csrf = csrf_of(signin)
    wrong = client.post("/audit/signin", data={"name": "rita", "password": reviewer["token"] + "x", "csrf_token": csrf})
    assert wrong.status_code == 401
    other = client.post("/audit/signin", data={"name": "bob", "password": reviewer["token"], "csrf_token": csrf})
    assert other.status_code == 401, "a token signs in only its own reviewer"
    ok = client.post("/audit/signin", data={"name": "rita", "password": reviewer["token"], "csrf_token": csrf})
    assert ok.status_code == 303 and client.get("/audit").status_code == 200

    from web.context import reviewers_of

    with scoped_app.app_context():
        reviewers_of().remove("rita")
    assert client.get("/audit").status_code == 302, "a removed reviewer's session must end"


def test_a_dismissed_flag_changes_the_next_answer(scoped_app: Flask, reviewer: dict[str, str]) -> None:
    api = scoped_app.test_client()
    auth = {"Authorization": f"Bearer {reviewer['token']}"}
    before = api.post("/api/answer", json={"query": GLUE}).get_json()
    hedged = forum_only_hedges(before)
    assert hedged, "the glue question must leave a hedged forum-only claim"
    claim = hedged[0]
    groups = api.get("/api/audit/claims", headers=auth).get_json()["groups"]
    group = next(g for g in groups if g["text"] == claim["text"])
    api.post(f"/api/audit/claims/{group['id']}", json={"decision": "dismiss", "note": "right"}, headers=auth)

    after = api.post("/api/answer", json={"query": GLUE}).get_json()
    [again] = [c for c in after["overview"]["claims"] if c["text"] == claim["text"]]
    assert again["action"] == "keep" and again["verdict"]["label"] == "supported"
    assert "a reviewer confirmed" in again["verdict"]["reason"]

    api.post(f"/api/audit/claims/{group['id']}", json={"decision": "automatic"}, headers=auth)
    undone = api.post("/api/answer", json={"query": GLUE}).get_json()
    [back] = [c for c in undone["overview"]["claims"] if c["text"] == claim["text"]]
    assert back["action"] == claim["action"] and back["verdict"]["label"] == claim["verdict"]["label"]


def test_a_copy_of_a_page_a_reviewer_marked_satire_is_satire_too(fresh_engine: Engine) -> None:
    from tests.web.helpers import CORPUS, make_document

    _, title, published, text = next(c for c in CORPUS if c[0] == GUIDE)
    copy = "https://copycat.example/pizza-tips"
    fresh_engine.documents.put(make_document(copy, title, published, text), b"")
    assert credibility(fresh_engine, copy).label != "satire"
    fresh_engine.answers.label_source("kitchenbasics.example", "satire", "rita", "a parody site")
    copied = credibility(fresh_engine, copy)
    assert copied.label == "satire" and any("near-duplicate of" in r for r in copied.reasons), copied.reasons
