"""Documentation that fails the build when it falls behind the code."""

from __future__ import annotations

import re
from pathlib import Path

import click

from newsdesk.cli import cli
from newsdesk.cli.docs import cli_reference, store_reference
from newsdesk.store import TABLE_DESCRIPTIONS, open_store

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text("utf-8")


def test_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text("utf-8") == cli_reference(), "run: make docs"


def test_store_reference_is_current() -> None:
    assert (ROOT / "docs" / "store.md").read_text("utf-8") == store_reference(), "run: make docs"


def test_every_table_is_described() -> None:
    with open_store(":memory:") as store:
        tables = {
            row[0]
            for row in store.connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            )
        }
    assert tables == set(TABLE_DESCRIPTIONS)
    assert all(len(text) > 20 for text in TABLE_DESCRIPTIONS.values())


def test_readme_opens_with_the_two_commands() -> None:
    head = README.split("\n## ", 1)[0]
    assert "make run" in head and "make test" in head


def test_every_command_and_option_is_in_the_reference() -> None:
    reference = cli_reference()
    context = click.Context(cli)
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        assert command is not None
        assert f"## newsdesk {name}" in reference
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in reference, opt


def test_every_error_code_is_documented() -> None:
    sources = sorted((ROOT / "newsdesk").rglob("*.py"))
    codes = {c for path in sources for c in re.findall(r'"(ND\d{3})"', path.read_text("utf-8"))}
    assert codes
    for code in codes:
        assert f"| {code} |" in README, code


def test_architecture_names_every_package_and_module() -> None:
    """docs/architecture.md gives every package and top-level module of newsdesk a place."""
    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    package = ROOT / "newsdesk"
    names = [
        f"`{path.name}/`" if path.is_dir() else f"`{path.name}`"
        for path in sorted(package.iterdir())
        if (path.is_dir() and (path / "__init__.py").exists())
        or (path.suffix == ".py" and path.name != "__main__.py")
    ]
    missing = [name for name in names if name not in text]
    assert not missing, f"docs/architecture.md does not describe {missing}"
