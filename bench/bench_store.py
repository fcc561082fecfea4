"""Corpus speed: ingest rate without the NLP stages, and full-text search latency.

Ingest: the PolNeAR dev texts (or the bundled samples) read, repaired and stored in a fresh
SQLite file, with the spaCy-based stages left out, against the whole pipeline's ingest in the
same run. Search: a generated corpus (BENCH_ARTICLES articles, 1,000,000 by default) of
random-word texts in the same FTS5 schema, then 200 two-word queries; p50 and p95 latency.
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.pipeline import STAGES, Pipeline
from newsdesk.resources import Resources
from newsdesk.store import open_store

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
WITHOUT_NLP = ("repair", "structure", "outlet", "dates")
QUERIES = 200


def _ingest_rate(source: Path, pipeline: Pipeline, directory: Path, name: str) -> float:
    with open_store(directory / f"{name}.db") as store:
        started = time.perf_counter()
        summary = ingest([str(source)], store, pipeline, IngestOptions(workers=1))
        seconds = time.perf_counter() - started
    return summary.added / seconds


def _generated_corpus(path: Path, count: int, rng: random.Random) -> list[str]:
    vocabulary = [f"w{index}" for index in range(20_000)]
    # Zipf-like frequencies, as in prose; cumulative once so that drawing stays cheap.
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))
    with open_store(path) as store:
        c = store.connection
        batch = 10_000
        for start in range(0, count, batch):
            rows = []
            for number in range(start, min(count, start + batch)):
                words = rng.choices(vocabulary, cum_weights=cumulative, k=80)
                rows.append((f"h{number}", f"gen-{number}", " ".join(words[:8]), " ".join(words)))
            with c:
                c.executemany(
                    "INSERT INTO articles (content_hash, source, title, text, ingested_at) "
                    "VALUES (?, ?, ?, ?, '2026-01-01')",
                    rows,
                )
        with c:
            c.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
    return vocabulary


def main() -> int:
    """Measure and print the figures."""
    source = POLNEAR_DEV if POLNEAR_DEV.is_dir() else ROOT / "samples"
    count = int(os.environ.get("BENCH_ARTICLES", "1000000"))
    rng = random.Random(7)
    resources = Resources()
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        fast = Pipeline([s for s in STAGES if s.name in WITHOUT_NLP], resources)
        whole = Pipeline(resources=resources)
        _ingest_rate(source, whole, directory, "warm")  # load models first
        without_nlp = _ingest_rate(source, fast, directory, "fast")
        with_nlp = _ingest_rate(source, whole, directory, "whole")
        print(
            f"ingest of {source.name}: {without_nlp:.1f} articles/s without the NLP stages, "
            f"{with_nlp:.1f} articles/s with the whole pipeline (one process)"
        )

        started = time.perf_counter()
        vocabulary = _generated_corpus(directory / "search.db", count, rng)
        built = time.perf_counter() - started
        latencies = []
        with open_store(directory / "search.db") as store:
            for _ in range(QUERIES):
                query = " ".join(rng.choices(vocabulary[:2000], k=2))
                began = time.perf_counter()
                store.search(query, limit=20)
                latencies.append((time.perf_counter() - began) * 1000)
        latencies.sort()
        p95 = latencies[int(0.95 * len(latencies)) - 1]
        print(
            f"FTS5 search over {count:,} generated articles (built in {built:.0f} s): "
            f"p50 {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, {QUERIES} queries"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
