"""The process-pool engine: worker processes analyse tasks of articles while this process
reads the next ones and takes the results in order.

A worker must load the models once and keep them for the life of the process. Rather than a
module variable that the pool's initializer fills and that each task reads (its content would
depend on what ran in that process before), a worker reaches its pipeline through
``pipeline_for``, a cache keyed by the pipeline's pickled form: its stages and its settings,
a kilobyte or so, as :class:`~newsdesk.resources.Resources` pickles no model. The initializer
warms the cache when the process starts; every task carries the same key and gets the same
pipeline back, so the models load once per worker, and a task's result depends only on the
pipeline it was sent. A process reached with another key builds that pipeline afresh.
"""

from __future__ import annotations

import functools
import itertools
import pickle
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from weakref import WeakSet

from newsdesk.engines.base import TASK_SIZE, Engine
from newsdesk.model import Article
from newsdesk.pipeline import Pipeline

# Tasks in flight per worker: enough to keep every worker busy while results are taken in
# order, few enough that memory stays flat.
IN_FLIGHT_PER_WORKER = 2


@functools.lru_cache(maxsize=1)  # a pool serves one pipeline
def pipeline_for(key: bytes) -> Pipeline:
    """The pipeline pickled as ``key``, built once in this process and kept while the
    process's work asks for the same one (see the module's note)."""
    pipeline: Pipeline = pickle.loads(key)
    return pipeline


def _analyse_task(key: bytes, articles: list[Article]) -> list[Article]:
    return list(pipeline_for(key).run_many(articles, batch_size=TASK_SIZE))


class ProcessEngine(Engine):
    """Analyses articles in ``workers`` processes, each loading the models once."""

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)
        self._runs: WeakSet[Generator[Article, None, None]] = WeakSet()

    def run(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Article]:
        """Yield each article analysed by ``pipeline``, in the order they came."""
        run = self._analysed(pipeline, articles)
        self._runs.add(run)
        return run

    def close(self) -> None:
        """Stop the runs still open: pending tasks are cancelled and the workers shut down."""
        for run in list(self._runs):
            run.close()

    def _analysed(
        self, pipeline: Pipeline, articles: Iterable[Article]
    ) -> Generator[Article, None, None]:
        source = iter(articles)
        key = pickle.dumps(pipeline)
        task = functools.partial(_analyse_task, key)
        with ProcessPoolExecutor(
            max_workers=self.workers, initializer=pipeline_for, initargs=(key,)
        ) as pool:
            pending: deque[Future[list[Article]]] = deque()
            try:
                while batch := list(itertools.islice(source, TASK_SIZE)):
                    pending.append(pool.submit(task, batch))
                    if len(pending) >= self.workers * IN_FLIGHT_PER_WORKER:
                        yield from pending.popleft().result()
                while pending:
                    yield from pending.popleft().result()
            finally:  # a run stopped early waits for no task whose result nobody will take
                for future in pending:
                    future.cancel()
