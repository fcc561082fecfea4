from __future__ import annotations

import pytest

from newsdesk.stages.repair.spacing import (
    find_hard_wrap_edits,
    find_layout_edits,
    find_newline_edits,
    find_spacing_edits,
)
from tests.repair.passes import repaired


def fixed(text: str) -> str:
    return repaired(text, find_newline_edits, find_spacing_edits, find_layout_edits, rounds=3)


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("one  two", "one two"),
        ("word , word", "word, word"),
        ("the end .\n", "the end.\n"),
        ("( aside )", "(aside)"),
        ("prices,which rose", "prices, which rose"),
        ("it ended.The next day", "it ended. The next day"),
        ("One.\r\nTwo.\rThree.", "One.\nTwo.\nThree."),
        ("Line.   \nNext", "Line.\nNext"),
        ("one\n\n\n\ntwo", "one\n\ntwo"),
        ("\n\nstart", "start"),
        ("end\n\n\n", "end\n"),
        ("the country 's leader", "the country's leader"),
        ("they don ’t know", "they don’t know"),
        ("no bias .” Police", "no bias.” Police"),
        ("Health\xa0: a plan\u202f? Yes\xa0!", "Health: a plan? Yes!"),
        ("a ( short\xa0) aside", "a (short) aside"),
        ("the country\xa0's leader", "the country's leader"),
    ],
)
def test_spacing_is_repaired(damaged: str, repaired: str) -> None:
    assert fixed(damaged) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "It cost $1,000.50 on 10:30 a.m. at U.S. bases.",
        "See www.example.com/a,b or mail me@example.com.",
        "Wait... what?",
        "One.\n\nTwo.\n",
        "Node.js and ASP.NET stay.",
        "He said 'so' twice and 'the' once.",
    ],
)
def test_clean_spacing_is_left_alone(clean: str) -> None:
    assert fixed(clean) == clean


def test_hard_wrapped_lines_are_joined() -> None:
    wrapped = (
        "Grain exports from the Black Sea ports rose by 15 percent, the ministry said on\n"
        "Wednesday, citing customs data. The deputy minister told\nreporters in Kyiv."
    )
    assert fixed(wrapped) == wrapped.replace("\n", " ")
    headline_then_text = "Grain exports rise\nThe ministry said so."
    assert fixed(headline_then_text) == headline_then_text


def test_no_break_space_beside_a_space_is_one_space() -> None:
    assert fixed("KYIV \xa0— Grain") == "KYIV — Grain"
    assert fixed("10\xa0km") == "10\xa0km"


WRAPPED_PARAGRAPHS = """Officials said the old bridge over the river would close on Monday after
engineers found cracks in two of its supports. Repairs will take a year.
The council said it would pay for a ferry in the meantime, and that the
cost would be shared with the regional government, which has agreed.

“We had no choice,” the mayor told reporters at the town hall on Tuesday
afternoon, adding that safety came first for the city and its people.
Traffic will be diverted through the northern ring road until next spring."""
WRAPPED = f"{WRAPPED_PARAGRAPHS}\n\n{WRAPPED_PARAGRAPHS}\n\nA short line.\nAnother short line."


def test_hard_wrapped_paragraphs_are_joined_and_short_lines_kept() -> None:
    text = repaired(WRAPPED, find_hard_wrap_edits)
    paragraphs = text.split("\n\n")
    assert [p.count("\n") for p in paragraphs] == [0, 0, 0, 0, 1]
    assert paragraphs[0].startswith("Officials said") and paragraphs[0].endswith("agreed.")
    assert paragraphs[4] == "A short line.\nAnother short line."
    assert text.split() == WRAPPED.split()


def test_a_few_lines_are_too_few_to_call_wrapped() -> None:
    assert find_hard_wrap_edits(WRAPPED_PARAGRAPHS) == []


def test_text_with_a_paragraph_a_line_is_not_unwrapped() -> None:
    text = "Title of the story\n\nFirst paragraph.\nSecond paragraph that runs on a while.\n" * 4
    assert find_hard_wrap_edits(text) == []
