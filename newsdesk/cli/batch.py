"""``newsdesk batch`` and ``newsdesk load``: analyse inputs into Parquet shards on worker
processes or Ray, and load the shards into the corpus database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console

from newsdesk.batch import (
    BATCH_ENGINES,
    BatchOptions,
    ReadSettings,
    load_batch,
    run_batch,
)
from newsdesk.cli.options import (
    DB_OPTION,
    EXIT_OK,
    EXIT_SOME_FAILED,
    analysis_options,
    build_pipeline,
    corpus_options,
    error,
)
from newsdesk.cli.render import BatchProgress, LoadProgress, ingest_progress
from newsdesk.store import open_store


@click.command(name="batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory of the batch's Parquet output (made if missing; a re-run finishes it).",
)
@click.option(
    "--engine",
    type=click.Choice(BATCH_ENGINES),
    default="local",
    show_default=True,
    help="local: worker processes on this machine; ray: Ray Data actors (the ray extra).",
)
@click.option(
    "--address",
    default=None,
    help="With --engine ray: the address of a running Ray cluster (host:port, or 'auto'); "
    "without it a cluster is started on this machine, listening on loopback only.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the number of cores",
    help="Worker processes, or Ray actors, each analysing one shard at a time.",
)
@corpus_options
@analysis_options
def batch_command(
    inputs: tuple[str, ...],
    out: Path,
    engine: str,
    address: str | None,
    workers: int,
    published: str | None,
    published_from_path: bool,
    max_bytes: int,
    site_chrome_pages: int,
    boilerplate_file: Path | None,
    alias_files: tuple[Path, ...],
    office_files: tuple[Path, ...],
    model: str,
) -> None:
    """Analyse inputs into Parquet files, one directory per input shard.

    Each input (a WARC or ARC file, a JSON Lines file, a directory of text or HTML files) is
    a shard; its articles, statements, entities, mentions, dates, events, repairs, removed
    lines, flags, MinHash signatures and quarantined records are written with the store's
    columns (docs/batch.md). Site chrome is learned over all inputs first, as ingest does.
    A shard is written under a temporary name and renamed when whole, so running the same
    command again skips finished shards and redoes the rest. Store the result with
    'newsdesk load'.
    """
    if "-" in inputs:
        raise click.BadParameter("standard input cannot be a shard", param_hint="INPUTS")
    if address is not None and engine != "ray":
        raise click.BadParameter("--address needs --engine ray", param_hint="--address")
    pipeline = build_pipeline(boilerplate_file, alias_files, office_files, model)
    options = BatchOptions(
        ReadSettings(published, max_bytes, published_from_path),
        site_chrome_pages,
        engine,
        workers,
        address,
    )
    console = Console(highlight=False, stderr=True)
    console.print(f"batch: learning site chrome over {len(inputs)} inputs…", style="dim")
    with ingest_progress(console) as progress:
        shown = BatchProgress(progress)
        summary = run_batch(list(inputs), out, pipeline, options, shown.events())
    for problem in summary.problems:
        error(problem)
    rate = summary.articles / summary.analysis_seconds if summary.analysis_seconds else 0.0
    startup = f", Ray start {summary.startup_seconds:.1f} s" if engine == "ray" else ""
    click.echo(
        f"{out}: {summary.written} shards written, {summary.skipped} done before, "
        f"{len(summary.problems)} failed; {summary.articles} articles, "
        f"{summary.quarantined} quarantined; {rate:.1f} articles/s "
        f"(first pass {summary.first_pass_seconds:.1f} s{startup})"
    )
    sys.exit(EXIT_SOME_FAILED if summary.problems else EXIT_OK)


@click.command(name="load")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@DB_OPTION
def load_command(directory: Path, db_path: Path) -> None:
    """Store a batch's output in the corpus database and link near copies into stories.

    Shards are loaded in input order, each text once; loading the same batch again adds
    nothing. The result is the database 'newsdesk ingest' makes of the same inputs.
    """
    console = Console(highlight=False, stderr=True)
    with open_store(db_path) as store, ingest_progress(console) as progress:
        shown = LoadProgress(progress)
        summary = load_batch(directory, store, shown.events())
    for problem in summary.problems:
        error(problem)
    click.echo(
        f"{db_path}: {summary.added} added, {summary.duplicates} already stored, "
        f"{summary.failed} quarantined"
    )
    sys.exit(EXIT_SOME_FAILED if summary.failed or summary.problems else EXIT_OK)
