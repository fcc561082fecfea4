"""Ingest: read inputs, analyse them, store them; bad inputs are quarantined, the run goes on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from newsdesk.model import Article
from newsdesk.pipeline import Pipeline
from newsdesk.readers.text import DEFAULT_MAX_BYTES, InputFailure, read_articles
from newsdesk.store import Store

# Stages whose failure leaves nothing worth storing.
_ESSENTIAL = frozenset({"repair"})


@dataclass
class IngestSummary:
    """What one ingest run did."""

    added: int = 0
    duplicates: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)


def ingest(
    paths: list[str],
    store: Store,
    pipeline: Pipeline,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published_from_path: bool = False,
    on_article: Callable[[Article | InputFailure], None] | None = None,
) -> IngestSummary:
    """Analyse and store every article behind ``paths``; return the counts."""
    summary = IngestSummary()
    run_id = store.start_run()

    def readable() -> Iterator[Article]:
        for item in read_articles(paths, published, max_bytes, published_from_path):
            if isinstance(item, InputFailure):
                summary.failed += 1
                summary.problems.append(item.error.message)
                store.quarantine(item.source, item.error.message)
                if on_article is not None:
                    on_article(item)
            else:
                yield item

    for article in pipeline.run_many(readable(), batch_size=16):
        fatal = [e for e in article.errors if e.stage in _ESSENTIAL]
        if fatal:
            reason = f"stage {fatal[0].stage} failed: {fatal[0].message}"
            summary.failed += 1
            summary.problems.append(f"{article.source}: {reason}")
            store.quarantine(article.source, reason)
        else:
            added = store.add(article)
            if added.new:
                summary.added += 1
            else:
                summary.duplicates += 1
        if on_article is not None:
            on_article(article)
    store.finish_run(run_id, summary.added, summary.duplicates, summary.failed)
    return summary
