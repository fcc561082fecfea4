"""Loading a batch into the store: every finished shard's rows, in input order, stored as
ingest stores an article, then each placed among the stories from its carried signature.

Loading walks each shard's tables side by side (every table is in article order), so it
holds one article's rows at a time whatever the shard's size. An input stored before is
linked as a copy, a text stored before too, so loading a batch twice adds nothing; quarantined
records go to the quarantine table and the site chrome learned to the site_chrome table, as
ingest keeps them. The run's counts are recorded as an ingest run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdesk.batch.layout import SITE_CHROME, BatchDir, Shard, read_rows
from newsdesk.batch.tables import SHARD_TABLES
from newsdesk.corpus.ingest import IngestSummary, store_or_quarantine
from newsdesk.corpus.stories import StoryIndex, minhash_from_bytes
from newsdesk.errors import NewsdeskError
from newsdesk.store import ArticleRows, Store
from newsdesk.store.records import CHILD_TABLES

Row = dict[str, Any]


def _ignore(*_: object) -> None:
    return None


@dataclass(frozen=True)
class LoadEvents:
    """What a caller hears while a batch loads: the shards and their record counts once read
    (``on_plan``), and each record as it is stored, found stored or quarantined
    (``on_record``)."""

    on_plan: Callable[[list[Shard]], None] = _ignore
    on_record: Callable[[Shard], None] = _ignore


class _Grouped:
    """The rows of one table, taken article by article (the table is in article order)."""

    def __init__(self, rows: Iterator[Row], key: str) -> None:
        self.rows = rows
        self.key = key
        self.next: Row | None = next(rows, None)

    def upto(self, last: int) -> list[Row]:
        """The rows whose key is at most ``last``, not taken before."""
        taken = []
        while self.next is not None and self.next[self.key] <= last:
            taken.append(self.next)
            self.next = next(self.rows, None)
        return taken


def _records(directory: Path) -> Iterator[tuple[ArticleRows, Row]]:
    """Each article of a shard as its rows, with its signature row."""
    tables = {t: read_rows(directory / f"{t}.parquet", t) for t in SHARD_TABLES}
    groups = {t: _Grouped(tables[t], "article_id") for t in CHILD_TABLES if t != "mentions"}
    mentions = _Grouped(tables["mentions"], "entity_id")
    signatures = _Grouped(tables["signatures"], "article_id")
    for article in tables["articles"]:
        number = article["id"]
        children = {table: group.upto(number) for table, group in groups.items()}
        entity_ids = [entity["id"] for entity in children["entities"]]
        children["mentions"] = mentions.upto(max(entity_ids)) if entity_ids else []
        found = signatures.upto(number)
        if not found:
            raise NewsdeskError("ND039", f"{directory}: article {number} has no signature")
        yield ArticleRows(article, children), found[-1]


class _Loader:
    """One load: the store, its story index and the counts."""

    def __init__(self, store: Store, events: LoadEvents) -> None:
        self.store = store
        self.events = events
        self.stories = StoryIndex(store)
        self.summary = IngestSummary()

    def quarantine(self, source: str, reason: str) -> None:
        self.summary.failed += 1
        self.summary.problems.append(reason if source in reason else f"{source}: {reason}")
        self.store.quarantine(source, reason)

    def shard(self, shard: Shard, directory: Path) -> None:
        for row in read_rows(directory / "quarantine.parquet", "quarantine"):
            self.summary.read += 1
            self.quarantine(row["source"], row["reason"])
            self.events.on_record(shard)
        for record, signature in _records(directory):
            self.summary.read += 1
            self.article(record, signature)
            self.events.on_record(shard)

    def article(self, record: ArticleRows, signature: Row) -> None:
        """Store one article, or link it to the same input or text stored before; a failure
        of this record alone quarantines it."""
        row = record.article
        source = row["source"]
        if self.store.seen_input(row["input_hash"], source, row["url"], row["published"]):
            self.summary.duplicates += 1
            return
        minhash = minhash_from_bytes(signature["minhash"])
        shingles = signature["shingles"]
        added = store_or_quarantine(
            self.store,
            source,
            lambda: self.stories.add_record(record, minhash, shingles),
            lambda reason: self.quarantine(source, reason),
        )
        if added is not None:
            if added.new:
                self.summary.added += 1
            else:
                self.summary.duplicates += 1


def load_batch(out: Path, store: Store, events: LoadEvents | None = None) -> IngestSummary:
    """Store every finished shard of the batch in ``out``, in input order, and link near
    copies into stories; return the counts. A shard not finished is left out and named in
    the problems (ND039); run ``batch`` again to finish it, then load again."""
    events = events if events is not None else LoadEvents()
    batch = BatchDir(out)
    shards = batch.shards()
    events.on_plan(shards)
    loader = _Loader(store, events)
    run_id = store.start_run()
    for shard in shards:
        if batch.done(shard) is None:
            loader.summary.problems.append(
                f"{shard.input}: shard {shard.name} is not finished; run batch again [ND039]"
            )
            continue
        try:
            loader.shard(shard, batch.shard_dir(shard))
        except (OSError, ValueError) as exc:  # unreadable Parquet: this shard only
            loader.summary.problems.append(
                f"{batch.shard_dir(shard)}: cannot read: {exc} [ND039]".splitlines()[0]
            )
    chrome = read_rows(out / SITE_CHROME, "site_chrome")
    store.record_site_chrome((r["site"], r["key"], r["line"], r["pages"]) for r in chrome)
    summary = loader.summary
    store.finish_run(run_id, summary.added, summary.duplicates, summary.failed)
    return summary
