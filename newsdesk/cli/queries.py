"""The query commands: search, quotes, speakers, site-chrome, timeline, summary, stories.
Each opens the database, calls one of the store's typed queries and prints the rows."""

from __future__ import annotations

from pathlib import Path

import click

from newsdesk.cli.options import DB_OPTION, QUERY_FORMAT, check_date, count_option, open_existing
from newsdesk.cli.render import print_rows, print_speakers, print_summary
from newsdesk.model import SPEAKER_TYPES


@click.command(name="search")
@click.argument("query")
@DB_OPTION
@count_option("--limit", 20, "At most this many articles.")
@QUERY_FORMAT
def search_command(query: str, db_path: Path, limit: int, output_format: str) -> None:
    """Full-text search over the stored articles' titles and text (OR and NOT allowed)."""
    with open_existing(db_path) as store:
        rows = store.search(query, limit)
    columns = ["published", "outlet", "title", "snippet", "source"]
    print_rows(f"{len(rows)} articles for {query!r}", rows, columns, output_format)


@click.command(name="quotes")
@DB_OPTION
@click.option(
    "--speaker",
    help="Only statements by speakers whose name (across the corpus or in an article) "
    "contains this; % and _ are matched as written.",
)
@click.option("--outlet", help="Only statements in articles from this outlet.")
@click.option(
    "--since",
    callback=check_date,
    metavar="YYYY-MM-DD",
    help="Only articles published on or after this date.",
)
@count_option("--limit", 100, "At most this many statements.")
@QUERY_FORMAT
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
    with open_existing(db_path) as store:
        rows = store.quotes(speaker, outlet, since, limit)
    columns = ["published", "speaker", "kind", "cue", "content", "outlet"]
    print_rows(f"{len(rows)} statements", rows, columns, output_format)


@click.command(name="speakers")
@DB_OPTION
@count_option("--limit", 50, "At most this many speakers.")
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice([*SPEAKER_TYPES, "all"]),
    help="Speaker types to list (repeatable); default: person and organisation.",
)
@QUERY_FORMAT
def speakers_command(db_path: Path, limit: int, types: tuple[str, ...], output_format: str) -> None:
    """Who speaks across the corpus: people and organisations by number of statements.

    One row per speaker under the name the whole corpus knows them by, with the names
    articles give them ("Trump", "Donald J. Trump"). Groups, anonymous sources, documents
    and statements whose speaker could not be resolved are counted after the table (listed
    with --type; with --format json, a last line {"unresolved": N, "statements_by_type": ...}).
    """
    wanted = None if "all" in types else (types or ("person", "organisation"))
    with open_existing(db_path) as store:
        rows = store.speakers(limit, wanted)
        by_type = store.statements_by_type()
    print_speakers(rows, by_type, wanted, output_format)


@click.command(name="site-chrome")
@DB_OPTION
@click.option("--site", help="Only this site (a host such as example.com, or dir:PATH).")
@count_option("--limit", 100, "At most this many lines.")
@QUERY_FORMAT
def site_chrome_command(db_path: Path, site: str | None, limit: int, output_format: str) -> None:
    """Lines learned during ingest as a site's chrome, and on how many of its stories."""
    with open_existing(db_path) as store:
        rows = store.site_chrome(site, limit)
    print_rows("Site chrome", rows, ["site", "line", "pages", "learned_at"], output_format)


@click.command(name="timeline")
@DB_OPTION
@click.option("--entity", help="Only events whose participants or places include this name.")
@count_option("--limit", 100, "At most this many events.")
@QUERY_FORMAT
def timeline_command(db_path: Path, entity: str | None, limit: int, output_format: str) -> None:
    """Dated events across the corpus, in date order."""
    with open_existing(db_path) as store:
        rows = store.timeline(entity, limit)
    print_rows(
        "Timeline", rows, ["date", "date_source", "text", "speaker", "source"], output_format
    )


@click.command(name="summary")
@DB_OPTION
@count_option("--speakers", 5, "Show this many top speakers.", name="speaker_limit", minimum=0)
@count_option(
    "--statements", 2, "Statements shown for each speaker.", name="statement_limit", minimum=0
)
@count_option("--events", 15, "Dated events shown in the timeline.", name="event_limit", minimum=0)
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
    with open_existing(db_path) as store:
        summary = store.summary(speaker_limit, statement_limit, event_limit)
    print_summary(summary, output_format)


@click.command(name="stories")
@DB_OPTION
@count_option(
    "--min-articles", 2, "Only stories told by at least this many copies (near and exact)."
)
@count_option("--limit", 50, "At most this many stories.")
@QUERY_FORMAT
def stories_command(db_path: Path, min_articles: int, limit: int, output_format: str) -> None:
    """Stories told by several copies (syndicated, reposted, truncated), origin first."""
    with open_existing(db_path) as store:
        rows = store.stories(min_articles, limit)
    columns = ["story", "articles", "exact_copies", "origin_published", "origin_title", "origin"]
    print_rows("Stories", rows, columns, output_format)
