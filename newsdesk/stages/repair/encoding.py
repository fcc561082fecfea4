"""Mojibake and other Unicode damage, found by ftfy and recorded as minimal edits, and the
invisible characters pages leave inside words."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import ftfy

from newsdesk.stages.repair.edits import Edit

# ftfy fixes encodings and control characters only: HTML, quotes, line breaks and character
# widths are this project's other passes' business, or not damage at all.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_character_width=False,
    normalization="NFC",
    explain=False,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u200b\ufeff]")


# UTF-8 read as Windows-1252 loses the bytes that code page has no character for (0x81, 0x8D,
# 0x8F, 0x90, 0x9D): a decoder put U+FFFD in their place. After "â€" (the first two bytes of
# U+2000-U+203F) the lost byte is 0x9D, a right double quotation mark, unless the mark sits
# between two letters, where it is 0x90, a hyphen. The byte is put back as the C1 control
# ftfy knows, so it decodes the whole sequence; the quotation pass then pairs the mark.
_LOST_BYTE = re.compile("â€\ufffd")


def _restore_lost_bytes(text: str) -> str:
    """``text`` with the byte lost after "â€" restored as the control character it was."""

    def byte(match: re.Match[str]) -> str:
        before = text[match.start() - 1 : match.start()]
        after = text[match.end() : match.end() + 1]
        between_letters = (before + after).isascii() and (before + after).isalpha()
        return "â€\x90" if between_letters and len(before + after) == 2 else "â€\x9d"

    return _LOST_BYTE.sub(byte, text)


def _needs_look(line: str) -> bool:
    return not line.isascii() or _CONTROL.search(line) is not None


# Lines longer than this are fixed and compared in pieces cut at spaces, so the character
# comparison of a fixed line with its original stays within pieces of about this size.
_PIECE_CHARS = 2_000


def _pieces(line: str) -> list[str]:
    """``line`` cut at spaces into consecutive pieces of about ``_PIECE_CHARS`` or fewer."""
    if len(line) <= 2 * _PIECE_CHARS:
        return [line]
    pieces = []
    start = 0
    while len(line) - start > _PIECE_CHARS:
        cut = line.rfind(" ", start + 1, start + _PIECE_CHARS)
        cut = start + _PIECE_CHARS if cut < 0 else cut
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return pieces


# Characters a page carries without showing them, which split a word for every later reader:
# zero-width space, word joiner, byte order mark (a zero-width no-break space inside a text)
# and soft hyphen. The zero-width joiner and non-joiner stay: emoji sequences and scripts
# such as Persian need them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\xad]+")


def find_invisible_edits(text: str) -> list[Edit]:
    """Return edits that remove zero-width spaces, word joiners, byte order marks and soft
    hyphens from ``text``. In English text a zero-width space inside a word is a break hint
    (in a long word or an address), not a space between two words."""
    if text.isascii():
        return []
    return [Edit(m.start(), m.end(), "", "invisible") for m in _INVISIBLE.finditer(text)]


def find_encoding_edits(text: str) -> list[Edit]:
    """Return edits that undo mojibake and remove stray control characters in ``text``."""
    edits: list[Edit] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if _needs_look(line):
            start = offset
            for body in _pieces(line.rstrip("\r\n")):
                edits.extend(_piece_edits(body, start))
                start += len(body)
        offset += len(line)
    return edits


def _piece_edits(body: str, offset: int) -> list[Edit]:
    """The edits that fix ``body``, a line or a piece of one starting at ``offset``."""
    if not _needs_look(body):
        return []
    fixed = ftfy.fix_text(_restore_lost_bytes(body), config=_FTFY_CONFIG)
    if fixed == body:
        return []
    matcher = SequenceMatcher(None, body, fixed, autojunk=False)
    return [
        Edit(offset + i1, offset + i2, fixed[j1:j2], "mojibake")
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
