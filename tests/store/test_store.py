"""The corpus store on real SQLite files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.model import Article, Attribution, Span, SpeakerEvidence
from newsdesk.pipeline import Pipeline
from newsdesk.store import MIGRATIONS, Store, content_hash, fts_query, open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    db = tmp_path_factory.mktemp("store") / "corpus.db"
    with open_store(db) as store:
        summary = ingest([str(SAMPLES)], store, pipeline, IngestOptions(published_from_path=True))
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
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) == 8
    connection.close()


def test_queries(corpus: Path) -> None:
    with open_store(corpus) as store:
        hits = store.search("Rotterdam strike")
        # The story and its wire copy.
        assert len(hits) == 2
        assert all("port_strike" in h.source and "[" in h.snippet for h in hits)
        assert len(store.search("Rotterdam OR Bratislava")) == 3
        assert store.search('"unbalanced (query') == []
        statements = store.quotes(speaker="de Vries")
        assert statements and all(s.speaker == "Marieke de Vries" for s in statements)
        assert store.quotes(since="2024-10-01")
        assert all(row.published >= "2024-10-01" for row in store.quotes(since="2024-10-01"))
        speakers = {row.speaker for row in store.speakers()}
        assert {"Marieke de Vries", "Peter Horváth"} <= speakers
        # The ingest run ended by giving every resolved statement its corpus name.
        unnamed = store.connection.execute(
            "SELECT count(*) FROM quotes WHERE (speaker IS NULL) != (corpus_speaker IS NULL)"
        ).fetchone()[0]
        assert unnamed == 0
        timeline = store.timeline(entity="Bratislava")
        assert timeline and all(row.date.startswith("2024-09") for row in timeline)
        # A statement's speaker stands beside it in the timeline.
        strike = store.timeline(entity="Rotterdam")
        assert "Marieke de Vries" in {row.speaker for row in strike}


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
    connection.execute("SELECT * FROM t WHERE t MATCH ?", (fts_query(text),)).fetchall()


def test_parallel_ingest_stores_what_a_single_process_stores(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    contents = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with open_store(db) as store:
            summary = ingest([str(SAMPLES)], store, pipeline, IngestOptions(workers=workers))
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
        assert counts.articles == 16
        assert counts.statements == store.count("quotes")
        # The wire copy of the port strike joins its origin's story.
        assert counts.stories_with_copies == 1
        # The three Harbour Gazette samples share two template lines.
        assert counts.site_chrome_lines == 2
        removed = store.connection.execute(
            "SELECT count(*) FROM removed WHERE reason = 'boilerplate:site'"
        ).fetchone()[0]
        assert removed == 6


# --- speakers across the corpus: articles built by hand, no NLP --------------------------------


def said(source: str, *speakers: tuple[str | None, str | None]) -> Article:
    """An article in which each (speaker, speaker_type) makes one statement."""
    text = f"{source}: " + " ".join(f"Statement {i} of {source}." for i in range(len(speakers)))
    quotes = [
        Attribution(
            kind="direct",
            content=f"Statement {i} of {source}.",
            content_spans=(Span(0, 10),),
            cue="said",
            cue_span=None,
            source=speaker,
            source_span=None,
            speaker=speaker,
            speaker_type=speaker_type,
            speaker_evidence=SpeakerEvidence("name", speaker, 0) if speaker else None,
        )
        for i, (speaker, speaker_type) in enumerate(speakers)
    ]
    return Article(source=source, original=text, text=text, published="2024-05-06", quotes=quotes)


PERSON = "person"


def store_run(store: Store, *articles: Article) -> None:
    """Store articles as one ingest run does: start, add each, finish."""
    run = store.start_run()
    for article in articles:
        store.add(article)
    store.finish_run(run, len(articles), 0, 0)


def test_an_ingest_run_ends_with_one_name_per_speaker(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        store_run(
            store,
            said("a.txt", ("Trump", PERSON), ("Trump", PERSON), (None, "unknown")),
            said("b.txt", ("Donald Trump", PERSON), ("Barack Obama", PERSON)),
            said("c.txt", ("Donald J. Trump", PERSON), ("Michelle Obama", PERSON)),
            said("d.txt", ("Obama", PERSON), ("the Senate", "organisation")),
            said("e.txt", ("Senate", "organisation"), ("officials", "anonymous")),
        )
        rows = {row.speaker: row for row in store.speakers()}
        trump = rows["Donald J. Trump"]
        assert (trump.speaker_type, trump.statements, trump.articles) == (PERSON, 4, 3)
        assert trump.names == ("Trump", "Donald J. Trump", "Donald Trump")
        # Two Obamas with one statement each: "Obama" joins neither.
        assert {"Barack Obama", "Michelle Obama", "Obama"} <= set(rows)
        assert rows["Senate"].names == ("Senate", "the Senate")
        assert rows["officials"].speaker_type == "anonymous"
        assert None not in rows
        assert store.unresolved() == 1
        counts = store.overview()
        assert (counts.speakers, counts.unresolved_statements) == (len(rows), 1)
        # A later run that makes Barack dominant moves "Obama" to him.
        store_run(store, said("f.txt", *[("Barack Obama", PERSON)] * 4))
        assert {r.speaker for r in store.speakers()} >= {"Barack Obama", "Michelle Obama"}
        assert "Obama" not in {r.speaker for r in store.speakers()}


def test_statements_are_found_by_corpus_name_or_by_the_articles_name(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        store_run(
            store,
            said("a.txt", ("Trump", PERSON), ("Donald J. Trump", PERSON)),
            said("b.txt", ("Donald J. Trump", PERSON), ("Mike Pence", PERSON)),
        )
        exact = store.quotes(speaker="Donald J. Trump", exact=True)
        assert len(exact) == 3 and {q.speaker for q in exact} == {"Donald J. Trump"}
        assert {q.article_speaker for q in exact} == {"Trump", "Donald J. Trump"}
        assert store.quotes(speaker="Trump", exact=True) == []
        assert len(store.quotes(speaker="trump")) == 3
        assert len(store.quotes(speaker="J. Tr")) == 3
        assert [q.speaker for q in store.quotes(speaker="pence")] == ["Mike Pence"]


def test_like_wildcards_in_a_speaker_match_only_themselves(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        store_run(
            store,
            said("a.txt", ("Club 100% Green", "organisation"), ("Club 1000 Green", "organisation")),
            said("b.txt", ("user_name", "unknown"), ("username", "unknown"), (r"a\b", "unknown")),
        )
        assert [q.speaker for q in store.quotes(speaker="%")] == ["Club 100% Green"]
        assert [q.speaker for q in store.quotes(speaker="100%")] == ["Club 100% Green"]
        assert [q.speaker for q in store.quotes(speaker="_")] == ["user_name"]
        assert [q.speaker for q in store.quotes(speaker="r_n")] == ["user_name"]
        assert [q.speaker for q in store.quotes(speaker="\\")] == [r"a\b"]
        assert len(store.quotes(speaker="user")) == 2


def test_speaker_evidence_is_stored_as_json(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        store_run(store, said("a.txt", ("Mike Pence", PERSON), (None, "unknown")))
        stored = [
            row[0]
            for row in store.connection.execute("SELECT speaker_evidence FROM quotes ORDER BY id")
        ]
    assert json.loads(stored[0]) == {"rule": "name", "mention": "Mike Pence", "start": 0}
    assert stored[1] is None


def test_a_statement_stored_mid_run_takes_the_corpus_name_its_speaker_has(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as store:
        store_run(store, said("a.txt", ("Trump", PERSON), *[("Donald Trump", PERSON)] * 4))
        store.add(said("b.txt", ("Trump", PERSON), ("Ivanka Trump", PERSON)))
        named = dict(store.connection.execute("SELECT speaker, corpus_speaker FROM quotes"))
        assert named == {"Trump": "Donald Trump", "Donald Trump": "Donald Trump"} | {
            "Ivanka Trump": "Ivanka Trump"
        }
        # Donald keeps 80% of the Trumps' statements: recomputing changes nothing.
        assert store.unify_speakers() == 0
        store.add(said("c.txt", ("Ivanka Trump", PERSON)))
        # Donald now has 4 of 6: the two "Trump" statements stand apart again.
        assert store.unify_speakers() == 2
        assert store.quotes(speaker="Trump", exact=True)


def test_a_database_at_version_4_migrates_with_corpus_names(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    for script in MIGRATIONS[:4]:
        connection.executescript(script)
    connection.execute("PRAGMA user_version = 4")
    connection.execute(
        "INSERT INTO articles (id, content_hash, source, text, ingested_at) "
        "VALUES (1, 'h', 'old.txt', 'Old text.', '2024-01-01')"
    )
    connection.executemany(
        "INSERT INTO quotes (article_id, kind, content, cue, source, speaker, speaker_type, "
        'confidence, fragment, start, "end") VALUES (1, ?, ?, ?, ?, ?, ?, 0.5, 0, 0, 4)',
        [
            ("direct", "Old.", "said", "Trump", "Trump", PERSON),
            ("direct", "Text.", "said", "Donald Trump", "Donald Trump", PERSON),
            ("indirect", "Old", "said", "he", None, "unknown"),
        ],
    )
    connection.commit()
    connection.close()
    with open_store(path) as store:
        version = store.connection.execute("PRAGMA user_version").fetchone()[0]
        assert version == len(MIGRATIONS)
        named = store.connection.execute(
            "SELECT speaker, corpus_speaker, speaker_evidence FROM quotes ORDER BY id"
        ).fetchall()
        assert named == [
            ("Trump", "Donald Trump", None),
            ("Donald Trump", "Donald Trump", None),
            (None, None, None),
        ]
        [row] = store.speakers()
        assert (row.speaker, row.statements, row.names) == (
            "Donald Trump",
            2,
            ("Donald Trump", "Trump"),
        )
        assert store.unresolved() == 1


def test_a_bulk_load_stores_each_article_once_in_one_transaction(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    texts = sorted(SAMPLES.glob("2024-0[5-6]*.txt"))
    analysed = [pipeline.run(Article(source=str(p), original=p.read_text("utf-8"))) for p in texts]
    with open_store(tmp_path / "bulk.db") as store:
        added = store.add_many([*analysed, analysed[0]])
        assert [a.new for a in added] == [True] * len(analysed) + [False]
        assert added[-1].article_id == added[0].article_id
        assert store.count("articles") == len(analysed) == 4
        assert store.count("quotes") == sum(len(a.quotes) for a in analysed) > 0
