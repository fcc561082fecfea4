"""The first pass of a batch: the shards read in parallel for what site-chrome learning
counts, and counted here in input order, so the chrome learned is the chrome ingest learns
from the same inputs.

Reading is the costly part (a web archive's pages go through HTML extraction), so worker
processes read the shards and send back, per English page, only its site, a hash and length
per line and its short candidate lines (:class:`~newsdesk.corpus.sitechrome.PageLines`); the
learner in this process counts them shard after shard, page after page, as ingest would.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat

from newsdesk.batch.shard import ReadSettings
from newsdesk.corpus.ingest import english_page
from newsdesk.corpus.sitechrome import PageLines, SiteChromeLearner
from newsdesk.readers.text import read_articles


@dataclass(frozen=True)
class ShardScan:
    """One shard as the first pass sees it: how many records it holds, and what the site
    chrome learner counts of its English pages, in order."""

    records: int
    pages: list[PageLines]


def scan_shard(path: str, read: ReadSettings) -> ShardScan:
    """Read one shard for the first pass (see the module's note)."""
    records = 0
    pages = []
    for item in read_articles([path], read.published, read.max_bytes, read.published_from_path):
        records += 1
        page = english_page(item)
        if page is not None:
            pages.append(page)
    return ShardScan(records, pages)


def _scans(inputs: list[str], read: ReadSettings, workers: int) -> Iterator[ShardScan]:
    workers = max(1, min(workers, os.cpu_count() or 1, len(inputs)))
    if workers == 1:
        yield from (scan_shard(path, read) for path in inputs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(scan_shard, inputs, repeat(read))


def learn_chrome(
    inputs: list[str], read: ReadSettings, learner: SiteChromeLearner, workers: int
) -> list[int]:
    """Count every input's pages into ``learner`` (reading in ``workers`` processes, counting
    in input order); return each input's number of records."""
    records = []
    for scan in _scans(inputs, read, workers):
        if learner.min_pages > 0:
            for page in scan.pages:
                learner.observe_page(page)
        records.append(scan.records)
    return records
