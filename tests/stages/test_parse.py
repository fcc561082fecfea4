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
