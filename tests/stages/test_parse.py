from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.model import Article
from newsdesk.pipeline import Pipeline
from newsdesk.stages.parse import spacy_pipeline


def test_sentences_never_cross_paragraphs(pipeline: Pipeline) -> None:
    text = "Floods in the north\n\nRivers rose overnight in three towns\n\nMore rain is due."
    article = pipeline.run(Article(source="t", original=text))
    sentences = [article.text[s.start : s.end] for s in article.sentences]
    assert sentences == [
        "Floods in the north",
        "Rivers rose overnight in three towns",
        "More rain is due.",
    ]
    assert article.parsed is not None
    assert [e.text for e in article.parsed.ents] == ["three"]


def test_batch_and_single_parse_agree(pipeline: Pipeline) -> None:
    texts = ["One. Two.", "Alpha beta.\n\nGamma delta.", "Solo"]
    single = [pipeline.run(Article(source=str(i), original=t)) for i, t in enumerate(texts)]
    batch = list(pipeline.run_many(Article(source=str(i), original=t) for i, t in enumerate(texts)))
    assert [a.sentences for a in single] == [a.sentences for a in batch]


def test_long_texts_are_parsed_in_pieces_that_join_exactly(pipeline: Pipeline) -> None:
    from newsdesk.stages.parse import chunks, parse_text

    text = "First paragraph here.\n\nSecond one, a little longer.\n\nThird.\n" * 3
    pieces = chunks(text, 40)
    assert "".join(pieces) == text
    assert all(len(p) <= 40 for p in pieces)
    doc = parse_text(spacy_pipeline(pipeline.resources), text, size=40)
    assert doc.text == text
    assert len(list(doc.sents)) >= 9


def test_headline_single_quotes_are_read_as_quotation_marks() -> None:
    from newsdesk.stages.parse import parser_view

    headline = "Mayor calls the tram plan 'a costly mistake' in council."
    assert parser_view(headline) == "Mayor calls the tram plan “a costly mistake” in council."
    # Apostrophes, and lines that already quote with double marks, are left alone.
    for text in (
        "The workers' union and the '90s, rock 'n' roll.",
        "She said \"it is 'unfair'\" twice.",
        "He said ''it is 'unfair' '' twice.",
    ):
        assert parser_view(text) == text


@given(st.text(alphabet=st.sampled_from("ab '\"\n’“”"), max_size=40))
def test_the_parser_view_keeps_every_offset(text: str) -> None:
    from newsdesk.stages.parse import parser_view

    view = parser_view(text)
    assert len(view) == len(text)
    assert all(a == b or (a == "'" and b in "“”") for a, b in zip(text, view, strict=True))


def test_the_parsed_doc_keeps_the_article_text(pipeline: Pipeline) -> None:
    text = "Flood chief says repairs 'nearly done' after storm.\n\nRivers fell overnight."
    article = pipeline.run(Article(source="t", original=text))
    assert article.parsed is not None and article.parsed.text == article.text
    # Read as a quotation, the quoted words belong to what the chief says.
    says = next(q for q in article.quotes if q.cue == "says")
    assert says.content == "repairs 'nearly done' after storm"


def test_tokens_where_finds_what_a_loop_over_the_tokens_finds(pipeline: Pipeline) -> None:
    from spacy.attrs import DEP, LOWER, POS

    from newsdesk.stages.parse import tokens_where

    text = "The president said he and the senator met. Then she left.\n\nNobody knew why."
    doc = pipeline.run(Article(source="t", original=text)).parsed
    assert doc is not None
    for attribute, name, values in (
        (LOWER, "lower_", ["he", "she", "president"]),
        (POS, "pos_", ["NOUN", "VERB"]),
        (DEP, "dep_", ["conj", "nsubj"]),
    ):
        found = [t.i for t in tokens_where(doc, attribute, values)]
        assert found == [t.i for t in doc if getattr(t, name) in values]
        assert found
    assert tokens_where(doc, LOWER, ["zebra"]) == []


def test_a_line_break_starts_a_sentence(pipeline: Pipeline) -> None:
    from newsdesk.stages.parse import parse_text

    text = "Prices rose for the third month in\nthe north and\n\nwages did not \n keep up"
    doc = parse_text(spacy_pipeline(pipeline.resources), text)
    after_breaks = [t.i + 1 for t in doc if "\n" in t.text]
    assert [doc[i].text for i in after_breaks] == ["the", "wages", "keep"]
    assert all(doc[i].is_sent_start for i in after_breaks)


def test_noun_chunks_from_arrays_are_spacys(pipeline: Pipeline) -> None:
    from newsdesk.stages.parse import noun_chunks

    text = (
        "The senator and her aides, who met reporters and voters on Monday, said the new "
        "report on taxes and spending was wrong.\n\nHe and they disagreed; the committee "
        "chairman, John Smith, laid out a plan."
    )
    doc = pipeline.run(Article(source="t", original=text)).parsed
    assert doc is not None
    found = [(c.start, c.end, c.label_) for c in noun_chunks(doc)]
    assert found == [(c.start, c.end, c.label_) for c in doc.noun_chunks]
    assert len(found) >= 8
