"""Builds docs/cli.md from the command line's own help and docs/store.md from the database
schema itself, so neither can drift from the code.

Run ``make docs`` (``python -m newsdesk.cli.docs cli > docs/cli.md``, ``python -m
newsdesk.cli.docs store > docs/store.md`` and ``python -m newsdesk.cli.docs batch >
docs/batch.md``, the batch output's tables) after changing a command or the schema.
"""

from __future__ import annotations

import sys

import click

from newsdesk.batch.tables import schema_markdown
from newsdesk.cli import cli
from newsdesk.store import TABLE_DESCRIPTIONS, open_store


def cli_reference() -> str:
    """Return the Markdown reference of every newsdesk command, from its ``--help``."""
    lines = [
        "# Command-line reference",
        "",
        "Generated from `newsdesk --help` by `make docs`; a test fails when it is out of date.",
        "",
    ]
    settings = {**cli.context_settings, "terminal_width": 100}
    root = click.Context(cli, info_name="newsdesk", **settings)
    lines += ["## newsdesk", "", "```", cli.get_help(root), "```", ""]
    for name in sorted(cli.list_commands(root)):
        command = cli.get_command(root, name)
        if command is None:
            continue
        context = click.Context(command, info_name=name, parent=root, **settings)
        lines += [f"## newsdesk {name}", "", "```", command.get_help(context), "```", ""]
    return "\n".join(lines)


def store_reference() -> str:
    """Return the Markdown reference of the corpus database: every table and its columns, read
    from a freshly created store."""
    lines = [
        "# Corpus database reference",
        "",
        "Generated from the schema of a new `newsdesk.db` by `make docs`; a test fails when it",
        "is out of date. Offsets (`start`, `end`) count characters of the article's stored",
        "`text`, except in `removed`, where they count characters of the input.",
        "",
    ]
    with open_store(":memory:") as store:
        lines += [f"Schema version (`PRAGMA user_version`): {store.schema_version()}.", ""]
        tables = store.tables()
    for table in tables:
        lines += [f"## {table.name}", "", TABLE_DESCRIPTIONS.get(table.name, ""), ""]
        lines += ["| column | type |", "| --- | --- |"]
        for column in table.columns:
            flags = (
                " primary key" if column.primary_key else (" not null" if column.not_null else "")
            )
            lines.append(f"| `{column.name}` | {column.type or 'any'}{flags} |")
        lines.append("")
    lines += [
        "## Full-text indexes",
        "",
        "`articles_fts` (title, text) and `quotes_fts` (content, speaker): FTS5 tables over",
        "`articles` and `quotes`, matched with `newsdesk search` or SQL `MATCH`.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "cli"
    references = {"store": store_reference, "batch": schema_markdown, "cli": cli_reference}
    print(references.get(which, cli_reference)(), end="")
