"""The search page (server-rendered path), stored-answer pages and the citation click-through."""

from __future__ import annotations

from html.parser import HTMLParser

from flask.testing import FlaskClient

from tests.web.helpers import XSS

HTML = {"Accept": "text/html"}


class _Collector(HTMLParser):
    """Collects start tags with their attributes, and whether each form control has a label."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def parse(html: str) -> list[tuple[str, dict[str, str]]]:
    """The start tags of a page."""
    collector = _Collector()
    collector.feed(html)
    return collector.tags


def assert_labelled(html: str) -> None:
    """Every visible input, select and textarea has a <label for=...> (or an aria-label)."""
    tags = parse(html)
    labels = {a.get("for") for t, a in tags if t == "label"}
    for tag, attrs in tags:
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            assert attrs.get("id") in labels or attrs.get("aria-label"), (tag, attrs)


def test_home_page_has_a_labelled_search_form(client: FlaskClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'role="search"' in html and 'for="q"' in html
    assert '<html lang="en">' in html and 'name="viewport"' in html
    assert "app.js" in html and "style.css" in html
    assert_labelled(html)
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_server_rendered_answer(client: FlaskClient) -> None:
    response = client.get("/", query_string={"q": "Should I eat rocks every day?"}, headers=HTML)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    tags = parse(html)
    assert "Quoted from the sources" in html or "Written by " in html  # an honest label: who wrote it
    details = [a for t, a in tags if t == "details" and a.get("id") == "drafting"]
    assert details and "open" not in details[0]  # the draft stays collapsed
    assert any(t == "span" and "claim" in a.get("class", "").split() for t, a in tags)
    cites = [a for t, a in tags if t == "a" and "cite" in a.get("class", "").split()]
    assert cites and all(a["href"].startswith("#source-") for a in cites)
    assert all(a.get("aria-describedby") for a in cites)
    cards = [a for t, a in tags if t == "li" and "source" in a.get("class", "").split()]
    assert cards
    links = [a for t, a in tags if t == "a" and "source-link" in a.get("class", "").split()]
    assert links and all(a["href"].startswith("/go?") for a in links)
    assert any("badge" in a.get("class", "") for t, a in tags if t == "span")


def test_empty_query_shows_the_blank_page(client: FlaskClient) -> None:
    response = client.get("/?q=", headers=HTML)
    assert response.status_code == 200
    assert 'id="answer"' in response.get_data(as_text=True)
    assert client.get("/?q=%20%20", headers=HTML).status_code == 400


def test_page_query_errors(client: FlaskClient) -> None:
    response = client.get("/", query_string={"q": "x" * 2001}, headers=HTML)
    assert response.status_code == 400
    assert "query_too_long" in response.get_data(as_text=True)
    api_style = client.get("/", query_string={"q": "x" * 2001})
    assert api_style.status_code == 400 and api_style.get_json()["error"]["code"] == "query_too_long"


def test_user_input_is_escaped(client: FlaskClient) -> None:
    response = client.get("/", query_string={"q": f"paving {XSS}"}, headers=HTML)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert XSS not in html
    assert "&lt;script&gt;" in html


def test_crawled_text_is_escaped(client: FlaskClient) -> None:
    answer = client.post("/api/answer", json={"query": "how often should asphalt driveways be sealed"}).get_json()
    assert any("<script>" in s["title"] for s in answer["sources"])
    html = client.get(f"/answers/{answer['answer_id']}", headers=HTML).get_data(as_text=True)
    assert XSS not in html


def test_stored_answer_page(client: FlaskClient) -> None:
    answer = client.post("/api/answer", json={"query": "how much water should adults drink"}).get_json()
    response = client.get(f"/answers/{answer['answer_id']}", headers=HTML)
    assert response.status_code == 200
    assert answer["answer_id"] in response.get_data(as_text=True)
    missing = client.get("/answers/nope", headers=HTML)
    assert missing.status_code == 404 and "text/html" in missing.content_type


def test_go_records_and_redirects_only_to_the_answers_source(client: FlaskClient) -> None:
    answer = client.post("/api/answer", json={"query": "how much water should adults drink"}).get_json()
    aid = answer["answer_id"]
    source = answer["sources"][0]
    claim = answer["overview"]["claims"][0]["id"]
    response = client.get("/go", query_string={"answer": aid, "source": source["id"], "claim": claim})
    assert response.status_code == 302
    assert response.headers["Location"] == source["url"]
    assert client.get("/go", query_string={"answer": aid, "source": 999}).status_code == 404
    assert client.get("/go", query_string={"answer": "nope", "source": 1}).status_code == 404
    assert client.get("/go", query_string={"answer": aid, "source": source["id"], "claim": "zz"}).status_code == 404
    assert client.get("/go", query_string={"answer": aid, "source": "x"}).status_code == 400
    assert client.get("/go?answer=" + aid + "&source=1&url=https://evil.example").headers.get("Location") != (
        "https://evil.example"
    )


def test_html_error_page_for_browsers(client: FlaskClient) -> None:
    response = client.get("/no-such-page", headers=HTML)
    assert response.status_code == 404
    assert "text/html" in response.content_type
    assert "not_found" in response.get_data(as_text=True)


def test_static_files(client: FlaskClient) -> None:
    for name in ("style.css", "app.js"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        response.close()


def test_declined_answer_shows_passages_instead(fresh_engine, make_app) -> None:  # type: ignore[no-untyped-def]
    for domain in ("www.geologyjournal.example", "www.theunion-satire.example"):
        fresh_engine.answers.label_source(domain, "satire", "tester")
    client = make_app(fresh_engine).test_client()
    answer = client.post("/api/answer", json={"query": "Should I eat rocks every day?", "k": 2}).get_json()
    assert answer["overview"]["mode"] == "declined", answer["overview"]
    assert answer["passages"]
    html = client.get(f"/answers/{answer['answer_id']}", headers=HTML).get_data(as_text=True)
    tags = parse(html)
    declined = next(a for t, a in tags if t == "div" and a.get("id") == "declined")
    assert "hidden" not in declined
    overview = next(a for t, a in tags if t == "p" and a.get("id") == "overview")
    assert "hidden" in overview
    assert "The indexed sources do not answer this." in html
    assert html.count("<blockquote>") == len(answer["passages"])
    dropped = [a for t, a in tags if t == "li" and "dropped-claim" in a.get("class", "")]
    assert len(dropped) == len(answer["overview"]["claims"])
