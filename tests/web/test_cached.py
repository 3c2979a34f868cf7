"""The cached copy of a source: stored text with the evidence quote highlighted, linked from answers."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

from tests.web.helpers import XSS, assert_error
from verisight.engine import Engine
from web.cached import locate, segments

PIZZA = "How do I keep cheese from sliding off my pizza?"


def test_locate_and_segments() -> None:
    text = "One line.\nTwo  words here. Three."
    assert locate(text, "Two words here.") == (10, 26)
    assert locate(text, "absent") is None and locate(text, "  ") is None
    pieces = segments(text, [(10, 26), (20, 30)])
    assert [p["mark"] for p in pieces] == [False, True, False]
    assert "".join(p["text"] for p in pieces) == text


def test_a_citation_opens_the_cached_copy_with_its_quote_marked(client: FlaskClient) -> None:
    answer = client.post("/api/answer", json={"query": PIZZA}).get_json()
    claim = next(c for c in answer["overview"]["claims"] if c["verdict"]["evidence"])
    evidence = claim["verdict"]["evidence"][0]
    page = client.get(f"/cached/{evidence['source_id']}?answer={answer['answer_id']}&claim={claim['id']}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    marked = re.search(r'<mark id="quote">(.*?)</mark>', html, re.S)
    assert marked and " ".join(marked.group(1).split()) == " ".join(evidence["quote"].split())
    source = next(s for s in answer["sources"] if s["id"] == evidence["source_id"])
    assert f'href="{source["url"]}"' in html, "the live link stays"
    assert page.headers["Content-Security-Policy"] and page.headers["X-Robots-Tag"] == "noindex"

    stored = client.get(f"/answers/{answer['answer_id']}").get_data(as_text=True)
    assert f'/cached/{evidence["source_id"]}?answer={answer["answer_id"]}' in stored

    by_passage = client.get(f"/cached/{evidence['passage_id']}").get_data(as_text=True)
    assert "<mark" in by_passage


def test_cached_errors_and_escaping(client: FlaskClient, engine: Engine) -> None:
    answer = client.post("/api/answer", json={"query": "How often should asphalt driveways be sealed?"}).get_json()
    aid = answer["answer_id"]
    assert_error(client.get("/cached/1"), 400, "bad_request")
    assert_error(client.get(f"/cached/99?answer={aid}"), 404, "not_found")
    assert_error(client.get(f"/cached/1?answer={aid}&claim=nope"), 404, "not_found")
    assert_error(client.get("/cached/1?answer=missing"), 404, "not_found")
    assert_error(client.get("/cached/0123456789abcdef"), 404, "not_found")
    assert_error(client.get("/cached/..%2F..%2Fetc"), 404, "not_found")
    paving = next(s for s in answer["sources"] if "acmepaving" in s["site"])
    html = client.get(f"/cached/{paving['id']}?answer={aid}").get_data(as_text=True)
    assert XSS not in html and "&lt;script&gt;" in html
