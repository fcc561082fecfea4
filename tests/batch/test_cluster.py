"""The Ray engine, on one loopback-only cluster shared by the session: the same Parquet
contents as the local engine, and the database ingest makes once loaded."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsdesk.batch import BatchOptions, run_batch
from newsdesk.batch.cluster import actor_cpus
from newsdesk.batch.tables import SHARD_TABLES
from newsdesk.pipeline import Pipeline
from tests.batch.conftest import TIMESTAMPS, listening, load, table_rows

pytestmark = pytest.mark.usefixtures("ray_cluster", "time_limit")


def _contents(shard: Path) -> dict[str, list[dict[str, object]]]:
    tables = {}
    for table in SHARD_TABLES:
        rows = pq.read_table(shard / f"{table}.parquet").to_pylist()
        tables[table] = [{k: v for k, v in r.items() if k not in TIMESTAMPS} for r in rows]
    return tables


def test_ray_writes_what_the_local_engine_writes(
    shards: list[str], pipeline: Pipeline, local_batch: Path, ingested: Path, tmp_path: Path
) -> None:
    out = tmp_path / "ray"
    summary = run_batch(shards, out, pipeline, BatchOptions(engine="ray", workers=2))
    assert (summary.written, summary.problems) == (4, [])
    names = sorted(p.name for p in (local_batch / "shards").iterdir())
    assert sorted(p.name for p in (out / "shards").iterdir()) == names
    for name in names:
        assert _contents(out / "shards" / name) == _contents(local_batch / "shards" / name)
    db = tmp_path / "ray.db"
    load(out, db)
    assert table_rows(db) == table_rows(ingested)


def test_the_cluster_listens_on_loopback_only(ray_cluster: set[str]) -> None:
    started = listening() - ray_cluster
    assert started, "the cluster listens nowhere?"
    loopback = ("127.0.0.1:", "[::ffff:127.0.0.1]:", "[::1]:")
    assert all(address.startswith(loopback) for address in started), started


def test_actors_leave_a_slot_free_when_they_would_fill_the_cluster() -> None:
    assert actor_cpus(2, 2) == 0.5
    assert actor_cpus(2, 1) == 1.0
    assert actor_cpus(64, 8) == 1.0
