"""The published JSON Schema and the model's records agree field by field.

Every record of ``newsdesk.model`` that appears in an article's JSON is walked against the
schema: the same properties both ways, compatible JSON types (nullability included), and
``required`` lists that match what ``to_dict`` always writes and what ``from_dict`` needs.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

import pytest

from newsdesk import article_schema
from newsdesk.model import (
    Article,
    DateMention,
    Entity,
    Event,
    Mention,
    Span,
    SpeakerEvidence,
)

# Article fields that never reach JSON: an input of the repair stage and the parser's output.
NOT_SERIALISED = {"site_chrome", "site_name", "parsed"}
# Keys of an article's JSON that are derived rather than stored: their JSON types.
DERIVED = {"schema_version": {"integer"}, "title": {"string", "null"}, "lede": {"string", "null"}}
PRIMITIVES = {str: "string", bool: "boolean", int: "integer", float: "number"}


def resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref``; keep the node's own keys (a description beside the ref)."""
    while "$ref" in node:
        name = node["$ref"].removeprefix("#/$defs/")
        rest = {k: v for k, v in node.items() if k != "$ref"}
        node = {**schema["$defs"][name], **rest}
    return node


def alternatives(schema: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    """The schemas a value may follow: the branches of a oneOf/anyOf, or the node itself."""
    node = resolve(schema, node)
    branches = node.get("oneOf") or node.get("anyOf")
    if branches:
        return [resolve(schema, branch) for branch in branches]
    return [node]


def json_types_of_schema(node: dict[str, Any]) -> set[str]:
    """The JSON types a (resolved, single-branch) schema node accepts."""
    if "type" in node:
        kind = node["type"]
        return set(kind) if isinstance(kind, list) else {kind}
    values = node["enum"] if "enum" in node else [node["const"]]
    names = {type(None): "null", str: "string", bool: "boolean", int: "integer"}
    return {names[type(value)] for value in values}


def members(hint: Any) -> list[Any]:
    """The members of a union type, or the type itself."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return list(typing.get_args(hint))
    return [hint]


def json_type_of_hint(hint: Any) -> str:
    """The JSON type a value of this Python type is written as."""
    if hint is type(None):
        return "null"
    if dataclasses.is_dataclass(hint):
        return "object"
    if typing.get_origin(hint) in (list, tuple):
        return "array"
    return PRIMITIVES[hint]


def check_value(schema: dict[str, Any], hint: Any, node: dict[str, Any], where: str) -> None:
    """Assert that values of type ``hint`` and the schema ``node`` describe the same JSON."""
    branches = alternatives(schema, node)
    python_types = {json_type_of_hint(member) for member in members(hint)}
    schema_types = set().union(*(json_types_of_schema(b) for b in branches))
    assert python_types == schema_types, (
        f"{where}: model writes {python_types}, schema {schema_types}"
    )
    for member in members(hint):
        kind = json_type_of_hint(member)
        branch = next(b for b in branches if kind in json_types_of_schema(b))
        if kind == "object":
            check_record(schema, member, branch, where)
        elif kind == "array":
            item = typing.get_args(member)[0]
            check_value(schema, item, branch["items"], f"{where}[]")


def check_record(schema: dict[str, Any], record: Any, node: dict[str, Any], where: str) -> None:
    """Assert that a record dataclass and an object schema have the same fields and types."""
    hints = typing.get_type_hints(record)
    names = [f.name for f in dataclasses.fields(record)]
    assert node.get("additionalProperties") is False, f"{where}: schema allows extra keys"
    assert set(names) == set(node["properties"]), f"{where}: fields and properties differ"
    required = set(node.get("required", []))
    without_default = {
        f.name
        for f in dataclasses.fields(record)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    assert without_default <= required, f"{where}: schema leaves out {without_default - required}"
    for name in names:
        check_value(schema, hints[name], node["properties"][name], f"{where}.{name}")


def test_every_article_field_matches_the_schema() -> None:
    schema = article_schema()
    article = Article(source="t", original="x")
    written = article.to_dict(include_original=True)
    assert set(written) == set(schema["properties"])
    assert set(schema["required"]) <= set(written)
    assert schema["additionalProperties"] is False
    hints = typing.get_type_hints(Article)
    for name in written:
        node = schema["properties"][name]
        if name in DERIVED:
            types_ = set().union(*(json_types_of_schema(b) for b in alternatives(schema, node)))
            assert types_ == DERIVED[name], name
            continue
        check_value(schema, hints[name], node, name)
    fields = {f.name for f in dataclasses.fields(Article)}
    assert fields - NOT_SERIALISED == set(written) - set(DERIVED)


@pytest.mark.parametrize(
    ("record", "example"),
    [
        (Mention, Mention("Almaty", 0, 6)),
        (Entity, Entity("Almaty", "PLACE", 1526384, "KZ", (Mention("Alma-Ata", 3, 11),))),
        (DateMention, DateMention("January 5 and 6", 4, 19, "DATE", "2022-01-05", "2022-01-06")),
        (
            Event,
            Event(
                "Troops arrived on Monday.",
                0,
                25,
                "arrived",
                "occurrence",
                "2022-01-10",
                "on Monday",
                "text",
                "day",
                ("army",),
                ("Almaty",),
                "outlet",
                None,
            ),
        ),
        (SpeakerEvidence, SpeakerEvidence("pronoun", "Peter Horvath", 12)),
    ],
)
def test_records_write_every_field_in_order_and_read_back(record: Any, example: Any) -> None:
    data = example.to_dict()
    assert list(data) == [f.name for f in dataclasses.fields(record)]
    assert record.from_dict(data) == example


def test_the_new_records_require_every_key_they_write() -> None:
    """Entities, mentions, dates and events always write every field, and the schema says so."""
    schema = article_schema()["properties"]
    assert schema["entities"]["items"]["required"] == [f.name for f in dataclasses.fields(Entity)]
    mentions = schema["entities"]["items"]["properties"]["mentions"]["items"]
    assert mentions["required"] == [f.name for f in dataclasses.fields(Mention)]
    assert schema["dates"]["items"]["required"] == [f.name for f in dataclasses.fields(DateMention)]
    assert schema["events"]["items"]["required"] == [f.name for f in dataclasses.fields(Event)]


def test_a_mismatch_is_caught() -> None:
    """The walk fails when a field and its property disagree (here: a nullable offset)."""
    schema = article_schema()
    node = {"type": "object", "additionalProperties": False, "properties": {}}
    node["properties"] = {"start": {"$ref": "#/$defs/offset"}, "end": {"type": ["integer", "null"]}}
    with pytest.raises(AssertionError, match="end"):
        check_record(schema, Span, node, "span")
