"""``newsdesk analyze``: repair and analyse inputs and print them, storing nothing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click
from rich.console import Console

from newsdesk.cli.options import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    analysis_options,
    build_pipeline,
    check_date,
    error,
)
from newsdesk.cli.render import print_article
from newsdesk.errors import NewsdeskError
from newsdesk.model import Article
from newsdesk.readers.text import DEFAULT_MAX_BYTES, InputFailure, read_articles


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published",
    callback=check_date,
    metavar="YYYY-MM-DD",
    help="Publication date of the input(s); relative dates are resolved against it.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a readable report; json: one JSON object per input (JSON Lines).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs larger than this many bytes.",
)
@analysis_options
@click.option(
    "--include-original",
    is_flag=True,
    help="With --format json, also emit the input text as it arrived.",
)
def analyze(
    paths: tuple[str, ...],
    published: str | None,
    output_format: str,
    max_bytes: int,
    boilerplate_file: Path | None,
    alias_files: tuple[Path, ...],
    office_files: tuple[Path, ...],
    model: str,
    include_original: bool,
) -> None:
    """Repair and analyse articles (files, directories of .txt files, - for stdin) and print them.

    Problems with one input are reported on stderr and the rest are still processed.
    Exit status: 0 when every input succeeded, 1 when some failed, 2 for usage errors.
    """
    pipeline = build_pipeline(boilerplate_file, alias_files, office_files, model)
    console = Console(highlight=False, soft_wrap=False)
    failures = 0
    done = 0

    def readable() -> Iterator[Article]:
        nonlocal failures
        for item in read_articles(list(paths), published=published, max_bytes=max_bytes):
            if isinstance(item, InputFailure):
                failures += 1
                error(str(item.error))
            else:
                yield item

    try:
        for article in pipeline.run_many(readable(), batch_size=16):
            done += 1
            for failure in article.errors:
                failures += 1
                stage, message = failure.stage, failure.message
                error(f"{article.source}: stage {stage} failed: {message} [ND018]")
            if output_format == "json":
                click.echo(article.to_json(include_original=include_original))
            else:
                print_article(article, console)
    except NewsdeskError as exc:
        error(str(exc))
        sys.exit(EXIT_SOME_FAILED)
    if output_format == "text" and done > 1:
        console.print(f"[bold]{done} articles analysed, {failures} problems.[/bold]")
    sys.exit(EXIT_SOME_FAILED if failures else EXIT_OK)
