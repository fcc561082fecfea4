"""Site chrome learned across pages (see ``newsdesk.corpus.sitechrome``), found in one text.

A line is compared across pages by its key: its lower-case words, for a short line that does
not quote anybody.
"""

from __future__ import annotations

import re

# A line longer than this is a paragraph of the story, not template text.
MAX_WORDS = 30

_ENTITY_LIKE = re.compile(r"&\s?#?[A-Za-z0-9]{1,8};")
_WORD = re.compile(r"\w+")
# A line that quotes somebody at length is the story's, however often it recurs.
_QUOTATION = re.compile(r"[\"“”«»]\s*(?:\w+\W+){3,}")


def line_key(line: str) -> str | None:
    """The form of a line compared across pages (lower-case words only), or None when the
    line could not be chrome (empty, long, or quoting somebody)."""
    if _QUOTATION.search(line):
        return None
    words = _WORD.findall(_ENTITY_LIKE.sub(" ", line).lower())
    if not words or len(words) > MAX_WORDS:
        return None
    return " ".join(words)


def find_site_chrome_lines(text: str, chrome: frozenset[str]) -> list[tuple[int, int, str]]:
    """Return ``(start, end, reason)`` for each line of ``text`` that is learned site chrome."""
    if not chrome:
        return []
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        key = line_key(line)
        if key is not None and key in chrome:
            found.append((offset, offset + len(line), "boilerplate:site"))
        offset += len(line)
    return found
