"""Ingesting the reference corpora gives exact counts, and a second run adds nothing."""

from __future__ import annotations

from pathlib import Path

from newsdesk.ingest import ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store
from tests.conftest import POLNEAR_DEV, SEED_TEXT, SHARED, require_shared

BENCHMARK = SHARED / "data" / "article-extraction-benchmark" / "html"
# The benchmark's 181 pages hold 22 in other languages (Portuguese, Indonesian, Korean, ...).
NON_ENGLISH_PAGES = 22


def test_seed_benchmark_and_polnear_counts(tmp_path: Path, pipeline: Pipeline) -> None:
    paths = [require_shared(SEED_TEXT), require_shared(BENCHMARK), require_shared(POLNEAR_DEV)]
    inputs = [str(p / "text") if p == POLNEAR_DEV else str(p) for p in paths]
    pages = len(list(BENCHMARK.glob("*.html.gz")))
    polnear = len(list((POLNEAR_DEV / "text").glob("*.txt")))
    with open_store(tmp_path / "corpus.db") as store:
        first = ingest(inputs, store, pipeline, workers=2)
        assert first.added == 1 + pages - NON_ENGLISH_PAGES + polnear
        assert first.failed == NON_ENGLISH_PAGES
        assert all("not English" in problem for problem in first.problems)
        second = ingest(inputs, store, pipeline, workers=2)
        assert (second.added, second.duplicates) == (0, first.added)
        assert store.count("articles") == first.added
        assert store.count("quarantine") == NON_ENGLISH_PAGES
        # Every stage ran on every stored article: no stage raised on real pages.
        failed = store.connection.execute(
            "SELECT source, errors FROM articles WHERE errors != '[]'"
        ).fetchall()
        assert failed == []
