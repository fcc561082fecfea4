"""Quotations and the cue lexicon."""

from __future__ import annotations

from newsdesk.model import Paragraph
from newsdesk.stages.quotations import CueLexicon, find_quotations


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
    from newsdesk.stages.quotations import CueLexicon

    lexicon = CueLexicon.parse("speak\tspeech\tobject\tabout|of\nsay\tspeech\tclause\n")
    assert lexicon.verbs["speak"].prepositions == frozenset({"about", "of"})
    assert lexicon.verbs["say"].prepositions is None
