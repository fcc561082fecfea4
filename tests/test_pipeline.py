from __future__ import annotations

import pickle

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.model import Article
from newsdesk.pipeline import STAGES, Pipeline, Stage, check_order
from newsdesk.resources import Resources


def explode(article: Article, resources: Resources) -> Article:
    if "boom" in article.text:
        raise RuntimeError("boom in the text")
    return article.with_updates(outlet="ok")


def needs_outlet(article: Article, resources: Resources) -> Article:
    return article.with_updates(published="2020-01-01")


def test_stage_list_is_ordered_by_requirements() -> None:
    check_order(STAGES)
    with pytest.raises(ValueError, match="needs"):
        check_order([STAGES[1], STAGES[0]])


def test_a_failing_stage_marks_the_article_and_the_batch_goes_on() -> None:
    stages = [
        STAGES[0],
        Stage("explode", ("text",), ("outlet",), explode),
        Stage("after", ("outlet",), ("published",), needs_outlet),
        Stage("independent", ("text",), ("paragraphs",), STAGES[1].run),
    ]
    pipeline = Pipeline(stages)
    results = list(
        pipeline.run_many([Article("a", "fine text"), Article("b", "boom here"), Article("c", "x")])
    )
    assert [a.failed for a in results] == [False, True, False]
    failed = results[1]
    assert failed.errors[0].stage == "explode"
    assert "boom in the text" in failed.errors[0].message
    assert "after" not in failed.completed and failed.published is None
    assert "independent" in failed.completed
    assert results[0].completed == ["repair", "explode", "after", "independent"]


def test_pipeline_and_articles_pickle_without_models(pipeline: Pipeline) -> None:
    article = pipeline.run(Article("a", "Some text here."))
    assert article.parsed is not None
    copy = pickle.loads(pickle.dumps(article))
    assert copy.parsed is None and copy.text == article.text
    shipped = pickle.loads(pickle.dumps(pipeline))
    assert shipped.resources._loaded == {}
    assert shipped.run(Article("b", "More text.")).sentences


# Pieces news text is made of, damaged as scraped text is: names, cues, quotation marks of
# every kind (paired or not), broken entities, colons, dashes, dates and line breaks.
_PIECES = [
    "Tokayev",
    "The President of Kazakhstan",
    "said",
    "Says",
    "told reporters",
    "according to",
    "he believes",
    "was accused of",
    "seems",
    "“",
    "”",
    '"',
    "''",
    "'",
    "«",
    "»",
    "& mdash;",
    "&amp;",
    ":",
    "—",
    "―",
    ",",
    ".",
    "\n",
    "\n\n",
    "on January 5 and 6",
    "Thanksgiving",
    "that day",
    "the following year",
    "Almaty",
    "Poll",
    "Leave a Reply",
    "the city",
    "protesters",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40), st.booleans())
def test_no_stage_raises_on_any_arrangement_of_news_pieces(
    pipeline: Pipeline, pieces: list[str], dated: bool
) -> None:
    text = " ".join(pieces)
    article = pipeline.run(
        Article(source="fuzz", original=text, published="2022-01-10" if dated else None)
    )
    assert article.errors == [], (text, article.errors)
