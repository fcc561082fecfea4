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

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")

Item = Article | tuple[str, InputError]


def read_warc(path: Path) -> Iterator[Item]:
    """Articles of the HTML responses in a WARC or ARC file (plain or gzipped).

    A record that is not an article, or a file that ends mid-record, is a failure naming the
    file and the record's offset; the records before it are kept.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield str(path), InputError("ND008", f"{path}: cannot read: {exc.strerror or exc}")
        return
    with handle:
        records = ArchiveIterator(handle, arc2warc=True)
        offset = 0
        try:
            for record in records:
                wanted = record.rec_type == "response" and record.http_headers is not None
                if wanted:
                    content_type = record.http_headers.get_header("Content-Type") or ""
                    status = record.http_headers.get_statuscode()
                    wanted = "html" in content_type.lower() and status == "200"
                # Read the payload before asking for the offset: finding the offset reads the
                # record through to its end.
                payload = record.content_stream().read()
                offset = records.get_record_offset()
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


def _plain(html: str) -> str:
    """Paragraph text of an HTML fragment (a feed item's content)."""
    try:
        root = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n\n" + (block.tail or "")
    return "\n\n".join(p.strip() for p in root.text_content().split("\n\n") if p.strip())


def read_feed(path: Path) -> Iterator[Item]:
    """Articles of an RSS or Atom feed: each item's content (or summary) with its title,
    link and date."""
    feed = feedparser.parse(str(path))
    if feed.bozo and not feed.entries:
        reason = str(getattr(feed, "bozo_exception", "not a feed")).splitlines()[0]
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
