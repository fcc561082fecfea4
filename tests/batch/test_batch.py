"""The local engine: batch then load gives the database ingest gives; loading twice adds
nothing; a shard that cannot be read is quarantined with its name and the rest goes on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsdesk.batch import BatchOptions, load_batch, run_batch
from newsdesk.batch.layout import BatchDir
from newsdesk.batch.tables import schema_markdown
from newsdesk.errors import NewsdeskError
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store
from tests.batch.conftest import load, table_rows


def test_batch_then_load_stores_what_ingest_stores(
    local_batch: Path, ingested: Path, tmp_path: Path
) -> None:
    db = tmp_path / "loaded.db"
    load(local_batch, db)
    expected, loaded = table_rows(ingested), table_rows(db)
    assert loaded.keys() == expected.keys()
    for table in expected:
        assert loaded[table] == expected[table], table
    # The inputs exercise what matters: chrome learned, a near copy across shards in one
    # story, an exact copy linked, bad records and a missing shard quarantined.
    assert loaded["site_chrome"] and loaded["copies"]
    assert any(size == 2 for _, _, size in loaded["stories"])
    reasons = " ".join(reason for _, _, reason in loaded["quarantine"])
    assert all(code in reasons for code in ("ND015", "ND012", "ND001"))
    assert "missing.warc.gz" in reasons


def test_loading_twice_adds_nothing(local_batch: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    load(local_batch, db)
    once = table_rows(db)
    with open_store(db) as store:
        summary = load_batch(local_batch, store)
    again = table_rows(db)
    assert summary.added == 0 and summary.duplicates > 0
    # Only the log of runs grows, by the second run's own row, as with ingest run twice.
    assert {t: rows for t, rows in again.items() if t != "ingest_runs"} == {
        t: rows for t, rows in once.items() if t != "ingest_runs"
    }
    assert len(again["ingest_runs"]) == len(once["ingest_runs"]) + 1


def test_every_table_has_the_store_columns(local_batch: Path, ingested: Path) -> None:
    shard = next(p for p in (local_batch / "shards").iterdir() if p.name.startswith("00000"))
    with sqlite3.connect(ingested) as connection:
        for file in shard.glob("*.parquet"):
            table = file.stem
            columns = [c[1] for c in connection.execute(f"PRAGMA table_info({table})")]
            assert pq.read_schema(file).names == columns, table
    signatures = pq.read_table(shard / "signatures.parquet").to_pylist()
    assert signatures and all(len(row["minhash"]) == 128 * 8 for row in signatures)


def test_a_batch_of_other_inputs_is_refused(local_batch: Path, pipeline: Pipeline) -> None:
    with pytest.raises(NewsdeskError) as refused:
        run_batch(["elsewhere.jsonl"], local_batch, pipeline)
    assert refused.value.code == "ND038"


def test_load_names_a_directory_that_is_no_batch(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.db") as store, pytest.raises(NewsdeskError) as refused:
        load_batch(tmp_path, store)
    assert refused.value.code == "ND039" and str(tmp_path) in str(refused.value)


def test_a_rerun_skips_the_finished_shards(local_batch: Path, pipeline: Pipeline) -> None:
    shards = BatchDir(local_batch).shards()
    summary = run_batch([s.input for s in shards], local_batch, pipeline, BatchOptions())
    assert (summary.skipped, summary.written, summary.articles) == (4, 0, 0)


def test_the_output_reference_is_current() -> None:
    reference = Path(__file__).resolve().parents[2] / "docs" / "batch.md"
    assert reference.read_text("utf-8") == schema_markdown(), "run: make docs"
