"""The corpus store: one SQLite file (WAL) with full-text search, readable in sqlite3 and Datasette.

Every analysed article goes in whole, in one transaction: its text and metadata, repairs,
removed chrome, attributions, entities and their mentions, dates and events. The same text
twice is stored once (``content_hash``). Inputs that could not be read go to ``quarantine``
with the reason. The schema is created and migrated by :func:`open_store`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdesk import corpus_speakers
from newsdesk.corpus.stories import StoryIndex
from newsdesk.corpus_speakers import like_escape
from newsdesk.errors import StoreError
from newsdesk.model import Article, site_of

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
}


def input_hash(original: str) -> str:
    """The hash of an input exactly as it arrived (to skip analysing it twice)."""
    return hashlib.sha256(original.encode("utf-8", errors="surrogatepass")).hexdigest()


def content_hash(text: str) -> str:
    """The hash that identifies an article's text: case, spacing and punctuation ignored."""
    words = re.findall(r"\w+", text.lower())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Added:
    """What storing one article did: its row id and whether it was new."""

    article_id: int
    new: bool


class Store:
    """A newsdesk corpus in one SQLite file."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path
        self._stories: StoryIndex | None = None

    @property
    def stories_index(self) -> StoryIndex:
        """The near-duplicate index, loaded on first use."""
        if self._stories is None:
            self._stories = StoryIndex(self.connection)
        return self._stories

    def close(self) -> None:
        """Close the database file."""
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def add(self, article: Article) -> Added:
        """Store one analysed article and all its annotations in one transaction."""
        digest = content_hash(article.text or article.original)
        with self.connection:
            row = self.connection.execute(
                "SELECT id, source FROM articles WHERE content_hash = ?", (digest,)
            ).fetchone()
            if row is not None:
                self._link_copy(int(row[0]), row[1], article)
                return Added(int(row[0]), False)
            article_id = self._insert(article, digest)
            self.stories_index.assign(article_id, article.text, article.published)
        return Added(article_id, True)

    def seen(self, article: Article) -> Added | None:
        """The stored article an unanalysed input is exactly, if any; a copy from another
        source is linked on the way."""
        with self.connection:
            row = self.connection.execute(
                "SELECT id, source FROM articles WHERE input_hash = ?",
                (input_hash(article.original),),
            ).fetchone()
            if row is None:
                return None
            self._link_copy(int(row[0]), row[1], article)
        return Added(int(row[0]), False)

    def _link_copy(self, article_id: int, stored_source: str, article: Article) -> None:
        if stored_source == article.source:
            return
        known = self.connection.execute(
            "SELECT 1 FROM copies WHERE article_id = ? AND source = ?",
            (article_id, article.source),
        ).fetchone()
        if known is None:
            # The same text from elsewhere: a syndicated copy, linked, not stored twice.
            self.connection.execute(
                "INSERT INTO copies (article_id, source, url, published, seen_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (article_id, article.source, article.url, article.published, _now()),
            )

    def _insert(self, article: Article, digest: str) -> int:
        c = self.connection
        cursor = c.execute(
            "INSERT INTO articles (content_hash, input_hash, source, url, site, title, lede, text,"
            " published, outlet, ingested_at, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                _now(),
                json.dumps([e.__dict__ for e in article.errors]),
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
        for quote in article.quotes:
            span = quote.content_span
            evidence = quote.speaker_evidence
            # Until the run ends and unify_speakers runs, a speaker the corpus already knows
            # takes the corpus name it has; a new one stands for itself.
            cursor = c.execute(
                "INSERT INTO quotes (article_id, kind, content, cue, source, speaker, "
                'speaker_type, confidence, fragment, start, "end", speaker_evidence, '
                "corpus_speaker) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce((SELECT "
                "corpus_speaker FROM quotes WHERE speaker = ? AND speaker_type IS ? AND "
                "corpus_speaker IS NOT NULL LIMIT 1), ?))",
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
            [
                (article_id, d.text, d.type, d.value, d.end_value, d.start, d.end)
                for d in article.dates
            ],
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

    def quarantine(self, source: str, reason: str) -> None:
        """Record an input that could not be read or analysed, with the reason."""
        with self.connection:
            self.connection.execute(
                "INSERT OR IGNORE INTO quarantine (source, reason, at) VALUES (?, ?, ?)",
                (source, reason, _now()),
            )

    def start_run(self) -> int:
        """Open an ingest run and return its id."""
        with self.connection:
            cursor = self.connection.execute(
                "INSERT INTO ingest_runs (started) VALUES (?)", (_now(),)
            )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, added: int, duplicates: int, failed: int) -> None:
        """Give every statement its speaker's corpus-wide name (:meth:`unify_speakers`), then
        close the ingest run with its counts."""
        with self.connection:
            self.unify_speakers()
            self.connection.execute(
                "UPDATE ingest_runs SET finished = ?, added = ?, duplicates = ?, failed = ? "
                "WHERE id = ?",
                (_now(), added, duplicates, failed, run_id),
            )

    def unify_speakers(self) -> int:
        """Recompute ``corpus_speaker`` for every statement from the corpus's distinct speakers
        (see :mod:`newsdesk.lang.speaker_names`); return how many statements changed."""
        return corpus_speakers.unify(self.connection)

    def record_site_chrome(self, learned: Iterable[tuple[str, str, str, int]]) -> None:
        """Keep lines learned as a site's chrome (site, key, example line, pages) for later
        runs; a line seen on more pages than recorded updates its count."""
        with self.connection:
            self.connection.executemany(
                "INSERT INTO site_chrome (site, key, line, pages, learned_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (site, key) DO UPDATE SET "
                "pages = max(pages, excluded.pages)",
                [(site, key, line, pages, _now()) for site, key, line, pages in learned],
            )

    # --- reading -------------------------------------------------------------------------

    def known_site_chrome(self) -> list[tuple[str, str]]:
        """``(site, key)`` of every line learned as chrome in earlier runs."""
        rows = self.connection.execute("SELECT site, key FROM site_chrome").fetchall()
        return [(str(site), str(key)) for site, key in rows]

    def site_chrome(self, site: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Lines learned as site chrome, most widespread first, for one site when given."""
        clause, params = ("WHERE site = ?", (site,)) if site else ("", ())
        return self._rows(
            f"SELECT site, line, pages, learned_at FROM site_chrome {clause} "
            "ORDER BY pages DESC, site, line LIMIT ?",
            (*params, limit),
        )

    def count(self, table: str) -> int:
        """The number of rows in one of the store's tables."""
        if table not in _TABLES:
            raise ValueError(f"no table {table!r}")
        return int(self.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles whose title or text match the words of ``query``, best first."""
        return self._rows(
            "SELECT a.id, a.title, a.source, a.published, a.outlet, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (fts_query(query), limit),
        )

    def quotes(
        self,
        speaker: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        limit: int = 100,
        exact: bool = False,
    ) -> list[dict[str, Any]]:
        """Attributed statements, newest articles first, filtered as asked. ``speaker`` with
        ``exact`` is a corpus name; without, part of the corpus name or of the name an article
        gives (``%`` and ``_`` match themselves). ``speaker`` in the rows is the corpus name,
        ``article_speaker`` the article's."""
        where = []
        params: list[Any] = []
        if speaker and exact:
            where.append("q.corpus_speaker = ?")
            params.append(speaker)
        elif speaker:
            where.append(r"(q.corpus_speaker LIKE ? ESCAPE '\' OR q.speaker LIKE ? ESCAPE '\')")
            params += [f"%{like_escape(speaker)}%"] * 2
        if outlet:
            where.append("a.outlet = ?")
            params.append(outlet)
        if since:
            where.append("a.published >= ?")
            params.append(since)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        return self._rows(
            "SELECT q.corpus_speaker AS speaker, q.speaker AS article_speaker, q.kind, q.cue, "
            "q.content, a.published, a.outlet, a.source "
            f"FROM quotes q JOIN articles a ON a.id = q.article_id {clause} "
            "ORDER BY a.published DESC, q.article_id, q.start LIMIT ?",
            (*params, limit),
        )

    def overview(self) -> dict[str, int]:
        """How much the corpus holds: articles, statements, speakers (by corpus name),
        statements with no resolved speaker, stories told by more than one copy, linked
        copies, entities, dated events, quarantined inputs, learned site-chrome lines and
        ingest runs."""
        queries = {
            "articles": "SELECT count(*) FROM articles",
            "statements": "SELECT count(*) FROM quotes",
            "speakers": "SELECT count(DISTINCT corpus_speaker) FROM quotes",
            "unresolved_statements": "SELECT count(*) FROM quotes WHERE speaker IS NULL",
            "stories_with_copies": "SELECT count(*) FROM stories s WHERE s.size > 1 OR EXISTS "
            "(SELECT 1 FROM copies c JOIN articles m ON m.id = c.article_id "
            "WHERE m.story_id = s.id)",
            "copies": "SELECT count(*) FROM copies",
            "entities": "SELECT count(DISTINCT canonical) FROM entities",
            "dated_events": "SELECT count(*) FROM events WHERE date IS NOT NULL "
            "AND date NOT LIKE 'XXXX%'",
            "quarantined": "SELECT count(*) FROM quarantine",
            "site_chrome_lines": "SELECT count(*) FROM site_chrome",
            "ingest_runs": "SELECT count(*) FROM ingest_runs",
        }
        return {
            name: int(self.connection.execute(sql).fetchone()[0]) for name, sql in queries.items()
        }

    def speakers(
        self, limit: int = 50, types: tuple[str, ...] | None = None
    ) -> list[dict[str, Any]]:
        """Speakers by number of statements, under their corpus names, of the given speaker
        ``types`` (all when None); ``names`` lists the names articles give each one, most
        used first. Statements with no resolved speaker are left out (see
        :meth:`unresolved`)."""
        return corpus_speakers.speakers(self.connection, limit, types)

    def statements_by_type(self) -> dict[str, int]:
        """How many statements each speaker type has, ``unresolved`` for those with none."""
        return corpus_speakers.statements_by_type(self.connection)

    def unresolved(self) -> int:
        """The number of statements whose speaker could not be resolved (speaker NULL)."""
        return corpus_speakers.unresolved(self.connection)

    def timeline(self, entity: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Dated events in date order, those involving ``entity`` when given; ``speaker`` is
        whose attribution holds the event or, for a statement, who makes it."""
        params: list[Any] = []
        clause = ""
        if entity:
            clause = "AND (e.participants LIKE ? OR e.places LIKE ?)"
            params += [f"%{entity}%", f"%{entity}%"]
        return self._rows(
            "SELECT e.date, e.date_source, e.text, coalesce(e.speaker, CASE WHEN e.kind = "
            "'statement' THEN json_extract(e.participants, '$[0]') END) AS speaker, a.source "
            "FROM events e "
            "JOIN articles a ON a.id = e.article_id "
            f"WHERE e.date IS NOT NULL AND e.date NOT LIKE 'XXXX%' {clause} "
            "ORDER BY e.date, e.article_id, e.start LIMIT ?",
            (*params, limit),
        )

    def stories(self, minimum: int = 2, limit: int = 50) -> list[dict[str, Any]]:
        """Stories told by at least ``minimum`` stored articles, largest first, with their
        origin (the earliest copy) and how many exact copies were linked to them."""
        return self._rows(
            "SELECT s.id AS story, s.size AS articles, "
            "(SELECT count(*) FROM copies c JOIN articles m ON m.id = c.article_id "
            " WHERE m.story_id = s.id) AS exact_copies, "
            "o.title AS origin_title, o.source AS origin, o.published AS origin_published "
            "FROM stories s JOIN articles o ON o.id = s.origin_article_id "
            "WHERE s.size + (SELECT count(*) FROM copies c JOIN articles m "
            " ON m.id = c.article_id WHERE m.story_id = s.id) >= ? "
            "ORDER BY articles DESC, s.id LIMIT ?",
            (minimum, limit),
        )

    def _rows(self, sql: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
        cursor = self.connection.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# The tables count() may name: every table of the schema (tests keep the descriptions whole).
_TABLES = frozenset(TABLE_DESCRIPTIONS)


def fts_query(query: str) -> str:
    """A user's query as an FTS5 query that cannot fail on punctuation: words are matched
    as written; OR and NOT between words keep their meaning."""
    words = re.findall(r"[^\W_]+", query)
    terms: list[str] = []
    for word in words:
        if word in ("OR", "NOT") and terms and terms[-1] not in ("OR", "NOT"):
            terms.append(word)
        elif word not in ("OR", "NOT", "AND"):
            terms.append(f'"{word}"')
    while terms and terms[-1] in ("OR", "NOT"):
        terms.pop()
    return " ".join(terms) or '""'


def _migrate(connection: sqlite3.Connection, path: str) -> int:
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


_SQLITE_HEADER = b"SQLite format 3\x00"
# Seconds a writer waits for another writer's lock before giving up (ND021); the environment
# variable NEWSDESK_BUSY_TIMEOUT sets another.
BUSY_TIMEOUT = 30.0


def _busy_timeout() -> float:
    """The lock wait in seconds: NEWSDESK_BUSY_TIMEOUT when it is a number, else 30."""
    try:
        return max(0.0, float(os.environ.get("NEWSDESK_BUSY_TIMEOUT", BUSY_TIMEOUT)))
    except ValueError:
        return BUSY_TIMEOUT


def store_error(exc: sqlite3.Error, path: str) -> StoreError | None:
    """The error that ends a run for a database failure no record can be blamed for (a full
    disk, a lock held too long, a read-only file, a corrupt one); None for others."""
    text = str(exc).lower()
    for needle, code, problem in (
        ("full", "ND020", "the disk is full; what was stored before is kept"),
        ("locked", "ND021", "locked by another writer for too long; try again"),
        ("busy", "ND021", "locked by another writer for too long; try again"),
        ("readonly", "ND022", "read-only: cannot write to it"),
        ("read-only", "ND022", "read-only: cannot write to it"),
        ("unable to open", "ND022", "cannot open it for writing"),
        ("malformed", "ND023", "corrupt database"),
        ("not a database", "ND023", "not a SQLite database"),
        ("disk i/o", "ND020", "cannot write (is the disk full?); what was stored before is kept"),
    ):
        if needle in text:
            return StoreError(code, f"{path}: {problem} ({exc})")
    return None


def open_store(path: str | Path, read_only: bool = False) -> Store:
    """Open the corpus database at ``path``: created and migrated as needed, or (``read_only``)
    only read, which also works on a read-only file or directory. Raise StoreError for a file
    that is not a newsdesk database, is corrupt or comes from a newer newsdesk."""
    name = str(path)
    try:
        with open(name, "rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        header = None
    except OSError as exc:
        raise StoreError("ND023", f"{name}: cannot open: {exc.strerror or exc}") from None
    if header and header != _SQLITE_HEADER:
        raise StoreError("ND023", f"{name}: not a SQLite database; the file is left untouched")
    try:
        connection = _connect(name, read_only)
        store = Store(connection, name)
        if read_only:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if version > len(MIGRATIONS):
                raise StoreError(
                    "ND024", f"{name}: schema version {version} is newer than this newsdesk"
                )
            return store
        if 0 < _migrate(connection, name) < corpus_speakers.SCHEMA_VERSION:
            store.unify_speakers()  # quotes stored before corpus names existed
    except sqlite3.Error as exc:
        raise store_error(exc, name) or StoreError(
            "ND023", f"{name}: cannot use the database: {exc}"
        ) from None
    return store


def _connect(name: str, read_only: bool) -> sqlite3.Connection:
    if not read_only:
        connection = sqlite3.connect(name, timeout=_busy_timeout())
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        return connection
    uri = "file:" + urllib.parse.quote(os.path.abspath(name))
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=_busy_timeout())
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database in a read-only directory: no shared-memory file can be made there,
        # so read it as an immutable file.
        connection = sqlite3.connect(f"{uri}?immutable=1", uri=True)
    return connection
