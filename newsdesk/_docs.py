"""Builds docs/cli.md from the command line's own help, so the two cannot drift apart.

Run ``python -m newsdesk._docs > docs/cli.md`` (``make docs``) after changing a command.
"""

from __future__ import annotations

import click

from newsdesk.cli import cli


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


if __name__ == "__main__":
    print(cli_reference(), end="")
