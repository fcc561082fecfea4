"""Builds docs/cli.md from the command line's own help and docs/store.md from the database
schema itself, so neither can drift from the code.

Run ``make docs`` (``python -m newsdesk._docs cli > docs/cli.md`` and ``python -m
newsdesk._docs store > docs/store.md``) after changing a command or the schema.
"""

from __future__ import annotations

import sys

import click

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
    store = open_store(":memory:")
    connection = store.connection
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    lines += [f"Schema version (`PRAGMA user_version`): {version}.", ""]
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    for table in tables:
        lines += [f"## {table}", "", TABLE_DESCRIPTIONS.get(table, ""), ""]
        lines += ["| column | type |", "| --- | --- |"]
        for _, name, kind, notnull, _, primary in connection.execute(f"PRAGMA table_info({table})"):
            flags = " primary key" if primary else (" not null" if notnull else "")
            lines.append(f"| `{name}` | {kind or 'any'}{flags} |")
        lines.append("")
    lines += [
        "## Full-text indexes",
        "",
        "`articles_fts` (title, text) and `quotes_fts` (content, speaker): FTS5 tables over",
        "`articles` and `quotes`, matched with `newsdesk search` or SQL `MATCH`.",
        "",
    ]
    store.close()
    return "\n".join(lines)


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "cli"
    print(store_reference() if which == "store" else cli_reference(), end="")
