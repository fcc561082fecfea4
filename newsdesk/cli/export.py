"""``newsdesk export``: write a corpus table to a file."""

from __future__ import annotations

from pathlib import Path

import click

from newsdesk.cli.options import DB_OPTION, open_existing
from newsdesk.store.export import export_table


@click.command(name="export")
@DB_OPTION
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
    with open_existing(db_path) as store:
        count = export_table(store, table, output_format, out_path)
    click.echo(f"{out_path}: {count} {table} rows ({output_format})")
