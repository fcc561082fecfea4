"""Ingest: read inputs, analyse them, store them; bad inputs are quarantined, the run goes on."""

from __future__ import annotations

import itertools
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from newsdesk.corpus.sitechrome import DEFAULT_MIN_PAGES, SiteChromeLearner
from newsdesk.corpus.stories import StoryIndex
from newsdesk.errors import InputError, StoreError, unexpected
from newsdesk.lang.detect import looks_english
from newsdesk.model import Article, site_of
from newsdesk.pipeline import Pipeline
from newsdesk.readers.text import DEFAULT_MAX_BYTES, InputFailure, read_articles
from newsdesk.store import Store, store_error

# Stages whose failure leaves nothing worth storing.
_ESSENTIAL = frozenset({"repair"})
# Articles a worker process analyses per task, and tasks in flight per worker: enough to keep
# both cores busy, few enough that memory stays flat however large the corpus.
_TASK_SIZE = 16
_IN_FLIGHT_PER_WORKER = 2


# The pipeline of a worker process, shipped to it once when the process starts; its models
# load on first use and stay for the life of the process. Only worker processes set it.
_worker: dict[str, Pipeline] = {}


def _start_worker(pipeline: Pipeline) -> None:
    _worker["pipeline"] = pipeline


def _analyse_task(articles: list[Article]) -> list[Article]:
    return list(_worker["pipeline"].run_many(articles, batch_size=_TASK_SIZE))


def analyse_in_parallel(
    articles: Iterable[Article], pipeline: Pipeline, workers: int
) -> Iterator[Article]:
    """Run the pipeline over articles in ``workers`` processes, yielding results in order."""
    source = iter(articles)
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(pipeline,)
    ) as pool:
        pending: deque[Future[list[Article]]] = deque()
        try:
            while batch := list(itertools.islice(source, _TASK_SIZE)):
                pending.append(pool.submit(_analyse_task, batch))
                if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:  # a run stopped early (a full disk) waits for no batch it will not store
            for future in pending:
                future.cancel()


@dataclass
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
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
    workers: int = 1,
    site_chrome_pages: int = DEFAULT_MIN_PAGES,
    on_total: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Analyse and store every article behind ``paths``; return the counts.

    First the inputs are read once to learn each site's chrome (lines on at least
    ``site_chrome_pages`` of its stories; 0 turns that off) and to count them; standard input
    cannot be read twice, so there chrome is learned as the pages arrive. With ``workers``
    above 1 the analysis runs in that many processes (each loads the models once); storing
    stays in this process, one transaction per article, so a run killed midway leaves only
    whole articles and a second run completes it.
    """
    summary = IngestSummary()
    try:
        run_id = store.start_run()
    except sqlite3.Error as exc:  # a lock held too long, a read-only file: nothing to keep
        stop = store_error(exc, store.path)
        if stop is None:
            raise
        raise stop from None
    learner = SiteChromeLearner(min_pages=site_chrome_pages)
    for site, key in store.known_site_chrome():
        learner.add_known(site, key)
    learn_first = site_chrome_pages > 0 and "-" not in paths
    learn_as_read = site_chrome_pages > 0 and not learn_first
    if learn_first:
        total = 0
        for item in read_articles(paths, published, max_bytes, published_from_path):
            total += 1
            try:
                if isinstance(item, Article) and looks_english(item.original):
                    learner.observe(item)
            except Exception:
                continue  # the record fails again, with its reason, below
        if on_total is not None:
            on_total(total)

    def prepared(item: Article | InputFailure) -> Article | InputFailure:
        """The article ready for analysis, or why it cannot be analysed."""
        if isinstance(item, InputFailure):
            return item
        try:
            if not looks_english(item.original):
                return InputFailure(
                    item.source, InputError("ND015", f"{item.source}: not English; skipped")
                )
            if learn_as_read:
                learner.observe(item)
            item.site_chrome = learner.chrome(site_of(item))
        except Exception as exc:  # one record's surprise must not end the run
            error = unexpected("ND018", item.source, "cannot analyse", exc)
            return InputFailure(item.source, error)
        return item

    def readable() -> Iterator[Article]:
        for read in read_articles(paths, published, max_bytes, published_from_path):
            summary.read += 1
            item = prepared(read)
            if isinstance(item, InputFailure):
                summary.failed += 1
                summary.problems.append(str(item.error))
                store.quarantine(item.source, str(item.error))
                if on_article is not None:
                    on_article(item)
            elif store.seen(item) is not None:
                summary.duplicates += 1  # stored before: no need to analyse it again
                if on_article is not None:
                    on_article(item)
            else:
                yield item

    analysed: Iterable[Article]
    if workers > 1:
        analysed = analyse_in_parallel(readable(), pipeline, workers)
    else:
        analysed = pipeline.run_many(readable(), batch_size=_TASK_SIZE)
    try:
        _store_analysed(analysed, store, summary, on_article)
    finally:  # stopped early or not, the workers are shut down here, not at exit
        close = getattr(analysed, "close", None)
        if close is not None:
            close()
    store.record_site_chrome(learner.learned())
    store.finish_run(run_id, summary.added, summary.duplicates, summary.failed)
    if summary.read == 0:
        summary.problems.append(str(InputError("ND009", "no inputs: nothing was read")))
    return summary


def _store_analysed(
    analysed: Iterable[Article],
    store: Store,
    summary: IngestSummary,
    on_article: Callable[[Article | InputFailure], None] | None,
) -> None:
    """Store each analysed article, or quarantine it; stop at a failure of the database."""
    stories = StoryIndex(store)
    for article in analysed:
        fatal = [e for e in article.errors if e.stage in _ESSENTIAL]
        if fatal:
            reason = f"stage {fatal[0].stage} failed: {fatal[0].message} [ND018]"
            summary.failed += 1
            summary.problems.append(f"{article.source}: {reason}")
            store.quarantine(article.source, reason)
        else:
            try:
                added = stories.add(article)
            except StoreError:
                raise  # the database itself failed: stop, with what is committed kept
            except sqlite3.Error as exc:
                stop = store_error(exc, store.path)
                if stop is not None:
                    raise stop from None
                error = unexpected("ND018", article.source, "cannot store", exc)
                summary.failed += 1
                summary.problems.append(str(error))
                store.quarantine(article.source, str(error))
            except Exception as exc:  # this record cannot be stored; the others can
                error = unexpected("ND018", article.source, "cannot store", exc)
                summary.failed += 1
                summary.problems.append(str(error))
                store.quarantine(article.source, str(error))
            else:
                if added.new:
                    summary.added += 1
                else:
                    summary.duplicates += 1
        if on_article is not None:
            on_article(article)
