"""The corpus store, the one home of the corpus's SQL: schema and migrations
(:mod:`~newsdesk.store.schema`), writes (:mod:`~newsdesk.store.writes`), typed read queries
(paged listings with their filters and totals in :mod:`~newsdesk.store.listings`, which the
command line, the API and the pages all read through; single records, search, counts and the
summary in :mod:`~newsdesk.store.queries`; what only the pages show in
:mod:`~newsdesk.store.browse`; rows in :mod:`~newsdesk.store.rows`), the full-text helpers
(:mod:`~newsdesk.store.fts`), speakers under their corpus names
(:mod:`~newsdesk.store.speakers`) and exports (:mod:`~newsdesk.store.export`).
Callers open a :class:`Store` with :func:`open_store` and call its methods.
"""

from __future__ import annotations

from newsdesk.store.connection import BUSY_TIMEOUT, Store, open_store, store_error
from newsdesk.store.fts import fts_query
from newsdesk.store.listings import ArticleFilter, EventFilter, StatementFilter
from newsdesk.store.records import ArticleRows, article_rows, content_hash, input_hash
from newsdesk.store.rows import (
    ArticleRecord,
    ArticleRow,
    CorpusCounts,
    CorpusSummary,
    EntityRow,
    EventRow,
    QuoteRow,
    SearchHit,
    SiteChromeRow,
    SpeakerRow,
    SpeakerStatements,
    SpeakerSummary,
    Statement,
    StatementRow,
    StoredSignature,
    StoryDetail,
    StoryRow,
    StorySummary,
    TimelineRow,
    as_dict,
)
from newsdesk.store.schema import MIGRATIONS, TABLE_DESCRIPTIONS
from newsdesk.store.writes import Added, StoryPlacement

__all__ = [
    "BUSY_TIMEOUT",
    "MIGRATIONS",
    "TABLE_DESCRIPTIONS",
    "Added",
    "ArticleFilter",
    "ArticleRecord",
    "ArticleRow",
    "ArticleRows",
    "CorpusCounts",
    "CorpusSummary",
    "EntityRow",
    "EventFilter",
    "EventRow",
    "QuoteRow",
    "SearchHit",
    "SiteChromeRow",
    "SpeakerRow",
    "SpeakerStatements",
    "SpeakerSummary",
    "Statement",
    "StatementFilter",
    "StatementRow",
    "Store",
    "StoredSignature",
    "StoryDetail",
    "StoryPlacement",
    "StoryRow",
    "StorySummary",
    "TimelineRow",
    "article_rows",
    "as_dict",
    "content_hash",
    "fts_query",
    "input_hash",
    "open_store",
    "store_error",
]
