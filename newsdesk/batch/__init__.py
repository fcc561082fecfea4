"""Batch analysis over crawl-sized inputs: each input a shard, analysed on a pool of worker
processes or on Ray into Parquet tables shaped like the store's (:func:`run_batch`), then
loaded into the store with stories linked across shards (:func:`load_batch`).

Layout: ``run.py`` (the run: site chrome first, read by ``scan.py``, then the shards not yet
done), ``shard.py``
(one shard's work, the same on every engine), ``local.py`` and ``cluster.py`` (the engines:
worker processes, Ray Data actors), ``layout.py`` (the output directory: manifest, shards
written under a temporary name and renamed, Parquet files), ``tables.py`` (the tables'
schema, the store's) and ``load.py``.
"""

from __future__ import annotations

from newsdesk.batch.layout import Shard, ShardCounts
from newsdesk.batch.load import LoadEvents, load_batch
from newsdesk.batch.run import BATCH_ENGINES, BatchEvents, BatchOptions, BatchSummary, run_batch
from newsdesk.batch.shard import ReadSettings, ShardResult

__all__ = [
    "BATCH_ENGINES",
    "BatchEvents",
    "BatchOptions",
    "BatchSummary",
    "LoadEvents",
    "ReadSettings",
    "Shard",
    "ShardCounts",
    "ShardResult",
    "load_batch",
    "run_batch",
]
