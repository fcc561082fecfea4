"""What the commands share: option declarations, argument checks, the pipeline an analysis
option set builds, opening a database for a query, and error lines on stderr."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from newsdesk.corpus.sitechrome import DEFAULT_MIN_PAGES
from newsdesk.errors import StoreError
from newsdesk.pipeline import Pipeline, check_table_files
from newsdesk.readers.text import DEFAULT_MAX_BYTES
from newsdesk.resources import DEFAULT_SPACY_MODEL, Resources
from newsdesk.store import Store, open_store
from newsdesk.terminal import visible

EXIT_OK = 0
EXIT_SOME_FAILED = 1


def check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """A date option's value in ISO form; a usage error when it is not a date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def error(message: str) -> None:
    """Print one problem on stderr, its control characters shown, never obeyed."""
    click.echo(f"newsdesk: error: {visible(message)}", err=True)


def analysis_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that shape the analysis itself, shared by analyze and ingest."""
    options = [
        click.option(
            "--boilerplate",
            "boilerplate_file",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Extra site-chrome rules (reason<TAB>regex lines), tried before the shipped ones.",
        ),
        click.option(
            "--aliases",
            "alias_files",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Extra canonical names (type<TAB>canonical<TAB>id<TAB>alias|alias); repeatable.",
        ),
        click.option(
            "--offices",
            "office_files",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Extra office holders (office<TAB>holder<TAB>from<TAB>to); repeatable.",
        ),
        click.option(
            "--model",
            default=DEFAULT_SPACY_MODEL,
            show_default=True,
            help="Name of the installed spaCy pipeline to parse with.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def corpus_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options of how a corpus's inputs are read and their site chrome learned, shared
    by ingest and batch."""
    options = [
        click.option(
            "--published",
            callback=check_date,
            metavar="YYYY-MM-DD",
            help="Publication date of inputs that carry none of their own.",
        ),
        click.option(
            "--published-from-path",
            is_flag=True,
            help="Take each file's publication date from a date in its path.",
        ),
        click.option(
            "--max-bytes",
            type=click.IntRange(min=1),
            default=DEFAULT_MAX_BYTES,
            show_default=True,
            help="Quarantine inputs larger than this many bytes.",
        ),
        click.option(
            "--site-chrome-pages",
            type=click.IntRange(min=0),
            default=DEFAULT_MIN_PAGES,
            show_default=True,
            help="Remove lines found on at least this many stories of one site (and on a "
            "tenth of them) as site chrome; 0 turns learning off.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def build_pipeline(
    boilerplate_file: Path | None,
    alias_files: tuple[Path, ...],
    office_files: tuple[Path, ...],
    model: str,
) -> Pipeline:
    """The pipeline the analysis options ask for, its table files checked first."""
    check_table_files(boilerplate_file, alias_files, office_files)
    return Pipeline(
        resources=Resources(
            spacy_model=model,
            boilerplate_file=boilerplate_file,
            alias_files=alias_files,
            office_files=office_files,
        )
    )


DB_OPTION = click.option(
    "--db",
    "db_path",
    default="newsdesk.db",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The corpus database (SQLite).",
)


def open_existing(db_path: Path) -> Store:
    """The database for a query: opened for writing when it can be (to bring an older
    schema up to date), else read-only, as a read-only file or directory allows."""
    if not db_path.exists():
        error(f"{db_path}: no such database; create it with 'newsdesk ingest' [ND001]")
        sys.exit(EXIT_SOME_FAILED)
    try:
        return open_store(db_path)
    except StoreError as exc:
        if exc.code != "ND022":
            raise
    return open_store(db_path, read_only=True)


# The largest count a query takes: SQLite's integers end at 2**63 - 1.
MAX_COUNT = 10**9


def count_option(
    flag: str, default: int, help_text: str, name: str | None = None, minimum: int = 1
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A whole-number option with its default shown in --help."""
    declarations = (flag, name) if name else (flag,)
    return click.option(
        *declarations,
        type=click.IntRange(min=minimum, max=MAX_COUNT),
        default=default,
        show_default=True,
        help=help_text,
    )


QUERY_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a table; json: one JSON object per row (JSON Lines).",
)
