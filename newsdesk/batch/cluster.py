"""The Ray batch engine: Ray Data maps the shards over a pool of actors.

The shards' tasks become a dataset of one row each; ``map_batches`` hands them, one at a
time, to a pool of :class:`ShardActor`, each of which builds the pipeline once in its
``__init__`` (models load there, never pickled) and writes its shards' Parquet files itself,
through the same code as the local engine, so both give the same files.

Ray is an optional extra (``pip install 'newsdesk[ray]'``), imported only here. With no
``address`` a one-machine cluster is started for the run, bound to the loopback interface
(nothing listens on any other address; Ray's own token authentication stays on), and shut
down at the end; with ``address`` the run joins that cluster and leaves it running.

An actor pool that takes every CPU slot leaves none for Ray Data's own tasks and hangs
without a word; each actor therefore asks for less than a whole CPU when the pool would
otherwise fill the cluster.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from newsdesk.batch.shard import ShardResult, ShardTask, ready_pipeline, write_shard
from newsdesk.errors import NewsdeskError

# Before Ray is imported: a cluster started here takes the loopback address as its node's
# address, so that every server it starts listens there and nowhere else.
_LOOPBACK_ONLY = {"RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0"}


def _ray() -> Any:
    for name, value in _LOOPBACK_ONLY.items():
        os.environ.setdefault(name, value)
    try:
        import ray
    except ImportError:
        raise NewsdeskError(
            "ND040", "--engine ray needs Ray: pip install 'newsdesk[ray]'"
        ) from None
    return ray


@contextmanager
def ray_session(address: str | None = None, cpus: int | None = None) -> Iterator[float]:
    """Be connected to a Ray cluster for the block: the one at ``address``, or one started
    on this machine (``cpus`` CPUs, all of them when None) listening on loopback only and
    shut down when the block ends. Yields the seconds connecting or starting took. An
    existing connection of this process is used as it is."""
    ray = _ray()
    started = time.perf_counter()
    if ray.is_initialized():
        yield 0.0
        return
    try:
        if address is not None:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(
                address="local",  # a new cluster, never one a `ray start` left running
                num_cpus=cpus or os.cpu_count() or 1,
                include_dashboard=False,
                _node_ip_address="127.0.0.1",
                log_to_driver=False,
                logging_level=logging.WARNING,
            )
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = address or "this machine"
        hint = ""
        if "AuthToken" in str(exc.__cause__ or ""):
            hint = "; the cluster wants its token: set RAY_AUTH_MODE=token (see the README)"
        raise NewsdeskError("ND040", f"cannot start or reach Ray on {where}: {exc}{hint}") from None
    try:
        yield time.perf_counter() - started
    finally:
        ray.shutdown()


class ShardActor:
    """A Ray actor that writes shards: the pipeline is built, and its models loaded, once in
    ``__init__``; each call writes the shards of a batch of tasks."""

    def __init__(self, pipeline_key: bytes) -> None:
        self.pipeline = ready_pipeline(pipeline_key)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[bytes]]:
        """Write each task's shard; return each result, pickled."""
        results = [write_shard(pickle.loads(task)) for task in batch["task"]]
        return {"result": [pickle.dumps(result) for result in results]}


def actor_cpus(cluster_cpus: float, actors: int) -> float:
    """The CPUs each actor asks for: one, unless the pool would take every slot, then a
    share that leaves one slot free for Ray Data's own tasks."""
    if actors <= cluster_cpus - 1:
        return 1.0
    return round(max(0.1, (cluster_cpus - 1) / actors), 2)


def run_ray(tasks: list[ShardTask], actors: int) -> Iterator[ShardResult]:
    """Write every task's shard on the connected Ray cluster with a pool of ``actors``
    actors; yield each shard's result as it ends."""
    if not tasks:
        return
    ray = _ray()
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    cpus = float(ray.cluster_resources().get("CPU", 1.0))
    pool = max(1, min(actors, len(tasks)))
    dataset = ray.data.from_items(
        [{"task": pickle.dumps(task)} for task in tasks], override_num_blocks=len(tasks)
    )
    written = dataset.map_batches(
        ShardActor,
        fn_constructor_args=(tasks[0].pipeline_key,),
        batch_size=1,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=pool),
        num_cpus=actor_cpus(cpus, pool),
    )
    for row in written.iter_rows():
        result: ShardResult = pickle.loads(row["result"])
        yield result
