"""The audit view: who may use it, CSRF, the queue and decisions, and how decisions change later answers."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.helpers import assert_error, csrf_of
from verisight.engine import Engine

SATIRE = "www.theunion-satire.example"
ROCKS = "Should I eat rocks every day?"

API_ROUTES = [
    ("GET", "/api/audit/claims", None),
    ("GET", "/api/audit/claims?status=dismissed", None),
    ("POST", "/api/audit/claims/0123456789abcdef", {"decision": "dismiss"}),
    ("POST", "/api/audit/sources", {"domain": SATIRE, "label": "satire"}),
]
PAGE_ROUTES = [
    ("GET", "/audit"),
    ("GET", "/audit?status=confirmed"),
    ("POST", "/audit/claims/0123456789abcdef"),
    ("POST", "/audit/sources"),
]


@pytest.fixture
def audit_app(fresh_engine: Engine, make_app: Callable[..., Flask]) -> Flask:
    """An app over an engine of its own."""
    return make_app(fresh_engine)


@pytest.fixture
def anon(audit_app: Flask) -> FlaskClient:
    """A client that is not signed in."""
    return audit_app.test_client()


def signed_in(app: Flask, reviewer: dict[str, str]) -> tuple[FlaskClient, str]:
    """A client signed in with a password, and its session's CSRF token."""
    client = app.test_client()
    token = csrf_of(client.get("/audit/signin").get_data(as_text=True))
    response = client.post(
        "/audit/signin", data={"name": reviewer["name"], "password": reviewer["password"], "csrf_token": token}
    )
    assert response.status_code == 303, response.get_data(as_text=True)
    page = client.get("/audit")
    assert page.status_code == 200
    return client, csrf_of(page.get_data(as_text=True))


def bearer(reviewer: dict[str, str]) -> dict[str, str]:
    """The Authorization header for the reviewer's token."""
    return {"Authorization": f"Bearer {reviewer['token']}"}


@pytest.mark.parametrize(("method", "path", "body"), API_ROUTES)
def test_audit_api_refuses_anonymous_and_bad_tokens(
    anon: FlaskClient, reviewer: dict[str, str], method: str, path: str, body: object
) -> None:
    response = anon.open(path, method=method, json=body)
    assert_error(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    bad = anon.open(path, method=method, json=body, headers={"Authorization": "Bearer vsr_wrong"})
    assert_error(bad, 401, "unauthorized")
    basic = anon.open(path, method=method, json=body, headers={"Authorization": "Basic cml0YTpwdw=="})
    assert_error(basic, 401, "unauthorized")


@pytest.mark.parametrize(("method", "path"), PAGE_ROUTES)
def test_audit_pages_send_anonymous_to_sign_in(anon: FlaskClient, method: str, path: str) -> None:
    response = anon.open(path, method=method, data={"decision": "dismiss", "domain": SATIRE, "label": "satire"})
    assert response.status_code == 302
    assert "/audit/signin" in response.headers["Location"]


def test_sign_in_needs_csrf_and_the_right_password(anon: FlaskClient, reviewer: dict[str, str]) -> None:
    form = {"name": reviewer["name"], "password": reviewer["password"]}
    assert_error(anon.post("/audit/signin", data=form), 403, "csrf")
    token = csrf_of(anon.get("/audit/signin").get_data(as_text=True))
    wrong = anon.post("/audit/signin", data={**form, "password": "nope", "csrf_token": token})
    assert wrong.status_code == 401 and "Wrong name, password or token" in wrong.get_data(as_text=True)
    assert anon.get("/audit").status_code == 302
    ok = anon.post("/audit/signin", data={**form, "csrf_token": token, "next": "https://evil.example/"})
    assert ok.status_code == 303 and ok.headers["Location"] == "/audit"


def test_session_posts_need_the_csrf_token(audit_app: Flask, reviewer: dict[str, str]) -> None:
    client, token = signed_in(audit_app, reviewer)
    assert_error(client.post("/audit/sources", data={"domain": SATIRE, "label": "satire"}), 403, "csrf")
    assert_error(
        client.post("/audit/sources", data={"domain": SATIRE, "label": "satire", "csrf_token": "forged"}), 403, "csrf"
    )
    assert_error(client.post("/api/audit/sources", json={"domain": SATIRE, "label": "satire"}), 403, "csrf")
    ok = client.post("/api/audit/sources", json={"domain": SATIRE, "label": "satire"}, headers={"X-CSRF-Token": token})
    assert ok.status_code == 200
    form = client.post(
        "/audit/sources", data={"scope": "domain", "domain": SATIRE, "label": "satire", "csrf_token": token}
    )
    assert form.status_code == 303
    assert client.get("/api/audit/claims").status_code == 200  # a session may read without a token


def test_sign_out(audit_app: Flask, reviewer: dict[str, str]) -> None:
    client, token = signed_in(audit_app, reviewer)
    assert_error(client.post("/audit/signout"), 403, "csrf")
    assert client.post("/audit/signout", data={"csrf_token": token}).status_code == 303
    assert client.get("/audit").status_code == 302


def test_reviewer_decisions_change_later_answers(audit_app: Flask, reviewer: dict[str, str]) -> None:
    api = audit_app.test_client()
    auth = bearer(reviewer)

    def satire_kept(answer: dict) -> list[dict]:  # type: ignore[type-arg]
        ids = {s["id"] for s in answer["sources"] if s["site"] == SATIRE}
        return [c for c in answer["overview"]["claims"] if c["action"] == "keep" and set(c["citations"]) & ids]

    before = api.post("/api/answer", json={"query": ROCKS}).get_json()
    assert any(s["site"] == SATIRE for s in before["sources"]), "the satire page must be retrieved for this query"

    labelled = api.post("/api/audit/sources", json={"domain": SATIRE, "label": "satire"}, headers=auth)
    assert labelled.status_code == 200
    body = labelled.get_json()
    assert {k: body[k] for k in ("scope", "domain", "label", "automatic", "reviewer")} == {
        "scope": "domain", "domain": SATIRE, "label": "satire", "automatic": False, "reviewer": reviewer["name"]
    }
    assert body["at"] and "every page of" in body["warning"]

    after = api.post("/api/answer", json={"query": ROCKS}).get_json()
    satire_source = next(s for s in after["sources"] if s["site"] == SATIRE)
    assert satire_source["credibility"]["label"] == "satire"
    assert not satire_kept(after), "a claim backed only by satire was kept as supported"

    queue = api.get("/api/audit/claims", headers=auth).get_json()
    assert queue["status"] == "flagged" and queue["count"] == len(queue["groups"]) >= 1
    group = next(g for g in queue["groups"] if g["domain"] == SATIRE)
    assert group["seen"] >= 1 and group["answer_id"]
    assert group["credibility"]["label"] == "satire"
    assert group["reviewer_label"] == "satire"
    assert group["domain_label"]["reviewer"] == reviewer["name"] and group["domain_label"]["label"] == "satire"

    decided = api.post(f"/api/audit/claims/{group['id']}", json={"decision": "confirm", "note": "parody"}, headers=auth)
    assert decided.status_code == 200
    assert decided.get_json()["status"] == "confirmed"
    confirmed = api.get("/api/audit/claims?status=confirmed", headers=auth).get_json()
    assert any(g["id"] == group["id"] for g in confirmed["groups"])
    flagged = api.get("/api/audit/claims", headers=auth).get_json()
    assert all(g["id"] != group["id"] for g in flagged["groups"])

    page = audit_app.test_client().get("/audit?status=confirmed", headers=auth)
    assert page.status_code == 200 and group["text"][:20] in page.get_data(as_text=True)


def test_audit_page_lists_groups_with_buttons(audit_app: Flask, reviewer: dict[str, str]) -> None:
    api = audit_app.test_client()
    api.post("/api/audit/sources", json={"domain": SATIRE, "label": "satire"}, headers=bearer(reviewer))
    api.post("/api/answer", json={"query": ROCKS})
    client, token = signed_in(audit_app, reviewer)
    html = client.get("/audit").get_data(as_text=True)
    groups = api.get("/api/audit/claims", headers=bearer(reviewer)).get_json()["groups"]
    assert groups, "the rock query over this corpus must leave flagged claims"
    assert 'value="confirm"' in html and 'value="dismiss"' in html
    assert "Label the source" in html and 'name="label"' in html and 'value="automatic"' in html
    gid = groups[0]["id"]
    response = client.post(f"/audit/claims/{gid}", data={"decision": "dismiss", "note": "", "csrf_token": token})
    assert response.status_code == 303
    dismissed = api.get("/api/audit/claims?status=dismissed", headers=bearer(reviewer)).get_json()
    assert [g["id"] for g in dismissed["groups"]] == [gid]


def test_audit_validation(audit_app: Flask, reviewer: dict[str, str]) -> None:
    client = audit_app.test_client()
    auth = bearer(reviewer)
    assert_error(client.get("/api/audit/claims?status=maybe", headers=auth), 400, "bad_request")
    assert_error(client.get("/api/audit/claims?label=odd", headers=auth), 400, "bad_request")
    assert_error(client.get("/api/audit/claims?since=yesterday", headers=auth), 400, "bad_request")
    assert_error(client.get("/api/audit/claims?limit=0", headers=auth), 400, "bad_request")
    assert_error(client.post("/api/audit/claims/abc", json={"decision": "maybe"}, headers=auth), 400, "bad_request")
    assert_error(client.post("/api/audit/claims/abc", json={"decision": {}}, headers=auth), 400, "bad_request")
    assert_error(
        client.post("/api/audit/claims/abc", json={"decision": "dismiss", "note": None}, headers=auth),
        400,
        "bad_request",
    )
    assert_error(client.post("/api/audit/claims/abc", json={"decision": "dismiss"}, headers=auth), 404, "not_found")
    assert_error(client.post("/api/audit/claims/abc", data="x", headers=auth), 400, "bad_request")
    assert_error(
        client.post("/api/audit/claims/abc", json={"decision": "dismiss", "note": "n" * 2001}, headers=auth),
        400,
        "bad_request",
    )
    for body in (
        {"domain": "not a domain", "label": "satire"},
        {"domain": "javascript:alert(1)", "label": "satire"},
        {"domain": "UPPER.example", "label": "satire"},
        {"domain": "ok.example\n", "label": "satire"},
        {"domain": "a" * 64 + ".example", "label": "satire"},
        {"domain": SATIRE, "label": "evil"},
        {"domain": SATIRE},
        {"domain": SATIRE, "label": "satire", "x": 1},
        {"domain": SATIRE, "url": "https://www.theunion-satire.example/", "label": "satire"},
        {"label": "satire"},
        {"url": "javascript:alert(1)", "label": "satire"},
        {"url": "https://a.example/" + "x" * 2100, "label": "satire"},
        {"domain": SATIRE, "label": "satire", "automatic": True},
        {"domain": SATIRE, "automatic": "yes"},
    ):
        assert_error(client.post("/api/audit/sources", json=body, headers=auth), 400, "bad_request")
    ok = client.get("/api/audit/claims?status=flagged&label=satire&domain=x.example&since=2020-01-01", headers=auth)
    assert ok.status_code == 200 and ok.get_json()["groups"] == []
