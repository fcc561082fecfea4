"""Reading untrusted input within bounds: regular files only, at most so many bytes read or
decompressed, JSON of bounded depth, text a terminal and a database can take.

Every limit raises :class:`~newsdesk.errors.InputError` with its code (see the README's table
of error codes):

- ND004: more bytes than ``--max-bytes``, counted on what is read or decompressed, never on
  what ``stat`` says (a symlink to ``/dev/zero`` has size 0);
- ND011: a gzip stream that is corrupt;
- ND012: JSON nested deeper than :data:`MAX_JSON_DEPTH` or a number too long to convert;
- ND016: an input that is not a regular file (a FIFO, a device, a socket), refused without
  being opened.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import stat
import zlib
from pathlib import Path
from typing import Any

from newsdesk.errors import InputError

# An article is a few kilobytes; anything past this is not one article (a dump, a log, a
# disk image) and is refused rather than parsed for minutes.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Nesting no article record needs; Python's parser recurses once per level.
MAX_JSON_DEPTH = 200
_GZIP_MAGIC = b"\x1f\x8b"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_DEPTH_CHARS = re.compile(rb'[\[\]{}"\\]')


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def too_large(source: str, max_bytes: int, what: str = "file") -> InputError:
    """The error for an input past the size limit."""
    return InputError(
        "ND004",
        f"{source}: {what} too large (more than {_megabytes(max_bytes)}; see --max-bytes)",
    )


def open_regular(path: Path) -> io.BufferedReader:
    """Open a regular file for reading; refuse FIFOs, devices and sockets without opening
    them (a FIFO would block forever)."""
    source = display_name(str(path))
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError("ND001", f"{source}: no such file") from None
    except OSError as exc:
        raise InputError("ND008", f"{source}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(mode):
        raise InputError("ND002", f"{source}: is a directory")
    if not stat.S_ISREG(mode):
        raise InputError("ND016", f"{source}: not a regular file (a pipe, device or socket)")
    try:
        return open(path, "rb")
    except PermissionError:
        raise InputError("ND007", f"{source}: permission denied") from None
    except OSError as exc:
        raise InputError("ND008", f"{source}: cannot read: {exc.strerror or exc}") from None


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, refused past ``max_bytes`` bytes actually read."""
    with open_regular(path) as handle:
        try:
            data = handle.read(max_bytes + 1)
        except OSError as exc:
            source = display_name(str(path))
            raise InputError("ND008", f"{source}: cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise too_large(display_name(str(path)), max_bytes)
    return data


def is_gzip(data: bytes) -> bool:
    """True for bytes that open a gzip stream."""
    return data.startswith(_GZIP_MAGIC)


def gunzip_bounded(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip bytes, stopping past ``max_bytes`` of output (a few megabytes that
    expand to gigabytes are refused after reading ``max_bytes``, not decompressed whole)."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError("ND011", f"{source}: corrupt gzip: {exc}") from None
    if len(out) > max_bytes:
        raise too_large(source, max_bytes, "decompressed data")
    return out


def json_depth(raw: bytes) -> int:
    """How deep arrays and objects nest in a JSON text (strings skipped)."""
    depth = deepest = 0
    in_string = escaped = False
    for match in _DEPTH_CHARS.finditer(raw):
        char = match.group()
        if in_string:
            if escaped:
                escaped = False
            elif char == b"\\":
                # Only an escaped quote or backslash is matched next; skip just that one.
                escaped = raw[match.end() : match.end() + 1] in (b'"', b"\\")
            elif char == b'"':
                in_string = False
            continue
        if char == b'"':
            in_string = True
        elif char in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        elif char in (b"]", b"}"):
            depth -= 1
    return deepest


def load_json(raw: bytes, source: str) -> Any:
    """Parse one JSON text from untrusted bytes: UTF-8, bounded nesting, numbers Python can
    convert; raise InputError (ND003, ND012) otherwise."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError("ND003", f"{source}: not UTF-8") from None
    if json_depth(raw) > MAX_JSON_DEPTH:
        raise InputError("ND012", f"{source}: JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("ND012", f"{source}: not JSON: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError("ND012", f"{source}: JSON this reader cannot take: {reason}") from None


def clean_text(value: str) -> str:
    """``value`` with lone surrogates (from JSON "\\ud800" escapes, or file names that are not
    UTF-8) replaced by U+FFFD, so it can be encoded and stored."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def display_name(name: str) -> str:
    """A file name as text that encodes: bytes that were not UTF-8 become U+FFFD."""
    if not _LONE_SURROGATE.search(name):
        return name
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# Text that is mostly marks rather than words costs the parser a token per character: past
# these counts it is refused (ND025) rather than parsed for minutes.
MAX_MARKS = 50_000
_MARK = re.compile(r"[^\w\s]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


# No article has a paragraph this long (long reads run to a few thousand characters a
# paragraph): text with one is a dump, not an article, and is refused (ND028) rather than
# parsed as one block for minutes.
MAX_PARAGRAPH_CHARS = 100_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def longest_paragraph(text: str) -> int:
    """The length in characters of the longest stretch of ``text`` between blank lines."""
    longest = 0
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        longest = max(longest, match.start() - start)
        start = match.end()
    return max(longest, len(text) - start)


def prose_problem(text: str, source: str) -> InputError | None:
    """Why ``text``, read from ``source``, is no prose to analyse (a flood of punctuation,
    quotation marks, brackets or combining marks; a paragraph no article has), or None."""
    marks = sum(1 for _ in _MARK.finditer(text))
    if marks > MAX_MARKS and marks > 0.3 * sum(1 for c in text if not c.isspace()):
        reason = f"{marks} punctuation or combining marks, more than {MAX_MARKS}"
        return InputError("ND025", f"{source}: not prose: {reason}")
    longest = longest_paragraph(text)
    if longest > MAX_PARAGRAPH_CHARS:
        reason = f"a paragraph of {longest:,} characters, more than {MAX_PARAGRAPH_CHARS:,}"
        return InputError("ND028", f"{source}: not an article: {reason}")
    return None
