"""The component schemas of the OpenAPI document (``web.openapi``): the answer's dataclasses and the request shapes."""

from __future__ import annotations

from typing import Any, get_args

from retrieval.types import Hit, Passage
from verifier.types import CREDIBILITY_LABELS, VERDICT_LABELS, Evidence, SourceCredibility, Verdict, VerifiedClaim
from verisight.decisions import CLAIM_DECISIONS
from verisight.limits import MAX_K, MAX_NOTE_CHARS, MAX_QUERY_CHARS, SEARCH_MODES, WORD_PATTERN
from verisight.types import Answer, AnswerOverview, AnswerSource, EventKind
from web.schemas import dataclass_schema, ref


def obj(props: dict[str, Any], required: list[str] | None = None, *, extra: bool = False) -> dict[str, Any]:
    """A JSON-schema object with these properties (all required unless ``required`` says otherwise)."""
    return {
        "type": "object",
        "properties": props,
        "required": list(props) if required is None else required,
        "additionalProperties": extra,
    }


STRING = {"type": "string"}

# The views validate with these same patterns (web.api, web.audit), so the document and the code agree.
#: A query needs something to search for (``verisight.limits.WORD_PATTERN``: ECMA regex, which OpenAPI tools use,
#: has no Unicode ``\w``).
#: A lower-case host name, the form a source's ``site`` has.
DOMAIN_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
QUERY_SCHEMA = {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_CHARS, "pattern": WORD_PATTERN}
_DOMAIN_SCHEMA = {"type": "string", "minLength": 1, "maxLength": 253, "pattern": DOMAIN_PATTERN}
INTEGER = {"type": "integer"}
_NUM = {"type": "number"}
_NULLABLE_STR = {"type": ["string", "null"]}
_NULLABLE_INT = {"type": ["integer", "null"]}

# The answer's and the search's shapes are the dataclasses themselves (``asdict`` is what the API sends).
COMPONENT_NAMES: dict[type, str] = {
    SourceCredibility: "Credibility",
    Evidence: "Evidence",
    Verdict: "Verdict",
    VerifiedClaim: "Claim",
    AnswerSource: "Source",
    AnswerOverview: "Overview",
    Answer: "Answer",
    Passage: "Passage",
    Hit: "Hit",
}
_GENERATED: dict[str, Any] = {
    name: dataclass_schema(cls, COMPONENT_NAMES) for cls, name in COMPONENT_NAMES.items() if cls is not Answer
}
_GENERATED["Answer"] = dataclass_schema(
    Answer,
    COMPONENT_NAMES,
    overrides={
        "timings_ms": {
            "type": "object",
            "properties": {k: _NUM for k in ("retrieve", "first_token", "generate", "verify", "total")},
            "additionalProperties": _NUM,
        },
        "passages": {"type": "array", "items": ref("PassageSnippet")},
    },
    # answers stored before passages were recorded have none
    required=["query", "answer_id", "overview", "sources", "timings_ms", "models"],
)

SCHEMAS: dict[str, Any] = {
    **_GENERATED,
    "Error": obj({"error": obj({"code": STRING, "message": STRING})}),
    "PassageSnippet": obj(
        {"id": STRING, "source_id": _NULLABLE_INT, "url": STRING, "title": STRING, "text": STRING}, extra=True
    ),
    "AnswerRequest": obj(
        {
            "query": QUERY_SCHEMA,
            "k": {"type": "integer", "minimum": 1, "maximum": MAX_K},
        },
        required=["query"],
    ),
    "SearchResult": obj(
        {
            "query": STRING,
            "mode": {"enum": list(SEARCH_MODES)},
            "k": INTEGER,
            "hits": {"type": "array", "items": ref("Hit")},
        }
    ),
    "ClaimGroup": obj(
        {
            "id": STRING,
            "text": STRING,
            "norm": STRING,
            "domain": STRING,
            "url": STRING,
            "label": {"enum": list(VERDICT_LABELS)},
            "seen": INTEGER,
            "last_seen": STRING,
            "answer_id": STRING,
            "status": {"enum": ["flagged", "confirmed", "dismissed"]},
            "reason": STRING,
            "action": STRING,
            "query": STRING,
            "evidence": {"type": "array", "items": ref("Evidence")},
            "credibility": {"oneOf": [ref("Credibility"), {"type": "null"}]},
            "reviewer_label": {"oneOf": [{"enum": list(CREDIBILITY_LABELS)}, {"type": "null"}]},
            "claim_id": STRING,
            "source_id": _NULLABLE_INT,
            "decision": {"oneOf": [ref("Decision"), {"type": "null"}]},
            "history": {"type": "array", "items": ref("Decision")},
            "page_label": {"oneOf": [ref("SourceLabel"), {"type": "null"}]},
            "domain_label": {"oneOf": [ref("SourceLabel"), {"type": "null"}]},
            "label_domain": STRING,
        },
        required=["id", "text", "domain", "label", "seen", "last_seen", "answer_id", "status"],
    ),
    "Decision": obj({"decision": {"enum": list(CLAIM_DECISIONS)}, "reviewer": STRING, "at": STRING, "note": STRING}),
    "SourceLabel": obj(
        {
            "scope": {"enum": ["page", "domain"]},
            "url": STRING,
            "domain": STRING,
            "label": {"oneOf": [{"enum": list(CREDIBILITY_LABELS)}, {"type": "null"}]},
            "automatic": {"type": "boolean"},
            "reviewer": STRING,
            "at": STRING,
            "note": STRING,
            "warning": STRING,
        },
        required=["scope", "label", "automatic", "reviewer", "at", "note"],
    ),
    "SourceLabels": obj({"count": INTEGER, "labels": {"type": "array", "items": ref("SourceLabel")}}),
    "ClaimGroups": obj({"status": STRING, "count": INTEGER, "groups": {"type": "array", "items": ref("ClaimGroup")}}),
    "DecisionRequest": obj(
        {"decision": {"enum": list(CLAIM_DECISIONS)}, "note": {"type": "string", "maxLength": MAX_NOTE_CHARS}},
        required=["decision"],
    ),
    "DecisionResult": obj(
        {
            "id": STRING,
            "decision": {"enum": list(CLAIM_DECISIONS)},
            "status": STRING,
            "reviewer": STRING,
            "at": STRING,
            "note": STRING,
        }
    ),
    "SourceLabelRequest": {
        "description": "One page (`url`) or every page of a domain (`domain`); a `label`, or `automatic: true`.",
        **obj(
            {
                "url": {"type": "string", "maxLength": 2048, "pattern": "^https?://"},
                "domain": _DOMAIN_SCHEMA,
                "label": {"enum": [*CREDIBILITY_LABELS, "automatic"]},
                "automatic": {"type": "boolean"},
                "note": {"type": "string", "maxLength": MAX_NOTE_CHARS},
            },
            required=[],
        ),
        "oneOf": [{"required": ["url"]}, {"required": ["domain"]}],
    },
    "StreamEvent": {
        "type": "object",
        "description": (
            "One server-sent event. `data` is JSON: `sources` an array of Source, `token` a string, `claim` a Claim, "
            "`done` an Answer, `error` an Error."
        ),
        "properties": {
            "event": {"enum": list(get_args(EventKind))},
            "data": {"type": "string", "contentMediaType": "application/json"},
            "id": STRING,
            "retry": INTEGER,
        },
        "required": ["event", "data"],
    },
    "Health": obj({"status": {"const": "ok"}, "version": STRING}),
    "Ready": obj(
        {
            "status": {"enum": ["ready", "not_ready"]},
            "components": {
                "type": "object",
                "additionalProperties": obj({"ready": {"type": "boolean"}, "detail": STRING}),
            },
            "error": obj({"code": STRING, "message": STRING}),
        },
        required=["status", "components"],
    ),
}
