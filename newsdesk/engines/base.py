"""The engine seam: what every way of running the pipeline over many articles promises."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar

from newsdesk.model import Article
from newsdesk.pipeline import Pipeline

# Articles analysed together: one batch of the in-process engine, one task of a worker
# process. Small enough that memory stays flat however large the corpus.
TASK_SIZE = 16

SelfEngine = TypeVar("SelfEngine", bound="Engine")


class Engine(Protocol):
    """Runs a pipeline over a stream of articles.

    ``run`` yields the analysed articles lazily and in input order, holding only a few batches
    at a time. ``close`` (or leaving a ``with`` block) ends every run the engine started, so a
    caller that stops reading early leaves no worker behind.
    """

    def run(self, pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Article]:
        """Yield each article analysed by ``pipeline``, in the order they came."""
        ...

    def close(self) -> None:
        """End the runs still open and release what they hold."""
        ...

    def __enter__(self: SelfEngine) -> SelfEngine:
        """The engine itself, closed when the block ends."""
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Close the engine, whether the block ended normally or not."""
        self.close()
