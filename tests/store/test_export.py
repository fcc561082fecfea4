"""Exports read back by the readers analysts use."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store
from newsdesk.store.export import QUERIES, export_table

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.mark.parametrize("table", sorted(QUERIES))
def test_every_table_in_every_format(tmp_path: Path, pipeline: Pipeline, table: str) -> None:
    db = tmp_path / "corpus.db"
    with open_store(db) as store:
        ingest(
            [str(SAMPLES / "2024-09-19_river_flood.txt")],
            store,
            pipeline,
            IngestOptions(published_from_path=True),
        )
        counts = {}
        for fmt in ("jsonl", "csv", "parquet"):
            counts[fmt] = export_table(store, table, fmt, tmp_path / f"out.{fmt}")
    assert len(set(counts.values())) == 1 and counts["jsonl"] > 0
    jsonl = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    with (tmp_path / "out.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    parquet = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert len(jsonl) == len(rows) == len(parquet) == counts["jsonl"]
    assert jsonl == parquet
    assert list(rows[0]) == list(jsonl[0])
