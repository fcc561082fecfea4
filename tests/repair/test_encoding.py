from __future__ import annotations

from newsdesk.repair.encoding import find_encoding_edits
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
