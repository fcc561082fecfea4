from __future__ import annotations

import pytest

from newsdesk.model import Article
from newsdesk.resources import Resources
from newsdesk.stages.structure import looks_like_title, split_paragraphs, structure


def structured(text: str) -> Article:
    return structure(Article(source="t", original=text, text=text), Resources())


def test_title_lede_and_body() -> None:
    article = structured("Floods hit the north\n\nRivers rose overnight.\n\nMore rain is due.")
    assert article.title == "Floods hit the north"
    assert article.lede == "Rivers rose overnight."
    assert article.body == ["More rain is due."]


@pytest.mark.parametrize(
    "headline",
    [
        "Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics.",
        "Partisan fireworks over Clinton aides' immunity deals.",
        "Virginian could make history. Again.",
        "31 Latinos Share Their Most Honest Thoughts On Donald Trump.",
        "Tokayev described what happened in Kazakhstan as “Alma-Ata tragedy”",
    ],
)
def test_headlines_are_recognised(headline: str) -> None:
    assert looks_like_title(headline)


def test_a_story_that_starts_with_its_lede_has_no_title() -> None:
    lede = (
        "The city council voted on Tuesday to close the old bridge after engineers found "
        "cracks in two of its supports. Repairs will take a year, officials said."
    )
    article = structured(f"{lede}\n\nTraffic will be diverted.")
    assert article.title is None
    assert article.lede == lede


def test_hard_wrapped_lines_join_and_single_lines_split() -> None:
    text = "Headline here\nThe first line of a wrapped\nparagraph ends here.\nA new one."
    spans = split_paragraphs(text)
    assert [text[s:e] for s, e in spans] == [
        "Headline here",
        "The first line of a wrapped\nparagraph ends here.",
        "A new one.",
    ]


def test_orphan_fragment_is_flagged_and_kept() -> None:
    text = "Title\n\nHe spoke.\n\nour country,” he stated.\n\nThe end."
    article = structured(text)
    [flag] = [f for f in article.flags if f.kind == "orphan_fragment"]
    assert flag.text == "our country,” he stated."
    assert article.text[flag.start : flag.end] == flag.text
    assert "our country,” he stated." in article.body


def test_a_dateline_lede_is_not_a_title() -> None:
    article = structured(
        "MOSCOW, March 3 (Interfax) - The bank raised its key rate on Monday, the regulator "
        "reports.\n\nThe decision was taken quickly."
    )
    assert article.title is None
    assert article.lede is not None and article.lede.startswith("MOSCOW")


def test_a_paragraph_opening_with_any_dateline_is_no_title() -> None:
    assert not looks_like_title("VIENNA — Inspectors Visit The Plant Again")
    assert not looks_like_title("(CNN)Ministers Meet In Brussels Today")
    assert looks_like_title("Ministers Meet In Brussels Today")
