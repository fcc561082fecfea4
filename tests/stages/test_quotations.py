"""Quotations and the cue lexicon."""

from __future__ import annotations

from newsdesk.model import Paragraph
from newsdesk.stages.attribution.quotations import (
    CueLexicon,
    Quotation,
    Quotations,
    find_quotations,
)


def test_quotations_are_found_per_paragraph() -> None:
    text = "He said “yes” twice.\n\nthe end,” she said."
    quotations = find_quotations(text, [Paragraph(0, 20, "lede"), Paragraph(22, 41, "body")])
    assert [(q.start, q.end, q.opened, q.closed) for q in quotations] == [
        (8, 13, True, True),
        (22, 31, False, True),
    ]


def test_lexicon_file_format() -> None:
    lexicon = CueLexicon.parse("# comment\nquip\tspeech\tclause\n")
    assert lexicon.verbs["quip"].kind == "speech"
    assert "say" in CueLexicon.load_default().verbs


def test_a_cue_can_restrict_its_content_to_some_prepositions() -> None:
    from newsdesk.stages.attribution.quotations import CueLexicon

    lexicon = CueLexicon.parse("speak\tspeech\tobject\tabout|of\nsay\tspeech\tclause\n")
    assert lexicon.verbs["speak"].prepositions == frozenset({"about", "of"})
    assert lexicon.verbs["say"].prepositions is None


def test_quotations_tell_whether_an_offset_is_inside_one() -> None:
    # A straight pair inside a curly one, and a later quotation: "inside" is strictly after a
    # quotation's start and before its end, whichever quotation it is.
    quotations = Quotations(
        [Quotation(40, 50, True, True), Quotation(0, 30, True, True), Quotation(5, 10, True, True)]
    )
    assert [q.start for q in quotations] == [0, 5, 40]
    for offset in range(60):
        expected = any(q.start < offset < q.end for q in quotations)
        assert quotations.covers(offset) == expected, offset
