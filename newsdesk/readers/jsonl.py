"""JSON Lines input: one article per line.

Fields: ``text`` (plain text) or ``html`` (a page; its main text is extracted), and optionally
``url``, ``title``, ``published`` (YYYY-MM-DD, or a timestamp starting with one), ``outlet``
and ``author``.
A line that is not such an object is a failure naming the file and line; the others go on.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path

from newsdesk.errors import InputError
from newsdesk.model import Article
from newsdesk.readers.html import extract_page
from newsdesk.readers.limits import (
    DEFAULT_MAX_BYTES,
    display_name,
    load_json,
    open_regular,
    too_large,
)

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
Item = Article | tuple[str, InputError]


def _date(value: object) -> str | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def record_to_article(record: object, source: str) -> Article:
    """One JSONL record as an unprocessed article; raise InputError when it is not one."""
    if not isinstance(record, dict):
        raise InputError("ND012", f"{source}: not a JSON object")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    author = record.get("author") if isinstance(record.get("author"), str) else None
    published = _date(record.get("published"))
    site = None
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        title = record.get("title")
        if isinstance(title, str) and title.strip() and not text.startswith(title.strip()):
            text = f"{title.strip()}\n\n{text}"
    elif isinstance(record.get("html"), str):
        page = extract_page(record["html"], source, url)
        text, url = page.as_text(), url or page.url
        published = published or page.published
        author = author or page.author
        site = page.site_name
    else:
        raise InputError("ND012", f"{source}: no 'text' or 'html' field")
    outlet = record.get("outlet") if isinstance(record.get("outlet"), str) else None
    return Article(
        source=source,
        original=text,
        published=published,
        url=url,
        outlet=outlet,
        author=author.strip() or None if author else None,
        site_name=site,
    )


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles of a JSON Lines file (gzipped or not), or ``(source, error)`` for each line
    that is not one; a line longer than ``max_bytes`` is refused without being read whole."""
    try:
        opened = open_regular(path)
        handle: io.BufferedIOBase = opened
        if opened.peek(2)[:2] == b"\x1f\x8b":
            handle = gzip.GzipFile(fileobj=opened)
    except InputError as exc:
        yield display_name(str(path)), exc
        return
    with handle:
        number = 0
        try:
            while raw := handle.readline(max_bytes + 1):
                number += 1
                source = f"{path}:{number}"
                if len(raw) > max_bytes and not raw.endswith(b"\n"):
                    yield source, too_large(source, max_bytes, "line")
                    while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                        raw = handle.readline(max_bytes + 1)
                    continue
                if not raw.strip():
                    continue
                try:
                    yield record_to_article(load_json(raw, source), source)
                except InputError as exc:
                    yield source, exc
        except (OSError, EOFError, zlib.error) as exc:
            source = f"{path}:{number + 1}"
            yield source, InputError("ND011", f"{source}: corrupt gzip: {exc}")
