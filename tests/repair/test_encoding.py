from __future__ import annotations

from newsdesk.stages.repair.encoding import find_encoding_edits
from tests.repair.passes import repaired


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
