"""The repair stage as a whole: damage fixed, clean text untouched, every change accounted for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.model import Article
from newsdesk.resources import Resources
from newsdesk.stages.repair import repair, repair_text
from tests.test_textedit import unchanged_stretches_match, undo

RESOURCES = Resources()
WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "with",
    "officials",
    "in",
    "Almaty",
    "would",
    "resume",
    "after",
    "prices",
    "rose",
    "by",
    "percent",
    "on",
    "Monday",
    "while",
    "protesters",
    "gathered",
    "near",
    "parliament",
    "and",
    "police",
    "watched",
    "quietly",
]
NAMES = ["Tokayev", "Almaty", "Kazakhstan", "CSTO", "Reuters", "Smith"]


@st.composite
def clean_sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS + NAMES), min_size=2, max_size=12))
    sentence = " ".join(words)
    sentence = sentence[0].upper() + sentence[1:]
    style = draw(st.sampled_from(["plain", "quote", "aside", "number", "possessive"]))
    if style == "quote":
        inner = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5)))
        sentence = f"{sentence} “{inner},” {draw(st.sampled_from(NAMES))} said"
    elif style == "aside":
        sentence = f"{sentence} — {draw(st.sampled_from(WORDS))} — {draw(st.sampled_from(WORDS))}"
    elif style == "number":
        sentence = f"{sentence} {draw(st.integers(0, 10**6)):,} ({draw(st.integers(1, 99))}%)"
    elif style == "possessive":
        sentence = f"{draw(st.sampled_from(NAMES))}’s {sentence[0].lower()}{sentence[1:]}"
    return sentence + draw(st.sampled_from([".", ".", "?", "!"]))


@st.composite
def clean_articles(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        paragraph = " ".join(draw(st.lists(clean_sentences(), min_size=1, max_size=4)))
        # A paragraph right after the same paragraph is a scraper's copy, which repair removes.
        if not paragraphs or paragraph != paragraphs[-1]:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=200, deadline=None)
@given(clean_articles())
def test_text_that_needs_no_repair_comes_out_byte_identical(text: str) -> None:
    repaired = repair_text(text, RESOURCES)
    assert repaired.text == text
    assert repaired.repairs == []
    assert repaired.removed == []
    assert repaired.offset_map() == []


DAMAGE = st.sampled_from(
    [
        "& mdash;",
        "&amp;mdash;",
        "& raquo;",
        "& laquo;",
        "''",
        "“ ",
        " ”",
        "«",
        "»",
        ", — ",
        "  ",
        " ,",
        "\r\n",
        "\n\n\n",
        "cafÃ©",
        "„",
        '"',
        " .",
        "( ",
        " )",
    ]
)


@st.composite
def damaged_articles(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(st.one_of(clean_sentences(), DAMAGE), min_size=1, max_size=14))
    return draw(st.sampled_from([" ", "", "\n"])).join(pieces)


@settings(max_examples=300, deadline=None)
@given(damaged_articles())
def test_every_change_is_recorded_and_reversible(text: str) -> None:
    repaired = repair_text(text, RESOURCES)
    for change in repaired.repairs:
        assert repaired.text[change.start : change.end] == change.after
        assert change.before != change.after
    unchanged_stretches_match(repaired)
    if not repaired.removed:
        assert undo(repaired) == text


@settings(max_examples=300, deadline=None)
@given(damaged_articles())
def test_repair_is_idempotent(text: str) -> None:
    once = repair_text(text, RESOURCES).text
    twice = repair_text(once, RESOURCES)
    assert twice.text == once
    assert twice.repairs == []


def test_stage_fills_the_article() -> None:
    article = Article(source="t", original="A “ quote ''.\n\nLeave a Reply\n")
    result = repair(article, RESOURCES)
    assert result.text == "A “quote”.\n"
    assert [r.reason for r in result.removed] == ["boilerplate:comment_form"]
    assert {r.kind for r in result.repairs} >= {"quote_space", "quote_mark"}
    assert result.original == article.original
