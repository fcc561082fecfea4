"""The corpus database's schema: the migrations that build it, what each table holds, and a
description of the tables as they are in a database (for the generated reference)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsdesk.errors import StoreError
from newsdesk.store.totals import TOTALS_DESCRIPTIONS, TOTALS_MIGRATION

# Each migration brings the schema from the version before it to its own number.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT,
        lede TEXT,
        text TEXT NOT NULL,
        published TEXT,
        outlet TEXT,
        ingested_at TEXT NOT NULL,
        errors TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE repairs (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        before TEXT NOT NULL, after TEXT NOT NULL
    );
    CREATE TABLE removed (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL, reason TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
    );
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, content TEXT NOT NULL, cue TEXT NOT NULL, source TEXT,
        speaker TEXT, speaker_type TEXT, confidence REAL, fragment INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL
    );
    CREATE INDEX quotes_speaker ON quotes(speaker);
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        canonical TEXT NOT NULL, type TEXT NOT NULL, geonames_id INTEGER, country_code TEXT
    );
    CREATE INDEX entities_canonical ON entities(canonical);
    CREATE TABLE mentions (
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
    );
    CREATE TABLE dates (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL, type TEXT NOT NULL, value TEXT, end_value TEXT,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL
    );
    CREATE TABLE events (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL, trigger TEXT NOT NULL, kind TEXT NOT NULL, date TEXT,
        date_source TEXT, narrator TEXT NOT NULL, speaker TEXT,
        participants TEXT NOT NULL, places TEXT NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL
    );
    CREATE INDEX events_date ON events(date);
    CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY, source TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL
    );
    CREATE TABLE ingest_runs (
        id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT,
        added INTEGER NOT NULL DEFAULT 0, duplicates INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0
    );
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id'
    );
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        content, speaker, content='quotes', content_rowid='id'
    );
    """,
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY, origin_article_id INTEGER NOT NULL, size INTEGER NOT NULL
    );
    ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id);
    CREATE INDEX articles_story ON articles(story_id);
    CREATE TABLE signatures (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        shingles INTEGER NOT NULL, minhash BLOB NOT NULL
    );
    CREATE TABLE copies (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source TEXT NOT NULL, url TEXT, published TEXT, seen_at TEXT NOT NULL
    );
    """,
    """
    ALTER TABLE articles ADD COLUMN input_hash TEXT;
    CREATE INDEX articles_input_hash ON articles(input_hash);
    CREATE UNIQUE INDEX quarantine_once ON quarantine(source, reason);
    """,
    """
    ALTER TABLE articles ADD COLUMN url TEXT;
    ALTER TABLE articles ADD COLUMN site TEXT;
    CREATE INDEX articles_site ON articles(site);
    CREATE TABLE site_chrome (
        site TEXT NOT NULL, key TEXT NOT NULL, line TEXT NOT NULL, pages INTEGER NOT NULL,
        learned_at TEXT NOT NULL, PRIMARY KEY (site, key)
    );
    """,
    # corpus_speaker: the speaker's name across the corpus (newsdesk.lang.speaker_names), filled
    # by Store.unify_speakers at the end of every ingest run and on migrating to this version.
    """
    ALTER TABLE quotes ADD COLUMN speaker_evidence TEXT;
    ALTER TABLE quotes ADD COLUMN corpus_speaker TEXT;
    CREATE INDEX quotes_corpus_speaker ON quotes(corpus_speaker);
    UPDATE quotes SET corpus_speaker = speaker;
    """,
    # What a reader of one article needs to see it marked up: where each statement's source,
    # cue and content pieces are, the paragraphs and sentences, and the flags.
    """
    ALTER TABLE quotes ADD COLUMN source_start INTEGER;
    ALTER TABLE quotes ADD COLUMN source_end INTEGER;
    ALTER TABLE quotes ADD COLUMN cue_start INTEGER;
    ALTER TABLE quotes ADD COLUMN cue_end INTEGER;
    ALTER TABLE quotes ADD COLUMN content_spans TEXT;
    ALTER TABLE articles ADD COLUMN paragraphs TEXT;
    ALTER TABLE articles ADD COLUMN sentences TEXT;
    CREATE TABLE flags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        note TEXT NOT NULL
    );
    CREATE INDEX flags_article ON flags(article_id);
    """,
    # Reading one article, or statements newest first, from a large corpus: each annotation
    # table found by its article, articles in the order lists show them.
    """
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX entities_article ON entities(article_id);
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE INDEX dates_article ON dates(article_id);
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX repairs_article ON repairs(article_id);
    CREATE INDEX removed_article ON removed(article_id);
    CREATE INDEX copies_article ON copies(article_id);
    CREATE INDEX articles_newest ON articles(published IS NULL, published DESC, id);
    """,
    # Running totals of speakers and entities, kept by triggers (newsdesk.store.totals); the
    # names each corpus speaker goes by, read from the index alone.
    TOTALS_MIGRATION
    + """
    DROP INDEX quotes_corpus_speaker;
    CREATE INDEX quotes_corpus_speaker ON quotes(corpus_speaker, speaker_type, speaker);
    """,
)


# What each table holds, for the generated schema reference (docs/store.md); a test fails when
# a table of the schema has no entry here.
TABLE_DESCRIPTIONS: dict[str, str] = {
    "articles": "One row per distinct article text: the repaired text, its title and lede, "
    "where it came from (source, url, site), its date and outlet, and the story it belongs to.",
    "repairs": "Every change the repair stage made, with its span in the stored text and the "
    "text before and after.",
    "removed": "Site chrome taken out of the text (phrase rules or lines learned for the "
    "site), with the reason and its span in the input.",
    "quotes": "Attributions: who said what, with the cue, the source as written, the "
    "resolved speaker and the content's span in the article text.",
    "entities": "People, organisations and places of an article under their canonical names "
    "(GeoNames id and country for places).",
    "mentions": "Each place in the text an entity is mentioned.",
    "flags": "What a reader should know about a part of an article's text, such as a "
    "fragment whose start was lost (kind orphan_fragment), with its span and a note.",
    "dates": "Temporal expressions with their TimeML type and value (a range ends at end_value).",
    "events": "Sentences reporting something happening: date, participants, places (JSON "
    "lists), and whether the outlet narrates them or a speaker's attribution holds them.",
    "quarantine": "Inputs that could not be read or analysed, with the reason; one row per "
    "source and reason.",
    "ingest_runs": "One row per ingest run with its counts.",
    "stories": "Groups of copies of one story; the origin is the earliest copy.",
    "signatures": "MinHash signatures of article texts for finding near copies.",
    "copies": "Inputs whose text was already stored: syndicated or repeated copies, linked to "
    "the stored article rather than stored again.",
    "site_chrome": "Lines learned as a site's chrome by repetition across its stories.",
    **TOTALS_DESCRIPTIONS,
}


def migrate(connection: sqlite3.Connection, path: str) -> int:
    """Bring the schema to the newest version; return the version it had."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > len(MIGRATIONS):
        raise StoreError(
            "ND024",
            f"{path}: the database has schema version {version}, newer than this newsdesk "
            f"knows ({len(MIGRATIONS)}); upgrade newsdesk",
        )
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
    return version


# The schema version (PRAGMA user_version) that added quotes.corpus_speaker: a database
# migrated from an older one has its corpus names computed on opening.
SPEAKER_SCHEMA_VERSION = 5

# Every table of the schema (tests keep the descriptions whole).
TABLES = frozenset(TABLE_DESCRIPTIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    """The schema version a database has (``PRAGMA user_version``)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


@dataclass(frozen=True)
class Column:
    """One column of a stored table: its name, declared type and constraint."""

    name: str
    type: str
    not_null: bool
    primary_key: bool


@dataclass(frozen=True)
class TableSchema:
    """One table of a database (full-text indexes left out) with its columns."""

    name: str
    columns: tuple[Column, ...]


def describe_tables(connection: sqlite3.Connection) -> list[TableSchema]:
    """The tables of a database by name, full-text indexes and SQLite's own left out."""
    names = [
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    tables = []
    for name in names:
        columns = tuple(
            Column(str(column), str(kind or ""), bool(notnull), bool(primary))
            for _, column, kind, notnull, _, primary in connection.execute(
                f"PRAGMA table_info({name})"
            )
        )
        tables.append(TableSchema(name, columns))
    return tables


def current_tables() -> list[TableSchema]:
    """The tables of a newly made database of this newsdesk's schema, with their columns."""
    connection = sqlite3.connect(":memory:")
    try:
        migrate(connection, ":memory:")
        return describe_tables(connection)
    finally:
        connection.close()
