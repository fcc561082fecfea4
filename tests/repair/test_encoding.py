from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.stages.repair.encoding import find_encoding_edits, find_invisible_edits
from tests.repair.passes import repaired

INVISIBLE = ["\u200b", "\u2060", "\ufeff", "\xad"]


def fixed(text: str) -> str:
    return repaired(text, find_encoding_edits)


def test_mojibake_is_undone_in_place() -> None:
    assert fixed("The cafÃ© opened.\nNext line") == "The café opened.\nNext line"


def test_edits_are_minimal() -> None:
    edits = find_encoding_edits("President FranÃ§ois Hollande")
    assert [("President FranÃ§ois Hollande"[e.start : e.end], e.replacement) for e in edits] == [
        ("Ã§", "ç")
    ]
    assert all(e.kind == "mojibake" for e in edits)


def test_curly_quotes_and_accents_are_not_damage() -> None:
    clean = "Clinton’s team said “naïve” things in Zürich — again."
    assert find_encoding_edits(clean) == []


def test_the_lossy_kind_of_a_closing_mark_is_restored() -> None:
    # UTF-8 read as Windows-1252 by a decoder that replaced the byte 0x9D it had no character
    # for: the closing mark comes back, and the other mojibake on the line with it.
    damaged = "Trump called it â€œa disgraceâ€\ufffd on Monday, and then â€œsadâ€\ufffd."
    assert fixed(damaged) == "Trump called it “a disgrace” on Monday, and then “sad”."
    assert fixed("the words weaponsâ€\ufffd and more") == "the words weapons” and more"


def test_the_lossy_kind_between_two_letters_is_a_hyphen() -> None:
    assert fixed("a wellâ€\ufffdknown case") == "a well\u2010known case"


def test_a_long_line_is_fixed_in_pieces_with_the_same_result() -> None:
    line = "The cafÃ© said â€œyesâ€\ufffd again. " * 400  # 13,000 characters on one line
    assert fixed(line) == "The café said “yes” again. " * 400


def test_invisible_characters_inside_words_go() -> None:
    damaged = "The govern\xadment\u200b said it was fol\u2060lowing the \ufeffplan."
    assert (
        repaired(damaged, find_invisible_edits) == "The government said it was following the plan."
    )
    assert find_invisible_edits("A family: 👨\u200d👩\u200d👧 and caf\u00e9 \u2014 fine.") == []


@given(
    st.lists(
        st.sampled_from(["The", "minister", "said", "café", "—", "“talks”", "ended."]), min_size=1
    ),
    st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(INVISIBLE)), max_size=6),
)
def test_invisible_characters_anywhere_are_removed_and_nothing_else(
    words: list[str], inserts: list[tuple[int, str]]
) -> None:
    clean = " ".join(words)
    assert find_invisible_edits(clean) == []
    damaged = clean
    for position, char in inserts:
        at = position % (len(damaged) + 1)
        damaged = damaged[:at] + char + damaged[at:]
    assert repaired(damaged, find_invisible_edits) == clean
