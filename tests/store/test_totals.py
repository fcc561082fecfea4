"""Corpus-wide speaker names and counts: the speaker and entity totals the database keeps with
triggers always equal what grouping every statement and mention would give (after ingest,
after speakers are unified across runs, after articles are deleted with their annotations,
and after a migration fills them from a database stored before they existed), and timeline
events name their speaker as the corpus does."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.model import Event
from newsdesk.pipeline import Pipeline
from newsdesk.store import MIGRATIONS, open_store
from newsdesk.store.browse import dated_events
from newsdesk.store.schema import migrate
from tests.store.test_store import PERSON, said, store_run

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

SPEAKERS_RECOMPUTED = (
    "SELECT corpus_speaker, coalesce(speaker_type, ''), count(*), count(DISTINCT article_id) "
    "FROM quotes WHERE corpus_speaker IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
)
SPEAKERS_KEPT = (
    "SELECT speaker, speaker_type, statements, articles FROM speaker_totals ORDER BY 1, 2"
)
ENTITIES_RECOMPUTED = (
    "SELECT e.canonical, e.type, coalesce(e.geonames_id, 0), count(DISTINCT e.article_id), "
    "count(m.entity_id) FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id "
    "GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
)
ENTITIES_KEPT = (
    "SELECT canonical, type, geonames_key, articles, mentions FROM entity_totals ORDER BY 1, 2, 3"
)


def assert_totals_hold(connection: sqlite3.Connection) -> None:
    """The kept totals are the recomputed ones, row for row."""
    assert (
        connection.execute(SPEAKERS_KEPT).fetchall()
        == connection.execute(SPEAKERS_RECOMPUTED).fetchall()
    )
    assert (
        connection.execute(ENTITIES_KEPT).fetchall()
        == connection.execute(ENTITIES_RECOMPUTED).fetchall()
    )


def test_totals_follow_ingest_and_deletion(tmp_path: Path, pipeline: Pipeline) -> None:
    with open_store(tmp_path / "c.db") as store:
        ingest([str(SAMPLES)], store, pipeline, IngestOptions(published_from_path=True))
        connection = store.connection
        assert connection.execute("SELECT count(*) FROM entity_totals").fetchone()[0] > 20
        assert connection.execute("SELECT count(*) FROM speaker_totals").fetchone()[0] > 10
        assert_totals_hold(connection)
        with connection:
            connection.execute("DELETE FROM articles WHERE id IN (1, 4, 9)")
        assert_totals_hold(connection)
        with connection:
            connection.execute("DELETE FROM mentions WHERE rowid % 3 = 0")
            connection.execute("DELETE FROM quotes WHERE id % 4 = 0")
        assert_totals_hold(connection)
        with connection:
            connection.execute("DELETE FROM articles")
        assert connection.execute("SELECT count(*) FROM speaker_articles").fetchone()[0] == 0
        assert connection.execute("SELECT count(*) FROM speaker_totals").fetchone()[0] == 0
        assert connection.execute("SELECT count(*) FROM entity_totals").fetchone()[0] == 0


def test_totals_follow_speakers_renamed_across_runs(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        store_run(
            store,
            said("a.txt", ("Obama", PERSON), ("Obama", PERSON), (None, None)),
            said("b.txt", ("Barack Obama", PERSON), ("Michelle Obama", PERSON)),
            said("c.txt", ("the Senate", "organisation"), ("Senate", None)),
        )
        assert_totals_hold(store.connection)
        # Barack becomes the dominant Obama: "Obama" statements move to him.
        store_run(store, said("d.txt", *[("Barack Obama", PERSON)] * 4))
        assert_totals_hold(store.connection)
        barack = next(r for r in store.speakers() if r.speaker == "Barack Obama")
        assert (barack.statements, barack.articles) == (7, 3)
        assert store.overview().speakers == len(store.speakers())


def test_a_migration_fills_the_totals_from_what_is_stored(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    db = tmp_path / "old.db"
    with open_store(db) as store:
        ingest([str(SAMPLES)], store, pipeline, IngestOptions(published_from_path=True))
    connection = sqlite3.connect(db)
    triggers = connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    for (name,) in triggers.fetchall():
        connection.execute(f"DROP TRIGGER {name}")
    connection.executescript(
        "DROP TABLE speaker_articles; DROP TABLE speaker_totals; DROP TABLE entity_totals; "
        f"PRAGMA user_version = {len(MIGRATIONS) - 1};"
    )
    connection.executescript(
        "DROP INDEX quotes_corpus_speaker; "
        "CREATE INDEX quotes_corpus_speaker ON quotes(corpus_speaker);"
    )
    assert migrate(connection, str(db)) == len(MIGRATIONS) - 1
    assert_totals_hold(connection)
    connection.close()


def test_timeline_events_carry_the_speakers_corpus_name(tmp_path: Path) -> None:
    article = said("a.txt", ("Trump", PERSON))
    article.events = [
        Event(
            text=article.text,
            start=0,
            end=len(article.text),
            trigger="said",
            kind="statement",
            date="2024-05-06",
            date_text=None,
            date_source="publication",
            precision="day",
            participants=("Trump",),
            places=(),
            narrator="attribution",
            speaker="Trump",
        )
    ]
    with open_store(tmp_path / "c.db") as store:
        store_run(store, article, said("b.txt", *[("Donald J. Trump", PERSON)] * 3))
        assert [e.speaker for e in dated_events(store)] == ["Donald J. Trump"]
        assert len(dated_events(store, speaker="donald j. trump")) == 1
        assert len(dated_events(store, speaker="Trump")) == 1
        assert dated_events(store, speaker="Obama") == []
