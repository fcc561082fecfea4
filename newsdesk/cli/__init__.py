"""The ``newsdesk`` command: a group of thin commands that parse arguments, call the library
and the store's queries, and print with :mod:`newsdesk.cli.render`."""

from __future__ import annotations

import sqlite3
import sys

import click

from newsdesk import __version__
from newsdesk.cli.analyze import analyze
from newsdesk.cli.batch import batch_command, load_command
from newsdesk.cli.export import export_command
from newsdesk.cli.ingest import ingest_command
from newsdesk.cli.options import EXIT_SOME_FAILED, error
from newsdesk.cli.queries import (
    quotes_command,
    search_command,
    site_chrome_command,
    speakers_command,
    stories_command,
    summary_command,
    timeline_command,
)
from newsdesk.cli.serve import serve_command
from newsdesk.errors import NewsdeskError
from newsdesk.eval.commands import evaluate
from newsdesk.store import store_error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
def cli() -> None:
    """Repair scraped news and record who said what, about whom, when and where."""


cli.add_command(analyze)
cli.add_command(ingest_command)
cli.add_command(batch_command)
cli.add_command(load_command)
cli.add_command(search_command)
cli.add_command(quotes_command)
cli.add_command(speakers_command)
cli.add_command(site_chrome_command)
cli.add_command(timeline_command)
cli.add_command(summary_command)
cli.add_command(stories_command)
cli.add_command(export_command)
cli.add_command(serve_command)
cli.add_command(evaluate)


def main() -> None:
    """Entry point of the ``newsdesk`` console script: a problem newsdesk can name ends the
    command with one line and its code, never a traceback."""
    try:
        cli()
    except NewsdeskError as exc:
        error(str(exc))
        sys.exit(EXIT_SOME_FAILED)
    except sqlite3.Error as exc:
        named = store_error(exc, "the database")
        error(str(named) if named is not None else f"database error: {exc} [ND023]")
        sys.exit(EXIT_SOME_FAILED)
    except OSError as exc:
        error(f"{exc.filename or 'output'}: {exc.strerror or exc} [ND008]")
        sys.exit(EXIT_SOME_FAILED)
