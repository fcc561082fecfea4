"""Datelines, acronyms spelled like "who" and letter salutations, on texts written here."""

from __future__ import annotations

import pytest

from newsdesk.model import Article, Attribution
from newsdesk.pipeline import Pipeline
from newsdesk.stages.datelines import GLUED_CREDIT, dateline_end


def quotes(pipeline: Pipeline, text: str) -> list[Attribution]:
    return pipeline.run(Article(source="t", original=text)).quotes


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("OSLO (Reuters) - The fjord froze.", "OSLO (Reuters) - "),
        ("LIMA, Peru — The fjord froze.", "LIMA, Peru — "),
        ("(NBC News)The fjord froze.", "(NBC News)"),
        ("Cape Town (NBC News) The fjord froze.", "Cape Town (NBC News) "),
        ("Cape Town (Daily Wire) The fjord froze.", ""),
        ("The fjord froze (again) last week.", ""),
        ("Mayor Ana Silva (Green) Spoke first.", ""),
    ],
)
def test_a_dateline_is_read_at_a_paragraph_start(text: str, dateline: str) -> None:
    assert text[: dateline_end(text, 0)] == dateline


def test_a_credit_glued_to_the_story_is_found() -> None:
    text = "(NBC News)The fjord froze.\nSenator Li (D) Said so.\nIt is cold (very)Today."
    assert [m.group() for m in GLUED_CREDIT.finditer(text)] == ["(NBC News)"]


@pytest.mark.parametrize(
    "text",
    [
        "LIMA — The ministry said the dam had been closed for checks.",
        "LIMA (NBC News) — The ministry said the dam had been closed for checks.",
        "(NBC News)The ministry said the dam had been closed for checks.",
        "Cape Town (NBC News)The ministry said the dam had been closed for checks.",
    ],
)
def test_a_dateline_is_no_part_of_a_source(pipeline: Pipeline, text: str) -> None:
    (found,) = quotes(pipeline, text)
    assert found.source == "The ministry"
    assert found.content == "the dam had been closed for checks"


def test_a_dateline_is_no_part_of_content(pipeline: Pipeline) -> None:
    text = "LIMA — The dam will be closed for checks next spring, the ministry said on Friday."
    (found,) = quotes(pipeline, text)
    assert found.content == "The dam will be closed for checks next spring"
    assert found.source == "the ministry"


def test_a_glued_credit_is_split_by_repair(pipeline: Pipeline) -> None:
    article = pipeline.run(Article(source="t", original="(NBC News)The dam is closed."))
    assert article.text.startswith("(NBC News) The dam")


def test_an_acronym_spelled_like_who_is_a_name(pipeline: Pipeline) -> None:
    (found,) = quotes(pipeline, "WHO says the fever is spreading in three provinces.")
    assert found.source == "WHO"
    assert found.speaker_type == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        "Untreated, the fever is often fatal, says WHO.",
        "According to WHO, the fever has spread to three provinces.",
    ],
)
def test_a_known_acronym_is_a_name_without_a_following_verb(pipeline: Pipeline, text: str) -> None:
    found = [q for q in quotes(pipeline, text) if q.source == "WHO"]
    assert found and found[0].speaker_type == "organisation"


def test_who_in_a_relative_clause_is_still_a_pronoun(pipeline: Pipeline) -> None:
    text = "The nurses, who said the fever was spreading, asked for help."
    found = [q for q in quotes(pipeline, text) if q.cue == "said"]
    assert found and found[0].speaker_type != "organisation"
    assert found[0].speaker_evidence is not None
    assert found[0].speaker_evidence.rule.startswith("relative pronoun")


def test_a_salutation_is_no_speaker(pipeline: Pipeline) -> None:
    text = "DEAR MARTHA: My neighbour plays the drums every night until two."
    assert all(not (q.source or "").upper().startswith("DEAR") for q in quotes(pipeline, text))
