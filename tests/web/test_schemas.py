"""JSON Schemas generated from the API's dataclasses: every field, the right types, nothing hand-copied."""

from __future__ import annotations

import dataclasses
from typing import Literal

import pytest

from verifier.types import VERDICT_LABELS, Verdict
from verisight.types import Answer
from web.openapi import openapi_document
from web.openapi_schemas import COMPONENT_NAMES
from web.schemas import dataclass_schema, type_schema


@dataclasses.dataclass
class _Inner:
    n: int


@dataclasses.dataclass
class _Sample:
    name: str
    kind: Literal["a", "b"]
    maybe: float | None
    tags: tuple[str, ...]
    counts: dict[str, int]
    inner: _Inner
    inner_or_none: _Inner | None = None


def test_each_type_maps_to_its_schema() -> None:
    schema = dataclass_schema(_Sample, {_Inner: "Inner"})
    assert schema["required"] == [f.name for f in dataclasses.fields(_Sample)]
    assert schema["additionalProperties"] is False
    assert schema["properties"] == {
        "name": {"type": "string"},
        "kind": {"enum": ["a", "b"]},
        "maybe": {"type": ["number", "null"]},
        "tags": {"type": "array", "items": {"type": "string"}},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
        "inner": {"$ref": "#/components/schemas/Inner"},
        "inner_or_none": {"oneOf": [{"$ref": "#/components/schemas/Inner"}, {"type": "null"}]},
    }


def test_unnamed_dataclasses_and_unknown_types_are_refused() -> None:
    with pytest.raises(TypeError, match="_Inner has no component name"):
        dataclass_schema(_Sample, {})
    with pytest.raises(TypeError, match="no JSON Schema"):
        type_schema(set[str], {})
    with pytest.raises(TypeError, match="has no field"):
        dataclass_schema(_Inner, {}, overrides={"m": {}})


def test_the_document_uses_the_dataclasses() -> None:
    schemas = openapi_document()["components"]["schemas"]
    for cls, name in COMPONENT_NAMES.items():
        assert set(schemas[name]["properties"]) == {f.name for f in dataclasses.fields(cls)}, name
    assert schemas["Verdict"]["properties"]["label"] == {"enum": list(VERDICT_LABELS)}
    assert COMPONENT_NAMES[Verdict] == "Verdict" and COMPONENT_NAMES[Answer] == "Answer"
