"""The ``newsdesk`` command: a thin layer that parses arguments and calls the library."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from newsdesk import __version__
from newsdesk.corpus.ingest import IngestEvents, IngestOptions, ingest
from newsdesk.corpus.sitechrome import DEFAULT_MIN_PAGES
from newsdesk.errors import NewsdeskError, StoreError
from newsdesk.eval.commands import evaluate
from newsdesk.model import SPEAKER_TYPES, Article
from newsdesk.pipeline import Pipeline, check_table_files
from newsdesk.readers.text import DEFAULT_MAX_BYTES, InputFailure, read_articles
from newsdesk.report import print_article
from newsdesk.resources import DEFAULT_SPACY_MODEL, Resources
from newsdesk.store import Store, open_store, store_error
from newsdesk.terminal import visible

EXIT_OK = 0
EXIT_SOME_FAILED = 1


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _error(message: str) -> None:
    click.echo(f"newsdesk: error: {visible(message)}", err=True)


def _analysis_options(command: Callable[..., None]) -> Callable[..., None]:
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


def _pipeline(
    boilerplate_file: Path | None,
    alias_files: tuple[Path, ...],
    office_files: tuple[Path, ...],
    model: str,
) -> Pipeline:
    check_table_files(boilerplate_file, alias_files, office_files)
    return Pipeline(
        resources=Resources(
            spacy_model=model,
            boilerplate_file=boilerplate_file,
            alias_files=alias_files,
            office_files=office_files,
        )
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsdesk")
def cli() -> None:
    """Repair scraped news and record who said what, about whom, when and where."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--published",
    callback=_check_date,
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
@_analysis_options
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
    pipeline = _pipeline(boilerplate_file, alias_files, office_files, model)
    console = Console(highlight=False, soft_wrap=False)
    failures = 0
    done = 0

    def readable() -> Iterator[Article]:
        nonlocal failures
        for item in read_articles(list(paths), published=published, max_bytes=max_bytes):
            if isinstance(item, InputFailure):
                failures += 1
                _error(str(item.error))
            else:
                yield item

    try:
        for article in pipeline.run_many(readable(), batch_size=16):
            done += 1
            for error in article.errors:
                failures += 1
                _error(f"{article.source}: stage {error.stage} failed: {error.message} [ND018]")
            if output_format == "json":
                click.echo(article.to_json(include_original=include_original))
            else:
                print_article(article, console)
    except NewsdeskError as exc:
        _error(str(exc))
        sys.exit(EXIT_SOME_FAILED)
    if output_format == "text" and done > 1:
        console.print(f"[bold]{done} articles analysed, {failures} problems.[/bold]")
    sys.exit(EXIT_SOME_FAILED if failures else EXIT_OK)


_DB_OPTION = click.option(
    "--db",
    "db_path",
    default="newsdesk.db",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The corpus database (SQLite).",
)


def _open_existing(db_path: Path) -> Store:
    """The database for a query: opened for writing when it can be (to bring an older
    schema up to date), else read-only, as a read-only file or directory allows."""
    if not db_path.exists():
        _error(f"{db_path}: no such database; create it with 'newsdesk ingest' [ND001]")
        sys.exit(EXIT_SOME_FAILED)
    try:
        return open_store(db_path)
    except StoreError as exc:
        if exc.code != "ND022":
            raise
    return open_store(db_path, read_only=True)


class _RateColumn(ProgressColumn):
    """Inputs per second so far."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "…/s", style="progress.data.speed")


# The largest count a query takes: SQLite's integers end at 2**63 - 1.
_MAX_COUNT = 10**9


def _count_option(
    flag: str, default: int, help_text: str, name: str | None = None, minimum: int = 1
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A whole-number option with its default shown in --help."""
    declarations = (flag, name) if name else (flag,)
    return click.option(
        *declarations,
        type=click.IntRange(min=minimum, max=_MAX_COUNT),
        default=default,
        show_default=True,
        help=help_text,
    )


_QUERY_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a table; json: one JSON object per row (JSON Lines).",
)


def _show(title: str, rows: list[dict[str, Any]], columns: list[str], output_format: str) -> None:
    if output_format == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        Console(highlight=False).print(_table(title, rows, columns))


def _table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        # Text, not markup: stored text may hold brackets ("[Bridge]" snippets) Rich would eat.
        table.add_row(
            *(Text(visible("" if row.get(c) is None else str(row.get(c)))) for c in columns)
        )
    return table


@cli.command(name="ingest")
@click.argument("paths", nargs=-1, required=True)
@_DB_OPTION
@click.option(
    "--published",
    callback=_check_date,
    metavar="YYYY-MM-DD",
    help="Publication date of inputs that carry none of their own.",
)
@click.option(
    "--published-from-path",
    is_flag=True,
    help="Take each file's publication date from a date in its path.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Quarantine inputs larger than this many bytes.",
)
@_analysis_options
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="the number of cores",
    help="Processes that analyse articles in parallel.",
)
@click.option(
    "--site-chrome-pages",
    type=click.IntRange(min=0),
    default=DEFAULT_MIN_PAGES,
    show_default=True,
    help="Remove lines found on at least this many stories of one site (and on a tenth of "
    "them) as site chrome; 0 turns learning off.",
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
    with (
        open_store(db_path) as store,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            TextColumn("{task.completed} inputs"),
            BarColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        ) as progress,
    ):
        # The total is known once the inputs have been read for site chrome (not for stdin).
        task = progress.add_task("ingesting", total=None)
        summary = ingest(
            list(paths),
            store,
            _pipeline(boilerplate_file, alias_files, office_files, model),
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
        _error(problem)
    click.echo(
        f"{db_path}: {summary.added} added, {summary.duplicates} already stored, "
        f"{summary.failed} quarantined"
    )
    sys.exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)


@cli.command(name="search")
@click.argument("query")
@_DB_OPTION
@_count_option("--limit", 20, "At most this many articles.")
@_QUERY_FORMAT
def search_command(query: str, db_path: Path, limit: int, output_format: str) -> None:
    """Full-text search over the stored articles' titles and text (OR and NOT allowed)."""
    with _open_existing(db_path) as store:
        rows = store.search(query, limit)
    columns = ["published", "outlet", "title", "snippet", "source"]
    _show(f"{len(rows)} articles for {query!r}", rows, columns, output_format)


@cli.command(name="quotes")
@_DB_OPTION
@click.option(
    "--speaker",
    help="Only statements by speakers whose name (across the corpus or in an article) "
    "contains this; % and _ are matched as written.",
)
@click.option("--outlet", help="Only statements in articles from this outlet.")
@click.option(
    "--since",
    callback=_check_date,
    metavar="YYYY-MM-DD",
    help="Only articles published on or after this date.",
)
@_count_option("--limit", 100, "At most this many statements.")
@_QUERY_FORMAT
def quotes_command(
    db_path: Path,
    speaker: str | None,
    outlet: str | None,
    since: str | None,
    limit: int,
    output_format: str,
) -> None:
    """Who said what: the stored attributions, filtered.

    A speaker is shown by one name across the corpus ("Trump", "Donald Trump" and "Donald J.
    Trump" alike); json rows also give the name the article used (article_speaker).
    """
    with _open_existing(db_path) as store:
        rows = store.quotes(speaker, outlet, since, limit)
    columns = ["published", "speaker", "kind", "cue", "content", "outlet"]
    _show(f"{len(rows)} statements", rows, columns, output_format)


@cli.command(name="speakers")
@_DB_OPTION
@_count_option("--limit", 50, "At most this many speakers.")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice([*SPEAKER_TYPES, "all"]),
    help="Speaker types to list (repeatable); default: person and organisation.",
)
@_QUERY_FORMAT
def speakers_command(db_path: Path, limit: int, types: tuple[str, ...], output_format: str) -> None:
    """Who speaks across the corpus: people and organisations by number of statements.

    One row per speaker under the name the whole corpus knows them by, with the names
    articles give them ("Trump", "Donald J. Trump"). Groups, anonymous sources, documents
    and statements whose speaker could not be resolved are counted after the table (listed
    with --type; with --format json, a last line {"unresolved": N, "statements_by_type": ...}).
    """
    wanted = None if "all" in types else (types or ("person", "organisation"))
    with _open_existing(db_path) as store:
        rows = store.speakers(limit, wanted)
        by_type = store.statements_by_type()
    unresolved = by_type.get("unresolved", 0)
    if output_format == "json":
        summary = {"unresolved": unresolved, "statements_by_type": by_type}
        for row in [*rows, summary]:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    shown = [{**row, "names": " | ".join(row["names"])} for row in rows]
    columns = ["speaker", "speaker_type", "statements", "articles", "names"]
    _show("Speakers", shown, columns, output_format)
    others = [
        f"{count} by {kind} speakers"
        for kind, count in sorted(by_type.items())
        if kind != "unresolved" and (wanted is not None and kind not in wanted)
    ]
    if others:
        click.echo("also " + ", ".join(others) + " (see --type)")
    click.echo(f"unresolved: {unresolved} statements with no resolved speaker")


@cli.command(name="site-chrome")
@_DB_OPTION
@click.option("--site", help="Only this site (a host such as example.com, or dir:PATH).")
@_count_option("--limit", 100, "At most this many lines.")
@_QUERY_FORMAT
def site_chrome_command(db_path: Path, site: str | None, limit: int, output_format: str) -> None:
    """Lines learned during ingest as a site's chrome, and on how many of its stories."""
    with _open_existing(db_path) as store:
        rows = store.site_chrome(site, limit)
    _show("Site chrome", rows, ["site", "line", "pages", "learned_at"], output_format)


@cli.command(name="timeline")
@_DB_OPTION
@click.option("--entity", help="Only events whose participants or places include this name.")
@_count_option("--limit", 100, "At most this many events.")
@_QUERY_FORMAT
def timeline_command(db_path: Path, entity: str | None, limit: int, output_format: str) -> None:
    """Dated events across the corpus, in date order."""
    with _open_existing(db_path) as store:
        rows = store.timeline(entity, limit)
    _show("Timeline", rows, ["date", "date_source", "text", "speaker", "source"], output_format)


@cli.command(name="summary")
@_DB_OPTION
@_count_option("--speakers", 5, "Show this many top speakers.", name="speaker_limit", minimum=0)
@_count_option(
    "--statements", 2, "Statements shown for each speaker.", name="statement_limit", minimum=0
)
@_count_option("--events", 15, "Dated events shown in the timeline.", name="event_limit", minimum=0)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: tables; json: one JSON object.",
)
def summary_command(
    db_path: Path, speaker_limit: int, statement_limit: int, event_limit: int, output_format: str
) -> None:
    """What the corpus holds: counts, top speakers with their statements, stories told by
    several copies, and a timeline."""
    with _open_existing(db_path) as store:
        counts = store.overview()
        speakers = (
            store.speakers(speaker_limit, ("person", "organisation")) if speaker_limit else []
        )
        for speaker in speakers:
            quotes = store.quotes(speaker=speaker["speaker"], limit=statement_limit, exact=True)
            speaker["said"] = [
                {k: q[k] for k in ("kind", "cue", "content", "published", "source")} for q in quotes
            ]
        stories = store.stories(2, 10)
        timeline = store.timeline(limit=event_limit) if event_limit else []
    if output_format == "json":
        report = {"counts": counts, "speakers": speakers, "stories": stories, "timeline": timeline}
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    console = Console(highlight=False)
    measures = [{"measure": k.replace("_", " "), "count": v} for k, v in counts.items()]
    console.print(_table("Corpus", measures, ["measure", "count"]))
    rows = [
        {
            "speaker": s["speaker"],
            "statements": s["statements"],
            "said": "\n".join(f"{q['cue']}: {q['content']}" for q in s["said"]),
        }
        for s in speakers
    ]
    console.print(_table("Top speakers", rows, ["speaker", "statements", "said"]))
    story_columns = ["articles", "exact_copies", "origin_published", "origin_title"]
    console.print(_table("Stories told by several copies", stories, story_columns))
    console.print(_table("Timeline", timeline, ["date", "text", "speaker"]))


@cli.command(name="stories")
@_DB_OPTION
@_count_option(
    "--min-articles", 2, "Only stories told by at least this many copies (near and exact)."
)
@_count_option("--limit", 50, "At most this many stories.")
@_QUERY_FORMAT
def stories_command(db_path: Path, min_articles: int, limit: int, output_format: str) -> None:
    """Stories told by several copies (syndicated, reposted, truncated), origin first."""
    with _open_existing(db_path) as store:
        rows = store.stories(min_articles, limit)
    columns = ["story", "articles", "exact_copies", "origin_published", "origin_title", "origin"]
    _show("Stories", rows, columns, output_format)


@cli.command(name="export")
@_DB_OPTION
@click.option(
    "--table",
    type=click.Choice(["articles", "quotes", "entities", "events", "dates"]),
    default="quotes",
    show_default=True,
    help="What to export.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "csv", "parquet"]),
    default="jsonl",
    show_default=True,
    help="JSON Lines, CSV, or Parquet (pandas, polars and DuckDB read all three).",
)
@click.option(
    "--out",
    "out_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write.",
)
def export_command(db_path: Path, table: str, output_format: str, out_path: Path) -> None:
    """Export a corpus table to a file."""
    from newsdesk.export import export_table

    with _open_existing(db_path) as store:
        count = export_table(store, table, output_format, out_path)
    click.echo(f"{out_path}: {count} {table} rows ({output_format})")


cli.add_command(evaluate)


def main() -> None:
    """Entry point of the ``newsdesk`` console script: a problem newsdesk can name ends the
    command with one line and its code, never a traceback."""
    try:
        cli()
    except NewsdeskError as exc:
        _error(str(exc))
        sys.exit(EXIT_SOME_FAILED)
    except sqlite3.Error as exc:
        named = store_error(exc, "the database")
        _error(str(named) if named is not None else f"database error: {exc} [ND023]")
        sys.exit(EXIT_SOME_FAILED)
    except OSError as exc:
        _error(f"{exc.filename or 'output'}: {exc.strerror or exc} [ND008]")
        sys.exit(EXIT_SOME_FAILED)
