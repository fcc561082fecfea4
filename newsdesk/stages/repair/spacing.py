"""Whitespace and the spacing around punctuation."""

from __future__ import annotations

import re
from itertools import pairwise

from newsdesk.stages.datelines import GLUED_CREDIT
from newsdesk.stages.repair.edits import Edit

_CRLF = re.compile(r"\r\n?")
# A pattern that begins with a lookbehind is tried at every position of the text: those that
# can begin with the character they are about instead check what precedes it after it.
# Runs of spaces or tabs inside a line (not at its start, where indentation may mean something,
# nor at its end, which the trailing rule handles).
_INNER_RUN = re.compile(r"(?<=\S)[ \t\xa0]+(?=\S)")
# A line broken inside a sentence (hard-wrapped text): the line does not end a sentence and
# the next goes on in lower case, or the line is long enough to be wrapped prose.
_LINE_WRAP = re.compile(r"\n(?<=[^\s.!?:;”\"’)\]]\n)(?=[a-z0-9(]|(?<=.{50}\n)[A-Za-z])")
_TRAILING = re.compile(r"(?<![ \t])[ \t]+(?=\n|\Z)")
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")
_LEADING_BLANK = re.compile(r"\A(?:[ \t]*\n)+")
# "word , word", "word ." at a sentence end, "( text )". An ellipsis keeps its space.
# The run may hold no-break spaces, plain or narrow: French typography, which translators
# carry over, puts one before "?!:;".
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=[\w”’)\]])[ \t\xa0\u202f]+(?=[,;:!?](?:\s|\Z|[”’\"]))")
_SPACE_BEFORE_PERIOD = re.compile(
    r"(?<=[A-Za-z”’)])[ \t\xa0\u202f]+(?=\.(?:\s|\Z|[”\"](?!\w))(?!\.))"
)
_SPACE_IN_PARENS = re.compile(r"(?<=[(\[])[ \t\xa0\u202f]+(?=\S)|(?<=\S)[ \t\xa0\u202f]+(?=[)\]])")
# A contraction or possessive split by a translator: "country 's", "don 't".
_SPLIT_CONTRACTION = re.compile(
    r"(?<=[A-Za-z])[ \t\xa0\u202f]+(?=['’](?:s|t|re|ve|ll|d|m)\b(?!['’]))"
)
# A comma or semicolon glued to the next word ("prices,which"): only between lower-case words,
# so numbers (1,000), abbreviations and names stay as they are.
_MISSING_SPACE_AFTER = re.compile(r"([,;])(?<=[a-z]{2}[,;])(?=[a-z]{2})")
# A sentence glued to the next ("ended.The next"): lower-case word, full stop, capitalised word.
_MISSING_SPACE_SENTENCE = re.compile(r"([.!?])(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]{2,}\b)")


# Patterns that begin with a run of spaces are tried at every space of the text, so each runs
# only over a text where some space or tab stands next to the character (punctuation mark,
# bracket, apostrophe) every one of its matches has beside its run: (pattern, characters the
# run comes after, characters it comes before).
_SPACE_EDITS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (_SPACE_BEFORE_PUNCT, "", ",;:!?"),
    (_SPACE_BEFORE_PERIOD, "", "."),
    (_SPACE_IN_PARENS, "([", ")]"),
    (_SPLIT_CONTRACTION, "", "'’"),
)


def _spaced(text: str, after: str = "", before: str = "") -> bool:
    """True when ``text`` holds a space (plain, tab or no-break) right after one of the
    characters ``after`` or right before one of ``before``."""
    spaces = " " + "".join(space for space in "\t\xa0\u202f" if space in text)
    return any(mark + space in text for mark in after for space in spaces) or any(
        space + mark in text for mark in before for space in spaces
    )


def find_newline_edits(text: str) -> list[Edit]:
    """Return edits that turn Windows and old Mac line ends into ``\\n``."""
    if "\r" not in text:
        return []
    return [Edit(m.start(), m.end(), "\n", "newline") for m in _CRLF.finditer(text)]


def find_spacing_edits(text: str) -> list[Edit]:
    """Return edits for doubled spaces, spaces before punctuation, glued sentences and an
    outlet's credit glued to the story ("(CNN)President" -> "(CNN) President")."""
    edits: list[Edit] = []
    # A run it edits holds a tab, or a plain space next to another space or a no-break space.
    runs = "\t" in text or "  " in text or " \xa0" in text or "\xa0 " in text
    for match in _INNER_RUN.finditer(text) if runs else ():
        run = match.group()
        if run != " " and ("\t" in run or " " in run):  # at least one plain space or tab
            edits.append(Edit(match.start(), match.end(), " ", "spacing"))
    for pattern, after, before in _SPACE_EDITS:
        if not _spaced(text, after, before):
            continue
        for match in pattern.finditer(text):
            edits.append(Edit(match.start(), match.end(), "", "spacing"))
    for pattern in (_MISSING_SPACE_AFTER, _MISSING_SPACE_SENTENCE):
        for match in pattern.finditer(text):
            if _inside_address(text, match.start()):
                continue
            edits.append(Edit(match.end(), match.end(), " ", "spacing"))
    for match in GLUED_CREDIT.finditer(text) if ")" in text else ():
        edits.append(Edit(match.end(), match.end(), " ", "spacing"))
    return _without_overlaps(edits)


# What a wrapped line may begin with besides a word: an opening mark, and the closing bracket
# or punctuation a translator's space before it let the wrap put at the start of a line.
_GOES_ON = "“‘«\"'([)].,;:!?’"
_LIST_ITEM = re.compile(r"[-*•·]\s|\d{1,3}[.)]\s")


def _wrap_width(lines: list[str]) -> int | None:
    """The width text was hard-wrapped at, or None when its lines are not filled to one: half
    of its lines, and at least twelve, end within 20 characters of a width between 50 and
    100 (fewer lines say too little to tell wrapping from short paragraphs)."""
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < 12:
        return None
    width = lengths[(len(lengths) - 1) * 9 // 10]
    if not 50 <= width <= 100:
        return None
    filled = sum(1 for length in lengths if width - 20 <= length <= width)
    return width if filled >= 12 and filled * 2 >= len(lengths) else None


def find_hard_wrap_edits(text: str) -> list[Edit]:
    """Return edits that join the lines of hard-wrapped paragraphs: in text whose lines are
    filled to one width, each line break after a line the next word would not have fitted on,
    before a line that goes on with the paragraph. Run on the text as it came, before other
    repairs change the lengths of its lines."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    if width is None:
        return []
    edits = []
    offset = 0
    for line, following in pairwise(lines):
        offset += len(line) + 1
        words = following.split(maxsplit=1)
        if (
            words
            and line.strip()
            and (following[0].isalnum() or following[0] in _GOES_ON)
            and not _LIST_ITEM.match(following)
            and len(line) >= width - 20
            and len(line.rstrip()) + 1 + len(words[0]) > width
        ):
            edits.append(Edit(offset - 1, offset, " ", "line_wrap"))
    return edits


def find_layout_edits(text: str) -> list[Edit]:
    """Return edits for hard-wrapped lines, trailing spaces, runs of blank lines and blank
    lines at either end."""
    edits: list[Edit] = []
    for match in _LINE_WRAP.finditer(text):
        edits.append(Edit(match.start(), match.end(), " ", "line_wrap"))
    trailing = _spaced(text, before="\n") or text.endswith((" ", "\t"))
    for match in _TRAILING.finditer(text) if trailing else ():
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
