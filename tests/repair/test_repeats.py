"""A paragraph a scraper took twice in a row goes; paragraphs repeated on purpose stay."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.stages.repair.chrome import MIN_REPEATED_WORDS, find_repeated_paragraphs
from newsdesk.stages.repair.edits import EditableText

LEDE = "The council voted on Monday to close the old bridge to all traffic by May."


def _without_repeats(text: str) -> str:
    editable = EditableText(text)
    editable.remove(find_repeated_paragraphs(text))
    return editable.text


def test_a_lede_taken_twice_goes() -> None:
    text = f"Bridge to close\n\n{LEDE}\n\n{LEDE}\n\nThe mayor said she regretted it."
    assert (
        _without_repeats(text) == f"Bridge to close\n\n{LEDE}\n\nThe mayor said she regretted it."
    )


def test_a_block_of_lines_and_a_line_repeated_go() -> None:
    block = f"Headline of the story in many words here\n{LEDE}"
    assert _without_repeats(f"{block}\n\n{block}\n\nEnd.") == f"{block}\n\nEnd."
    assert _without_repeats(f"{LEDE}\n{LEDE}\nEnd.") == f"{LEDE}\nEnd."


def test_short_and_distant_repeats_stay() -> None:
    chant = "Lock her up!\n\nLock her up!\n\nThe crowd cheered."
    assert find_repeated_paragraphs(chant) == []
    apart = f"{LEDE}\n\nThe mayor spoke.\n\n{LEDE}"
    assert find_repeated_paragraphs(apart) == []


_WORDS = st.sampled_from(["the", "mayor", "said", "bridge", "council", "would", "close", "May"])
_PARAGRAPHS = st.lists(
    st.lists(_WORDS, min_size=MIN_REPEATED_WORDS, max_size=14).map(" ".join),
    min_size=1,
    max_size=6,
    unique=True,
)


@given(_PARAGRAPHS, st.data())
def test_a_repeated_paragraph_anywhere_gives_the_story_back(
    paragraphs: list[str], data: st.DataObject
) -> None:
    clean = "\n\n".join(paragraphs)
    assert find_repeated_paragraphs(clean) == []
    index = data.draw(st.integers(0, len(paragraphs) - 1))
    copies = data.draw(st.integers(1, 2))
    damaged = "\n\n".join(
        paragraphs[: index + 1] + [paragraphs[index]] * copies + paragraphs[index + 1 :]
    )
    assert _without_repeats(damaged) == clean
