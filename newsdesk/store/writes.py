"""Writing to the store: analysed articles whole (one transaction each), copies, the story an
article joins, quarantined inputs, ingest runs and learned site chrome."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from newsdesk.model import Article, site_of


def input_hash(original: str) -> str:
    """The hash of an input exactly as it arrived (to skip analysing it twice)."""
    return hashlib.sha256(original.encode("utf-8", errors="surrogatepass")).hexdigest()


def content_hash(text: str) -> str:
    """The hash that identifies an article's text: case, spacing and punctuation ignored."""
    words = re.findall(r"\w+", text.lower())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


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
    with connection:
        return _add(connection, article, placement)


def add_articles(connection: sqlite3.Connection, articles: Iterable[Article]) -> list[Added]:
    """Store many analysed articles, outside any story, in one transaction: a bulk load, all
    or nothing. Each is stored as :func:`add_article` would store it."""
    with connection:
        return [_add(connection, article, None) for article in articles]


def _add(
    connection: sqlite3.Connection, article: Article, placement: StoryPlacement | None
) -> Added:
    digest = content_hash(article.text or article.original)
    row = connection.execute(
        "SELECT id, source FROM articles WHERE content_hash = ?", (digest,)
    ).fetchone()
    if row is not None:
        _link_copy(connection, int(row[0]), row[1], article)
        return Added(int(row[0]), False)
    article_id = _insert(connection, article, digest)
    if placement is not None:
        _place_in_story(connection, article_id, article.published, placement)
    return Added(article_id, True)


def seen(connection: sqlite3.Connection, article: Article) -> Added | None:
    """The stored article an unanalysed input is exactly, if any; a copy from another
    source is linked on the way."""
    with connection:
        row = connection.execute(
            "SELECT id, source FROM articles WHERE input_hash = ?",
            (input_hash(article.original),),
        ).fetchone()
        if row is None:
            return None
        _link_copy(connection, int(row[0]), row[1], article)
    return Added(int(row[0]), False)


def _link_copy(
    connection: sqlite3.Connection, article_id: int, stored_source: str, article: Article
) -> None:
    if stored_source == article.source:
        return
    known = connection.execute(
        "SELECT 1 FROM copies WHERE article_id = ? AND source = ?",
        (article_id, article.source),
    ).fetchone()
    if known is None:
        # The same text from elsewhere: a syndicated copy, linked, not stored twice.
        connection.execute(
            "INSERT INTO copies (article_id, source, url, published, seen_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (article_id, article.source, article.url, article.published, now()),
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


def _insert(c: sqlite3.Connection, article: Article, digest: str) -> int:
    cursor = c.execute(
        "INSERT INTO articles (content_hash, input_hash, source, url, site, title, lede, text,"
        " published, outlet, ingested_at, errors, paragraphs, sentences) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            digest,
            input_hash(article.original),
            article.source,
            article.url,
            site_of(article),
            article.title,
            article.lede,
            article.text,
            article.published,
            article.outlet,
            now(),
            json.dumps([e.__dict__ for e in article.errors]),
            json.dumps([[p.start, p.end, p.role] for p in article.paragraphs]),
            json.dumps([[s.start, s.end] for s in article.sentences]),
        ),
    )
    article_id = int(cursor.lastrowid or 0)
    c.execute(
        "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)",
        (article_id, article.title or "", article.text),
    )
    c.executemany(
        'INSERT INTO repairs (article_id, kind, start, "end", before, after) '
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(article_id, r.kind, r.start, r.end, r.before, r.after) for r in article.repairs],
    )
    c.executemany(
        'INSERT INTO removed (article_id, text, reason, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(article_id, r.text, r.reason, r.start, r.end) for r in article.removed],
    )
    c.executemany(
        'INSERT INTO flags (article_id, kind, text, start, "end", note) VALUES (?, ?, ?, ?, ?, ?)',
        [(article_id, f.kind, f.text, f.start, f.end, f.note) for f in article.flags],
    )
    for quote in article.quotes:
        span = quote.content_span
        evidence = quote.speaker_evidence
        # Until the run ends and unify_speakers runs, a speaker the corpus already knows
        # takes the corpus name it has; a new one stands for itself.
        cursor = c.execute(
            "INSERT INTO quotes (article_id, kind, content, cue, source, speaker, "
            'speaker_type, confidence, fragment, start, "end", speaker_evidence, '
            "source_start, source_end, cue_start, cue_end, content_spans, "
            "corpus_speaker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "coalesce((SELECT corpus_speaker FROM quotes WHERE speaker = ? AND "
            "speaker_type IS ? AND corpus_speaker IS NOT NULL LIMIT 1), ?))",
            (
                article_id,
                quote.kind,
                quote.content,
                quote.cue,
                quote.source,
                quote.speaker,
                quote.speaker_type,
                quote.confidence,
                int(quote.fragment),
                span.start,
                span.end,
                json.dumps(evidence.to_dict()) if evidence is not None else None,
                quote.source_span.start if quote.source_span else None,
                quote.source_span.end if quote.source_span else None,
                quote.cue_span.start if quote.cue_span else None,
                quote.cue_span.end if quote.cue_span else None,
                json.dumps([[s.start, s.end] for s in quote.content_spans]),
                quote.speaker,
                quote.speaker_type,
                quote.speaker,
            ),
        )
        c.execute(
            "INSERT INTO quotes_fts (rowid, content, speaker) VALUES (?, ?, ?)",
            (cursor.lastrowid, quote.content, quote.speaker or ""),
        )
    for entity in article.entities:
        cursor = c.execute(
            "INSERT INTO entities (article_id, canonical, type, geonames_id, country_code) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                article_id,
                entity.canonical,
                entity.type,
                entity.geonames_id,
                entity.country_code,
            ),
        )
        c.executemany(
            'INSERT INTO mentions (entity_id, text, start, "end") VALUES (?, ?, ?, ?)',
            [(cursor.lastrowid, m.text, m.start, m.end) for m in entity.mentions],
        )
    c.executemany(
        'INSERT INTO dates (article_id, text, type, value, end_value, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article_id, d.text, d.type, d.value, d.end_value, d.start, d.end) for d in article.dates],
    )
    c.executemany(
        "INSERT INTO events (article_id, text, trigger, kind, date, date_source, narrator, "
        'speaker, participants, places, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                e.text,
                e.trigger,
                e.kind,
                e.date,
                e.date_source,
                e.narrator,
                e.speaker,
                json.dumps(e.participants),
                json.dumps(e.places),
                e.start,
                e.end,
            )
            for e in article.events
        ],
    )
    return article_id


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
