"""Whitespace and the spacing around punctuation."""

from __future__ import annotations

import re

from newsdesk.textedit import Edit

_CRLF = re.compile(r"\r\n?")
# Runs of spaces or tabs inside a line (not at its start, where indentation may mean something,
# nor at its end, which the trailing rule handles).
_INNER_RUN = re.compile(r"(?<=\S)[ \t\xa0]+(?=\S)")
# A line broken inside a sentence (hard-wrapped text): the line does not end a sentence and
# the next goes on in lower case, or the line is long enough to be wrapped prose.
_LINE_WRAP = re.compile(r"(?<=[^\s.!?:;”\"’)\]])\n(?=[a-z0-9(]|(?<=.{50}\n)[A-Za-z])")
_TRAILING = re.compile(r"(?<![ \t])[ \t]+(?=\n|\Z)")
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")
_LEADING_BLANK = re.compile(r"\A(?:[ \t]*\n)+")
# "word , word", "word ." at a sentence end, "( text )". An ellipsis keeps its space.
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w”’)\]])[ \t]+(?=[,;:!?](?:\s|\Z|[”’\"]))")
_SPACE_BEFORE_PERIOD = re.compile(r"(?<=[A-Za-z”’)])[ \t]+(?=\.(?:\s|\Z)(?!\.))")
_SPACE_IN_PARENS = re.compile(r"(?<=[(\[])[ \t]+(?=\S)|(?<=\S)[ \t]+(?=[)\]])")
# A contraction or possessive split by a translator: "country 's", "don 't".
_SPLIT_CONTRACTION = re.compile(r"(?<=[A-Za-z])[ \t]+(?=['’](?:s|t|re|ve|ll|d|m)\b(?!['’]))")
# A comma or semicolon glued to the next word ("prices,which"): only between lower-case words,
# so numbers (1,000), abbreviations and names stay as they are.
_MISSING_SPACE_AFTER = re.compile(r"(?<=[a-z]{2})([,;])(?=[a-z]{2})")
# A sentence glued to the next ("ended.The next"): lower-case word, full stop, capitalised word.
_MISSING_SPACE_SENTENCE = re.compile(r"(?<=[a-z]{3})([.!?])(?=[A-Z][a-z]{2,}\b)")


def find_newline_edits(text: str) -> list[Edit]:
    """Return edits that turn Windows and old Mac line ends into ``\\n``."""
    if "\r" not in text:
        return []
    return [Edit(m.start(), m.end(), "\n", "newline") for m in _CRLF.finditer(text)]


def find_spacing_edits(text: str) -> list[Edit]:
    """Return edits for doubled spaces, spaces before punctuation and glued sentences."""
    edits: list[Edit] = []
    for match in _INNER_RUN.finditer(text):
        run = match.group()
        if run != " " and ("\t" in run or " " in run):  # at least one plain space or tab
            edits.append(Edit(match.start(), match.end(), " ", "spacing"))
    for pattern in (
        _SPACE_BEFORE_PUNCT,
        _SPACE_BEFORE_PERIOD,
        _SPACE_IN_PARENS,
        _SPLIT_CONTRACTION,
    ):
        for match in pattern.finditer(text):
            edits.append(Edit(match.start(), match.end(), "", "spacing"))
    for pattern in (_MISSING_SPACE_AFTER, _MISSING_SPACE_SENTENCE):
        for match in pattern.finditer(text):
            if _inside_address(text, match.start()):
                continue
            edits.append(Edit(match.end(), match.end(), " ", "spacing"))
    return _without_overlaps(edits)


def find_layout_edits(text: str) -> list[Edit]:
    """Return edits for hard-wrapped lines, trailing spaces, runs of blank lines and blank
    lines at either end."""
    edits: list[Edit] = []
    for match in _LINE_WRAP.finditer(text):
        edits.append(Edit(match.start(), match.end(), " ", "line_wrap"))
    for match in _TRAILING.finditer(text):
        edits.append(Edit(match.start(), match.end(), "", "trailing_space"))
    for match in _BLANK_RUN.finditer(text):
        if match.start() == 0:
            continue
        edits.append(Edit(match.start(), match.end(), "\n\n", "blank_lines"))
    leading = _LEADING_BLANK.match(text)
    if leading:
        edits.append(Edit(0, leading.end(), "", "blank_lines"))
    end = len(text.rstrip("\n"))  # not a regular expression: "\n{2,}\Z" is quadratic
    if len(text) - end >= 2:
        edits.append(Edit(end, len(text), "\n", "blank_lines"))
    return _without_overlaps(edits)


def _inside_address(text: str, index: int) -> bool:
    """True when ``index`` falls inside a URL, e-mail address or domain name."""
    start = text.rfind(" ", 0, index) + 1
    end = text.find(" ", index)
    word = text[start : end if end != -1 else len(text)]
    return "://" in word or "@" in word or "www." in word or "/" in word


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    last_end = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last_end:
            continue
        kept.append(edit)
        last_end = edit.end
    return kept
