"""The corpus store on real SQLite files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.ingest import ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import _fts_query, content_hash, open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    with open_store(db) as store:
        summary = ingest([str(SAMPLES)], store, pipeline, published_from_path=True)
    assert (summary.added, summary.duplicates, summary.failed) == (16, 0, 0)
    return db


def test_every_sample_is_stored_with_its_annotations(corpus: Path) -> None:
    with open_store(corpus) as store:
        assert store.count("articles") == 16
        assert store.count("quotes") > 30
        assert store.count("entities") > 30
        assert store.count("repairs") > 20
        published = store.connection.execute(
            "SELECT published FROM articles WHERE source LIKE '%metro_fare%'"
        ).fetchone()[0]
        assert published == "2024-01-15"


def test_the_file_opens_as_it_is_in_plain_sqlite(corpus: Path) -> None:
    connection = sqlite3.connect(corpus)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "quotes", "entities", "mentions", "events", "quarantine"} <= tables
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 4
    connection.close()


def test_queries(corpus: Path) -> None:
    with open_store(corpus) as store:
        hits = store.search("Rotterdam strike")
        # The story and its wire copy.
        assert len(hits) == 2
        assert all("port_strike" in h["source"] and "[" in h["snippet"] for h in hits)
        assert len(store.search("Rotterdam OR Bratislava")) == 3
        assert store.search('"unbalanced (query') == []
        statements = store.quotes(speaker="de Vries")
        assert statements and all(s["speaker"] == "Marieke de Vries" for s in statements)
        assert store.quotes(since="2024-10-01")
        assert all(row["published"] >= "2024-10-01" for row in store.quotes(since="2024-10-01"))
        speakers = {row["speaker"] for row in store.speakers()}
        assert {"Marieke de Vries", "Peter Horváth"} <= speakers
        timeline = store.timeline(entity="Bratislava")
        assert timeline and all(row["date"].startswith("2024-09") for row in timeline)
        # A statement's speaker stands beside it in the timeline.
        strike = store.timeline(entity="Rotterdam")
        assert "Marieke de Vries" in {row["speaker"] for row in strike}


def test_a_second_run_adds_nothing_and_bad_inputs_are_quarantined(
    corpus: Path, tmp_path: Path, pipeline: Pipeline
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  ")
    with open_store(corpus) as store:
        summary = ingest([str(SAMPLES), str(empty)], store, pipeline)
        assert (summary.added, summary.duplicates, summary.failed) == (0, 16, 1)
        reasons = [r[0] for r in store.connection.execute("SELECT reason FROM quarantine")]
        assert any("empty" in reason for reason in reasons)
        assert store.count("articles") == 16


def test_content_hash_ignores_spacing_and_case() -> None:
    assert content_hash("The  bridge, closed.") == content_hash("the bridge closed")
    assert content_hash("The bridge closed.") != content_hash("The bridge opened.")


@given(st.text(max_size=60))
def test_any_search_text_is_a_valid_query(text: str) -> None:
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
    connection.execute("SELECT * FROM t WHERE t MATCH ?", (_fts_query(text),)).fetchall()


def test_parallel_ingest_stores_what_a_single_process_stores(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    contents = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with open_store(db) as store:
            summary = ingest([str(SAMPLES)], store, pipeline, workers=workers)
            assert (summary.added, summary.failed) == (16, 0)
            contents[workers] = store.connection.execute(
                "SELECT a.source, a.text, count(q.id) FROM articles a "
                "LEFT JOIN quotes q ON q.article_id = a.id GROUP BY a.id ORDER BY a.source"
            ).fetchall()
    assert contents[1] == contents[2]


def test_non_english_documents_are_skipped_with_that_reason(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    from tests.test_language import FRENCH

    (tmp_path / "fr.txt").write_text(FRENCH, "utf-8")
    with open_store(tmp_path / "c.db") as store:
        summary = ingest([str(tmp_path / "fr.txt")], store, pipeline)
        assert (summary.added, summary.failed) == (0, 1)
        [reason] = [r[0] for r in store.connection.execute("SELECT reason FROM quarantine")]
        assert "not English" in reason


def test_overview_counts_what_the_corpus_holds(corpus: Path) -> None:
    with open_store(corpus) as store:
        counts = store.overview()
        assert counts["articles"] == 16
        assert counts["statements"] == store.count("quotes")
        # The wire copy of the port strike joins its origin's story.
        assert counts["stories_with_copies"] == 1
        # The three Harbour Gazette samples share two template lines.
        assert counts["site_chrome_lines"] == 2
        removed = store.connection.execute(
            "SELECT count(*) FROM removed WHERE reason = 'boilerplate:site'"
        ).fetchone()[0]
        assert removed == 6
