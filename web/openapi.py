"""The OpenAPI 3.1 document served at ``/api/openapi.json``; ``tests/web/test_openapi.py`` checks it against the app."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from verifier.types import CREDIBILITY_LABELS, VERDICT_LABELS
from verisight import __version__
from verisight.decisions import CLAIM_DECISIONS
from verisight.limits import MAX_K, MAX_NOTE_CHARS, MAX_QUERY_CHARS, SEARCH_MODES, WORD_PATTERN
from web.openapi_schemas import INTEGER, QUERY_SCHEMA, SCHEMAS, STRING, obj
from web.schemas import ref

JSON = "application/json"
HTML = "text/html"


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
    responses = {code: _json(ref("Error"), _ERRORS[code]) for code in codes}
    responses["default"] = _json(ref("Error"), "Any other error, in the same shape.")
    return responses


def _html(description: str) -> dict[str, Any]:
    return {"description": description, "content": {HTML: {"schema": {"type": "string"}}}}


def _redirect(description: str) -> dict[str, Any]:
    return {"description": description, "headers": {"Location": {"schema": {"type": "string"}}}}


def _q(required: bool = True) -> dict[str, Any]:
    optional = {"type": "string", "maxLength": MAX_QUERY_CHARS, "pattern": f"^$|{WORD_PATTERN}"}
    schema = QUERY_SCHEMA if required else optional
    return {
        "name": "q",
        "in": "query",
        "required": required,
        "schema": schema,
        "description": "The question: at least one word (letters or digits)."
        + ("" if required else " Empty or absent shows the blank search page."),
    }


_K = {"name": "k", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": MAX_K}}
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
        "content": {_FORM: {"schema": obj(props, required, extra=True)}},
    }


PATHS: dict[str, Any] = {
    "/api/answer": {
        "post": {
            "operationId": "answer",
            "summary": "The full verified answer to a query.",
            "requestBody": {"required": True, "content": {JSON: {"schema": ref("AnswerRequest")}}},
            "responses": {
                "200": _json(ref("Answer"), "The answer."),
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
                    "content": {"text/event-stream": {"schema": ref("StreamEvent")}},
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
                {"name": "mode", "in": "query", "required": False, "schema": {"enum": list(SEARCH_MODES)}},
            ],
            "responses": {"200": _json(ref("SearchResult"), "The hits."), **_errors("400", "409", "429", "500")},
        }
    },
    "/api/answers/{answer_id}": {
        "get": {
            "operationId": "storedAnswer",
            "summary": "A stored answer.",
            "parameters": [{"name": "answer_id", "in": "path", "required": True, "schema": STRING}],
            "responses": {"200": _json(ref("Answer"), "The stored answer."), **_errors("404", "429", "500")},
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
            "responses": {"200": _json(ref("ClaimGroups"), "The groups."), **_errors("400", "401", "429", "500")},
        }
    },
    "/api/audit/claims/{group_id}": {
        "post": {
            "operationId": "auditDecide",
            "summary": "Confirm or dismiss the flag on a claim group.",
            "security": _REVIEWER,
            "parameters": [{"name": "group_id", "in": "path", "required": True, "schema": STRING}],
            "requestBody": {"required": True, "content": {JSON: {"schema": ref("DecisionRequest")}}},
            "responses": {
                "200": _json(ref("DecisionResult"), "The decision was stored."),
                **_errors("400", "401", "403", "404", "413", "429", "500"),
            },
        }
    },
    "/api/audit/sources": {
        "post": {
            "operationId": "auditLabelSource",
            "summary": "Label one page or a whole domain (the answer warns for a domain), or set it back to automatic.",
            "security": _REVIEWER,
            "requestBody": {"required": True, "content": {JSON: {"schema": ref("SourceLabelRequest")}}},
            "responses": {
                "200": _json(ref("SourceLabel"), "The label was stored."),
                **_errors("400", "401", "403", "413", "429", "500"),
            },
        },
        "get": {
            "operationId": "auditSourceLabels",
            "summary": "The reviewer labels in force, with who set them, when and the note.",
            "security": _REVIEWER,
            "parameters": [_param("history", {"enum": ["", "0", "1", "true"]}, "1: every decision, undos included.")],
            "responses": {"200": _json(ref("SourceLabels"), "The labels."), **_errors("401", "429", "500")},
        },
    },
    "/cached/{ident}": {
        "get": {
            "operationId": "cachedCopy",
            "summary": "The stored text of a source with the evidence quotes highlighted (the first is #quote).",
            "parameters": [
                {
                    "name": "ident",
                    "in": "path",
                    "required": True,
                    "schema": STRING,
                    "description": "A source number (with `answer`) or a passage id.",
                },
                _param("answer", STRING, "The stored answer a source number belongs to."),
                _param("claim", STRING, "Only this claim's evidence quotes."),
            ],
            "responses": {"200": _html("The cached copy."), **_errors("400", "404", "429", "500")},
        }
    },
    "/healthz": {
        "get": {
            "operationId": "healthz",
            "summary": "Liveness.",
            "responses": {"200": _json(ref("Health"), "The process is up."), **_errors("500")},
        }
    },
    "/readyz": {
        "get": {
            "operationId": "readyz",
            "summary": "Readiness, with which component (documents, index, models) is not ready.",
            "responses": {
                "200": _json(ref("Ready"), "Ready to answer."),
                "503": _json(ref("Ready"), "Not ready; `components` and `error` say which part and why."),
                **_errors("500"),
            },
        }
    },
    "/metrics": {
        "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics (text format 0.0.4).",
            "responses": {"200": {"description": "Metrics.", "content": {"text/plain": {"schema": STRING}}}},
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
            "parameters": [{"name": "answer_id", "in": "path", "required": True, "schema": STRING}],
            "responses": {"200": _html("The page."), **_errors("404", "429", "500")},
        }
    },
    "/go": {
        "get": {
            "operationId": "citationClick",
            "summary": "Record a citation click-through and redirect to that answer's source.",
            "parameters": [
                {"name": "answer", "in": "query", "required": True, "schema": STRING},
                {"name": "source", "in": "query", "required": True, "schema": INTEGER},
                {"name": "claim", "in": "query", "required": False, "schema": STRING},
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
            "parameters": [{"name": "group_id", "in": "path", "required": True, "schema": STRING}],
            "requestBody": _form(
                {
                    "decision": {"enum": list(CLAIM_DECISIONS)},
                    "note": {"type": "string", "maxLength": MAX_NOTE_CHARS},
                    "csrf_token": STRING,
                    "back": STRING,
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
                    "scope": {"enum": ["page", "domain"]},
                    "url": STRING,
                    "domain": STRING,
                    "label": {"enum": [*CREDIBILITY_LABELS, "automatic"]},
                    "note": {"type": "string", "maxLength": MAX_NOTE_CHARS},
                    "csrf_token": STRING,
                    "back": STRING,
                },
                ["label"],
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
            "parameters": [{"name": "next", "in": "query", "required": False, "schema": STRING}],
            "responses": {"200": _html("The form."), **_errors("429", "500")},
        },
        "post": {
            "operationId": "signin",
            "summary": "Sign in with a reviewer name and the password or the token `reviewer add` printed.",
            "requestBody": _form(
                {"name": STRING, "password": STRING, "csrf_token": STRING, "next": STRING},
                ["name", "password", "csrf_token"],
            ),
            "responses": {
                "303": _redirect("Signed in: to the audit page."),
                "401": _html("Wrong name, password or token: the form again."),
                **_errors("400", "403", "413", "429", "500"),
            },
        },
    },
    "/audit/signout": {
        "post": {
            "operationId": "signout",
            "summary": "Sign out.",
            "requestBody": _form({"csrf_token": STRING}, []),
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
