"""Stage contracts: what each stage says it needs and adds names real fields, and running
the stages on a bundled sample changes nothing else."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any

import pytest

from newsdesk.model import Article
from newsdesk.pipeline import INPUT_FIELDS, STAGES
from newsdesk.resources import Resources

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "2024-01-15_metro_fare.txt"
ARTICLE_FIELDS = {f.name for f in dataclasses.fields(Article)}


def record_fields(field_name: str) -> set[str]:
    """The fields of the record type an Article list field holds (empty for other fields)."""
    hint = typing.get_type_hints(Article)[field_name]
    if typing.get_origin(hint) is not list:
        return set()
    (item,) = typing.get_args(hint)
    if not dataclasses.is_dataclass(item):
        return set()
    return {f.name for f in dataclasses.fields(item)}


def is_real_field(name: str) -> bool:
    """True for an Article field, or ``field.attr`` naming a field of the records it holds."""
    field_name, _, attr = name.partition(".")
    if field_name not in ARTICLE_FIELDS:
        return False
    return not attr or attr in record_fields(field_name)


def test_inputs_requirements_and_products_name_real_fields() -> None:
    names = {*INPUT_FIELDS}
    for stage in STAGES:
        names.update(stage.requires, stage.provides)
    unknown = sorted(name for name in names if not is_real_field(name))
    assert unknown == []
    assert not is_real_field("quotes.nobody") and not is_real_field("nothing")
    assert is_real_field("quotes.speaker") and not is_real_field("text.upper")


def changed_fields(before: Article, after: Article) -> set[str]:
    """The Article fields whose values differ (the parsed document by identity)."""
    return {
        name
        for name in ARTICLE_FIELDS
        if getattr(before, name) is not getattr(after, name)
        and getattr(before, name) != getattr(after, name)
    }


def changed_record_fields(before: list[Any], after: list[Any]) -> set[str]:
    """The record fields that differ between two equally long lists of records."""
    assert len(before) == len(after)
    return {
        f.name
        for old, new in zip(before, after, strict=True)
        for f in dataclasses.fields(old)
        if getattr(old, f.name) != getattr(new, f.name)
    }


@pytest.fixture(scope="module")
def stage_runs(resources: Resources) -> list[tuple[str, Article, Article]]:
    """Every stage run in order on the sample: (stage name, article before, article after)."""
    article = Article(
        source=str(SAMPLE), original=SAMPLE.read_text("utf-8"), published="2024-01-15"
    )
    runs = []
    for stage in STAGES:
        result = stage.run(article, resources)
        runs.append((stage.name, article, result))
        article = result
    return runs


def test_each_stage_changes_only_what_it_provides(
    stage_runs: list[tuple[str, Article, Article]],
) -> None:
    contracts = {stage.name: stage for stage in STAGES}
    for name, before, after in stage_runs:
        provides = contracts[name].provides
        whole = {p for p in provides if "." not in p}
        parts: dict[str, set[str]] = {}
        for product in provides:
            field_name, _, attr = product.partition(".")
            if attr:
                parts.setdefault(field_name, set()).add(attr)
        changed = changed_fields(before, after) - {"completed"}
        assert changed, f"stage {name} changed nothing"
        assert changed <= whole | set(parts), f"stage {name} changed {changed - whole - set(parts)}"
        for field_name, attrs in parts.items():
            touched = changed_record_fields(getattr(before, field_name), getattr(after, field_name))
            assert touched <= attrs, f"stage {name} changed {field_name}.{touched - attrs}"


def test_the_sample_gets_real_values_from_each_stage(
    stage_runs: list[tuple[str, Article, Article]],
) -> None:
    changed = {name: changed_fields(before, after) for name, before, after in stage_runs}
    assert changed == {
        "repair": {"text", "repairs", "removed", "offset_map"},
        "structure": {"paragraphs"},
        "outlet": {"outlet", "outlet_evidence"},
        "dates": {"dates"},
        "parse": {"parsed", "sentences"},
        "entities": {"entities"},
        "attribution": {"quotes"},
        "speakers": {"quotes"},
        "events": {"events"},
    }
    final = stage_runs[-1][2]
    assert final.outlet == "Almaty Today"
    assert [p.role for p in final.paragraphs] == ["title", "lede", "body", "body"]
    assert [q.speaker for q in final.quotes] == [
        "city administration",
        "Serik Nurlanov",
        "Serik Nurlanov",
        "administration",
    ]
    speakers = next(after for name, _, after in stage_runs if name == "speakers")
    assert speakers.quotes == final.quotes
    assert [(e.canonical, e.type) for e in final.entities] == [
        ("Almaty", "PLACE"),
        ("Serik Nurlanov", "PERSON"),
    ]
    assert [(d.text, d.value) for d in final.dates] == [
        ("Monday", "2024-01-15"),
        ("March 1", "2024-03-01"),
        ("next year", "2025"),
    ]
    assert [(e.trigger, e.kind, e.date) for e in final.events] == [
        ("announced", "statement", "2024-01-15"),
        ("said", "statement", "2024-01-15"),
        ("said", "statement", "2024-01-15"),
        ("keep", "occurrence", None),
    ]
