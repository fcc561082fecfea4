"""Ingest: read inputs, analyse them, store them; bad inputs are quarantined, the run goes on."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsdesk.corpus.sitechrome import (
    DEFAULT_MIN_PAGES,
    PageLines,
    SiteChromeLearner,
    page_lines,
)
from newsdesk.corpus.stories import StoryIndex
from newsdesk.engines import engine, engine_for_workers
from newsdesk.errors import InputError, StoreError, unexpected
from newsdesk.lang.detect import looks_english
from newsdesk.model import Article, site_of
from newsdesk.pipeline import Pipeline
from newsdesk.readers.text import DEFAULT_MAX_BYTES, InputFailure, read_articles
from newsdesk.store import Added, Store, store_error

# Stages whose failure leaves nothing worth storing.
_ESSENTIAL = frozenset({"repair"})


@dataclass
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    failed: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class IngestOptions:
    """How one ingest run reads its inputs and where it analyses them.

    ``published`` dates inputs that carry no date of their own; ``max_bytes`` is the size
    above which an input is quarantined; ``published_from_path`` takes a date from each file's
    path; ``site_chrome_pages`` is how many of a site's stories a line must be on to be learned
    as chrome (0 turns learning off). ``engine`` names the engine that analyses the articles
    (see :mod:`newsdesk.engines`); left out, ``workers`` above 1 asks for worker processes.
    """

    published: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    published_from_path: bool = False
    site_chrome_pages: int = DEFAULT_MIN_PAGES
    workers: int = 1
    engine: str | None = None

    @property
    def engine_name(self) -> str:
        """The engine this run uses."""
        return self.engine if self.engine is not None else engine_for_workers(self.workers)


def _ignore(_: object) -> None:
    return None


@dataclass(frozen=True)
class IngestEvents:
    """What a caller hears during a run: each input once it is stored, quarantined or found
    stored before (``on_article``), and how many inputs there are, once known (``on_total``)."""

    on_article: Callable[[Article | InputFailure], None] = _ignore
    on_total: Callable[[int], None] = _ignore


def ingest(
    paths: list[str],
    store: Store,
    pipeline: Pipeline,
    options: IngestOptions | None = None,
    events: IngestEvents | None = None,
) -> IngestSummary:
    """Analyse and store every article behind ``paths``; return the counts.

    First the inputs are read once to learn each site's chrome and to count them; standard
    input cannot be read twice, so there chrome is learned as the pages arrive. The engine the
    options name analyses the articles (worker processes each load the models once); storing
    stays in this process, one transaction per article, so a run killed midway leaves only
    whole articles and a second run completes it. A full disk (ND020) or a lock held too long
    (ND021) ends the run with what was committed kept.
    """
    options = options if options is not None else IngestOptions()
    events = events if events is not None else IngestEvents()
    with engine(options.engine_name, options.workers) as analyser:
        run = _IngestRun(paths, store, options, events, _start_run(store))
        run.learn_site_chrome_first()
        # Stopped early or not, the engine's workers are shut down when this block ends.
        run.store_all(analyser.run(pipeline, run.articles_to_analyse()))
    return run.finish()


def _start_run(store: Store) -> int:
    """Open the run in the store; a lock held too long or a read-only file ends it here."""
    try:
        return store.start_run()
    except sqlite3.Error as exc:  # nothing to keep
        stop = store_error(exc, store.path)
        if stop is None:
            raise
        raise stop from None


def english_page(item: Article | InputFailure) -> PageLines | None:
    """What site-chrome learning counts of an input: its page's lines when it is an English
    article with a site, else None (a record that fails here fails again, with its reason,
    when it is prepared)."""
    try:
        if isinstance(item, Article) and looks_english(item.original):
            return page_lines(item)
    except Exception:
        return None
    return None


def learn_site_chrome(items: Iterable[Article | InputFailure], learner: SiteChromeLearner) -> int:
    """Count the lines of every English article among ``items`` for its site's chrome (the
    first of ingest's two readings); return how many items there were."""
    total = 0
    for item in items:
        total += 1
        page = english_page(item)
        if page is not None:
            learner.observe_page(page)
    return total


def prepared(
    item: Article | InputFailure, chrome: Callable[[str | None], frozenset[str]]
) -> Article | InputFailure:
    """The article ready for analysis, carrying the chrome ``chrome`` gives its site, or why
    it cannot be analysed (not English: ND015; a surprise: ND018)."""
    if isinstance(item, InputFailure):
        return item
    try:
        if not looks_english(item.original):
            return InputFailure(
                item.source, InputError("ND015", f"{item.source}: not English; skipped")
            )
        item.site_chrome = chrome(site_of(item))
    except Exception as exc:  # one record's surprise must not end the run
        error = unexpected("ND018", item.source, "cannot analyse", exc)
        return InputFailure(item.source, error)
    return item


def essential_failure(article: Article) -> str | None:
    """Why an analysed article is quarantined rather than stored (a stage whose failure
    leaves nothing worth storing failed), or None when it is stored."""
    fatal = [e for e in article.errors if e.stage in _ESSENTIAL]
    if not fatal:
        return None
    return f"stage {fatal[0].stage} failed: {fatal[0].message} [ND018]"


def store_or_quarantine(
    store: Store, source: str, add: Callable[[], Added], quarantine: Callable[[str], None]
) -> Added | None:
    """What ``add`` (storing the record from ``source``) did; when it fails for this record
    alone, None, with the reason (ND018) passed to ``quarantine``. A failure of the database
    itself (ND020 to ND023) ends the run: it is raised."""
    try:
        return add()
    except StoreError:
        raise  # the database itself failed: stop, with what is committed kept
    except sqlite3.Error as exc:
        stop = store_error(exc, store.path)
        if stop is not None:
            raise stop from None
        quarantine(str(unexpected("ND018", source, "cannot store", exc)))
    except Exception as exc:  # this record cannot be stored; the others can
        quarantine(str(unexpected("ND018", source, "cannot store", exc)))
    return None


@dataclass
class _IngestRun:
    """One ingest run's inputs, store, site-chrome learner and counts."""

    paths: list[str]
    store: Store
    options: IngestOptions
    events: IngestEvents
    run_id: int
    summary: IngestSummary = field(default_factory=IngestSummary)
    learner: SiteChromeLearner = field(init=False)

    def __post_init__(self) -> None:
        self.learner = SiteChromeLearner(min_pages=self.options.site_chrome_pages)
        for site, key in self.store.known_site_chrome():
            self.learner.add_known(site, key)

    @property
    def _learning(self) -> bool:
        return self.options.site_chrome_pages > 0

    @property
    def _learn_first(self) -> bool:
        """True when the inputs can be read twice: chrome is learned before any is analysed."""
        return self._learning and "-" not in self.paths

    def _read(self) -> Iterator[Article | InputFailure]:
        options = self.options
        return read_articles(
            self.paths, options.published, options.max_bytes, options.published_from_path
        )

    def learn_site_chrome_first(self) -> None:
        """Read every input once to learn its site's chrome and to count the inputs."""
        if self._learn_first:
            self.events.on_total(learn_site_chrome(self._read(), self.learner))

    def _prepared(self, item: Article | InputFailure) -> Article | InputFailure:
        """The article ready for analysis, or why it cannot be analysed."""
        if self._learning and not self._learn_first and isinstance(item, Article):
            try:
                if looks_english(item.original):
                    self.learner.observe(item)
            except Exception:
                pass
        return prepared(item, self.learner.chrome)

    def articles_to_analyse(self) -> Iterator[Article]:
        """The inputs not stored before, ready for analysis; the others are counted, and
        those that cannot be analysed quarantined, as they are read."""
        for read in self._read():
            self.summary.read += 1
            item = self._prepared(read)
            if isinstance(item, InputFailure):
                self._quarantine(str(item.error), item.source, str(item.error))
                self.events.on_article(item)
            elif self.store.seen(item) is not None:
                self.summary.duplicates += 1  # stored before: no need to analyse it again
                self.events.on_article(item)
            else:
                yield item

    def _quarantine(self, problem: str, source: str, reason: str) -> None:
        self.summary.failed += 1
        self.summary.problems.append(problem)
        self.store.quarantine(source, reason)

    def store_all(self, analysed: Iterable[Article]) -> None:
        """Store each analysed article, or quarantine it; stop at a failure of the database."""
        stories = StoryIndex(self.store)
        for article in analysed:
            reason = essential_failure(article)
            if reason is not None:
                self._quarantine(f"{article.source}: {reason}", article.source, reason)
            else:
                self._store(article, stories)
            self.events.on_article(article)

    def _store(self, article: Article, stories: StoryIndex) -> None:
        """Store one article; a failure of this record alone quarantines it."""

        def quarantine(error: str) -> None:
            self._quarantine(error, article.source, error)

        added = store_or_quarantine(
            self.store, article.source, lambda: stories.add(article), quarantine
        )
        if added is not None:
            if added.new:
                self.summary.added += 1
            else:
                self.summary.duplicates += 1

    def finish(self) -> IngestSummary:
        """Keep the site chrome learned, close the run in the store, and return its counts."""
        self.store.record_site_chrome(self.learner.learned())
        summary = self.summary
        self.store.finish_run(self.run_id, summary.added, summary.duplicates, summary.failed)
        if summary.read == 0:
            summary.problems.append(str(InputError("ND009", "no inputs: nothing was read")))
        return summary
