"""The reads the web pages need beyond the store's shared queries: cards of the most mentioned
entities, articles per day, a filtered search that knows stories, one speaker's statements with
their sentences, one entity's articles and statements, a filtered timeline, a story's members.

Each function takes an open :class:`~newsdesk.store.Store` and returns frozen rows defined here.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from newsdesk.store.connection import Store
from newsdesk.store.fts import fts_query
from newsdesk.store.listings import EVENT_SPEAKER, contains


@dataclass(frozen=True)
class EntityCount:
    """An entity under its canonical name with the articles and mentions naming it."""

    name: str
    type: str
    geonames_id: int | None
    articles: int
    mentions: int


@dataclass(frozen=True)
class DayCount:
    """How many stored articles were published on one day (``YYYY-MM-DD``)."""

    day: str
    articles: int


@dataclass(frozen=True)
class SearchFilters:
    """What a search asks for: words, a speaker (part of a name), an outlet, a date range
    (both ends included), an entity the article names (its canonical name), and whether each
    story counts once (its best copy) or every copy."""

    words: str = ""
    speaker: str = ""
    outlet: str = ""
    since: str = ""
    until: str = ""
    story_once: bool = False
    entity: str = ""


@dataclass(frozen=True)
class FoundArticle:
    """A search result: the article, its story, how many stored articles and linked exact
    copies that story holds, and the article's text for a snippet."""

    id: int
    title: str | None
    published: str | None
    outlet: str | None
    source: str
    story_id: int | None
    story_articles: int
    story_copies: int
    text: str


@dataclass(frozen=True)
class SearchResults:
    """One page of search results and how many there are in all."""

    total: int
    hits: tuple[FoundArticle, ...]


@dataclass(frozen=True)
class SpokenStatement:
    """A statement of one speaker with its article, the date of the event it reports (when
    the article dates it), and the sentences around it."""

    quote_id: int
    article_id: int
    title: str | None
    published: str | None
    outlet: str | None
    kind: str
    cue: str
    content: str
    name_used: str | None
    event_date: str | None
    before: str
    sentence: str
    after: str


@dataclass(frozen=True)
class NameUse:
    """A name articles give a speaker and how many statements carry it."""

    name: str
    statements: int


@dataclass(frozen=True)
class MentioningArticle:
    """An article mentioning an entity, with how often."""

    id: int
    title: str | None
    published: str | None
    outlet: str | None
    mentions: int


@dataclass(frozen=True)
class MentioningStatement:
    """A statement whose stretch of text mentions an entity."""

    quote_id: int
    article_id: int
    speaker: str | None
    cue: str
    content: str
    published: str | None


@dataclass(frozen=True)
class EntityDetail:
    """What the corpus holds about one entity: its types and GeoNames ids, the articles and
    statements mentioning it."""

    name: str
    types: tuple[str, ...]
    geonames_ids: tuple[int, ...]
    country_codes: tuple[str, ...]
    articles: tuple[MentioningArticle, ...]
    statements: tuple[MentioningStatement, ...]


@dataclass(frozen=True)
class DatedEvent:
    """An event with a date; ``index`` is its place among its article's events (the
    article page's anchor ``e{index}``); ``speaker`` is who holds or makes it, under the
    name that speaker goes by across the corpus."""

    article_id: int
    index: int
    date: str
    kind: str
    text: str
    speaker: str | None
    participants: tuple[str, ...]
    places: tuple[str, ...]
    title: str | None


@dataclass(frozen=True)
class StoryMember:
    """A stored article of a story, origin first."""

    article_id: int
    title: str | None
    published: str | None
    outlet: str | None
    source: str
    origin: bool


# The entity types the home page's cards show, keyed by card name.
ENTITY_CARDS = {"people": "PERSON", "organisations": "ORG", "places": "PLACE"}


def top_entities(store: Store, entity_type: str, limit: int = 10) -> list[EntityCount]:
    """The ``limit`` entities of a type mentioned in most articles (then most mentions)."""
    rows = store.connection.execute(
        "SELECT canonical, type, nullif(geonames_key, 0), articles, mentions "
        "FROM entity_totals WHERE type = ? "
        "ORDER BY articles DESC, mentions DESC, canonical, geonames_key LIMIT ?",
        (entity_type, limit),
    ).fetchall()
    return [EntityCount(*row) for row in rows]


def articles_per_day(store: Store) -> list[DayCount]:
    """How many articles were published each day that has any, in date order."""
    rows = store.connection.execute(
        "SELECT substr(published, 1, 10) AS day, count(*) FROM articles "
        "WHERE published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' "
        "GROUP BY day ORDER BY day"
    ).fetchall()
    return [DayCount(str(day), int(n)) for day, n in rows]


def outlets(store: Store) -> list[str]:
    """Every outlet an article names, in alphabetical order."""
    rows = store.connection.execute(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet"
    ).fetchall()
    return [str(outlet) for (outlet,) in rows]


def _search_where(filters: SearchFilters) -> tuple[str, list[Any]]:
    """The WHERE clause and its parameters for a search's filters."""
    where = ["1"]
    params: list[Any] = []
    if filters.words.strip():
        where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(fts_query(filters.words))
    if filters.speaker:
        where.append(
            "a.id IN (SELECT article_id FROM quotes WHERE corpus_speaker LIKE ? ESCAPE '\\' "
            "OR speaker LIKE ? ESCAPE '\\')"
        )
        params += [contains(filters.speaker)] * 2
    if filters.outlet:
        where.append("a.outlet = ?")
        params.append(filters.outlet)
    if filters.entity:
        where.append("a.id IN (SELECT article_id FROM entities WHERE canonical = ?)")
        params.append(filters.entity)
    if filters.since:
        where.append("substr(a.published, 1, 10) >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("substr(a.published, 1, 10) <= ?")
        params.append(filters.until)
    return " AND ".join(where), params


def search_articles(
    store: Store, filters: SearchFilters, limit: int = 20, offset: int = 0
) -> SearchResults:
    """Articles matching the filters, newest first (then by id), with their story's size;
    with ``story_once`` only the earliest matching copy of each story is kept and counted."""
    clause, params = _search_where(filters)
    story_key = "coalesce(a.story_id, -a.id)"
    matching = (
        f"SELECT a.*, row_number() OVER (PARTITION BY {story_key} "
        "ORDER BY a.published, a.id) AS copy_rank FROM articles a "
        f"WHERE {clause}"
    )
    keep = "WHERE copy_rank = 1" if filters.story_once else ""
    connection = store.connection
    total = int(
        connection.execute(f"SELECT count(*) FROM ({matching}) {keep}", params).fetchone()[0]
    )
    rows = connection.execute(
        "SELECT m.id, m.title, m.published, m.outlet, m.source, m.story_id, "
        "coalesce(s.size, 1), (SELECT count(*) FROM copies c JOIN articles x "
        " ON x.id = c.article_id WHERE x.story_id = m.story_id OR x.id = m.id), m.text "
        f"FROM ({matching}) m LEFT JOIN stories s ON s.id = m.story_id {keep} "
        "ORDER BY m.published DESC, m.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return SearchResults(total, tuple(FoundArticle(*row) for row in rows))


def _around(text: str, sentences: list[list[int]], start: int, end: int) -> tuple[str, ...]:
    """The sentence before the stretch ``start``-``end``, the stretch's sentences, and the
    sentence after, as text ("" where there is none)."""
    inside = [i for i, (s, e) in enumerate(sentences) if s < end and e > start]
    if not inside:
        return "", text[start:end], ""
    first, last = inside[0], inside[-1]
    before = text[slice(*sentences[first - 1])] if first > 0 else ""
    after = text[slice(*sentences[last + 1])] if last + 1 < len(sentences) else ""
    return before, text[sentences[first][0] : sentences[last][1]], after


def _event_date(
    connection: sqlite3.Connection, article_id: int, start: int, end: int
) -> str | None:
    """The date of the first dated event overlapping a stretch of an article, a statement's
    (when it was said) before any other (what it reports)."""
    row = connection.execute(
        'SELECT date FROM events WHERE article_id = ? AND start < ? AND "end" > ? '
        "AND date IS NOT NULL AND date NOT LIKE 'XXXX%' "
        "ORDER BY kind = 'statement' DESC, start, rowid LIMIT 1",
        (article_id, end, start),
    ).fetchone()
    return None if row is None else str(row[0])


def speaker_statements(store: Store, speaker: str, limit: int = 500) -> list[SpokenStatement]:
    """Every statement whose corpus speaker is ``speaker``, by date (the event's date when
    the article gives one, else publication), each with the sentences around it."""
    connection = store.connection
    rows = connection.execute(
        "SELECT q.id, q.article_id, a.title, a.published, a.outlet, q.kind, q.cue, q.content, "
        'q.speaker, q.start, q."end", a.text, a.sentences FROM quotes q '
        "JOIN articles a ON a.id = q.article_id WHERE q.corpus_speaker = ? "
        "ORDER BY a.published, q.article_id, q.start, q.id LIMIT ?",
        (speaker, limit),
    ).fetchall()
    found = []
    for row in rows:
        article_id, start, end = row[1], row[9], row[10]
        before, sentence, after = _around(row[11], json.loads(row[12] or "[]"), start, end)
        date = _event_date(connection, article_id, start, end)
        fields: tuple[Any, ...] = (*row[:9], date, before, sentence, after)
        found.append(SpokenStatement(*fields))
    found.sort(key=lambda s: ((s.event_date or s.published or "")[:10], s.published or ""))
    return found


def speaker_names(store: Store, speaker: str) -> list[NameUse]:
    """The names articles give a corpus speaker, most used first."""
    rows = store.connection.execute(
        "SELECT speaker, count(*) FROM quotes WHERE corpus_speaker = ? AND speaker IS NOT NULL "
        "GROUP BY speaker ORDER BY count(*) DESC, speaker",
        (speaker,),
    ).fetchall()
    return [NameUse(str(name), int(n)) for name, n in rows]


def entity_detail(store: Store, name: str, limit: int = 200) -> EntityDetail | None:
    """The articles and statements mentioning the entity with this canonical name; None
    when no article names it."""
    connection = store.connection
    kinds = connection.execute(
        "SELECT DISTINCT type, geonames_id, country_code FROM entities WHERE canonical = ? "
        "ORDER BY type, geonames_id",
        (name,),
    ).fetchall()
    if not kinds:
        return None
    articles = connection.execute(
        "SELECT a.id, a.title, a.published, a.outlet, count(m.rowid) FROM entities e "
        "JOIN articles a ON a.id = e.article_id LEFT JOIN mentions m ON m.entity_id = e.id "
        "WHERE e.canonical = ? GROUP BY a.id ORDER BY a.published, a.id LIMIT ?",
        (name, limit),
    ).fetchall()
    statements = connection.execute(
        "SELECT DISTINCT q.id, q.article_id, q.corpus_speaker, q.cue, q.content, a.published "
        "FROM entities e JOIN mentions m ON m.entity_id = e.id "
        'JOIN quotes q ON q.article_id = e.article_id AND q.start < m."end" AND q."end" > m.start '
        "JOIN articles a ON a.id = q.article_id WHERE e.canonical = ? "
        "ORDER BY a.published, q.article_id, q.start LIMIT ?",
        (name, limit),
    ).fetchall()
    return EntityDetail(
        name,
        tuple(sorted({str(k[0]) for k in kinds})),
        tuple(sorted({int(k[1]) for k in kinds if k[1] is not None})),
        tuple(sorted({str(k[2]) for k in kinds if k[2] is not None})),
        tuple(MentioningArticle(*row) for row in articles),
        tuple(MentioningStatement(*row) for row in statements),
    )


def dated_events(
    store: Store,
    entity: str = "",
    place: str = "",
    speaker: str = "",
    limit: int = 500,
) -> list[DatedEvent]:
    """Events whose date starts with a year, in date order: those naming ``entity`` among
    their participants or places, ``place`` among their places, and held or said by
    ``speaker`` (each ignoring case) when given."""
    where = ["e.date GLOB '[0-9][0-9][0-9][0-9]*'"]
    params: list[Any] = []
    if entity:
        where.append(
            "(EXISTS (SELECT 1 FROM json_each(e.participants) WHERE value = ? COLLATE NOCASE) "
            "OR EXISTS (SELECT 1 FROM json_each(e.places) WHERE value = ? COLLATE NOCASE))"
        )
        params += [entity, entity]
    if place:
        where.append("EXISTS (SELECT 1 FROM json_each(e.places) WHERE value = ? COLLATE NOCASE)")
        params.append(place)
    if speaker:  # the name the article gives, or the speaker's name across the corpus
        where.append(
            f"({EVENT_SPEAKER} = ? COLLATE NOCASE OR EXISTS (SELECT 1 FROM quotes q "
            f"WHERE q.article_id = e.article_id AND q.speaker = {EVENT_SPEAKER} "
            "AND q.corpus_speaker = ? COLLATE NOCASE))"
        )
        params += [speaker, speaker]
    rows = store.connection.execute(
        # An event's place among its article's events (its anchor on the article page) is
        # counted for the rows shown only, through the events_article index; its speaker is
        # given by the name the speaker goes by across the corpus.
        "SELECT e.article_id, (SELECT count(*) FROM events p WHERE p.article_id = e.article_id "
        f"AND p.rowid < e.rowid), e.date, e.kind, e.text, coalesce((SELECT q.corpus_speaker "
        f"FROM quotes q WHERE q.article_id = e.article_id AND q.speaker = {EVENT_SPEAKER} "
        f"AND q.corpus_speaker IS NOT NULL LIMIT 1), {EVENT_SPEAKER}), "
        "e.participants, e.places, a.title FROM events e "
        f"JOIN articles a ON a.id = e.article_id WHERE {' AND '.join(where)} "
        "ORDER BY e.date, e.article_id, e.start LIMIT ?",
        (*params, limit),
    ).fetchall()
    events = []
    for row in rows:
        fields: tuple[Any, ...] = (*row[:6], *(tuple(json.loads(r)) for r in row[6:8]), row[8])
        events.append(DatedEvent(*fields))
    return events


def story_members(store: Store, story_id: int) -> list[StoryMember]:
    """The stored articles of a story, its origin first, then by date; empty for no story."""
    rows = store.connection.execute(
        "SELECT a.id, a.title, a.published, a.outlet, a.source, a.id = s.origin_article_id "
        "FROM stories s JOIN articles a ON a.story_id = s.id WHERE s.id = ? "
        "ORDER BY a.id = s.origin_article_id DESC, a.published, a.id",
        (story_id,),
    ).fetchall()
    return [StoryMember(r[0], r[1], r[2], r[3], r[4], bool(r[5])) for r in rows]
