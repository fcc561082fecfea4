"""Engines: the ways of running the pipeline over many articles, chosen by name.

Every engine has one method that matters, ``run(pipeline, articles)``, yielding the analysed
articles in input order (see :class:`Engine`). Adding an engine is one more module and one
more row in ``_ENGINES``; callers such as ingest never branch on which engine runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from newsdesk.engines.base import TASK_SIZE, Engine
from newsdesk.engines.inprocess import InProcessEngine
from newsdesk.engines.processes import ProcessEngine, pipeline_for
from newsdesk.errors import NewsdeskError

__all__ = ["ENGINE_NAMES", "TASK_SIZE", "Engine", "engine", "engine_for_workers", "pipeline_for"]

_ENGINES: Mapping[str, Callable[[int], Engine]] = MappingProxyType(
    {"inprocess": InProcessEngine, "processes": ProcessEngine}
)

ENGINE_NAMES = tuple(_ENGINES)


def engine(name: str, workers: int) -> Engine:
    """The engine called ``name``, using up to ``workers`` processes; NewsdeskError (ND029)
    for a name no engine has."""
    make = _ENGINES.get(name)
    if make is None:
        known = ", ".join(ENGINE_NAMES)
        raise NewsdeskError("ND029", f"no engine called {name!r}; the engines are: {known}")
    return make(workers)


def engine_for_workers(workers: int) -> str:
    """The engine a worker count asks for: worker processes above one, else this process."""
    return "processes" if workers > 1 else "inprocess"
