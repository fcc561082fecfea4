"""The store's typed read queries on a corpus built from the bundled samples: an article by
id with everything stored about it, statements filtered every way the store offers, the
corpus summary, and paging."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import CorpusCounts, QuoteRow, Store, open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Store:
    db = tmp_path_factory.mktemp("queries") / "corpus.db"
    with open_store(db) as writer:
        summary = ingest([str(SAMPLES)], writer, pipeline, IngestOptions(published_from_path=True))
    assert (summary.added, summary.failed) == (16, 0)
    return open_store(db, read_only=True)


def test_an_article_by_id_holds_what_was_stored_about_it(store: Store) -> None:
    [hit] = [h for h in store.search("Rotterdam strike") if "wire_copy" in h.source]
    record = store.article(hit.id)
    assert record is not None
    assert record.id == hit.id
    assert record.title == "Rotterdam dock workers extend strike into second week"
    assert record.published == "2024-05-08"
    assert record.errors == () and record.copies == ()
    assert (len(record.quotes), len(record.entities), len(record.dates)) == (3, 2, 2)
    assert len(record.events) == 5 and record.repairs == () and record.removed == ()
    quote = record.quotes[0]
    assert (quote.kind, quote.cue, quote.speaker) == ("indirect", "said", "Marieke de Vries")
    assert quote.source == "union leader Marieke de Vries" and quote.fragment is False
    assert record.text[quote.start : quote.end] == quote.content
    # Source, cue and content pieces are kept apart, so a page can mark each.
    assert quote.source_span is not None and quote.cue_span is not None
    assert record.text[slice(*quote.source_span)] == quote.source
    assert record.text[slice(*quote.cue_span)] == "said"
    assert [record.text[slice(*s)] for s in quote.content_spans] == [quote.content]
    assert [p.role for p in record.paragraphs][:2] == ["title", "lede"]
    assert record.text[slice(*record.sentences[0])] == record.title
    assert record.flags == ()
    rotterdam = next(e for e in record.entities if e.canonical == "Rotterdam")
    assert (rotterdam.type, rotterdam.geonames_id, rotterdam.country_code) == (
        "PLACE",
        2747891,
        "NL",
    )
    assert [m.text for m in rotterdam.mentions] == ["Rotterdam", "Rotterdam"]
    assert all(record.text[m.start : m.end] == m.text for m in rotterdam.mentions)
    tuesday = record.dates[0]
    assert (tuesday.text, tuesday.type, tuesday.value) == ("Tuesday", "DATE", "2024-05-07")
    said = next(e for e in record.events if e.kind == "statement")
    assert said.participants == ("Marieke de Vries",) and said.places == ("Rotterdam",)
    # The wire copy tells the same story as the original.
    [origin] = [h for h in store.search("Rotterdam strike") if h.id != hit.id]
    original = store.article(origin.id)
    assert original is not None and original.story_id == record.story_id is not None


def test_an_article_that_is_not_stored_is_none(store: Store) -> None:
    assert store.article(10_000) is None


def test_statements_filtered_by_speaker_kind_dates_text_and_outlet(store: Store) -> None:
    vries = store.quotes(speaker="Vries")
    assert [(q.published, q.kind) for q in vries] == [
        ("2024-05-08", "indirect"),
        ("2024-05-08", "direct"),
        ("2024-05-07", "indirect"),
        ("2024-05-07", "direct"),
    ]
    assert all(isinstance(q, QuoteRow) and q.speaker == "Marieke de Vries" for q in vries)
    direct = store.quotes(speaker="Vries", kind="direct")
    assert [q.published for q in direct] == ["2024-05-08", "2024-05-07"]
    may = store.quotes(since="2024-05-01", until="2024-05-31")
    assert len(may) == 7 and {q.published for q in may} == {"2024-05-07", "2024-05-08"}
    [medal] = store.quotes(text="medal")
    assert (medal.speaker, medal.content) == (
        "Jonas Berg",
        "the town owed the crew more than a medal",
    )
    assert len(store.quotes(outlet="Daily Crust")) == 4
    assert store.quotes(outlet="Daily Crust", kind="nonsense") == []
    kinds = {q.kind for q in store.quotes(limit=1000)}
    assert kinds == {"direct", "indirect"}
    assert len(store.quotes(kind="indirect", limit=1000)) == 53


def test_list_queries_page_with_limit_and_offset(store: Store) -> None:
    everything = store.quotes(limit=1000)
    assert len(everything) == 69
    pages = [store.quotes(limit=10, offset=start) for start in range(0, 70, 10)]
    assert [q for page in pages for q in page] == everything
    assert store.timeline(limit=5, offset=5) == store.timeline(limit=10)[5:]
    assert store.speakers(limit=3, offset=2) == store.speakers(limit=5)[2:]


def test_summary_counts_and_top_speakers(store: Store) -> None:
    summary = store.summary(speaker_limit=5, statement_limit=2, event_limit=15)
    assert summary.counts == CorpusCounts(
        articles=16,
        statements=69,
        speakers=51,
        unresolved_statements=0,
        stories_with_copies=1,
        copies=0,
        entities=52,
        dated_events=72,
        quarantined=0,
        site_chrome_lines=2,
        ingest_runs=1,
    )
    assert summary.counts == store.overview()
    top = summary.speakers[0]
    assert (top.speaker, top.statements, len(top.said)) == ("Marieke de Vries", 4, 2)
    assert [s.speaker for s in summary.speakers][:3] == [
        "Marieke de Vries",
        "Jonas Berg",
        "Marta Lindqvist",
    ]
    assert len(summary.stories) == 1 and summary.stories[0].articles == 2
    assert len(summary.timeline) == 15
    dates = [event.date for event in summary.timeline]
    assert dates == sorted(dates)
    quiet = store.summary(speaker_limit=0, statement_limit=0, event_limit=0)
    assert (quiet.speakers, quiet.timeline) == ((), ())
