"""The in-process engine: the pipeline runs in this process, one batch of articles at a time."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from weakref import WeakSet

from newsdesk.engines.base import TASK_SIZE, Engine
from newsdesk.model import Article
from newsdesk.pipeline import Pipeline


class InProcessEngine(Engine):
    """Analyses articles in the calling process, in batches of ``TASK_SIZE``."""

    def __init__(self, workers: int = 1) -> None:
        # One process does the work whatever ``workers`` says; the argument keeps every
        # engine constructible the same way.
        self.workers = workers
        self._runs: WeakSet[Generator[Article, None, None]] = WeakSet()

    def run(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Article]:
        """Yield each article analysed by ``pipeline``, in the order they came."""
        run = self._analysed(pipeline, articles)
        self._runs.add(run)
        return run

    def close(self) -> None:
        """Stop the runs still open, so their inputs are closed too."""
        for run in list(self._runs):
            run.close()

    @staticmethod
    def _analysed(
        pipeline: Pipeline, articles: Iterable[Article]
    ) -> Generator[Article, None, None]:
        yield from pipeline.run_many(articles, batch_size=TASK_SIZE)
