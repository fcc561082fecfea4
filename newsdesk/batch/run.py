"""A batch run: learn the site chrome over every input, then write each shard not yet done
on the chosen engine, and say how it went.

Site chrome is learned in a first pass over all the inputs, exactly as ``ingest`` learns it
(the same learner, counting the inputs in the same order; the reading is done in parallel,
see :mod:`newsdesk.batch.scan`), so a batch loaded later is stored as ingest would store the
same inputs. The pass also counts each shard's
records for the progress display. Its result is kept in the output directory, so a re-run
of the same inputs starts analysing at once.
"""

from __future__ import annotations

import json
import pickle
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.batch.layout import SITE_CHROME, BatchDir, Shard, read_rows, shard_name, write_table
from newsdesk.batch.scan import learn_chrome
from newsdesk.batch.shard import ReadSettings, ShardResult, ShardTask
from newsdesk.corpus.sitechrome import DEFAULT_MIN_PAGES, SiteChromeLearner
from newsdesk.errors import NewsdeskError
from newsdesk.pipeline import Pipeline
from newsdesk.store.writes import now

BATCH_ENGINES = ("local", "ray")


@dataclass(frozen=True)
class BatchOptions:
    """How a batch reads its inputs (see :class:`~newsdesk.batch.shard.ReadSettings`),
    learns site chrome (as ingest's ``site_chrome_pages``), and where it runs: ``engine``
    local (worker processes) or ray, ``workers`` processes or actors, ``address`` of an
    existing Ray cluster (None: start one on this machine)."""

    read: ReadSettings = field(default_factory=ReadSettings)
    site_chrome_pages: int = DEFAULT_MIN_PAGES
    engine: str = "local"
    workers: int = 1
    address: str | None = None


def _ignore(*_: object) -> None:
    return None


@dataclass(frozen=True)
class BatchEvents:
    """What a caller hears during a run: the shards once planned (``on_plan``, with those
    already done), records done in a shard (``on_progress(index, records)``), and each
    shard's end (``on_shard``)."""

    on_plan: Callable[[list[Shard], set[int]], None] = _ignore
    on_progress: Callable[[int, int], None] = _ignore
    on_shard: Callable[[ShardResult], None] = _ignore


@dataclass
class BatchSummary:
    """What one batch run did: shards in all, found done before, written now, failed (with
    why), the articles and quarantined records written now, and the seconds spent (the
    first pass and, with Ray, the cluster's start counted apart)."""

    shards: int = 0
    skipped: int = 0
    written: int = 0
    articles: int = 0
    quarantined: int = 0
    problems: list[str] = field(default_factory=list)
    first_pass_seconds: float = 0.0
    startup_seconds: float = 0.0
    analysis_seconds: float = 0.0


def _settings(pipeline: Pipeline, options: BatchOptions) -> dict[str, Any]:
    """What must match for a re-run to continue a batch: how it reads, learns and analyses."""
    analysis = json.loads(json.dumps(pipeline.resources.__getstate__(), default=str))
    return {
        "read": asdict(options.read),
        "site_chrome_pages": options.site_chrome_pages,
        "analysis": analysis,
    }


def _first_pass(
    inputs: list[str], out: BatchDir, options: BatchOptions, settings: dict[str, Any]
) -> list[Shard]:
    """Learn site chrome over every input and count each one's records; keep both."""
    learner = SiteChromeLearner(min_pages=options.site_chrome_pages)
    records = learn_chrome(inputs, options.read, learner, options.workers)
    shards = [
        Shard(index, path, shard_name(index, path), count)
        for index, (path, count) in enumerate(zip(inputs, records, strict=True))
    ]
    stamp = now()
    rows = [
        {"site": site, "key": key, "line": line, "pages": pages, "learned_at": stamp}
        for site, key, line, pages in learner.learned()
    ]
    out.root.mkdir(parents=True, exist_ok=True)
    write_table(out.root / SITE_CHROME, "site_chrome", rows)
    out.write_manifest(inputs, settings, shards)
    return shards


def _plan(
    inputs: list[str], out: BatchDir, options: BatchOptions, pipeline: Pipeline
) -> list[Shard]:
    settings = _settings(pipeline, options)
    manifest = out.read_manifest()
    if manifest is None:
        return _first_pass(inputs, out, options, settings)
    if manifest.get("inputs") != inputs or manifest.get("settings") != settings:
        raise NewsdeskError(
            "ND038",
            f"{out.root}: holds a batch of other inputs or options; "
            "give another --out or the same inputs and options to finish it",
        )
    return out.shards()


def site_chrome_of(out: BatchDir) -> dict[str, frozenset[str]]:
    """The chrome lines (their keys) learned per site for the batch in ``out``."""
    keys: dict[str, set[str]] = {}
    for row in read_rows(out.root / SITE_CHROME, "site_chrome"):
        keys.setdefault(row["site"], set()).add(row["key"])
    return {site: frozenset(lines) for site, lines in keys.items()}


def _results(
    tasks: list[ShardTask], options: BatchOptions, events: BatchEvents, summary: BatchSummary
) -> Iterator[ShardResult]:
    if options.engine == "local":
        from newsdesk.batch.local import run_local

        yield from run_local(tasks, options.workers, events.on_progress)
    elif options.engine == "ray":
        from newsdesk.batch.cluster import ray_session, run_ray

        with ray_session(options.address) as startup:
            summary.startup_seconds = startup
            yield from run_ray(tasks, options.workers)
    else:
        known = ", ".join(BATCH_ENGINES)
        raise NewsdeskError("ND029", f"no batch engine called {options.engine!r}; use {known}")


def run_batch(
    inputs: list[str],
    out: Path,
    pipeline: Pipeline,
    options: BatchOptions | None = None,
    events: BatchEvents | None = None,
) -> BatchSummary:
    """Analyse every shard (input) into Parquet tables under ``out``; shards written whole
    before are skipped, shards a stopped run left half-written are redone. A shard that
    fails as a whole is reported (ND037) and the others go on."""
    options = options if options is not None else BatchOptions()
    events = events if events is not None else BatchEvents()
    if options.engine not in BATCH_ENGINES:
        known = ", ".join(BATCH_ENGINES)
        raise NewsdeskError("ND029", f"no batch engine called {options.engine!r}; use {known}")
    batch_dir = BatchDir(out)
    summary = BatchSummary()
    started = time.perf_counter()
    shards = _plan(inputs, batch_dir, options, pipeline)
    summary.first_pass_seconds = time.perf_counter() - started
    batch_dir.clear_partials()
    done = {shard.index for shard in shards if batch_dir.done(shard) is not None}
    summary.shards, summary.skipped = len(shards), len(done)
    events.on_plan(shards, done)
    chrome = site_chrome_of(batch_dir)
    key = pickle.dumps(pipeline)
    tasks = [
        ShardTask(key, shard, str(out), options.read, chrome)
        for shard in shards
        if shard.index not in done
    ]
    started = time.perf_counter()
    for result in _results(tasks, options, events, summary):
        if result.counts is None:
            summary.problems.append(result.error or f"{result.shard.input}: failed [ND037]")
        else:
            summary.written += 1
            summary.articles += result.counts.articles
            summary.quarantined += result.counts.quarantined
        events.on_shard(result)
    summary.analysis_seconds = time.perf_counter() - started - summary.startup_seconds
    return summary
