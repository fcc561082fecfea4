from __future__ import annotations

import pytest

from newsdesk.stages.repair.quotes import (
    find_attribution_punctuation_edits,
    find_lone_closer_edits,
    find_quote_edits,
)
from tests.repair.passes import repaired


def fixed(text: str) -> str:
    return repaired(text, find_quote_edits, find_attribution_punctuation_edits)


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("as the “ Alma-Ata tragedy, '' said X.", "as the “Alma-Ata tragedy,” said X."),
        (
            "“ Armed men came. It was a tragedy '', — Tokayev said.",
            "“Armed men came. It was a tragedy,” Tokayev said.",
        ),
        ("“ Time will show », — said the president.", "“Time will show,” said the president."),
        ("“Time will show.”, — said the president.", "“Time will show,” said the president."),
        ("“Why?”, — he asked.", "“Why?” he asked."),
        ("our country '', — he stated.", "our country,” he stated."),
        ("the «Alma-Ata tragedy» began", "the “Alma-Ata tragedy” began"),
        ("called „a disaster“ by all", "called “a disaster” by all"),
        ("called ''a disaster'' by all", "called “a disaster” by all"),
        ('called “a disaster" by all', "called “a disaster” by all"),
        ('he said "… overall, I think,” and left', "he said “… overall, I think,” and left"),
    ],
)
def test_pairs_become_consistent_typographic_quotes(damaged: str, repaired: str) -> None:
    assert fixed(damaged) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "He said “yes” and “no”.",
        'He said "yes" and "no".',
        "“We will win” — a slogan that stuck.",
        "“It ends,” she said, “when it ends.”",
        "Clinton’s aides didn’t say ‘never’.",
        "“A quotation that goes on into the next paragraph",
    ],
)
def test_clean_quotes_are_left_alone(clean: str) -> None:
    assert find_quote_edits(clean) == []
    assert find_attribution_punctuation_edits(clean) == []


def test_a_closing_mark_alone_on_its_line_joins_its_quotation() -> None:
    joined = repaired("He said “it is over.\n''\n\nThen he left.", find_lone_closer_edits)
    assert joined == "He said “it is over.''\n\nThen he left."
    closed = "He said “it is over.”\n\n”\n\nThen he left."  # closes nothing: left alone
    assert "\n\n”" in repaired(closed, find_lone_closer_edits)
