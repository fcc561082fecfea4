from __future__ import annotations

import pytest

from newsdesk.stages.repair.entities import find_entity_edits
from tests.repair.passes import repaired


def fixed(text: str) -> str:
    return repaired(text, find_entity_edits)


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        ("war &mdash; peace", "war — peace"),
        ("war & mdash; peace", "war — peace"),
        ("war &amp;mdash; peace", "war — peace"),
        ("war &amp;amp;mdash; peace", "war — peace"),
        ("war & #8212; peace", "war — peace"),
        ("war &#x2014; peace", "war — peace"),
        ("consequence & raquo;, he", "consequence », he"),
        ("& laquo;yes& raquo;", "«yes»"),
        ("tea &mdash ; cake", "tea — cake"),
        ("tea & mdash cake", "tea — cake"),
        ("AT&amp;T", "AT&T"),
        ("Kazakhstan mdash; Nur-Sultan", "Kazakhstan — Nur-Sultan"),
        ("war &#8212 and peace", "war — and peace"),
        ("war &#38;mdash; peace", "war — peace"),
        ("Trump&#38; rsquo;s plan", "Trump’s plan"),
        ("it&amp;amp;#8217;s &#X201C;so&#x201d;", "it’s “so”"),
        ("AT&#38;T and R&amp;D", "AT&T and R&D"),
    ],
)
def test_references_become_characters(damaged: str, repaired: str) -> None:
    assert fixed(damaged) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "Smith & Wesson",
        "R & D; then more",
        "this & it; odd",
        "rock & roll & mdashing about",
        "Q&A session",
        "&notaname; stays",
        "& #0; is not a character",
        "It costs 5; mdash is a word",
    ],
)
def test_text_that_is_not_a_reference_is_left_alone(clean: str) -> None:
    assert find_entity_edits(clean) == []
    assert fixed(clean) == clean
