from __future__ import annotations

import jsonschema

from newsdesk import analyze, article_schema
from newsdesk.model import Article, OffsetSegment
from newsdesk.pipeline import Pipeline


def test_json_round_trip_and_schema(pipeline: Pipeline) -> None:
    article = analyze("Title here\n\nA “ quote '' — & mdash; ok.", "2022-01-10", pipeline=pipeline)
    data = article.to_dict()
    jsonschema.validate(data, article_schema())
    again = Article.from_json(article.to_json())
    assert again.to_dict() == data
    with_original = article.to_dict(include_original=True)
    jsonschema.validate(with_original, article_schema())
    assert with_original["original"] == article.original


def test_offsets_map_back_to_the_original() -> None:
    article = Article(
        source="t",
        original="ab & mdash; cd",
        text="ab — cd",
        offset_map=[OffsetSegment(3, 4, 3, 11)],
    )
    assert article.to_original(0) == 0
    assert article.to_original(3) == 3
    assert article.to_original(5) == 12
    assert article.original[article.to_original(5)] == article.text[5]
