from __future__ import annotations

from newsdesk.model import Article
from newsdesk.pipeline import Pipeline


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
    doc = parse_text(pipeline.resources.nlp, text, size=40)
    assert doc.text == text
    assert len(list(doc.sents)) >= 9
