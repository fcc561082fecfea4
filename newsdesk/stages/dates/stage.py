"""The dates stage: temporal expressions normalised against the publication date."""

from __future__ import annotations

import datetime as dt

from newsdesk.model import Article
from newsdesk.resources import Resources
from newsdesk.stages.dates.find import find_dates


def normalise_dates(article: Article, resources: Resources) -> Article:
    """Fill ``dates``; without a publication date, years the text does not give stay XXXX."""
    anchor = dt.date.fromisoformat(article.published) if article.published else None
    mentions = find_dates(article.text, anchor)
    return article.with_updates(dates=mentions)
