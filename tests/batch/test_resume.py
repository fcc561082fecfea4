"""A batch killed midway, and a shard left half-written, are finished by running the batch
again: finished shards are skipped, the rest redone, and the counts come out exact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsdesk.batch import BatchOptions, run_batch
from newsdesk.batch.layout import DONE, BatchDir
from newsdesk.pipeline import Pipeline
from tests.batch.conftest import load, make_shards, table_rows

pytestmark = pytest.mark.usefixtures("time_limit")


def _done(out: Path) -> list[Path]:
    return sorted((out / "shards").glob(f"*/{DONE}")) if (out / "shards").exists() else []


def _articles_written(out: Path) -> int:
    batch = BatchDir(out)
    counts = [batch.done(shard) for shard in batch.shards()]
    assert all(count is not None for count in counts), "every shard is finished"
    return sum(count.articles for count in counts if count is not None)


def test_a_killed_batch_resumes_with_exact_counts(
    pipeline: Pipeline, ingested: Path, local_batch: Path, tmp_path: Path
) -> None:
    # More, larger shards than the shared ones, so the kill lands between shards.
    inputs = make_shards(tmp_path / "shards")
    inputs = [*inputs, *make_shards(tmp_path / "more")]
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsdesk", "batch", *inputs, "--out", str(out)]
    process = subprocess.Popen(
        [*command, "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its workers are killed with it
    )
    try:
        deadline = time.monotonic() + 60
        while not _done(out) and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    finished = _done(out)
    assert 1 <= len(finished) < len(inputs), "the kill should land after the first shard"

    # A shard left half-written: its marker gone and one of its files cut short.
    half = finished[0].parent
    (half / DONE).unlink()
    articles = half / "articles.parquet"
    articles.write_bytes(articles.read_bytes()[:100])

    summary = run_batch(inputs, out, pipeline, BatchOptions(workers=1))
    assert summary.problems == []
    assert summary.skipped == len(finished) - 1
    assert summary.skipped + summary.written == len(inputs)
    assert len(_done(out)) == len(inputs)
    assert not list((out / "shards").glob(".*")), "no partial shard is left"

    db = tmp_path / "resumed.db"
    load(out, db)
    rows, expected = table_rows(db), table_rows(ingested)
    # The second copy of every input is a copy of the first: the same stored articles and
    # annotations as one set of shards, each input of the second set linked as a copy.
    for table in ("articles", "quotes", "entities", "mentions", "dates", "events", "stories"):
        assert len(rows[table]) == len(expected[table]), table
    # Every record quarantined in a shard is in the database once (by source and reason).
    quarantined = {
        (row["source"], row["reason"])
        for file in (out / "shards").glob("*/quarantine.parquet")
        for row in pq.read_table(file).to_pylist()
    }
    assert {(source, reason) for _, source, reason in rows["quarantine"]} == quarantined
    assert _articles_written(out) == 2 * _articles_written(local_batch)
