"""Mojibake and other Unicode damage, found by ftfy and recorded as minimal edits."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import ftfy

from newsdesk.textedit import Edit

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


def _needs_look(line: str) -> bool:
    return not line.isascii() or _CONTROL.search(line) is not None


def find_encoding_edits(text: str) -> list[Edit]:
    """Return edits that undo mojibake and remove stray control characters in ``text``."""
    edits: list[Edit] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if _needs_look(line):
            body = line.rstrip("\r\n")
            fixed = ftfy.fix_text(body, config=_FTFY_CONFIG)
            if fixed != body:
                matcher = SequenceMatcher(None, body, fixed, autojunk=False)
                for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                    if tag != "equal":
                        edits.append(Edit(offset + i1, offset + i2, fixed[j1:j2], "mojibake"))
        offset += len(line)
    return edits
