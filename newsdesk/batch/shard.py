"""One shard's work, the same on every engine: read the input, prepare each article as ingest
does (English only, the site's chrome attached), analyse through the in-process engine,
and write the rows the store would keep, with each text's MinHash signature, to Parquet.

The pipeline comes in pickled (its settings only) and is built once per worker process or
Ray actor by :func:`newsdesk.engines.pipeline_for`; no model crosses a process boundary.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsdesk.batch.layout import BatchDir, Shard, ShardCounts, TableWriter
from newsdesk.batch.tables import SHARD_TABLES
from newsdesk.corpus.ingest import essential_failure, prepared
from newsdesk.corpus.stories import signature
from newsdesk.engines import pipeline_for
from newsdesk.engines.inprocess import InProcessEngine
from newsdesk.errors import unexpected
from newsdesk.model import Article
from newsdesk.pipeline import Pipeline
from newsdesk.readers.text import DEFAULT_MAX_BYTES, InputFailure, read_articles
from newsdesk.store import ArticleRows, article_rows
from newsdesk.store.writes import now

# How often (in articles) a worker reports its progress.
REPORT_EVERY = 16


@dataclass(frozen=True)
class ReadSettings:
    """How a batch reads its inputs (as ``ingest``'s options of the same names)."""

    published: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    published_from_path: bool = False


@dataclass(frozen=True)
class ShardTask:
    """Everything a worker needs for one shard: the pickled pipeline, the shard, the
    output directory, how to read, and the chrome learned per site over all inputs."""

    pipeline_key: bytes
    shard: Shard
    out: str
    read: ReadSettings
    chrome: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ShardResult:
    """How one shard ended: its counts, or the error that stopped it (ND037)."""

    shard: Shard
    counts: ShardCounts | None
    error: str | None = None


_WARM_UP = "The mayor said on Monday that the old bridge would reopen in June."


def ready_pipeline(key: bytes) -> Pipeline:
    """The pipeline pickled as ``key``, built for this process with its models loaded (one
    short text analysed), so that a worker's first shard pays for no loading."""
    pipeline = pipeline_for(key)
    pipeline.run(Article(source="<warm-up>", original=_WARM_UP))
    return pipeline


def _chrome_of(chrome: Mapping[str, frozenset[str]]) -> Callable[[str | None], frozenset[str]]:
    def lookup(site: str | None) -> frozenset[str]:
        return chrome.get(site or "", frozenset())

    return lookup


class _ShardWriter:
    """The open Parquet files of one shard and the running ids within it."""

    def __init__(self, directory: Path) -> None:
        self.files = {t: TableWriter(directory / f"{t}.parquet", t) for t in SHARD_TABLES}
        self.articles = 0
        self.quarantined = 0
        self._ids = {"quotes": 0, "entities": 0}

    def quarantine(self, source: str, reason: str) -> None:
        self.files["quarantine"].add(
            [{"id": self.quarantined, "source": source, "reason": reason, "at": now()}]
        )
        self.quarantined += 1

    def article(self, record: ArticleRows, shingles: int, minhash: bytes) -> None:
        number = self.articles
        self.files["articles"].add([record.article | {"id": number}])
        first_entity = self._ids["entities"]
        for table in record.children:
            rows = [dict(row) for row in record.rows(table)]
            for offset, row in enumerate(rows):
                if "article_id" in row:
                    row["article_id"] = number
                if table in self._ids:
                    row["id"] = self._ids[table] + offset
                if table == "mentions":
                    row["entity_id"] += first_entity
            self._ids[table] = self._ids.get(table, 0) + len(rows)
            self.files[table].add(rows)
        self.files["signatures"].add(
            [{"article_id": number, "shingles": shingles, "minhash": minhash}]
        )
        self.articles += 1

    def close(self) -> None:
        for writer in self.files.values():
            writer.close()


def _prepared_articles(task: ShardTask, writer: _ShardWriter) -> Iterator[Article]:
    """The shard's articles ready for analysis; what cannot be analysed is quarantined."""
    read = task.read
    chrome = _chrome_of(task.chrome)
    items = read_articles(
        [task.shard.input], read.published, read.max_bytes, read.published_from_path
    )
    for item in items:
        ready = prepared(item, chrome)
        if isinstance(ready, InputFailure):
            writer.quarantine(ready.source, str(ready.error))
        else:
            yield ready


def _write_analysed(article: Article, writer: _ShardWriter) -> None:
    reason = essential_failure(article)
    if reason is not None:
        writer.quarantine(article.source, reason)
        return
    try:
        minhash, size = signature(article.text)
        record = article_rows(article, now())
    except Exception as exc:  # this record cannot be kept; the others can
        error = unexpected("ND018", article.source, "cannot store", exc)
        writer.quarantine(article.source, str(error))
        return
    writer.article(record, size, minhash.hashvalues.astype(np.uint64).tobytes())


def write_shard(task: ShardTask, report: Callable[[int], Any] | None = None) -> ShardResult:
    """Analyse one shard and write its tables, whole or not at all; ``report`` hears how many
    records are done now and then. A failure of the shard as a whole (its output cannot be
    written, a worker's surprise) comes back as an ND037 error naming the input."""
    started = time.perf_counter()
    began = time.time()
    cpu = time.process_time()
    out = BatchDir(Path(task.out))
    shard = task.shard
    try:
        partial = out.partial_dir(shard)
        writer = _ShardWriter(partial)
        pipeline = pipeline_for(task.pipeline_key)
        reported = 0
        with InProcessEngine() as analyser:
            for article in analyser.run(pipeline, _prepared_articles(task, writer)):
                _write_analysed(article, writer)
                done = writer.articles + writer.quarantined
                if report is not None and done - reported >= REPORT_EVERY:
                    report(done - reported)
                    reported = done
        writer.close()
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu
        counts = ShardCounts(writer.articles, writer.quarantined, seconds, began, cpu_seconds)
        out.commit(partial, shard, counts)
        if report is not None and counts.articles + counts.quarantined > reported:
            report(counts.articles + counts.quarantined - reported)
    except Exception as exc:  # this shard is lost for now; the others go on
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        message = f"{shard.input}: shard not finished ({type(exc).__name__}: {reason}) [ND037]"
        return ShardResult(shard, None, message)
    return ShardResult(shard, counts)
