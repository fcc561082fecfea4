"""Ingesting the reference corpora gives exact counts, a second run adds nothing, and a corpus
of political news lists its speakers as people and organisations."""

from __future__ import annotations

from pathlib import Path

from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.lang.gazetteer import Gazetteer
from newsdesk.pipeline import Pipeline
from newsdesk.store import Store, open_store
from tests.conftest import POLNEAR_DEV, SEED_TEXT, SHARED, require_shared

POLNEAR_TRAIN = SHARED / "data" / "polnear" / "train"

BENCHMARK = SHARED / "data" / "article-extraction-benchmark" / "html"
# The benchmark's 181 pages hold 20 in other languages (Portuguese, Indonesian, Korean, ...);
# its English lists of names and scores or of recipes pass.
NON_ENGLISH_PAGES = 20


def test_seed_benchmark_and_polnear_counts(tmp_path: Path, pipeline: Pipeline) -> None:
    paths = [require_shared(SEED_TEXT), require_shared(BENCHMARK), require_shared(POLNEAR_DEV)]
    inputs = [str(p / "text") if p == POLNEAR_DEV else str(p) for p in paths]
    pages = len(list(BENCHMARK.glob("*.html.gz")))
    polnear = len(list((POLNEAR_DEV / "text").glob("*.txt")))
    with open_store(tmp_path / "corpus.db") as store:
        first = ingest(inputs, store, pipeline, IngestOptions(workers=2))
        assert first.added == 1 + pages - NON_ENGLISH_PAGES + polnear
        assert first.failed == NON_ENGLISH_PAGES
        assert all("not English" in problem for problem in first.problems)
        second = ingest(inputs, store, pipeline, IngestOptions(workers=2))
        assert (second.added, second.duplicates) == (0, first.added)
        assert store.count("articles") == first.added
        assert store.count("quarantine") == NON_ENGLISH_PAGES
        # Every stage ran on every stored article: no stage raised on real pages.
        failed = store.connection.execute(
            "SELECT source, errors FROM articles WHERE errors != '[]'"
        ).fetchall()
        assert failed == []


PRONOUNS = "i me we us you he him his she her it its they them their who whom which that"


def speaker_problems(store: Store, gazetteer: Gazetteer) -> tuple[float, list[str]]:
    """The share of statements whose speaker is a pronoun, and the parties listed under a
    name that is not the party's one name."""
    names = ",".join(f"'{p}'" for p in PRONOUNS.split())
    total, pronouns = store.connection.execute(
        f"SELECT count(*), sum(lower(coalesce(corpus_speaker, '')) IN ({names})) FROM quotes"
    ).fetchone()
    listed = [row.speaker for row in store.speakers(10_000, ("organisation", "group"))]
    parties = {n for n in listed if (k := gazetteer.known(n)) is not None and k.type == "ORG"}
    doubled = [n for n in parties if gazetteer.known(n).canonical != n]  # type: ignore[union-attr]
    return (pronouns or 0) / max(total, 1), doubled


def test_a_political_corpus_lists_no_pronoun_and_each_party_once(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    texts = sorted((require_shared(POLNEAR_TRAIN) / "text").glob("*.txt"))[::7]
    with open_store(tmp_path / "train.db") as store:
        report = ingest([str(p) for p in texts], store, pipeline, IngestOptions(workers=2))
        assert report.added == len(texts) and store.count("quotes") > 1000
        share, doubled = speaker_problems(store, pipeline.resources.gazetteer)
    assert share <= 0.02
    assert doubled == []
