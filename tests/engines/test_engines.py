"""The engines behind ``run(pipeline, articles)``: same results in the same order whichever
runs, a coded error for an unknown name, and no worker left behind by a run stopped early."""

from __future__ import annotations

import itertools
import multiprocessing
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.engines import ENGINE_NAMES, engine, engine_for_workers
from newsdesk.errors import NewsdeskError
from newsdesk.model import Article
from newsdesk.pipeline import STAGES, Pipeline
from newsdesk.readers.text import read_articles
from newsdesk.resources import Resources

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"
# The stages that need no spaCy model: quick to load in every worker process.
WITHOUT_NLP = ("repair", "structure", "outlet", "dates")


@pytest.fixture(scope="module")
def small_pipeline(resources: Resources) -> Pipeline:
    return Pipeline([s for s in STAGES if s.name in WITHOUT_NLP], resources)


def _samples() -> list[Article]:
    articles = [item for item in read_articles([str(SAMPLES)]) if isinstance(item, Article)]
    assert len(articles) == 16
    return articles


def test_every_engine_gives_the_same_articles_in_input_order(small_pipeline: Pipeline) -> None:
    # Five copies of the samples: more tasks than the process engine keeps in flight.
    inputs = _samples() * 5
    results = {}
    for name in ENGINE_NAMES:
        with engine(name, 2) as analyser:
            analysed = list(analyser.run(small_pipeline, (a.with_updates() for a in inputs)))
        results[name] = [a.to_dict(include_original=True) for a in analysed]
    expected = [small_pipeline.run(a.with_updates()).to_dict(include_original=True) for a in inputs]
    assert [r["source"] for r in expected] == [a.source for a in inputs]
    for name in ENGINE_NAMES:
        assert results[name] == expected, name


def test_an_unknown_engine_is_a_coded_error() -> None:
    with pytest.raises(NewsdeskError) as raised:
        engine("threads", 2)
    assert raised.value.code == "ND029"
    assert all(name in raised.value.message for name in ENGINE_NAMES)


def test_the_worker_count_names_the_engine() -> None:
    assert engine_for_workers(1) == "inprocess"
    assert engine_for_workers(4) == "processes"


@pytest.mark.parametrize("name", ENGINE_NAMES)
def test_a_run_stopped_early_stops_reading_and_leaves_no_worker(
    name: str, small_pipeline: Pipeline
) -> None:
    samples = _samples()
    read = 0
    finished = False

    def endless() -> Iterator[Article]:
        nonlocal read, finished
        try:
            for article in itertools.cycle(samples):
                read += 1
                yield article.with_updates()
        finally:
            finished = True

    started = time.monotonic()
    with engine(name, 2) as analyser:
        taken = list(itertools.islice(analyser.run(small_pipeline, endless()), 3))
    assert [a.source for a in taken] == [a.source for a in samples[:3]]
    assert time.monotonic() - started < 120
    assert finished  # the input was closed, not left suspended
    assert read <= 16 * 2 * 2 + 16  # what was in flight, and no more
    assert multiprocessing.active_children() == []
