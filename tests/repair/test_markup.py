from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.stages.repair.markup import find_markup_edits
from tests.repair.passes import repaired


def fixed(text: str) -> str:
    return repaired(text, find_markup_edits)


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ('Read <a href="https://example.org/x">the ruling</a> here.', "Read the ruling here."),
        (
            'Fans wrote: <tweet author="@ferryfan" date="May 2">Back on time!</tweet>.',
            "Fans wrote: Back on time!.",
        ),
        ("First line.<br/>Second line.", "First line. Second line."),
        ("“I will,”<br>Smith said.", "“I will,” Smith said."),
        ("<p>One.</p>\n\n<p>Two.</p>", "One.\n\nTwo."),
        ("a <em>very</em> big<strong>deal</strong>", "a very bigdeal"),
        ("one<br>two", "one two"),
        ("<p>The mayor spoke.</p>", "The mayor spoke."),
        ('<embed-post id="9">Hello</embed-post>', "Hello"),
    ],
)
def test_tags_go_and_what_they_wrapped_stays(damaged: str, repaired: str) -> None:
    assert fixed(damaged) == repaired


@pytest.mark.parametrize(
    "clean",
    ["x < y > z", "a <-> b", "if n<3 and m>2", "the <unknown> token", "<< Back", "1 <2> 3"],
)
def test_text_that_is_not_markup_is_left_alone(clean: str) -> None:
    assert find_markup_edits(clean) == []


@given(st.text(alphabet=st.sampled_from("ab <>/=\"' \n"), max_size=40))
def test_only_whole_tags_are_removed(text: str) -> None:
    for edit in find_markup_edits(text):
        removed = text[edit.start : edit.end]
        assert removed.startswith("<") and removed.endswith(">")
        assert edit.replacement in ("", " ")
