"""Web archives and feeds: WARC/ARC files (HTTP responses holding HTML) and RSS/Atom feeds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import feedparser
import lxml.html
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsdesk.errors import InputError
from newsdesk.model import Article
from newsdesk.readers.html import extract_page
from newsdesk.readers.limits import (
    DEFAULT_MAX_BYTES,
    display_name,
    open_regular,
    read_bounded,
    too_large,
)

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")

Item = Article | tuple[str, InputError]


def read_warc(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles of the HTML responses in a WARC or ARC file (plain or gzipped).

    A record that is not an article, or a file that ends mid-record, is a failure naming the
    file and the record's offset; the records before it are kept. A record whose payload is
    larger than ``max_bytes`` is refused after reading that much of it; a file with no record
    at all is a failure too.
    """
    try:
        handle = open_regular(path)
    except InputError as exc:
        yield display_name(str(path)), exc
        return
    with handle:
        records = ArchiveIterator(handle, arc2warc=True)
        offset = 0
        count = pages = 0
        try:
            for record in records:
                count += 1
                wanted = record.rec_type == "response" and record.http_headers is not None
                if wanted:
                    content_type = record.http_headers.get_header("Content-Type") or ""
                    status = record.http_headers.get_statuscode()
                    wanted = "html" in content_type.lower() and status == "200"
                # Read the payload before asking for the offset: finding the offset reads the
                # record through to its end.
                payload = record.content_stream().read(max_bytes + 1)
                offset = records.get_record_offset()
                if len(payload) > max_bytes:
                    source = f"{path}@{offset}"
                    yield source, too_large(source, max_bytes, "record")
                    continue
                if getattr(record.raw_stream, "limit", 0):
                    # Fewer bytes than the record's Content-Length: the file was cut short.
                    yield (
                        f"{path}@{offset}",
                        InputError(
                            "ND013",
                            f"{path}: broken archive: the record at offset {offset} is cut short",
                        ),
                    )
                    return
                if not wanted:
                    continue
                pages += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                source = f"{path}@{offset}"
                try:
                    page = extract_page(payload.decode("utf-8", errors="replace"), source, url)
                except InputError as exc:
                    yield source, exc
                    continue
                yield Article(
                    source=url or source,
                    original=page.as_text(),
                    published=page.published,
                    url=url or page.url,
                    author=page.author,
                )
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            yield (
                f"{path}@{offset}",
                InputError("ND013", f"{path}: broken archive after offset {offset}: {reason}"),
            )
            return
        if count == 0:
            yield str(path), InputError("ND013", f"{path}: no records: not a WARC or ARC file")
        elif pages == 0:
            yield str(path), InputError("ND013", f"{path}: no HTML responses in {count} records")


def _plain(html: str) -> str:
    """Paragraph text of an HTML fragment (a feed item's content)."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n\n" + (block.tail or "")
    return "\n\n".join(p.strip() for p in root.text_content().split("\n\n") if p.strip())


def read_feed(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles of an RSS or Atom feed: each item's content (or summary) with its title,
    link and date."""
    try:
        feed = feedparser.parse(read_bounded(path, max_bytes))
    except InputError as exc:
        yield display_name(str(path)), exc
        return
    if not feed.entries:
        reason = str(getattr(feed, "bozo_exception", "") or "no items").splitlines()[0]
        yield str(path), InputError("ND014", f"{path}: not a readable feed: {reason}")
        return
    for number, entry in enumerate(feed.entries, start=1):
        source = entry.get("link") or f"{path}#{number}"
        contents = entry.get("content") or []
        html = contents[0].get("value") if contents else entry.get("summary", "")
        body = _plain(html or "")
        if not body.strip():
            yield source, InputError("ND010", f"{path}: item {number} has no text")
            continue
        title = (entry.get("title") or "").strip()
        text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*parsed[:3]).isoformat() if parsed else None
        author = entry.get("author") if isinstance(entry.get("author"), str) else None
        yield Article(
            source=source, original=text, published=published, url=entry.get("link"), author=author
        )
