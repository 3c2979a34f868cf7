"""The OpenAPI 3.1 document served at ``/api/openapi.json``; ``tests/web/test_openapi.py`` checks it against the app."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from verifier.types import ACTIONS, CREDIBILITY_LABELS, VERDICT_LABELS
from verisight import __version__

JSON = "application/json"
HTML = "text/html"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(props: dict[str, Any], required: list[str] | None = None, *, extra: bool = False) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": props,
        "required": list(props) if required is None else required,
        "additionalProperties": extra,
    }


_STR = {"type": "string"}

# The views validate with these same patterns (web.api, web.audit), so the document and the code agree.
#: A query needs something to search for: an ASCII letter or digit, or a character from the ranges where other
#: scripts' letters live (ECMA regex, which OpenAPI tools use, has no Unicode ``\w``).
WORD_PATTERN = r"[0-9A-Za-z_\u00aa-\ud7ff\uf900-\uffef]"
#: A lower-case host name, the form a source's ``site`` has.
DOMAIN_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
QUERY_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 2000, "pattern": WORD_PATTERN}
_DOMAIN_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 253, "pattern": DOMAIN_PATTERN}
_INT = {"type": "integer"}
_NUM = {"type": "number"}
_NULLABLE_STR = {"type": ["string", "null"]}
_NULLABLE_INT = {"type": ["integer", "null"]}

SCHEMAS: dict[str, Any] = {
    "Error": _obj({"error": _obj({"code": _STR, "message": _STR})}),
    "Credibility": _obj({"label": {"enum": list(CREDIBILITY_LABELS)}, "reasons": {"type": "array", "items": _STR}}),
    "Evidence": _obj({"source_id": _INT, "passage_id": _STR, "quote": _STR, "start": _INT, "end": _INT}),
    "Verdict": _obj(
        {
            "label": {"enum": list(VERDICT_LABELS)},
            "score": _NUM,
            "reason": _STR,
            "evidence": {"type": "array", "items": _ref("Evidence")},
        }
    ),
    "Claim": _obj(
        {
            "id": _STR,
            "text": _STR,
            "citations": {"type": "array", "items": _INT},
            "passages": {"type": "array", "items": _STR},
            "action": {"enum": list(ACTIONS)},
            "verdict": _ref("Verdict"),
            "display": _STR,
        }
    ),
    "Source": _obj(
        {
            "id": _INT,
            "url": _STR,
            "title": _STR,
            "site": _STR,
            "published": _NULLABLE_STR,
            "credibility": _ref("Credibility"),
        }
    ),
    "Overview": _obj(
        {
            "mode": {"enum": ["generated", "extractive", "declined"]},
            "text": _STR,
            "draft": _STR,
            "claims": {"type": "array", "items": _ref("Claim")},
            "notice": _STR,
        }
    ),
    "PassageSnippet": _obj(
        {"id": _STR, "source_id": _NULLABLE_INT, "url": _STR, "title": _STR, "text": _STR}, extra=True
    ),
    "Answer": _obj(
        {
            "query": _STR,
            "answer_id": _STR,
            "overview": _ref("Overview"),
            "sources": {"type": "array", "items": _ref("Source")},
            "timings_ms": {
                "type": "object",
                "properties": {k: _NUM for k in ("retrieve", "first_token", "generate", "verify", "total")},
                "additionalProperties": _NUM,
            },
            "models": {"type": "object", "additionalProperties": _STR},
            "passages": {"type": "array", "items": _ref("PassageSnippet")},
        },
        required=["query", "answer_id", "overview", "sources", "timings_ms", "models"],
    ),
    "AnswerRequest": _obj(
        {
            "query": QUERY_SCHEMA,
            "k": {"type": "integer", "minimum": 1, "maximum": 50},
        },
        required=["query"],
    ),
    "Passage": _obj(
        {
            "id": _STR,
            "doc_url": _STR,
            "doc_hash": _STR,
            "title": _STR,
            "site": _STR,
            "heading": _STR,
            "text": _STR,
            "start": _INT,
            "end": _INT,
        }
    ),
    "Hit": _obj(
        {
            "passage": _ref("Passage"),
            "score": _NUM,
            "rank": _INT,
            "sparse_rank": _NULLABLE_INT,
            "dense_rank": _NULLABLE_INT,
        }
    ),
    "SearchResult": _obj(
        {
            "query": _STR,
            "mode": {"enum": ["hybrid", "bm25", "dense"]},
            "k": _INT,
            "hits": {"type": "array", "items": _ref("Hit")},
        }
    ),
    "ClaimGroup": _obj(
        {
            "id": _STR,
            "text": _STR,
            "norm": _STR,
            "domain": _STR,
            "url": _STR,
            "label": {"enum": list(VERDICT_LABELS)},
            "seen": _INT,
            "last_seen": _STR,
            "answer_id": _STR,
            "status": {"enum": ["flagged", "confirmed", "dismissed"]},
            "reason": _STR,
            "action": _STR,
            "query": _STR,
            "evidence": {"type": "array", "items": _ref("Evidence")},
            "credibility": {"oneOf": [_ref("Credibility"), {"type": "null"}]},
            "reviewer_label": {"oneOf": [{"enum": list(CREDIBILITY_LABELS)}, {"type": "null"}]},
        },
        required=["id", "text", "domain", "label", "seen", "last_seen", "answer_id", "status"],
    ),
    "ClaimGroups": _obj({"status": _STR, "count": _INT, "groups": {"type": "array", "items": _ref("ClaimGroup")}}),
    "DecisionRequest": _obj(
        {"decision": {"enum": ["confirm", "dismiss"]}, "note": {"type": "string", "maxLength": 2000}},
        required=["decision"],
    ),
    "DecisionResult": _obj(
        {"id": _STR, "decision": {"enum": ["confirm", "dismiss"]}, "status": _STR, "reviewer": _STR, "note": _STR}
    ),
    "SourceLabelRequest": _obj(
        {
            "domain": _DOMAIN_SCHEMA,
            "label": {"enum": list(CREDIBILITY_LABELS)},
        }
    ),
    "SourceLabelResult": _obj({"domain": _STR, "label": {"enum": list(CREDIBILITY_LABELS)}, "reviewer": _STR}),
    "StreamEvent": {
        "type": "object",
        "description": (
            "One server-sent event. `data` is JSON: `sources` an array of Source, `token` a string, `claim` a Claim, "
            "`done` an Answer, `error` an Error."
        ),
        "properties": {
            "event": {"enum": ["sources", "token", "claim", "done", "error"]},
            "data": {"type": "string", "contentMediaType": "application/json"},
            "id": _STR,
            "retry": _INT,
        },
        "required": ["event", "data"],
    },
    "Health": _obj({"status": {"const": "ok"}, "version": _STR}),
    "Ready": _obj(
        {
            "status": {"enum": ["ready", "not_ready"]},
            "components": {
                "type": "object",
                "additionalProperties": _obj({"ready": {"type": "boolean"}, "detail": _STR}),
            },
            "error": _obj({"code": _STR, "message": _STR}),
        },
        required=["status", "components"],
    ),
}

_ERRORS = {
    "400": "Bad request: `bad_request` or `query_too_long`.",
    "401": "No reviewer session or token.",
    "403": "Forbidden (for example a missing CSRF token).",
    "404": "Not found.",
    "405": "Method not allowed.",
    "409": "Nothing is indexed yet (`not_indexed`).",
    "413": "The request body is too large.",
    "429": "Rate limited; see Retry-After.",
    "500": "Internal error; the body never contains a traceback.",
    "502": "The model server returned an error.",
    "503": "The model queue is full (`busy`) or a model is unavailable; see Retry-After.",
}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {JSON: {"schema": schema}}}


def _errors(*codes: str) -> dict[str, Any]:
    responses = {code: _json(_ref("Error"), _ERRORS[code]) for code in codes}
    responses["default"] = _json(_ref("Error"), "Any other error, in the same shape.")
    return responses


def _html(description: str) -> dict[str, Any]:
    return {"description": description, "content": {HTML: {"schema": {"type": "string"}}}}


def _redirect(description: str) -> dict[str, Any]:
    return {"description": description, "headers": {"Location": {"schema": {"type": "string"}}}}


def _q(required: bool = True) -> dict[str, Any]:
    schema = QUERY_SCHEMA if required else {"type": "string", "maxLength": 2000, "pattern": f"^$|{WORD_PATTERN}"}
    return {
        "name": "q",
        "in": "query",
        "required": required,
        "schema": schema,
        "description": "The question: at least one word (letters or digits)."
        + ("" if required else " Empty or absent shows the blank search page."),
    }


_K = {"name": "k", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 50}}
_REVIEWER: list[dict[str, list[str]]] = [{"bearerAuth": []}, {"cookieAuth": []}]
_FORM = "application/x-www-form-urlencoded"


def _param(name: str, schema: dict[str, Any], description: str = "") -> dict[str, Any]:
    param = {"name": name, "in": "query", "required": False, "schema": schema}
    if description:
        param["description"] = description
    return param


# The audit queue's filters; an empty value means "any" (the audit page's filter form sends empty fields).
_AUDIT_FILTERS = [
    _param("status", {"enum": ["flagged", "confirmed", "dismissed"]}, "Which queue (default flagged)."),
    _param("label", {"enum": ["", *VERDICT_LABELS]}, "Only groups with this verdict label."),
    _param("domain", {"type": "string", "maxLength": 253}, "Only groups whose source is this host."),
    _param(
        "since",
        {"anyOf": [{"type": "string", "maxLength": 0}, {"type": "string", "format": "date"}]},
        "Only groups last seen on or after this date (YYYY-MM-DD).",
    ),
]
_LIMIT = _param("limit", {"type": "integer", "minimum": 1, "maximum": 500}, "At most this many groups (100).")


def _form(props: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {_FORM: {"schema": _obj(props, required, extra=True)}},
    }


PATHS: dict[str, Any] = {
    "/api/answer": {
        "post": {
            "operationId": "answer",
            "summary": "The full verified answer to a query.",
            "requestBody": {"required": True, "content": {JSON: {"schema": _ref("AnswerRequest")}}},
            "responses": {
                "200": _json(_ref("Answer"), "The answer."),
                **_errors("400", "409", "413", "429", "500", "503"),
            },
        }
    },
    "/api/answer/stream": {
        "get": {
            "operationId": "answerStream",
            "summary": "The answer as server-sent events.",
            "description": (
                "Events: `sources` (array of Source), `token` (a string of draft text), `claim` (one verified "
                "Claim, as soon as its sentence is complete), `done` (the full Answer), `error` (an Error object). "
                "Errors found before the stream starts get a JSON error response instead."
            ),
            "parameters": [_q(), _K],
            "responses": {
                "200": {
                    "description": "The event stream; each event's data is JSON.",
                    "content": {"text/event-stream": {"schema": _ref("StreamEvent")}},
                },
                **_errors("400", "409", "429", "500", "503"),
            },
        }
    },
    "/api/search": {
        "get": {
            "operationId": "search",
            "summary": "Ranked passages for a query.",
            "parameters": [
                _q(),
                _K,
                {"name": "mode", "in": "query", "required": False, "schema": {"enum": ["hybrid", "bm25", "dense"]}},
            ],
            "responses": {"200": _json(_ref("SearchResult"), "The hits."), **_errors("400", "409", "429", "500")},
        }
    },
    "/api/answers/{answer_id}": {
        "get": {
            "operationId": "storedAnswer",
            "summary": "A stored answer.",
            "parameters": [{"name": "answer_id", "in": "path", "required": True, "schema": _STR}],
            "responses": {"200": _json(_ref("Answer"), "The stored answer."), **_errors("404", "429", "500")},
        }
    },
    "/api/openapi.json": {
        "get": {
            "operationId": "openapi",
            "summary": "This document.",
            "responses": {"200": _json({"type": "object"}, "The OpenAPI document."), **_errors("429")},
        }
    },
    "/api/audit/claims": {
        "get": {
            "operationId": "auditClaims",
            "summary": "Claim groups in the audit queue, most seen first.",
            "security": _REVIEWER,
            "parameters": [*_AUDIT_FILTERS, _LIMIT],
            "responses": {"200": _json(_ref("ClaimGroups"), "The groups."), **_errors("400", "401", "429", "500")},
        }
    },
    "/api/audit/claims/{group_id}": {
        "post": {
            "operationId": "auditDecide",
            "summary": "Confirm or dismiss the flag on a claim group.",
            "security": _REVIEWER,
            "parameters": [{"name": "group_id", "in": "path", "required": True, "schema": _STR}],
            "requestBody": {"required": True, "content": {JSON: {"schema": _ref("DecisionRequest")}}},
            "responses": {
                "200": _json(_ref("DecisionResult"), "The decision was stored."),
                **_errors("400", "401", "403", "404", "413", "429", "500"),
            },
        }
    },
    "/api/audit/sources": {
        "post": {
            "operationId": "auditLabelSource",
            "summary": "Set a reviewer credibility label for a domain.",
            "security": _REVIEWER,
            "requestBody": {"required": True, "content": {JSON: {"schema": _ref("SourceLabelRequest")}}},
            "responses": {
                "200": _json(_ref("SourceLabelResult"), "The label was stored."),
                **_errors("400", "401", "403", "413", "429", "500"),
            },
        }
    },
    "/healthz": {
        "get": {
            "operationId": "healthz",
            "summary": "Liveness.",
            "responses": {"200": _json(_ref("Health"), "The process is up."), **_errors("500")},
        }
    },
    "/readyz": {
        "get": {
            "operationId": "readyz",
            "summary": "Readiness, with which component (documents, index, models) is not ready.",
            "responses": {
                "200": _json(_ref("Ready"), "Ready to answer."),
                "503": _json(_ref("Ready"), "Not ready; `components` and `error` say which part and why."),
                **_errors("500"),
            },
        }
    },
    "/metrics": {
        "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics (text format 0.0.4).",
            "responses": {"200": {"description": "Metrics.", "content": {"text/plain": {"schema": _STR}}}},
        }
    },
    "/": {
        "get": {
            "operationId": "searchPage",
            "summary": "The search page; with `q`, the finished answer rendered on the server.",
            "parameters": [_q(required=False), _K],
            "responses": {"200": _html("The page."), **_errors("400", "409", "429", "500", "503")},
        }
    },
    "/answers/{answer_id}": {
        "get": {
            "operationId": "answerPage",
            "summary": "A stored answer as a page.",
            "parameters": [{"name": "answer_id", "in": "path", "required": True, "schema": _STR}],
            "responses": {"200": _html("The page."), **_errors("404", "429", "500")},
        }
    },
    "/go": {
        "get": {
            "operationId": "citationClick",
            "summary": "Record a citation click-through and redirect to that answer's source.",
            "parameters": [
                {"name": "answer", "in": "query", "required": True, "schema": _STR},
                {"name": "source", "in": "query", "required": True, "schema": _INT},
                {"name": "claim", "in": "query", "required": False, "schema": _STR},
            ],
            "responses": {"302": _redirect("To the source's URL."), **_errors("400", "404", "429", "500")},
        }
    },
    "/audit": {
        "get": {
            "operationId": "auditPage",
            "summary": "The reviewers' audit queue (redirects to sign-in without a session).",
            "security": _REVIEWER,
            "parameters": _AUDIT_FILTERS,
            "responses": {
                "200": _html("The queue."),
                "302": _redirect("To the sign-in page."),
                **_errors("400", "429", "500"),
            },
        }
    },
    "/audit/claims/{group_id}": {
        "post": {
            "operationId": "auditDecideForm",
            "summary": "The audit page's confirm / dismiss form.",
            "security": _REVIEWER,
            "parameters": [{"name": "group_id", "in": "path", "required": True, "schema": _STR}],
            "requestBody": _form(
                {
                    "decision": {"enum": ["confirm", "dismiss"]},
                    "note": {"type": "string", "maxLength": 2000},
                    "csrf_token": _STR,
                    "back": _STR,
                },
                ["decision"],
            ),
            "responses": {
                "303": _redirect("Back to the audit page."),
                "302": _redirect("To the sign-in page."),
                **_errors("400", "403", "404", "413", "429", "500"),
            },
        }
    },
    "/audit/sources": {
        "post": {
            "operationId": "auditLabelSourceForm",
            "summary": "The audit page's source-label form.",
            "security": _REVIEWER,
            "requestBody": _form(
                {
                    "domain": _DOMAIN_SCHEMA,
                    "label": {"enum": list(CREDIBILITY_LABELS)},
                    "csrf_token": _STR,
                    "back": _STR,
                },
                ["domain", "label"],
            ),
            "responses": {
                "303": _redirect("Back to the audit page."),
                "302": _redirect("To the sign-in page."),
                **_errors("400", "403", "413", "429", "500"),
            },
        }
    },
    "/audit/signin": {
        "get": {
            "operationId": "signinPage",
            "summary": "The reviewer sign-in form.",
            "parameters": [{"name": "next", "in": "query", "required": False, "schema": _STR}],
            "responses": {"200": _html("The form."), **_errors("429", "500")},
        },
        "post": {
            "operationId": "signin",
            "summary": "Sign in with a reviewer name and password.",
            "requestBody": _form(
                {"name": _STR, "password": _STR, "csrf_token": _STR, "next": _STR}, ["name", "password", "csrf_token"]
            ),
            "responses": {
                "303": _redirect("Signed in: to the audit page."),
                "401": _html("Wrong name or password: the form again."),
                **_errors("400", "403", "413", "429", "500"),
            },
        },
    },
    "/audit/signout": {
        "post": {
            "operationId": "signout",
            "summary": "Sign out.",
            "requestBody": _form({"csrf_token": _STR}, []),
            "responses": {"303": _redirect("To the search page."), **_errors("400", "403", "413", "429", "500")},
        }
    },
}


def openapi_document() -> dict[str, Any]:
    """The whole OpenAPI document (a fresh copy each call)."""
    return deepcopy(
        {
            "openapi": "3.1.0",
            "info": {
                "title": "Verisight",
                "version": __version__,
                "description": (
                    "An answer engine that writes a short cited overview and verifies every claim. "
                    'Errors are always `{"error": {"code", "message"}}`.'
                ),
                "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
            },
            "servers": [{"url": "/"}],
            "paths": PATHS,
            "components": {
                "schemas": SCHEMAS,
                "securitySchemes": {
                    "bearerAuth": {"type": "http", "scheme": "bearer", "description": "A reviewer API token."},
                    "cookieAuth": {"type": "apiKey", "in": "cookie", "name": "verisight_session"},
                },
            },
        }
    )
