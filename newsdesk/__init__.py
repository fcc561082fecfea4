"""newsdesk: repair scraped news and record who said what, about whom, when and where.

The public API is small::

    import newsdesk
    article = newsdesk.analyze(text, published="2022-01-10")
    article.title, article.text, article.repairs, article.to_json()

    with newsdesk.open_store("corpus.db", read_only=True) as store:
        store.quotes(speaker="Hillary Clinton")
"""

from __future__ import annotations

from newsdesk.errors import InputError, NewsdeskError
from newsdesk.model import Article, Flag, Paragraph, Removed, Repair, Span, article_schema
from newsdesk.pipeline import STAGES, Pipeline, Stage
from newsdesk.resources import Resources
from newsdesk.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "STAGES",
    "Article",
    "Flag",
    "InputError",
    "NewsdeskError",
    "Paragraph",
    "Pipeline",
    "Removed",
    "Repair",
    "Resources",
    "Span",
    "Stage",
    "Store",
    "__version__",
    "analyze",
    "article_schema",
    "open_store",
]


def analyze(
    text: str,
    published: str | None = None,
    source: str = "<text>",
    pipeline: Pipeline | None = None,
) -> Article:
    """Repair and analyse one article's text and return the resulting :class:`Article`.

    Pass a :class:`Pipeline` to reuse its loaded models across many calls.
    """
    runner = pipeline if pipeline is not None else Pipeline()
    return runner.run(Article(source=source, original=text, published=published))
