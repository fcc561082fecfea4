"""The local batch engine: a pool of worker processes, one shard per task.

Each worker builds the pipeline once, from its pickled settings, and loads its models when
it starts (:func:`newsdesk.batch.shard.ready_pipeline`), and keeps it for every shard it is
given. Workers
tell this process how far they are through a queue, so progress is shown per shard and
overall while the shards run.
"""

from __future__ import annotations

import multiprocessing
import queue
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from newsdesk.batch.shard import ShardResult, ShardTask, ready_pipeline, write_shard

# Seconds between looks at the progress queue while shards run.
_POLL = 0.2

_progress: Any = None  # this worker's progress queue, set when the worker starts


def _start_worker(key: bytes, progress: Any) -> None:
    global _progress
    _progress = progress
    ready_pipeline(key)


def _run_task(task: ShardTask) -> ShardResult:
    channel = _progress
    index = task.shard.index

    def report(done: int) -> None:
        if channel is not None:
            channel.put((index, done))

    return write_shard(task, report)


def run_local(
    tasks: list[ShardTask], workers: int, on_progress: Callable[[int, int], None]
) -> Iterator[ShardResult]:
    """Write every task's shard in ``workers`` processes; yield each shard's result as it
    ends. ``on_progress(shard index, records)`` hears records done as they are done."""
    if not tasks:
        return
    progress = multiprocessing.get_context().Queue()
    key = tasks[0].pipeline_key
    with ProcessPoolExecutor(
        max_workers=max(1, min(workers, len(tasks))),
        initializer=_start_worker,
        initargs=(key, progress),
    ) as pool:
        shard_of = {pool.submit(_run_task, task): task for task in tasks}
        pending: set[Future[ShardResult]] = set(shard_of)
        try:
            while pending:
                finished, pending = wait(pending, timeout=_POLL, return_when=FIRST_COMPLETED)
                _drain(progress, on_progress)
                for future in finished:
                    yield _result(future, shard_of[future])
            _drain(progress, on_progress)
        finally:  # stopped early: shards not started are not started
            for future in pending:
                future.cancel()


def _drain(progress: Any, on_progress: Callable[[int, int], None]) -> None:
    while True:
        try:
            index, done = progress.get_nowait()
        except queue.Empty:
            return
        on_progress(index, done)


def _result(future: Future[ShardResult], task: ShardTask) -> ShardResult:
    """The shard's result; a worker that died (killed, out of memory) fails its shard."""
    try:
        return future.result()
    except Exception as exc:  # a broken pool: the shard is redone by the next run
        problem = f"{type(exc).__name__}: {exc}".splitlines()[0]
        message = f"{task.shard.input}: shard not finished ({problem}) [ND037]"
        return ShardResult(task.shard, None, message)
