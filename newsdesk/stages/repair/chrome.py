"""Text that recurs: site chrome learned across pages (see ``newsdesk.corpus.sitechrome``),
found in one text, and a paragraph a scraper took twice in a row.

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


# A paragraph repeated right after itself is the scraper's: a page's summary taken with the
# story it begins, or a caption doubled. Short lines may be repeated on purpose (a chant, a
# one-word answer in a transcript), so a paragraph needs this many words.
MIN_REPEATED_WORDS = 8
# A block of lines with no blank line between them, and a line. Each begins at a visible
# character, so a run of spaces is not scanned again from each of its positions.
_BLOCK = re.compile(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")
_LINE = re.compile(r"\S[^\n]*")


def _repeats(
    units: list[tuple[int, int, str]], found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Add to ``found`` the stretch of each ``(start, end, text)`` unit whose words repeat the
    one before it; return the units that do not. Words are compared only between units of
    about the same length, so most units are never split into words."""
    rest = []
    previous_end, previous = 0, ""
    for start, end, unit in units:
        similar = abs(len(unit) - len(previous)) <= len(previous) // 10 + 8
        words = unit.split() if similar else []
        if similar and len(words) >= MIN_REPEATED_WORDS and words == previous.split():
            found.append((previous_end, end, "repeated_paragraph"))
        else:
            rest.append((start, end, unit))
        previous_end, previous = end, unit
    return rest


def find_repeated_paragraphs(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, reason)`` for each paragraph of ``text`` that repeats, word for
    word, the one just before it: a block of lines after the same block, or a line after the
    same line in its block. The stretch starts where the earlier copy ends."""
    found: list[tuple[int, int, str]] = []
    blocks = [(m.start(), m.end(), m.group()) for m in _BLOCK.finditer(text)]
    for start, end, block in _repeats(blocks, found):
        if "\n" in block:
            lines = [(m.start(), m.end(), m.group()) for m in _LINE.finditer(text, start, end)]
            _repeats(lines, found)
    return sorted(found)
