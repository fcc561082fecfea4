"""Input files, directories of them and standard input: plain text and HTML pages."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from newsdesk.errors import InputError, unexpected
from newsdesk.model import Article
from newsdesk.readers.archives import FEED_SUFFIXES, WARC_SUFFIXES, read_feed, read_warc
from newsdesk.readers.html import extract_page
from newsdesk.readers.jsonl import JSONL_SUFFIXES, read_jsonl
from newsdesk.readers.limits import DEFAULT_MAX_BYTES as DEFAULT_MAX_BYTES  # read_articles' default
from newsdesk.readers.limits import (
    clean_text,
    display_name,
    gunzip_bounded,
    is_gzip,
    prose_problem,
    read_bounded,
    too_large,
)

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13}


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be read, with the one-line reason."""

    source: str
    error: InputError


def looks_binary(data: bytes) -> bool:
    """True when bytes are not text: a NUL byte, or many control bytes, near the start."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return bool(sample) and controls / len(sample) > 0.05


# Byte-order marks and the encodings they announce (UTF-32 first: its LE mark starts with
# UTF-16's).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xef\xbb\xbf", "utf-8"),
)
# Bytes cp1252 leaves undefined: text holding them is not cp1252.
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def _western(data: bytes) -> bool:
    """True for bytes that read as English in cp1252 (Latin-1's superset): mostly ASCII, the
    rest accented letters and typographic punctuation, no byte cp1252 leaves undefined. Such
    text is far more often Windows-1252 than a rarer code page detection may prefer."""
    high = [b for b in data if b >= 0x80]
    if not high or any(b in _CP1252_UNDEFINED for b in high):
        return False
    letters = sum(1 for b in data if 0x41 <= (b | 0x20) <= 0x7A)
    return len(high) <= 0.05 * len(data) and letters >= 0.5 * len(data)


def decode_text(data: bytes, source: str) -> str:
    """Decode bytes as the byte-order mark says (UTF-8, -16, -32), else as UTF-8, else as
    cp1252 when that reads as English, else as the encoding detection finds."""
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, length = bom
        try:
            return data[length:].decode(encoding)
        except UnicodeDecodeError:
            raise InputError("ND003", f"{source}: cannot decode: not {encoding}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _western(data):
        return data.decode("cp1252")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("ND003", f"{source}: cannot decode: not UTF-8 and no encoding fits")
    return str(best)


def _check_size(data: bytes, source: str, max_bytes: int) -> None:
    """Refuse an input over the size limit or with nothing in it."""
    if len(data) > max_bytes:
        raise too_large(source, max_bytes)
    if not data.strip():
        raise InputError("ND005", f"{source}: empty: no text to analyse")


def text_from_bytes(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Check and decode one input's bytes; raise InputError naming the problem."""
    _check_size(data, source, max_bytes)
    if _bom_encoding(data) is None and looks_binary(data):
        raise InputError("ND006", f"{source}: binary data, not text")
    text = decode_text(data, source)
    if not text.strip():
        raise InputError("ND005", f"{source}: empty: no text to analyse")
    return text


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the decoded text of one file (gzipped or not); raise InputError naming the file
    and problem."""
    data = read_bounded(path, max_bytes)
    source = display_name(str(path))
    if is_gzip(data):
        data = gunzip_bounded(data, source, max_bytes)
    return text_from_bytes(data, source, max_bytes)


def expand_inputs(paths: list[str]) -> Iterator[str | InputFailure]:
    """Yield the input names behind ``paths``: files as given, directories as their text files."""
    for name in paths:
        if name == "-":
            yield name
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if not p.is_dir()  # pipes and devices too: refused, with the reason, later
                and _kind(p.name) is not None
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                suffixes = ", ".join(
                    sorted(TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES)
                    + list(WARC_SUFFIXES + FEED_SUFFIXES)
                )
                yield InputFailure(
                    name, InputError("ND009", f"{name}: no articles in directory ({suffixes})")
                )
            yield from (str(f) for f in files)
        else:
            yield name


_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_/]?([01]\d)[-_/]?([0-3]\d)(?!\d)")


def date_from_path(path: str) -> str | None:
    """The publication date a file name or URL carries (``2022-01-10``, ``2022/01/10``)."""
    for match in _PATH_DATE.finditer(path):
        year, month, day = (int(g) for g in match.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def read_articles(
    paths: list[str],
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published_from_path: bool = False,
) -> Iterator[Article | InputFailure]:
    """Yield an unprocessed article, or the failure, for every input behind ``paths``.

    With ``published_from_path``, a date in the file's path is its publication date (when it
    has one; ``published`` otherwise). Every string yielded encodes as UTF-8: file names that
    are not UTF-8 and lone surrogates from JSON escapes come out as U+FFFD.
    """
    for item in _read_articles(paths, published, max_bytes, published_from_path):
        if isinstance(item, InputFailure):
            error = InputError(item.error.code, clean_text(item.error.message))
            yield InputFailure(clean_text(item.source), error)
            continue
        source = clean_text(item.source)
        problem = prose_problem(item.original, source)
        if problem is not None:
            yield InputFailure(source, problem)
            continue
        fields = ("source", "original", "published", "url", "author", "outlet")
        changes = {
            name: clean_text(value)
            for name in fields
            if isinstance(value := getattr(item, name), str) and clean_text(value) != value
        }
        yield item.with_updates(**changes) if changes else item


def _read_articles(
    paths: list[str],
    published: str | None,
    max_bytes: int,
    published_from_path: bool,
) -> Iterator[Article | InputFailure]:
    for item in expand_inputs(paths):
        if isinstance(item, InputFailure):
            yield item
            continue
        kind = _kind(item)
        many = {"jsonl": read_jsonl, "warc": read_warc, "feed": read_feed}.get(kind or "")
        if many is not None:
            try:
                for record in many(Path(item), max_bytes):
                    if isinstance(record, Article):
                        if published and not record.published:
                            record = record.with_updates(published=published)
                        yield record
                    else:
                        yield InputFailure(*record)
            except Exception as exc:  # a reader's bug must not end the run
                yield InputFailure(item, unexpected("ND017", item, "cannot read", exc))
            continue
        url = None
        page_date = None
        author = None
        site = None
        try:
            if item == "-":
                text = text_from_bytes(sys.stdin.buffer.read(max_bytes + 1), "<stdin>", max_bytes)
            elif _kind(item) == "html":
                page = extract_page(read_html_file(Path(item), max_bytes), item)
                text, url, page_date = page.as_text(), page.url, page.published
                author, site = page.author, page.site_name
            else:
                text = read_text_file(Path(item), max_bytes)
        except InputError as exc:
            yield InputFailure(item, exc)
            continue
        except Exception as exc:  # a reader's bug must not end the run
            yield InputFailure(item, unexpected("ND017", item, "cannot read", exc))
            continue
        source = "<stdin>" if item == "-" else item
        date = (date_from_path(item) if published_from_path else None) or page_date or published
        yield Article(
            source=source, original=text, published=date, url=url, author=author, site_name=site
        )


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return "warc"
    if lower.endswith(FEED_SUFFIXES):
        return "feed"
    if lower.endswith(".gz"):
        lower = lower[:-3]
    suffix = lower[lower.rfind(".") :] if "." in lower else ""
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def read_html_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The decoded HTML of a page file (``.html``, ``.htm``, optionally gzipped)."""
    data = read_bounded(path, max_bytes)
    source = display_name(str(path))
    if is_gzip(data) or source.lower().endswith(".gz"):
        data = gunzip_bounded(data, source, max_bytes)
    _check_size(data, source, max_bytes)
    return decode_text(data, source)
