"""Writing to the store: analysed articles whole (one transaction each), copies, the story an
article joins, quarantined inputs, ingest runs and learned site chrome."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from newsdesk.model import Article
from newsdesk.store.records import ArticleRows, Row, article_rows, input_hash


def now() -> str:
    """The current UTC time as stored (ISO 8601, to the second)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Added:
    """What storing one article did: its row id and whether it was new."""

    article_id: int
    new: bool


@dataclass(frozen=True)
class StoryPlacement:
    """Where a new article goes among the stories, as the corpus's near-copy matching
    decided: the story it joins (None: a story of its own) and its text's MinHash
    signature (``shingles`` distinct word n-grams, ``minhash`` the hash values' bytes)."""

    story_id: int | None
    shingles: int
    minhash: bytes


def add_article(
    connection: sqlite3.Connection, article: Article, placement: StoryPlacement | None = None
) -> Added:
    """Store one analysed article and all its annotations in one transaction, in the story
    ``placement`` names when given. The same text stored before is not stored again: this
    input is linked to it as a copy when it comes from another source."""
    return add_record(connection, article_rows(article, now()), placement)


def add_record(
    connection: sqlite3.Connection, record: ArticleRows, placement: StoryPlacement | None = None
) -> Added:
    """Store one analysed article given as its rows (:mod:`newsdesk.store.records`), as
    :func:`add_article` stores an article: one transaction, a known text linked as a copy."""
    with connection:
        return _add(connection, record, placement)


def add_articles(connection: sqlite3.Connection, articles: Iterable[Article]) -> list[Added]:
    """Store many analysed articles, outside any story, in one transaction: a bulk load, all
    or nothing. Each is stored as :func:`add_article` would store it."""
    with connection:
        return [_add(connection, article_rows(article, now()), None) for article in articles]


def _add(
    connection: sqlite3.Connection, record: ArticleRows, placement: StoryPlacement | None
) -> Added:
    row = connection.execute(
        "SELECT id, source FROM articles WHERE content_hash = ?",
        (record.article["content_hash"],),
    ).fetchone()
    if row is not None:
        _link_copy(connection, int(row[0]), row[1], record.article)
        return Added(int(row[0]), False)
    article_id = _insert(connection, record)
    if placement is not None:
        _place_in_story(connection, article_id, record.article["published"], placement)
    return Added(article_id, True)


def seen(connection: sqlite3.Connection, article: Article) -> Added | None:
    """The stored article an unanalysed input is exactly, if any; a copy from another
    source is linked on the way."""
    copy = {"source": article.source, "url": article.url, "published": article.published}
    return seen_input(connection, input_hash(article.original), copy)


def seen_input(connection: sqlite3.Connection, digest: str, copy: Row) -> Added | None:
    """The stored article whose input had the hash ``digest``, if any; ``copy`` (its source,
    url and published) is linked to it on the way when it comes from another source."""
    with connection:
        row = connection.execute(
            "SELECT id, source FROM articles WHERE input_hash = ?", (digest,)
        ).fetchone()
        if row is None:
            return None
        _link_copy(connection, int(row[0]), row[1], copy)
    return Added(int(row[0]), False)


def _link_copy(
    connection: sqlite3.Connection, article_id: int, stored_source: str, copy: Row
) -> None:
    if stored_source == copy["source"]:
        return
    known = connection.execute(
        "SELECT 1 FROM copies WHERE article_id = ? AND source = ?",
        (article_id, copy["source"]),
    ).fetchone()
    if known is None:
        # The same text from elsewhere: a syndicated copy, linked, not stored twice.
        connection.execute(
            "INSERT INTO copies (article_id, source, url, published, seen_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (article_id, copy["source"], copy["url"], copy["published"], now()),
        )


def _place_in_story(
    c: sqlite3.Connection, article_id: int, published: str | None, placement: StoryPlacement
) -> None:
    story = placement.story_id
    if story is None:
        story = int(
            c.execute(
                "INSERT INTO stories (origin_article_id, size) VALUES (?, 1)", (article_id,)
            ).lastrowid
            or 0
        )
    else:
        c.execute("UPDATE stories SET size = size + 1 WHERE id = ?", (story,))
        origin_date = c.execute(
            "SELECT a.published FROM stories s JOIN articles a "
            "ON a.id = s.origin_article_id WHERE s.id = ?",
            (story,),
        ).fetchone()[0]
        if published and (origin_date is None or published < origin_date):
            c.execute("UPDATE stories SET origin_article_id = ? WHERE id = ?", (article_id, story))
    c.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story, article_id))
    c.execute(
        "INSERT INTO signatures (article_id, shingles, minhash) VALUES (?, ?, ?)",
        (article_id, placement.shingles, placement.minhash),
    )


def _insert_rows(c: sqlite3.Connection, table: str, rows: list[Row]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" for _ in columns)
    c.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({marks})",
        [tuple(row[name] for name in columns) for row in rows],
    )


def _insert(c: sqlite3.Connection, record: ArticleRows) -> int:
    article = {k: v for k, v in record.article.items() if k not in ("id", "story_id")}
    names = ", ".join(f'"{name}"' for name in article)
    marks = ", ".join("?" for _ in article)
    cursor = c.execute(f"INSERT INTO articles ({names}) VALUES ({marks})", tuple(article.values()))
    article_id = int(cursor.lastrowid or 0)
    c.execute(
        "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
        (article_id, article["title"] or "", article["text"]),
    )
    for table in ("repairs", "removed", "flags", "dates", "events"):
        _insert_rows(c, table, [row | {"article_id": article_id} for row in record.rows(table)])
    for quote in record.rows("quotes"):
        _insert_quote(c, quote | {"article_id": article_id})
    entity_ids: dict[int, int] = {}
    for entity in record.rows("entities"):
        values = {k: v for k, v in entity.items() if k != "id"} | {"article_id": article_id}
        cursor = c.execute(
            "INSERT INTO entities (article_id, canonical, type, geonames_id, country_code) "
            "VALUES (:article_id, :canonical, :type, :geonames_id, :country_code)",
            values,
        )
        entity_ids[int(entity["id"])] = int(cursor.lastrowid or 0)
    mentions = [m | {"entity_id": entity_ids[int(m["entity_id"])]} for m in record.rows("mentions")]
    _insert_rows(c, "mentions", mentions)
    return article_id


def _insert_quote(c: sqlite3.Connection, quote: Row) -> None:
    # Until the run ends and unify_speakers runs, a speaker the corpus already knows takes
    # the corpus name it has; a new one stands for itself.
    cursor = c.execute(
        "INSERT INTO quotes (article_id, kind, content, cue, source, speaker, "
        'speaker_type, confidence, fragment, start, "end", speaker_evidence, '
        "source_start, source_end, cue_start, cue_end, content_spans, corpus_speaker) "
        "VALUES (:article_id, :kind, :content, :cue, :source, :speaker, :speaker_type, "
        ":confidence, :fragment, :start, :end, :speaker_evidence, :source_start, "
        ":source_end, :cue_start, :cue_end, :content_spans, "
        "coalesce((SELECT corpus_speaker FROM quotes WHERE speaker = :speaker AND "
        "speaker_type IS :speaker_type AND corpus_speaker IS NOT NULL LIMIT 1), :speaker))",
        quote,
    )
    c.execute(
        "INSERT INTO quotes_fts (rowid, content, speaker) VALUES (?, ?, ?)",
        (cursor.lastrowid, quote["content"], quote["speaker"] or ""),
    )


def quarantine(connection: sqlite3.Connection, source: str, reason: str) -> None:
    """Record an input that could not be read or analysed, with the reason."""
    with connection:
        connection.execute(
            "INSERT OR IGNORE INTO quarantine (source, reason, at) VALUES (?, ?, ?)",
            (source, reason, now()),
        )


def start_run(connection: sqlite3.Connection) -> int:
    """Open an ingest run and return its id."""
    with connection:
        cursor = connection.execute("INSERT INTO ingest_runs (started) VALUES (?)", (now(),))
    return int(cursor.lastrowid or 0)


def finish_run(
    connection: sqlite3.Connection, run_id: int, added: int, duplicates: int, failed: int
) -> None:
    """Close an ingest run with its counts (inside the caller's transaction)."""
    connection.execute(
        "UPDATE ingest_runs SET finished = ?, added = ?, duplicates = ?, failed = ? WHERE id = ?",
        (now(), added, duplicates, failed, run_id),
    )


def record_site_chrome(
    connection: sqlite3.Connection, learned: Iterable[tuple[str, str, str, int]]
) -> None:
    """Keep lines learned as a site's chrome (site, key, example line, pages) for later
    runs; a line seen on more pages than recorded updates its count."""
    with connection:
        connection.executemany(
            "INSERT INTO site_chrome (site, key, line, pages, learned_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (site, key) DO UPDATE SET "
            "pages = max(pages, excluded.pages)",
            [(site, key, line, pages, now()) for site, key, line, pages in learned],
        )
