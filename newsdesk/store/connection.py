"""Opening the corpus store: one SQLite file (WAL) with full-text search, readable in sqlite3
and Datasette.

Every analysed article goes in whole, in one transaction: its text and metadata, repairs,
removed chrome, attributions, entities and their mentions, dates and events. The same text
twice is stored once (``content_hash``). Inputs that could not be read go to ``quarantine``
with the reason. The schema is created and migrated by :func:`open_store`; :class:`Store` is
the one object callers hold, its methods the store's writes and typed read queries.
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from newsdesk.errors import StoreError
from newsdesk.model import Article
from newsdesk.store import listings, queries, speakers, stories, writes
from newsdesk.store.listings import ArticleFilter, EventFilter, StatementFilter
from newsdesk.store.records import ArticleRows
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
    StatementRow,
    StoredSignature,
    StoryDetail,
    StoryRow,
    StorySummary,
    TimelineRow,
)
from newsdesk.store.schema import (
    MIGRATIONS,
    SPEAKER_SCHEMA_VERSION,
    TableSchema,
    describe_tables,
    migrate,
    schema_version,
)
from newsdesk.store.writes import Added, StoryPlacement


class Store:
    """A newsdesk corpus in one SQLite file."""

    def __init__(self, connection: sqlite3.Connection, path: str) -> None:
        self.connection = connection
        self.path = path

    def close(self) -> None:
        """Close the database file."""
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def add(self, article: Article, placement: StoryPlacement | None = None) -> Added:
        """Store one analysed article and all its annotations in one transaction, in the
        story ``placement`` names when given (see :mod:`newsdesk.corpus.stories`)."""
        return writes.add_article(self.connection, article, placement)

    def add_record(self, record: ArticleRows, placement: StoryPlacement | None = None) -> Added:
        """Store one analysed article given as its rows (see :mod:`newsdesk.store.records`),
        as :meth:`add` stores an article."""
        return writes.add_record(self.connection, record, placement)

    def seen_input(self, digest: str, source: str, url: str | None, published: str | None) -> bool:
        """True when an input with the hash ``digest`` is stored; this one (``source``, ``url``,
        ``published``) is linked to it as a copy when it comes from another source."""
        copy = {"source": source, "url": url, "published": published}
        return writes.seen_input(self.connection, digest, copy) is not None

    def add_many(self, articles: Iterable[Article]) -> list[Added]:
        """Store many analysed articles, outside any story, in one transaction (a bulk load:
        all or none of them)."""
        return writes.add_articles(self.connection, articles)

    def seen(self, article: Article) -> Added | None:
        """The stored article an unanalysed input is exactly, if any; a copy from another
        source is linked on the way."""
        return writes.seen(self.connection, article)

    def quarantine(self, source: str, reason: str) -> None:
        """Record an input that could not be read or analysed, with the reason."""
        writes.quarantine(self.connection, source, reason)

    def start_run(self) -> int:
        """Open an ingest run and return its id."""
        return writes.start_run(self.connection)

    def finish_run(self, run_id: int, added: int, duplicates: int, failed: int) -> None:
        """Give every statement its speaker's corpus-wide name (:meth:`unify_speakers`), then
        close the ingest run with its counts."""
        with self.connection:
            self.unify_speakers()
            writes.finish_run(self.connection, run_id, added, duplicates, failed)

    def unify_speakers(self) -> int:
        """Recompute ``corpus_speaker`` for every statement from the corpus's distinct speakers
        (see :mod:`newsdesk.lang.speaker_names`); return how many statements changed."""
        return speakers.unify(self.connection)

    def record_site_chrome(self, learned: Iterable[tuple[str, str, str, int]]) -> None:
        """Keep lines learned as a site's chrome (site, key, example line, pages) for later
        runs; a line seen on more pages than recorded updates its count."""
        writes.record_site_chrome(self.connection, learned)

    # --- reading -------------------------------------------------------------------------

    def signatures(self) -> list[StoredSignature]:
        """Every stored MinHash signature, by article id."""
        return stories.signatures(self.connection)

    def story_of(self, article_id: int) -> tuple[int, str | None] | None:
        """The story of a stored article and the article's publication date, if it has one."""
        return stories.story_of(self.connection, article_id)

    def known_site_chrome(self) -> list[tuple[str, str]]:
        """``(site, key)`` of every line learned as chrome in earlier runs."""
        return queries.known_site_chrome(self.connection)

    def site_chrome(
        self, site: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[SiteChromeRow]:
        """Lines learned as site chrome, most widespread first, for one site when given."""
        return queries.site_chrome(self.connection, site, limit, offset)

    def count(self, table: str) -> int:
        """The number of rows in one of the store's tables."""
        return queries.count(self.connection, table)

    def search(
        self, query: str, limit: int = 20, offset: int = 0, marks: tuple[str, str] = ("[", "]")
    ) -> list[SearchHit]:
        """Articles whose title or text match the words of ``query``, best first; in each
        snippet the matched words stand between the two ``marks``."""
        return queries.search(self.connection, query, limit, offset, marks)

    def search_total(self, query: str) -> int:
        """How many articles match the words of ``query``."""
        return queries.search_total(self.connection, query)

    def statements(
        self, wanted: StatementFilter, limit: int = 50, offset: int = 0
    ) -> list[StatementRow]:
        """Statements with their article and span, newest articles first (see
        :func:`newsdesk.store.listings.statements`)."""
        return listings.statements(self.connection, wanted, limit, offset)

    def statement_total(self, wanted: StatementFilter) -> int:
        """How many statements ``wanted`` selects."""
        return listings.statement_total(self.connection, wanted)

    def speaker_total(self, types: tuple[str, ...] | None = None) -> int:
        """How many speakers :meth:`speakers` would list for these ``types``."""
        return listings.speaker_total(self.connection, types)

    def articles(self, wanted: ArticleFilter, limit: int = 50, offset: int = 0) -> list[ArticleRow]:
        """Stored articles, newest first (see :func:`newsdesk.store.listings.articles`)."""
        return listings.articles(self.connection, wanted, limit, offset)

    def article_total(self, wanted: ArticleFilter) -> int:
        """How many articles ``wanted`` selects."""
        return listings.article_total(self.connection, wanted)

    def entities(
        self, kind: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[EntityRow]:
        """Entities with their mention and article counts (see
        :func:`newsdesk.store.listings.entities`)."""
        return listings.entities(self.connection, kind, name, limit, offset)

    def entity_total(self, kind: str | None = None, name: str | None = None) -> int:
        """How many entities :meth:`entities` would list."""
        return listings.entity_total(self.connection, kind, name)

    def events(self, wanted: EventFilter, limit: int = 50, offset: int = 0) -> list[EventRow]:
        """Dated events with their article and span, in date order (see
        :func:`newsdesk.store.listings.events`)."""
        return listings.events(self.connection, wanted, limit, offset)

    def event_total(self, wanted: EventFilter) -> int:
        """How many dated events ``wanted`` selects."""
        return listings.event_total(self.connection, wanted)

    def story_list(self, minimum: int = 2, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        """Stories told by at least ``minimum`` copies, largest first, with their origin."""
        return listings.stories(self.connection, minimum, limit, offset)

    def story_total(self, minimum: int = 2) -> int:
        """How many stories :meth:`story_list` would list."""
        return listings.story_total(self.connection, minimum)

    def story(self, story_id: int) -> StoryDetail | None:
        """One story with its articles, origin first, and their linked copies; or None."""
        return listings.story(self.connection, story_id)

    def quotes(
        self,
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
        """Attributed statements, newest articles first, filtered as asked (see
        :func:`newsdesk.store.queries.quotes`)."""
        return queries.quotes(
            self.connection,
            speaker,
            outlet,
            since,
            limit,
            exact,
            until=until,
            text=text,
            kind=kind,
            offset=offset,
        )

    def overview(self) -> CorpusCounts:
        """How much the corpus holds (see :class:`newsdesk.store.rows.CorpusCounts`)."""
        return queries.counts(self.connection)

    def speakers(
        self, limit: int = 50, types: tuple[str, ...] | None = None, offset: int = 0
    ) -> list[SpeakerRow]:
        """Speakers by number of statements, under their corpus names, of the given speaker
        ``types`` (all when None), with the names articles give each one, most used first.
        Statements with no resolved speaker are left out (see :meth:`unresolved`)."""
        return speakers.speakers(self.connection, limit, types, offset)

    def statements_by_type(self) -> SpeakerStatements:
        """How many statements each speaker type has, ``unresolved`` for those with none."""
        return speakers.statements_by_type(self.connection)

    def unresolved(self) -> int:
        """The number of statements whose speaker could not be resolved (speaker NULL)."""
        return speakers.unresolved(self.connection)

    def timeline(
        self, entity: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[TimelineRow]:
        """Dated events in date order, those involving ``entity`` when given; ``speaker`` is
        whose attribution holds the event or, for a statement, who makes it."""
        return queries.timeline(self.connection, entity, limit, offset)

    def stories(self, minimum: int = 2, limit: int = 50, offset: int = 0) -> list[StoryRow]:
        """Stories told by at least ``minimum`` stored articles, largest first, with their
        origin (the earliest copy) and how many exact copies were linked to them."""
        return queries.stories(self.connection, minimum, limit, offset)

    def summary(
        self, speaker_limit: int = 5, statement_limit: int = 2, event_limit: int = 15
    ) -> CorpusSummary:
        """The corpus at a glance (see :func:`newsdesk.store.queries.summary`)."""
        return queries.summary(self.connection, speaker_limit, statement_limit, event_limit)

    def article(self, article_id: int) -> ArticleRecord | None:
        """The stored article with this id and everything stored about it, or None."""
        return queries.article(self.connection, article_id)

    def schema_version(self) -> int:
        """The schema version of the database."""
        return schema_version(self.connection)

    def tables(self) -> list[TableSchema]:
        """The database's tables and their columns (full-text indexes left out)."""
        return describe_tables(self.connection)


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


def open_store(path: str | Path, read_only: bool = False, any_thread: bool = False) -> Store:
    """Open the corpus database at ``path``: created and migrated as needed, or (``read_only``)
    only read, which also works on a read-only file or directory. Raise StoreError for a file
    that is not a newsdesk database, is corrupt or comes from a newer newsdesk. With
    ``any_thread`` the connection may be used from any thread, by one at a time (a pool of a
    server's connections); otherwise only by the thread that opened it."""
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
        connection = _connect(name, read_only, any_thread)
        store = Store(connection, name)
        if read_only:
            version = schema_version(connection)
            if version > len(MIGRATIONS):
                raise StoreError(
                    "ND024", f"{name}: schema version {version} is newer than this newsdesk"
                )
            return store
        if 0 < migrate(connection, name) < SPEAKER_SCHEMA_VERSION:
            store.unify_speakers()  # quotes stored before corpus names existed
    except sqlite3.Error as exc:
        raise store_error(exc, name) or StoreError(
            "ND023", f"{name}: cannot use the database: {exc}"
        ) from None
    return store


def _connect(name: str, read_only: bool, any_thread: bool = False) -> sqlite3.Connection:
    if not read_only:
        connection = sqlite3.connect(
            name, timeout=_busy_timeout(), check_same_thread=not any_thread
        )
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = NORMAL")
        return connection
    uri = "file:" + urllib.parse.quote(os.path.abspath(name))
    try:
        connection = sqlite3.connect(
            f"{uri}?mode=ro", uri=True, timeout=_busy_timeout(), check_same_thread=not any_thread
        )
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        # A WAL database in a read-only directory: no shared-memory file can be made there,
        # so read it as an immutable file.
        connection = sqlite3.connect(
            f"{uri}?immutable=1", uri=True, check_same_thread=not any_thread
        )
    return connection
