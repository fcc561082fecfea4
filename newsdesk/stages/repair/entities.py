"""HTML character references: valid, double-escaped (``&amp;mdash;``) and broken by spaces."""

from __future__ import annotations

import html
import re
from html.entities import html5

from newsdesk.stages.repair.edits import Edit

# Layers of escaping an ampersand got when a page escaped its references again: ``&amp;mdash;``,
# ``&#38;mdash;``, ``&amp;amp;#8217;``.
_LAYERS = r"(?:(?:amp|#38|#[xX]26);[ \t]?)*"
# ``&`` then any number of those layers (double escaping), then a reference that may have
# lost its shape to a translator or a scraper: ``& mdash;``, ``& #8212;``, ``&mdash ;``, or a
# hard wrap at the translator's space (``&\nmdash;``).
_REFERENCE = re.compile(
    rf"&{_LAYERS}"
    r"(?P<gap>[ \t]{0,2}|[ \t]?\n)"
    r"(?P<name>#[ \t]?[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31})"
    r"(?P<gap2>[ \t]?);"
)
# Long, unmistakable names also repaired when a space broke them and the semicolon was lost.
_BARE_NAMES = "mdash|ndash|laquo|raquo|hellip|nbsp|ldquo|rdquo|lsquo|rsquo|bdquo|quot"
_BARE = re.compile(rf"&{_LAYERS}[ \t\n]?(?P<name>{_BARE_NAMES})\b(?![ \t]?;)")
# A numeric reference that lost its semicolon ("&#8212 and"), and a long name that lost its
# ampersand ("Kazakhstan mdash; Nur-Sultan"): unmistakable either way.
_NUMERIC_NO_SEMICOLON = re.compile(
    rf"&{_LAYERS}#"
    r"(?P<name>[0-9]{2,7}|[xX][0-9a-fA-F]{2,6})(?![0-9a-fA-F;])"
)
_NO_AMPERSAND = re.compile(rf"(?<![\w&])(?P<name>{_BARE_NAMES});")
# Short names are English words or letters too often ("& it;", "& or;"); a spaced reference
# needs at least this many characters in its name to be believed.
_MIN_SPACED_NAME = 3


def _decode(name: str) -> str | None:
    """Return the character(s) a reference name stands for, or None if it names nothing."""
    if name.startswith("#"):
        digits = name[1:].replace(" ", "").replace("\t", "")
        code = int(digits[1:], 16) if digits[:1] in "xX" else int(digits)
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        return html.unescape(f"&#{code};")
    return html5.get(name + ";")


def find_entity_edits(text: str) -> list[Edit]:
    """Return edits that replace HTML character references in ``text`` with their characters."""
    if "&" not in text and ";" not in text:
        return []
    edits: list[Edit] = []
    for match in _REFERENCE.finditer(text):
        name = match.group("name")
        spaced = bool(match.group("gap") or match.group("gap2") or " " in name or "\t" in name)
        if spaced and not name.startswith("#") and len(name) < _MIN_SPACED_NAME:
            continue
        value = _decode(name)
        if value is None:
            continue
        edits.append(Edit(match.start(), match.end(), value, "entity"))
    for pattern in (_BARE, _NO_AMPERSAND, _NUMERIC_NO_SEMICOLON):
        for match in pattern.finditer(text):
            if any(e.start <= match.start() < e.end for e in edits):
                continue
            name = match.group("name")
            value = (
                _decode("#" + name) if pattern is _NUMERIC_NO_SEMICOLON else html5.get(name + ";")
            )
            if value is not None:
                edits.append(Edit(match.start(), match.end(), value, "entity"))
    return sorted(edits, key=lambda e: e.start)
