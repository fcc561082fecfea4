"""Paged listings of the corpus, each with the count of everything it would list: statements
with where they stand, articles, entities, dated events and stories with their copies.

Every listing takes its filters as one frozen object, pages with ``limit`` and ``offset`` in a
stable order (the row id is always the last sort key), and has a ``*_total`` twin that counts
the rows the same filters select. Text filters match part of a name, ``%`` and ``_`` matching
themselves; words to search for go through the full-text index as :func:`queries.search` reads
them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from newsdesk.store.fts import fts_query, matching
from newsdesk.store.rows import (
    ArticleRow,
    EntityRow,
    EventRow,
    StatementRow,
    StoredCopy,
    StoryArticle,
    StoryDetail,
    StorySummary,
)
from newsdesk.store.speakers import like_escape


@dataclass(frozen=True)
class Selection:
    """A WHERE clause (empty: every row) and its parameters."""

    clause: str = ""
    params: tuple[Any, ...] = ()


def selection(conditions: list[tuple[str, tuple[Any, ...]]]) -> Selection:
    """The conditions joined by AND into one WHERE clause with their parameters in order."""
    if not conditions:
        return Selection()
    clause = "WHERE " + " AND ".join(condition for condition, _ in conditions)
    return Selection(clause, tuple(p for _, params in conditions for p in params))


def contains(text: str) -> str:
    """A LIKE pattern (``ESCAPE '\\'``) for values holding ``text``."""
    return f"%{like_escape(text)}%"


# --- statements ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementFilter:
    """Which statements to list: ``speaker`` is part of the corpus name or of the name an
    article gives, ``corpus_speaker`` a whole corpus name, ``since``/``until`` bound the
    publication date (both included), ``words`` must be in the statement or its speaker,
    ``kind`` is the attribution kind."""

    speaker: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    words: str | None = None
    kind: str | None = None
    corpus_speaker: str | None = None


def _statement_selection(wanted: StatementFilter) -> Selection:
    conditions: list[tuple[str, tuple[Any, ...]]] = []
    if wanted.speaker:
        pattern = contains(wanted.speaker)
        conditions.append(
            (r"(q.corpus_speaker LIKE ? ESCAPE '\' OR q.speaker LIKE ? ESCAPE '\')", (pattern,) * 2)
        )
    if wanted.corpus_speaker:
        conditions.append(("q.corpus_speaker = ?", (wanted.corpus_speaker,)))
    if wanted.outlet:
        conditions.append(("a.outlet = ?", (wanted.outlet,)))
    if wanted.since:
        conditions.append(("a.published >= ?", (wanted.since,)))
    if wanted.until:
        conditions.append(("a.published <= ?", (wanted.until,)))
    if wanted.words:
        conditions.append(
            (
                "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
                (fts_query(wanted.words),),
            )
        )
    if wanted.kind:
        conditions.append(("q.kind = ?", (wanted.kind,)))
    return selection(conditions)


def statements(
    connection: sqlite3.Connection, wanted: StatementFilter, limit: int, offset: int = 0
) -> list[StatementRow]:
    """Statements as ``wanted`` selects them, newest articles first, then in text order."""
    where = _statement_selection(wanted)
    # Unless words or a corpus name pick a few statements out of an index, walk the articles
    # newest first (the articles_newest index) and stop at the page's end, rather than sort
    # every statement.
    picked = wanted.words is not None or wanted.corpus_speaker is not None
    tables = "quotes q JOIN articles a" if picked else "articles a CROSS JOIN quotes q"
    rows = matching(
        connection,
        "SELECT q.id, q.article_id, q.corpus_speaker, q.speaker, q.speaker_type, q.kind, q.cue, "
        'q.content, q.start, q."end", a.published, a.outlet, a.source '
        f"FROM {tables} ON a.id = q.article_id {where.clause} "
        "ORDER BY a.published IS NULL, a.published DESC, a.id, q.start, q.id "
        "LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    )
    return [StatementRow(*row) for row in rows]


def statement_total(connection: sqlite3.Connection, wanted: StatementFilter) -> int:
    """How many statements ``wanted`` selects."""
    where = _statement_selection(wanted)
    rows = matching(
        connection,
        f"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id {where.clause}",
        where.params,
    )
    return int(rows[0][0])


def speaker_total(connection: sqlite3.Connection, types: tuple[str, ...] | None = None) -> int:
    """How many speakers (corpus name and type) :meth:`Store.speakers` would list."""
    clause = f"WHERE speaker_type IN ({', '.join('?' for _ in types)})" if types else ""
    row = connection.execute(
        f"SELECT count(*) FROM speaker_totals {clause}", tuple(types or ())
    ).fetchone()
    return int(row[0])


# --- articles ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles to list: by outlet, publication date (both bounds included) and story."""

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    story: int | None = None


def _article_selection(wanted: ArticleFilter) -> Selection:
    conditions: list[tuple[str, tuple[Any, ...]]] = []
    if wanted.outlet:
        conditions.append(("a.outlet = ?", (wanted.outlet,)))
    if wanted.since:
        conditions.append(("a.published >= ?", (wanted.since,)))
    if wanted.until:
        conditions.append(("a.published <= ?", (wanted.until,)))
    if wanted.story is not None:
        conditions.append(("a.story_id = ?", (wanted.story,)))
    return selection(conditions)


def articles(
    connection: sqlite3.Connection, wanted: ArticleFilter, limit: int, offset: int = 0
) -> list[ArticleRow]:
    """Articles as ``wanted`` selects them, newest first (undated last), then by id."""
    where = _article_selection(wanted)
    rows = connection.execute(
        "SELECT a.id, a.title, a.source, a.url, a.published, a.outlet, a.story_id, "
        "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) "
        f"FROM articles a {where.clause} "
        "ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    ).fetchall()
    return [ArticleRow(*row) for row in rows]


def article_total(connection: sqlite3.Connection, wanted: ArticleFilter) -> int:
    """How many articles ``wanted`` selects."""
    where = _article_selection(wanted)
    row = connection.execute(f"SELECT count(*) FROM articles a {where.clause}", where.params)
    return int(row.fetchone()[0])


# --- entities ------------------------------------------------------------------------------


def _entity_selection(kind: str | None, name: str | None) -> Selection:
    conditions: list[tuple[str, tuple[Any, ...]]] = []
    if kind:  # types are stored in capitals
        conditions.append(("e.type = ?", (kind.upper(),)))
    if name:
        conditions.append((r"e.canonical LIKE ? ESCAPE '\'", (contains(name),)))
    return selection(conditions)


def entities(
    connection: sqlite3.Connection,
    kind: str | None = None,
    name: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[EntityRow]:
    """Entities by canonical name, type and GeoNames id, those of type ``kind`` and with
    ``name`` in their canonical name when given; most widely reported first."""
    where = _entity_selection(kind, name)
    rows = connection.execute(
        "SELECT e.canonical, e.type, nullif(e.geonames_key, 0), e.country_code, e.mentions, "
        f"e.articles FROM entity_totals e {where.clause} "
        "ORDER BY e.articles DESC, e.mentions DESC, e.canonical, e.type, e.geonames_key "
        "LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    ).fetchall()
    return [EntityRow(*row) for row in rows]


def entity_total(connection: sqlite3.Connection, kind: str | None, name: str | None) -> int:
    """How many entities :func:`entities` would list."""
    where = _entity_selection(kind, name)
    row = connection.execute(f"SELECT count(*) FROM entity_totals e {where.clause}", where.params)
    return int(row.fetchone()[0])


# --- events --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    """Which dated events to list: ``entity`` is part of a participant's or a place's name,
    ``place`` of a place's, ``speaker`` of the name of whoever says it; ``since`` and
    ``until`` bound the event's date (both included)."""

    entity: str | None = None
    place: str | None = None
    speaker: str | None = None
    since: str | None = None
    until: str | None = None


# Who an event's statement is made by: its attribution's speaker, or for a statement itself
# its first participant.
EVENT_SPEAKER = (
    "coalesce(e.speaker, CASE WHEN e.kind = 'statement' "
    "THEN json_extract(e.participants, '$[0]') END)"
)


def _event_selection(wanted: EventFilter) -> Selection:
    conditions: list[tuple[str, tuple[Any, ...]]] = [
        ("e.date IS NOT NULL AND e.date NOT LIKE 'XXXX%'", ())
    ]
    listed = r"EXISTS (SELECT 1 FROM json_each({}) WHERE value LIKE ? ESCAPE '\')"
    if wanted.entity:
        pattern = contains(wanted.entity)
        either = f"({listed.format('e.participants')} OR {listed.format('e.places')})"
        conditions.append((either, (pattern, pattern)))
    if wanted.place:
        conditions.append((listed.format("e.places"), (contains(wanted.place),)))
    if wanted.speaker:
        conditions.append((rf"{EVENT_SPEAKER} LIKE ? ESCAPE '\'", (contains(wanted.speaker),)))
    if wanted.since:
        conditions.append(("e.date >= ?", (wanted.since,)))
    if wanted.until:
        # A date such as 2024-05-08T10:00 still falls on the day ``until`` names.
        conditions.append(("substr(e.date, 1, 10) <= ?", (wanted.until,)))
    return selection(conditions)


def events(
    connection: sqlite3.Connection, wanted: EventFilter, limit: int = 50, offset: int = 0
) -> list[EventRow]:
    """Dated events as ``wanted`` selects them, in date order, then in text order."""
    where = _event_selection(wanted)
    rows = connection.execute(
        f"SELECT e.date, e.date_source, e.kind, e.text, e.trigger, {EVENT_SPEAKER}, "
        'e.participants, e.places, e.article_id, e.start, e."end", a.source '
        f"FROM events e JOIN articles a ON a.id = e.article_id {where.clause} "
        "ORDER BY e.date, e.article_id, e.start, e.rowid LIMIT ? OFFSET ?",
        (*where.params, limit, offset),
    ).fetchall()
    return [_event_row(row) for row in rows]


def _event_row(row: Any) -> EventRow:
    date, date_source, kind, text, trigger, speaker, participants, places = row[:8]
    article_id, start, end, source = row[8:]
    return EventRow(
        date,
        date_source,
        kind,
        text,
        trigger,
        speaker,
        tuple(json.loads(participants)),
        tuple(json.loads(places)),
        article_id,
        start,
        end,
        source,
    )


def event_total(connection: sqlite3.Connection, wanted: EventFilter) -> int:
    """How many dated events ``wanted`` selects."""
    where = _event_selection(wanted)
    row = connection.execute(f"SELECT count(*) FROM events e {where.clause}", where.params)
    return int(row.fetchone()[0])


# --- stories -------------------------------------------------------------------------------

_LINKED_COPIES = (
    "(SELECT count(*) FROM copies c JOIN articles m ON m.id = c.article_id WHERE m.story_id = s.id)"
)
_STORY_SUMMARY = (
    f"SELECT s.id, s.size, {_LINKED_COPIES}, o.id, o.title, o.source, o.published "
    "FROM stories s JOIN articles o ON o.id = s.origin_article_id "
)


def stories(
    connection: sqlite3.Connection, minimum: int = 2, limit: int = 50, offset: int = 0
) -> list[StorySummary]:
    """Stories told by at least ``minimum`` copies (stored articles and linked exact copies
    together), largest first, then by id."""
    rows = connection.execute(
        f"{_STORY_SUMMARY} WHERE s.size + {_LINKED_COPIES} >= ? "
        "ORDER BY s.size DESC, s.id LIMIT ? OFFSET ?",
        (minimum, limit, offset),
    ).fetchall()
    return [StorySummary(*row) for row in rows]


def story_total(connection: sqlite3.Connection, minimum: int = 2) -> int:
    """How many stories :func:`stories` would list."""
    row = connection.execute(
        f"SELECT count(*) FROM stories s WHERE s.size + {_LINKED_COPIES} >= ?", (minimum,)
    )
    return int(row.fetchone()[0])


def story(connection: sqlite3.Connection, story_id: int) -> StoryDetail | None:
    """The story with this id and its stored articles, origin first, then by publication
    date (undated last) and id, each with its linked exact copies; None when there is none."""
    found = connection.execute(f"{_STORY_SUMMARY} WHERE s.id = ?", (story_id,)).fetchone()
    if found is None:
        return None
    summary = StorySummary(*found)
    told = connection.execute(
        "SELECT id, title, source, url, published, outlet FROM articles WHERE story_id = ? "
        "ORDER BY id != ?, published IS NULL, published, id",
        (story_id, summary.origin_id),
    ).fetchall()
    members = []
    for row in told:
        copies = connection.execute(
            "SELECT source, url, published, seen_at FROM copies WHERE article_id = ? "
            "ORDER BY seen_at, rowid",
            (row[0],),
        ).fetchall()
        key, title, source, url, published, outlet = row
        members.append(
            StoryArticle(
                key,
                title,
                source,
                url,
                published,
                outlet,
                key == summary.origin_id,
                tuple(StoredCopy(*c) for c in copies),
            )
        )
    return StoryDetail(summary, tuple(members))
