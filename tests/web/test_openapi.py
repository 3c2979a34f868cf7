"""The OpenAPI document matches the app: every route is documented, and real responses validate."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from verisight.engine import Engine
from verisight.reviewers import ReviewerStore
from web.openapi import openapi_document

METHODS = {"get", "post", "put", "patch", "delete"}


def _openapi_path(rule: str) -> str:
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", r"{\1}", rule)


def test_document_is_served_and_well_formed(client: FlaskClient) -> None:
    doc = client.get("/api/openapi.json").get_json()
    assert doc == openapi_document()
    assert doc["openapi"].startswith("3.")
    assert doc["info"]["title"] and doc["info"]["version"]
    names = set(doc["components"]["schemas"])
    for path, item in doc["paths"].items():
        for method, op in item.items():
            assert method in METHODS, (path, method)
            assert op["operationId"] and op["responses"], (path, method)
            for param in re.findall(r"{([a-z_]+)}", path):
                assert any(p["name"] == param and p["in"] == "path" for p in op.get("parameters", ())), path
    for ref in re.findall(r'"#/components/schemas/([A-Za-z]+)"', str(doc).replace("'", '"')):
        assert ref in names
    validator = _validator_class()
    for schema in doc["components"]["schemas"].values():
        validator.check_schema(schema)


def test_every_route_is_documented_and_nothing_else(app: Flask) -> None:
    doc = openapi_document()
    routes: set[tuple[str, str]] = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in rule.methods or ():
            if method.lower() in METHODS:
                routes.add((_openapi_path(rule.rule), method.lower()))
    documented = {(path, method) for path, item in doc["paths"].items() for method in item}
    assert routes - documented == set(), "routes missing from the OpenAPI document"
    assert documented - routes == set(), "documented operations the app does not have"


def _validator_class() -> Any:
    """jsonschema's 2020-12 validator (a pinned dev dependency: the schema tests fail, not skip, without it)."""
    import jsonschema

    return jsonschema.Draft202012Validator


def _validator(schema: dict[str, Any]) -> Any:
    doc = openapi_document()
    return _validator_class()({**schema, "components": doc["components"]})


def check_response(method: str, path: str, response: Any) -> None:
    """The response's status is documented for the operation and its JSON body validates against the schema."""
    doc = openapi_document()
    op = doc["paths"][path][method]
    status = str(response.status_code)
    assert status in op["responses"] or "default" in op["responses"], (method, path, status)
    spec = op["responses"].get(status) or op["responses"]["default"]
    content = spec.get("content", {})
    if response.status_code in (301, 302, 303, 307, 308):
        assert "Location" in response.headers
        return
    mimetype = response.mimetype
    assert mimetype in content or (mimetype == "application/json" and "default" in op["responses"]), (
        method,
        path,
        status,
        mimetype,
    )
    if mimetype == "application/json":
        schema = (content.get("application/json") or op["responses"]["default"]["content"]["application/json"])[
            "schema"
        ]
        errors = sorted(_validator(schema).iter_errors(response.get_json()), key=str)
        assert not errors, f"{method.upper()} {path} {status}: {errors[0].message} at {list(errors[0].absolute_path)}"


@pytest.fixture
def token(engine: Engine) -> str:
    """A reviewer token on the shared engine (reviewer state is only read here)."""
    store = ReviewerStore(engine.settings.answers_db)
    value = store.add("openapi-check", password="pw-openapi-check")
    store.close()
    return value


def test_responses_validate_against_the_document(client: FlaskClient, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    html = {"Accept": "text/html"}
    answer = client.post("/api/answer", json={"query": "Should I eat rocks every day?", "k": 5})
    check_response("post", "/api/answer", answer)
    aid = answer.get_json()["answer_id"]
    calls: list[tuple[str, str, dict[str, Any], str]] = [
        ("post", "/api/answer", {"json": {"query": "x" * 2001}}, "/api/answer"),
        ("post", "/api/answer", {"json": {"query": ""}}, "/api/answer"),
        ("post", "/api/answer", {"data": "{", "content_type": "application/json"}, "/api/answer"),
        ("post", "/api/answer", {"data": "a" * 70_000, "content_type": "application/json"}, "/api/answer"),
        ("get", "/api/answer/stream?q=cheese+on+pizza", {}, "/api/answer/stream"),
        ("get", "/api/answer/stream", {}, "/api/answer/stream"),
        ("get", "/api/search?q=rocks&k=3", {}, "/api/search"),
        ("get", "/api/search?q=rocks&mode=bm25", {}, "/api/search"),
        ("get", "/api/search?q=rocks&mode=zzz", {}, "/api/search"),
        ("get", f"/api/answers/{aid}", {}, "/api/answers/{answer_id}"),
        ("get", "/api/answers/missing", {}, "/api/answers/{answer_id}"),
        ("get", "/api/openapi.json", {}, "/api/openapi.json"),
        ("get", "/api/audit/claims", {"headers": auth}, "/api/audit/claims"),
        ("get", "/api/audit/claims", {}, "/api/audit/claims"),
        ("get", "/api/audit/claims?status=bad", {"headers": auth}, "/api/audit/claims"),
        (
            "post",
            "/api/audit/claims/ffff",
            {"headers": auth, "json": {"decision": "dismiss"}},
            "/api/audit/claims/{group_id}",
        ),
        ("post", "/api/audit/claims/ffff", {"json": {"decision": "dismiss"}}, "/api/audit/claims/{group_id}"),
        (
            "post",
            "/api/audit/sources",
            {"headers": auth, "json": {"domain": "ok.example", "label": "unknown"}},
            "/api/audit/sources",
        ),
        ("post", "/api/audit/sources", {"headers": auth, "json": {"domain": "ok.example"}}, "/api/audit/sources"),
        ("post", "/api/audit/sources", {"json": {}}, "/api/audit/sources"),
        (
            "post",
            "/api/audit/sources",
            {"headers": auth, "json": {"url": "https://ok.example/a", "automatic": True, "note": "undo"}},
            "/api/audit/sources",
        ),
        ("get", "/api/audit/sources", {"headers": auth}, "/api/audit/sources"),
        ("get", "/api/audit/sources?history=1", {"headers": auth}, "/api/audit/sources"),
        ("get", "/api/audit/sources", {}, "/api/audit/sources"),
        ("get", f"/cached/1?answer={aid}", {"headers": html}, "/cached/{ident}"),
        ("get", "/cached/1", {}, "/cached/{ident}"),
        ("get", "/cached/0123456789abcdef", {}, "/cached/{ident}"),
        ("get", "/healthz", {}, "/healthz"),
        ("get", "/readyz", {}, "/readyz"),
        ("get", "/metrics", {}, "/metrics"),
        ("get", "/", {"headers": html}, "/"),
        ("get", "/?q=rocks", {"headers": html}, "/"),
        ("get", "/?q=" + "x" * 2001, {}, "/"),
        ("get", f"/answers/{aid}", {"headers": html}, "/answers/{answer_id}"),
        ("get", "/answers/missing", {}, "/answers/{answer_id}"),
        ("get", f"/go?answer={aid}&source=1", {}, "/go"),
        ("get", "/go?answer=missing&source=1", {}, "/go"),
        ("get", "/go?answer=missing&source=x", {}, "/go"),
        ("get", "/audit", {}, "/audit"),
        ("get", "/audit", {"headers": {**auth, **html}}, "/audit"),
        ("post", "/audit/claims/ffff", {"data": {"decision": "dismiss"}}, "/audit/claims/{group_id}"),
        ("post", "/audit/claims/ffff", {"headers": auth, "data": {"decision": "dismiss"}}, "/audit/claims/{group_id}"),
        ("post", "/audit/sources", {"data": {}}, "/audit/sources"),
        ("get", "/audit/signin", {"headers": html}, "/audit/signin"),
        ("post", "/audit/signin", {"data": {"name": "x", "password": "y"}}, "/audit/signin"),
        ("post", "/audit/signout", {"data": {}}, "/audit/signout"),
    ]
    seen = set()
    for method, url, kwargs, path in calls:
        response = client.open(url, method=method.upper(), **kwargs)
        check_response(method, path, response)
        seen.add((path, method))
        response.close()
    documented = {(p, m) for p, item in openapi_document()["paths"].items() for m in item}
    assert documented - seen == set(), "operations this test never called"


def test_stream_events_validate_against_the_document(client: FlaskClient) -> None:
    from tests.web.helpers import sse_events

    response = client.get("/api/answer/stream", query_string={"q": "how much water should adults drink"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    event_schema = openapi_document()["components"]["schemas"]["StreamEvent"]
    data_schemas: dict[str, dict[str, Any]] = {
        "sources": {"type": "array", "items": {"$ref": "#/components/schemas/Source"}},
        "token": {"type": "string"},
        "claim": {"$ref": "#/components/schemas/Claim"},
        "done": {"$ref": "#/components/schemas/Answer"},
        "error": {"$ref": "#/components/schemas/Error"},
    }
    events = sse_events(body)
    assert events
    for kind, data in events:
        raw = {"event": kind, "data": "json"}
        assert not list(_validator(event_schema).iter_errors(raw)), kind
        errors = list(_validator(data_schemas[kind]).iter_errors(data))
        assert not errors, f"{kind}: {errors[0].message}"
