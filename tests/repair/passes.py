"""Running repair passes over a string in tests, the way the repair stage applies them."""

from __future__ import annotations

from collections.abc import Callable

from newsdesk.stages.repair.edits import Edit, EditableText


def repaired(text: str, *finders: Callable[[str], list[Edit]], rounds: int = 1) -> str:
    """``text`` after each finder's edits, in order, each applied ``rounds`` times."""
    editable = EditableText(text)
    for finder in finders:
        for _ in range(rounds):
            editable.apply(finder(editable.text))
    return editable.text
