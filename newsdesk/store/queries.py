"""The store's read queries, each a typed function over an open connection.

List queries have a stable order and take ``limit`` and ``offset``. The command line's
statement, timeline and story lists are the API's listings (:mod:`~newsdesk.store.listings`)
in the rows the command line prints; the command line calls all of these through
:class:`newsdesk.store.Store`.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from newsdesk.store import listings
from newsdesk.store import speakers as speaker_queries
from newsdesk.store.fts import fts_query, matching
from newsdesk.store.listings import EventFilter, StatementFilter
from newsdesk.store.rows import (
    ArticleRecord,
    CorpusCounts,
    CorpusSummary,
    QuoteRow,
    SearchHit,
    SiteChromeRow,
    SpeakerSummary,
    Statement,
    StoredCopy,
    StoredDate,
    StoredEntity,
    StoredEvent,
    StoredFlag,
    StoredMention,
    StoredParagraph,
    StoredQuote,
    StoredRemoval,
    StoredRepair,
    StoryRow,
    TimelineRow,
)
from newsdesk.store.schema import TABLES

# The speaker types the corpus summary lists.
SUMMARY_SPEAKER_TYPES = ("person", "organisation")


def count(connection: sqlite3.Connection, table: str) -> int:
    """The number of rows in one of the store's tables."""
    if table not in TABLES:
        raise ValueError(f"no table {table!r}")
    return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def search(
    connection: sqlite3.Connection,
    query: str,
    limit: int = 20,
    offset: int = 0,
    marks: tuple[str, str] = ("[", "]"),
) -> list[SearchHit]:
    """Articles whose title or text match the words of ``query``, best first; in each
    snippet the matched words stand between the two ``marks``."""
    rows = matching(
        connection,
        "SELECT a.id, a.title, a.source, a.published, a.outlet, "
        "snippet(articles_fts, 1, ?, ?, ' … ', 12) AS snippet "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ? OFFSET ?",
        (*marks, fts_query(query), limit, offset),
    )
    return [SearchHit(*row) for row in rows]


def search_total(connection: sqlite3.Connection, query: str) -> int:
    """How many articles match the words of ``query`` (as :func:`search` reads them)."""
    rows = matching(
        connection,
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
        (fts_query(query),),
    )
    return int(rows[0][0])


def quotes(
    connection: sqlite3.Connection,
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    limit: int = 100,
    exact: bool = False,
    *,
    until: str | None = None,
    text: str | None = None,
    kind: str | None = None,
    offset: int = 0,
) -> list[QuoteRow]:
    """Attributed statements as the API's :func:`listings.statements` lists them, newest
    articles first. ``speaker`` with ``exact`` is a corpus name; without, part of the corpus
    name or of the name an article gives (``%`` and ``_`` match themselves). ``since`` and
    ``until`` bound the publication date (both included), ``text`` are words the statement or
    its speaker must hold (as in :func:`search`), ``kind`` is the attribution kind."""
    wanted = StatementFilter(
        speaker=None if exact else speaker,
        corpus_speaker=speaker if exact else None,
        outlet=outlet,
        since=since,
        until=until,
        words=text,
        kind=kind,
    )
    return [
        QuoteRow(
            row.speaker,
            row.article_speaker,
            row.kind,
            row.cue,
            row.content,
            row.published,
            row.outlet,
            row.source,
        )
        for row in listings.statements(connection, wanted, limit, offset)
    ]


def known_site_chrome(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """``(site, key)`` of every line learned as chrome in earlier runs."""
    rows = connection.execute("SELECT site, key FROM site_chrome ORDER BY site, key").fetchall()
    return [(str(site), str(key)) for site, key in rows]


def site_chrome(
    connection: sqlite3.Connection, site: str | None = None, limit: int = 100, offset: int = 0
) -> list[SiteChromeRow]:
    """Lines learned as site chrome, most widespread first, for one site when given."""
    clause, params = ("WHERE site = ?", (site,)) if site else ("", ())
    rows = connection.execute(
        f"SELECT site, line, pages, learned_at FROM site_chrome {clause} "
        "ORDER BY pages DESC, site, line LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [SiteChromeRow(*row) for row in rows]


# Each count of CorpusCounts and the query that makes it.
_COUNTS = (
    ("articles", "SELECT count(*) FROM articles"),
    ("statements", "SELECT count(*) FROM quotes"),
    ("speakers", "SELECT count(DISTINCT speaker) FROM speaker_totals"),
    ("unresolved_statements", "SELECT count(*) FROM quotes WHERE speaker IS NULL"),
    (
        "stories_with_copies",
        "SELECT count(*) FROM stories s WHERE s.size > 1 OR EXISTS "
        "(SELECT 1 FROM copies c JOIN articles m ON m.id = c.article_id "
        "WHERE m.story_id = s.id)",
    ),
    ("copies", "SELECT count(*) FROM copies"),
    ("entities", "SELECT count(DISTINCT canonical) FROM entity_totals"),
    (
        "dated_events",
        "SELECT count(*) FROM events WHERE date IS NOT NULL AND date NOT LIKE 'XXXX%'",
    ),
    ("quarantined", "SELECT count(*) FROM quarantine"),
    ("site_chrome_lines", "SELECT count(*) FROM site_chrome"),
    ("ingest_runs", "SELECT count(*) FROM ingest_runs"),
)


def counts(connection: sqlite3.Connection) -> CorpusCounts:
    """How much the corpus holds: articles, statements, speakers (by corpus name),
    statements with no resolved speaker, stories told by more than one copy, linked
    copies, entities, dated events, quarantined inputs, learned site-chrome lines and
    ingest runs."""
    values = {name: int(connection.execute(sql).fetchone()[0]) for name, sql in _COUNTS}
    return CorpusCounts(**values)


def timeline(
    connection: sqlite3.Connection, entity: str | None = None, limit: int = 100, offset: int = 0
) -> list[TimelineRow]:
    """Dated events in date order as the API's :func:`listings.events` lists them, those
    involving ``entity`` (part of a participant's or a place's name) when given; ``speaker``
    is whose attribution holds the event or, for a statement, who makes it."""
    rows = listings.events(connection, EventFilter(entity=entity), limit, offset)
    return [
        TimelineRow(row.date, row.date_source, row.text, row.speaker, row.source) for row in rows
    ]


def stories(
    connection: sqlite3.Connection, minimum: int = 2, limit: int = 50, offset: int = 0
) -> list[StoryRow]:
    """Stories told by at least ``minimum`` copies, largest first, as the API's
    :func:`listings.stories` lists them, with their origin (the earliest copy) and how many
    exact copies were linked to them."""
    return [
        StoryRow(
            row.id,
            row.articles,
            row.exact_copies,
            row.origin_title,
            row.origin_source,
            row.origin_published,
        )
        for row in listings.stories(connection, minimum, limit, offset)
    ]


def summary(
    connection: sqlite3.Connection, speaker_limit: int, statement_limit: int, event_limit: int
) -> CorpusSummary:
    """The corpus at a glance: its counts, the ``speaker_limit`` people and organisations
    with most statements and the first ``statement_limit`` statements of each, the stories
    told by several copies (ten at most) and the first ``event_limit`` dated events."""
    top = (
        speaker_queries.speakers(connection, speaker_limit, SUMMARY_SPEAKER_TYPES)
        if speaker_limit
        else []
    )
    speakers = []
    for row in top:
        said = tuple(
            Statement(q.kind, q.cue, q.content, q.published, q.source)
            for q in quotes(connection, speaker=row.speaker, limit=statement_limit, exact=True)
        )
        speakers.append(
            SpeakerSummary(
                row.speaker, row.speaker_type, row.statements, row.articles, row.names, said
            )
        )
    return CorpusSummary(
        counts=counts(connection),
        speakers=tuple(speakers),
        stories=tuple(stories(connection, 2, 10)),
        timeline=tuple(timeline(connection, limit=event_limit)) if event_limit else (),
    )


def article(connection: sqlite3.Connection, article_id: int) -> ArticleRecord | None:
    """The stored article with this id and everything stored about it, or None."""
    row = connection.execute(
        "SELECT id, source, url, site, title, lede, text, published, outlet, ingested_at, "
        "story_id, errors, paragraphs, sentences FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    if row is None:
        return None

    def rows(sql: str) -> list[Any]:
        """The rows of a query about this article."""
        return connection.execute(sql, (article_id,)).fetchall()

    mentions: dict[int, list[StoredMention]] = {}
    for entity_id, *mention in rows(
        'SELECT m.entity_id, m.text, m.start, m."end" FROM entities e '
        # Mentions are grouped by entity below: their order within an entity is what counts,
        # and the mentions_entity index gives it without a sort.
        "JOIN mentions m ON m.entity_id = e.id WHERE e.article_id = ? ORDER BY e.id, m.rowid"
    ):
        mentions.setdefault(entity_id, []).append(StoredMention(*mention))
    entities = [
        StoredEntity(
            entity_id, canonical, kind, geonames_id, country, tuple(mentions.get(entity_id, ()))
        )
        for entity_id, canonical, kind, geonames_id, country in rows(
            "SELECT id, canonical, type, geonames_id, country_code FROM entities "
            "WHERE article_id = ? ORDER BY id"
        )
    ]
    quote_rows = rows(
        "SELECT id, kind, content, cue, source, speaker, corpus_speaker, speaker_type, "
        'confidence, fragment, start, "end", source_start, source_end, cue_start, cue_end, '
        "content_spans FROM quotes WHERE article_id = ? ORDER BY id"
    )
    event_rows = rows(
        "SELECT text, trigger, kind, date, date_source, narrator, speaker, participants, "
        'places, start, "end" FROM events WHERE article_id = ? ORDER BY rowid'
    )
    (
        article_key,
        source,
        url,
        site,
        title,
        lede,
        text,
        published,
        outlet,
        ingested_at,
        story_id,
        errors,
        paragraphs,
        sentences,
    ) = row
    return ArticleRecord(
        id=article_key,
        source=source,
        url=url,
        site=site,
        title=title,
        lede=lede,
        text=text,
        published=published,
        outlet=outlet,
        ingested_at=ingested_at,
        story_id=story_id,
        errors=tuple(json.loads(errors)),
        repairs=tuple(
            StoredRepair(*r)
            for r in rows(
                'SELECT kind, start, "end", before, after FROM repairs '
                "WHERE article_id = ? ORDER BY rowid"
            )
        ),
        removed=tuple(
            StoredRemoval(*r)
            for r in rows(
                'SELECT text, reason, start, "end" FROM removed WHERE article_id = ? ORDER BY rowid'
            )
        ),
        quotes=_stored_quotes(quote_rows),
        entities=tuple(entities),
        dates=tuple(
            StoredDate(*d)
            for d in rows(
                'SELECT text, type, value, end_value, start, "end" FROM dates '
                "WHERE article_id = ? ORDER BY rowid"
            )
        ),
        events=_stored_events(event_rows),
        copies=tuple(
            StoredCopy(*c)
            for c in rows(
                "SELECT source, url, published, seen_at FROM copies "
                "WHERE article_id = ? ORDER BY rowid"
            )
        ),
        paragraphs=tuple(StoredParagraph(*p) for p in json.loads(paragraphs or "[]")),
        sentences=tuple((s, e) for s, e in json.loads(sentences or "[]")),
        flags=tuple(
            StoredFlag(*f)
            for f in rows(
                'SELECT kind, text, start, "end", note FROM flags '
                "WHERE article_id = ? ORDER BY rowid"
            )
        ),
    )


def _json_values(texts: list[str]) -> list[Any]:
    """Many stored JSON texts decoded in one call (an article's page reads a hundred)."""
    return json.loads(f"[{','.join(texts)}]") if texts else []


def _stored_quotes(rows: list[Any]) -> tuple[StoredQuote, ...]:
    spans = iter(_json_values([row[16] for row in rows if row[16]]))
    quotes = []
    for row in rows:
        key, kind, content, cue, source, speaker, corpus, speaker_type, confidence = row[:9]
        quotes.append(
            StoredQuote(
                key,
                kind,
                content,
                cue,
                source,
                speaker,
                corpus,
                speaker_type,
                confidence,
                bool(row[9]),
                row[10],
                row[11],
                _pair(row[12], row[13]),
                _pair(row[14], row[15]),
                tuple((s, e) for s, e in next(spans)) if row[16] else ((row[10], row[11]),),
            )
        )
    return tuple(quotes)


def _pair(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def _stored_events(rows: list[Any]) -> tuple[StoredEvent, ...]:
    names = iter(_json_values([text for row in rows for text in row[7:9]]))
    events = []
    for row in rows:
        text, trigger, kind, date, date_source, narrator, speaker = row[:7]
        participants, places = tuple(next(names)), tuple(next(names))
        events.append(
            StoredEvent(
                text,
                trigger,
                kind,
                date,
                date_source,
                narrator,
                speaker,
                participants,
                places,
                row[9],
                row[10],
            )
        )
    return tuple(events)
