"""Text for the terminal: what came from articles, metadata or file names is shown, never
obeyed. Control characters and escape sequences (``ESC]0;…`` retitles a terminal, ``ESC[31m``
recolours it) are printed as visible escapes such as ``\\x1b``."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and the C1 controls (U+0080-U+009F), which some
# terminals also obey; bidirectional overrides, which reorder what is shown.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character shown as an escape, safe to print."""
    return _CONTROL.sub(_escape, text)
