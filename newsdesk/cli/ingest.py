"""``newsdesk ingest``: analyse inputs into the corpus database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console

from newsdesk.cli.options import (
    DB_OPTION,
    EXIT_OK,
    EXIT_SOME_FAILED,
    analysis_options,
    build_pipeline,
    corpus_options,
    error,
)
from newsdesk.cli.render import ingest_progress
from newsdesk.corpus.ingest import IngestEvents, IngestOptions, ingest
from newsdesk.store import open_store


@click.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@corpus_options
@analysis_options
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the number of cores",
    help="Processes that analyse articles in parallel.",
)
def ingest_command(
    paths: tuple[str, ...],
    db_path: Path,
    published: str | None,
    published_from_path: bool,
    max_bytes: int,
    boilerplate_file: Path | None,
    alias_files: tuple[Path, ...],
    office_files: tuple[Path, ...],
    model: str,
    workers: int,
    site_chrome_pages: int,
) -> None:
    """Analyse articles and store them in the corpus database, each text once.

    Inputs that cannot be read or analysed go to the quarantine table with the reason; the
    run goes on. Running it again adds only what is new. Lines that recur across a site's
    pages (share bars, comment forms) are learned as that site's chrome and removed; see
    'newsdesk site-chrome'.
    """
    console = Console(highlight=False, stderr=True)
    with open_store(db_path) as store, ingest_progress(console) as progress:
        # The total is known once the inputs have been read for site chrome (not for stdin).
        task = progress.add_task("ingesting", total=None)
        summary = ingest(
            list(paths),
            store,
            build_pipeline(boilerplate_file, alias_files, office_files, model),
            IngestOptions(
                published=published,
                max_bytes=max_bytes,
                published_from_path=published_from_path,
                site_chrome_pages=site_chrome_pages,
                workers=workers,
            ),
            IngestEvents(
                on_article=lambda _: progress.advance(task),
                on_total=lambda total: progress.update(task, total=total),
            ),
        )
    for problem in summary.problems:
        error(problem)
    click.echo(
        f"{db_path}: {summary.added} added, {summary.duplicates} already stored, "
        f"{summary.failed} quarantined"
    )
    sys.exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)
