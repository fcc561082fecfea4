"""JSON Lines input: one article per line.

Fields: ``text`` (plain text) or ``html`` (a page; its main text is extracted), and optionally
``url``, ``title``, ``published`` (YYYY-MM-DD, or a timestamp starting with one), ``outlet``
and ``author``.
A line that is not such an object is a failure naming the file and line; the others go on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from newsdesk.errors import InputError
from newsdesk.model import Article
from newsdesk.readers.html import extract_page

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


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
    )


def read_jsonl(path: Path) -> Iterator[Article | tuple[str, InputError]]:
    """Articles of a JSON Lines file, or ``(source, error)`` for each line that is not one."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield str(path), InputError("ND008", f"{path}: cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            source = f"{path}:{number}"
            try:
                record = json.loads(raw.decode("utf-8"))
                yield record_to_article(record, source)
            except UnicodeDecodeError:
                yield source, InputError("ND003", f"{source}: not UTF-8")
            except json.JSONDecodeError as exc:
                yield source, InputError("ND012", f"{source}: not JSON: {exc.msg}")
            except InputError as exc:
                yield source, exc
