"""JSON Schemas (OpenAPI 3.1 / JSON Schema 2020-12) generated from the dataclasses the API returns.

The dataclasses in each stage's ``types.py`` are the contract; ``asdict`` of them is what the API sends. This module
turns their type hints into component schemas, so the OpenAPI document cannot drift from the code.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

_SCALARS: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean", type(None): "null"}


def ref(name: str) -> dict[str, str]:
    """A reference to the component schema ``name``."""
    return {"$ref": f"#/components/schemas/{name}"}


def type_schema(hint: Any, names: dict[type, str]) -> dict[str, Any]:
    """The schema of one type hint; dataclasses named in ``names`` become references."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    if hint is object or hint is Any:
        return {}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        if hint not in names:
            raise TypeError(f"{hint.__name__} has no component name")
        return ref(names[hint])
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin in (types.UnionType, typing.Union):
        options = [a for a in args if a is not type(None)]
        nullable = len(options) < len(args)
        if len(options) == 1 and options[0] in _SCALARS and nullable:
            return {"type": [_SCALARS[options[0]], "null"]}
        schemas = [type_schema(a, names) for a in options] + ([{"type": "null"}] if nullable else [])
        return {"oneOf": schemas}
    if origin in (tuple, list):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            raise TypeError(f"only tuple[X, ...] is supported, not {hint}")
        return {"type": "array", "items": type_schema(args[0], names) if args else {}}
    if origin is dict:
        if args and args[0] is not str:
            raise TypeError(f"JSON object keys are strings, not {args[0]}")
        return {"type": "object", "additionalProperties": type_schema(args[1], names) if args else {}}
    raise TypeError(f"no JSON Schema for {hint!r}")


def dataclass_schema(
    cls: type,
    names: dict[type, str],
    *,
    overrides: dict[str, dict[str, Any]] | None = None,
    required: list[str] | None = None,
) -> dict[str, Any]:
    """The object schema of dataclass ``cls`` as ``asdict`` renders it: every field, nothing else.

    ``overrides`` replaces the schema of named fields (to document more than the type says); ``required`` defaults
    to every field, because ``asdict`` always writes every field.
    """
    hints = typing.get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls)]
    overrides = overrides or {}
    unknown = set(overrides) - set(fields)
    if unknown:
        raise TypeError(f"{cls.__name__} has no field {sorted(unknown)}")
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {name: overrides.get(name) or type_schema(hints[name], names) for name in fields},
        "required": fields if required is None else required,
        "additionalProperties": False,
    }
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().splitlines()[0]
    return schema
