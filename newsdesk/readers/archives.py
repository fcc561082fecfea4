"""Web archives and feeds: WARC/ARC files (HTTP responses holding HTML) and RSS/Atom feeds."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

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
    is_gzip,
    open_regular,
    read_bounded,
    too_large,
)

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")

Item = Article | tuple[str, InputError]


# warcio ships no types, so its iterator is Any to the type checker; the subclass is deliberate.
class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's record iterator, which leaves the report of a record whose Content-Length
    does not end it to :func:`read_warc` instead of printing it."""

    INC_RECORD = ""


_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_HEADER = re.compile(rb"(?:^|\n)(WARC/1\.[01]\r?\n)")
_SCAN_BLOCK = 1 << 20


def _next_record_start(handle: BinaryIO, after: int, gzipped: bool) -> int | None:
    """Where the next record (a gzip member, or a WARC header line) starts past ``after``,
    scanning the file a block at a time; None at the end of the file."""
    position = after
    while True:
        handle.seek(position)
        block = handle.read(_SCAN_BLOCK + 16)
        if not block:
            return None
        if gzipped:
            found = block.find(_GZIP_MEMBER)
        else:
            match = _WARC_HEADER.search(block)
            found = match.start(1) if match else -1
        if found >= 0:
            return position + found
        if len(block) <= _SCAN_BLOCK:
            return None
        position += _SCAN_BLOCK


def _cut_member(handle: BinaryIO, start: int) -> int | None:
    """Where a gzip member that never ends begins, at or after ``start`` (the member of the
    last record read); None when every member from there ends. (A member cut in its first
    bytes gives warcio no record at all, and one cut later may still give it all the record's
    text: either way the records simply stop.)"""
    handle.seek(start)
    cursor, member_start = start, None
    inflater = zlib.decompressobj(31)  # a gzip header and trailer around each member
    while chunk := handle.read(_SCAN_BLOCK):
        while chunk:
            if member_start is None:
                stripped = chunk.lstrip()
                cursor += len(chunk) - len(stripped)
                chunk, member_start = stripped, cursor if stripped else None
                if not chunk:
                    break
            try:
                inflater.decompress(chunk)
            except zlib.error:  # not a gzip member: warcio's report stands
                return None
            if not inflater.eof:
                cursor += len(chunk)
                break
            rest = inflater.unused_data
            cursor += len(chunk) - len(rest)
            chunk, member_start, inflater = rest, None, zlib.decompressobj(31)
    return member_start


def _broken_after(path: Path, offset: int, exc: Exception) -> str:
    """The message for a file that could not be read past the record at ``offset``."""
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, AttributeError):  # how warcio fails on a record header it cannot parse
        reason = "a record header that cannot be read"
    what = reason or type(exc).__name__
    return f"{path}: broken archive after offset {offset}: {what}; skipped to the next record"


def read_warc(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles of the HTML responses in a WARC or ARC file (plain or gzipped).

    A record that is not an article is a failure naming the file and the record's offset. A
    record that its Content-Length does not end (the header says less or more than the record
    holds) is refused, and reading goes on at the next record; so does unreadable stuff between
    records. A file that ends mid-record keeps the records before it. A record whose payload is
    larger than ``max_bytes`` is refused after reading that much of it; a file with no record
    at all is a failure too.
    """
    try:
        handle = open_regular(path)
    except InputError as exc:
        yield display_name(str(path)), exc
        return
    with handle:
        gzipped = is_gzip(handle.read(3))
        start: int | None = 0
        count = pages = 0
        resumed = False
        while start is not None:
            handle.seek(start)
            scan_from, start = start, None
            records = _Records(handle, arc2warc=True)
            offset = scan_from
            try:
                for record in records:
                    count += 1
                    resumed = False
                    item, cut = _record_item(path, records, record, max_bytes)
                    offset = records.get_record_offset()
                    if cut:
                        # Past the record's end comes another record (its Content-Length said
                        # more than it held) or nothing (the file was cut short).
                        start = _next_record_start(handle, offset + 1, gzipped)
                        if start is None and item is not None:
                            yield item
                            return
                    if records.err_count or cut:
                        message = (
                            f"{path}: broken archive: the record at offset {offset} does not "
                            "end where its Content-Length says; skipped to the next record"
                        )
                        yield f"{path}@{offset}", InputError("ND013", message)
                        start = _next_record_start(handle, offset + 1, gzipped)
                        resumed = True
                        break
                    if item is None:
                        continue
                    pages += isinstance(item, Article)
                    yield item
                else:  # the records ended: a gzip member past the last one was cut short
                    lost = _cut_member(handle, offset) if gzipped else None
                    if lost is not None:
                        message = (
                            f"{path}: broken archive: the record at offset {lost} is cut short"
                        )
                        yield f"{path}@{lost}", InputError("ND013", message)
            except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError) as exc:
                lost = _cut_member(handle, offset) if gzipped else None
                if lost is not None:
                    message = f"{path}: broken archive: the record at offset {lost} is cut short"
                    yield f"{path}@{lost}", InputError("ND013", message)
                    return
                if count and not resumed:
                    yield f"{path}@{offset}", InputError("ND013", _broken_after(path, offset, exc))
                if count:
                    start = _next_record_start(handle, scan_from + 1, gzipped)
                    resumed = True
        if count == 0:
            yield str(path), InputError("ND013", f"{path}: no records: not a WARC or ARC file")
        elif pages == 0:
            yield str(path), InputError("ND013", f"{path}: no HTML responses in {count} records")


def _record_item(
    path: Path, records: _Records, record: Any, max_bytes: int
) -> tuple[Item | None, bool]:
    """One record as an article, a failure or None (a record that is no HTML page), and
    whether the file was cut short in this record."""
    wanted = record.rec_type == "response" and record.http_headers is not None
    if wanted:
        content_type = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode()
        wanted = "html" in content_type.lower() and status == "200"
    # Read the payload before asking for the offset: finding the offset reads the record
    # through to its end.
    payload = record.content_stream().read(max_bytes + 1)
    offset = records.get_record_offset()
    source = f"{path}@{offset}"
    if len(payload) > max_bytes:
        return (source, too_large(source, max_bytes, "record")), False
    if getattr(record.raw_stream, "limit", 0):
        # Fewer bytes than the record's Content-Length: the file was cut short.
        message = f"{path}: broken archive: the record at offset {offset} is cut short"
        return (source, InputError("ND013", message)), True
    if not wanted or records.err_count:
        return None, False
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        page = extract_page(payload.decode("utf-8", errors="replace"), source, url)
    except InputError as exc:
        return (source, exc), False
    article = Article(
        source=url or source,
        original=page.as_text(),
        published=page.published,
        url=url or page.url,
        author=page.author,
        site_name=page.site_name,
    )
    return article, False


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
