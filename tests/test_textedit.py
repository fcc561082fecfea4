from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.model import Article
from newsdesk.stages.repair.edits import Edit, EditableText


def unchanged_stretches_match(editable: EditableText) -> None:
    """Between the offset map's segments the text must equal the original, shifted."""
    article = Article(
        source="t", original=editable.original, text=editable.text, offset_map=editable.offset_map()
    )
    new_pos, orig_pos = 0, 0
    for segment in [*article.offset_map, None]:
        new_end = segment.start if segment else len(editable.text)
        orig_end = segment.orig_start if segment else len(editable.original)
        assert editable.text[new_pos:new_end] == editable.original[orig_pos:orig_end]
        if segment:
            new_pos, orig_pos = segment.end, segment.orig_end
    for offset in range(len(editable.text)):
        original = article.to_original(offset)
        assert 0 <= original <= len(editable.original)


def test_repairs_shift_with_later_edits_and_fold_when_touched() -> None:
    editable = EditableText("aa & mdash; bb '' cc")
    editable.apply([Edit(3, 11, "—", "entity")])
    assert editable.text == "aa — bb '' cc"
    editable.apply([Edit(8, 10, "”", "quote_mark"), Edit(0, 2, "A", "spacing")])
    assert editable.text == "A — bb ” cc"
    kinds = [(r.kind, r.before, r.after) for r in editable.repairs]
    assert kinds == [("spacing", "aa", "A"), ("entity", "& mdash;", "—"), ("quote_mark", "''", "”")]
    editable.apply([Edit(2, 3, "-", "spacing")])
    assert editable.repairs[1] == editable.repairs[1].__class__(
        "entity+spacing", 2, 3, "& mdash;", "-"
    )
    unchanged_stretches_match(editable)


def test_removal_is_logged_with_original_offsets() -> None:
    editable = EditableText("keep\nLeave a Reply\nkeep")
    editable.remove([(5, 19, "boilerplate:comment_form")])
    assert editable.text == "keep\nkeep"
    [removed] = editable.removed
    assert (removed.text, removed.start, removed.end) == ("Leave a Reply\n", 5, 19)
    assert editable.repairs == []
    unchanged_stretches_match(editable)


@st.composite
def edit_batches(draw: st.DrawFn) -> tuple[str, list[list[tuple[int, int, str]]]]:
    text = draw(st.text(alphabet="ab c\n", max_size=30))
    batches = []
    length = len(text)
    for _ in range(draw(st.integers(1, 4))):
        cuts = sorted(draw(st.lists(st.integers(0, length), max_size=6)))
        batch = []
        for start, end in zip(cuts[::2], cuts[1::2], strict=False):
            replacement = draw(st.text(alphabet="xyz ", max_size=3))
            batch.append((start, end, replacement))
        batches.append(batch)
        length += sum(len(r) - (e - s) for s, e, r in batch)
    return text, batches


def undo(editable: EditableText) -> str:
    """Put every repair's ``before`` back into the final text."""
    parts = []
    cursor = 0
    for repair in sorted(editable.repairs, key=lambda r: (r.start, r.end)):
        parts.append(editable.text[cursor : repair.start])
        parts.append(repair.before)
        cursor = repair.end
    parts.append(editable.text[cursor:])
    return "".join(parts)


@given(edit_batches())
def test_every_repair_matches_the_text_reverses_and_the_map_holds(
    case: tuple[str, list[list[tuple[int, int, str]]]],
) -> None:
    text, batches = case
    editable = EditableText(text)
    for batch in batches:
        editable.apply(
            [
                Edit(s, min(e, len(editable.text)), r, "spacing")
                for s, e, r in batch
                if s <= len(editable.text)
            ]
        )
    for repair in editable.repairs:
        assert editable.text[repair.start : repair.end] == repair.after
    assert undo(editable) == text
    unchanged_stretches_match(editable)
