"""Quotation marks: pair openers with closers, make them consistent, fix the space inside them.

Scraped and machine-translated news mixes ``“ … ''``, ``« … »``, ``„ … “`` and spaced marks
(``“ Armed … tragedy ''``), and keeps the Russian ``», — he said`` punctuation. This pass pairs
marks line by line, turns every pair into typographic ``“ … ”`` (straight ``"`` pairs are
consistent and stay straight), removes spaces just inside a pair
and rewrites ``”, — said X`` as ``,” said X``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.stages.repair.edits import Edit

OPEN = "“"
CLOSE = "”"
# Double quotation marks as they appear in the wild. Two apostrophes or two single quotes
# are a translator's or a typist's stand-in for a double mark.
# Of three apostrophes the last two are the double mark: "ridiculous,'" + "''" closes a single
# quotation and then a double one.
_MARK = re.compile(r"“|”|„|‟|«|»|\"|''(?!')|’’|‘‘|<<|>>")
_OPENERS_ONLY = {"„", "‟", "«", "‘‘", "<<"}
_CLOSERS_ONLY = {"»", "’’", ">>"}
_OPENING_CONTEXT = set("([{—–-/")
_CLOSING_PUNCT = set(".,;:!?…)]}—–―-")


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    char: str
    can_open: bool
    can_close: bool
    spaced_after: int  # length of a space run right after the mark (a spaced opener)
    spaced_before: int  # length of a space run right before the mark (a spaced closer)


def _space_run_after(line: str, index: int) -> int:
    run = 0
    while index + run < len(line) and line[index + run] in " \t\xa0":
        run += 1
    return run


def _space_run_before(line: str, index: int) -> int:
    run = 0
    while index - run - 1 >= 0 and line[index - run - 1] in " \t\xa0":
        run += 1
    return run


def _classify(line: str, start: int, end: int) -> _Mark:
    char = line[start:end]
    before = line[start - 1] if start > 0 else " "
    after = line[end] if end < len(line) else " "
    space_after = _space_run_after(line, end)
    space_before = _space_run_before(line, start)
    beyond_after = line[end + space_after] if end + space_after < len(line) else ""
    beyond_before = line[start - space_before - 1] if start - space_before - 1 >= 0 else ""
    before_is_gap = before.isspace() or before in _OPENING_CONTEXT or start == 0
    after_is_gap = after.isspace() or after in _CLOSING_PUNCT or end == len(line)
    # Tight marks flank a word (a quotation may begin with an ellipsis: "“…overall"); a spaced
    # opener ("“ Armed") sits after a gap with a space and a word after it; a spaced closer
    # ("tragedy ''") has a word, a space, then a gap.
    can_open = (
        before_is_gap and not after.isspace() and (after not in _CLOSING_PUNCT or after == "…")
    ) or (before_is_gap and space_after > 0 and (beyond_after.isalnum() or beyond_after in "…‘[("))
    can_close = (not before.isspace() and start > 0 and after_is_gap) or (
        space_before > 0
        and after_is_gap
        and beyond_before not in ("", " ")
        and (beyond_before.isalnum() or beyond_before in ".,!?…’')]")
    )
    if char in _OPENERS_ONLY:
        can_close = False
        can_open = True
    elif char in _CLOSERS_ONLY:
        can_open = False
        can_close = True
    return _Mark(
        start,
        end,
        char,
        can_open,
        can_close,
        space_after if beyond_after else 0,
        space_before if beyond_before else 0,
    )


def _pair_line(line: str) -> list[tuple[_Mark | None, _Mark | None]]:
    """Pair the double quotation marks of one line; unpaired marks pair with None."""
    marks = [_classify(line, m.start(), m.end()) for m in _MARK.finditer(line)]
    pairs: list[tuple[_Mark | None, _Mark | None]] = []
    opened: _Mark | None = None
    for mark in marks:
        if opened is None:
            if mark.can_open and not (
                mark.can_close and not mark.spaced_after and mark.char in (CLOSE, "''")
            ):
                opened = mark
            elif mark.can_close and mark.char != OPEN:
                pairs.append((None, mark))
        elif mark.can_close:
            pairs.append((opened, mark))
            opened = None
        elif mark.can_open and mark.char in _OPENERS_ONLY | {OPEN}:
            pairs.append((opened, None))
            opened = mark
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def _pair_edits(offset: int, opener: _Mark | None, closer: _Mark | None) -> list[Edit]:
    edits: list[Edit] = []
    # Straight pairs are consistent already and stay as they are; any other pair, or a
    # straight mark paired with a typographic one, becomes “ … ”.
    keep_straight = (opener is None or opener.char == '"') and (
        closer is None or closer.char == '"'
    )
    if opener is not None:
        wanted = '"' if keep_straight else OPEN
        if opener.char != wanted:
            edits.append(Edit(offset + opener.start, offset + opener.end, wanted, "quote_mark"))
        if opener.spaced_after and (closer is not None or opener.char != '"'):
            start = offset + opener.end
            edits.append(Edit(start, start + opener.spaced_after, "", "quote_space"))
    if closer is not None:
        wanted = '"' if keep_straight else CLOSE
        if closer.spaced_before and (opener is not None or closer.char != '"'):
            end = offset + closer.start
            edits.append(Edit(end - closer.spaced_before, end, "", "quote_space"))
        if closer.char != wanted:
            edits.append(Edit(offset + closer.start, offset + closer.end, wanted, "quote_mark"))
    return edits


def find_quote_edits(text: str) -> list[Edit]:
    """Return edits that pair, normalise and tighten the double quotation marks of ``text``."""
    if _MARK.search(text) is None:
        return []
    edits: list[Edit] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if _MARK.search(line):
            for opener, closer in _pair_line(line):
                edits.extend(_pair_edits(offset, opener, closer))
        offset += len(line)
    return edits


# A closing quotation mark alone on its line (a wrap or a translator pushed it there).
_LONE_CLOSER = re.compile(r"(?<=\S)[ \t]*\n(?:[ \t]*\n)?[ \t]*(''|”|»|’’)[ \t]*(?=\n|\Z)")


def _left_open(marks: list[str]) -> bool:
    """Whether the last of a paragraph's double quotation marks leaves a quotation open: an
    opening mark, or a straight or doubled mark of which there is an odd number."""
    if not marks or marks[-1] in (CLOSE, "»", ">>", "’’"):
        return False
    return marks[-1] in _OPENERS_ONLY | {OPEN} or marks.count(marks[-1]) % 2 == 1


def find_lone_closer_edits(text: str) -> list[Edit]:
    """Return edits that join a closing mark alone on its line to the paragraph before it,
    when that paragraph leaves a quotation open."""
    edits = []
    for match in _LONE_CLOSER.finditer(text):
        start = text.rfind("\n\n", 0, match.start()) + 1
        if _left_open(_MARK.findall(text, start, match.start())):
            edits.append(Edit(match.start(), match.end(), match.group(1), "lone_quote"))
    return edits


# A closing quote followed by ", —" and then the attribution ("…tragedy”, — Tokayev said"):
# Russian punctuation. English puts the comma inside the quote and drops the dash.
_RUSSIAN_ATTRIBUTION = re.compile(
    r"(?P<end>[.,!?…]?)(?P<quote>[”\"])(?P<gap>[ \t]*,[ \t]*\n?[ \t]*[—–-]{1,2}[ \t]*)(?=\w)"
)


def find_attribution_punctuation_edits(text: str) -> list[Edit]:
    """Return edits that rewrite ``”, — said X`` as ``,” said X``."""
    edits: list[Edit] = []
    for match in _RUSSIAN_ATTRIBUTION.finditer(text):
        end = match.group("end")
        quote = match.group("quote")
        if quote == '"' and text.count('"', 0, match.start("quote")) % 2 == 0:
            continue  # a straight mark that opens, not closes
        inside = "," if end in ("", ".", ",") else end
        edits.append(
            Edit(match.start(), match.end("gap"), f"{inside}{quote} ", "quote_punctuation")
        )
    return edits
