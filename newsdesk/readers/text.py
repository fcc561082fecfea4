"""Input files, directories of them and standard input: plain text and HTML pages."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from newsdesk.errors import InputError
from newsdesk.model import Article
from newsdesk.readers.archives import FEED_SUFFIXES, WARC_SUFFIXES, read_feed, read_warc
from newsdesk.readers.html import extract_page
from newsdesk.readers.jsonl import JSONL_SUFFIXES, read_jsonl

# An article is a few kilobytes; anything past this is not one article (a dump, a log, a
# disk image) and is refused rather than parsed for minutes.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_CONTROL_BYTES = frozenset(range(0, 32)) - {9, 10, 12, 13}


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be read, with the one-line reason."""

    source: str
    error: InputError


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def looks_binary(data: bytes) -> bool:
    """True when bytes are not text: a NUL byte, or many control bytes, near the start."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    return bool(sample) and controls / len(sample) > 0.05


def decode_text(data: bytes, source: str) -> str:
    """Decode bytes as UTF-8 (BOM allowed), else as the encoding detection finds."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("ND003", f"{source}: cannot decode: not UTF-8 and no encoding fits")
    return str(best)


def _check_size(data: bytes, source: str, max_bytes: int) -> None:
    """Refuse an input over the size limit or with nothing in it."""
    if len(data) > max_bytes:
        raise InputError(
            "ND004",
            f"{source}: file too large ({_megabytes(len(data))}; the limit is "
            f"{_megabytes(max_bytes)}, see --max-bytes)",
        )
    if not data.strip():
        raise InputError("ND005", f"{source}: empty: no text to analyse")


def text_from_bytes(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Check and decode one input's bytes; raise InputError naming the problem."""
    _check_size(data, source, max_bytes)
    if looks_binary(data):
        raise InputError("ND006", f"{source}: binary data, not text")
    text = decode_text(data, source)
    if not text.strip():
        raise InputError("ND005", f"{source}: empty: no text to analyse")
    return text


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the decoded text of one file; raise InputError naming the file and problem."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                "ND004",
                f"{source}: file too large ({_megabytes(size)}; the limit is "
                f"{_megabytes(max_bytes)}, see --max-bytes)",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("ND001", f"{source}: no such file") from None
    except IsADirectoryError:
        raise InputError("ND002", f"{source}: is a directory") from None
    except PermissionError:
        raise InputError("ND007", f"{source}: permission denied") from None
    except OSError as exc:
        raise InputError("ND008", f"{source}: cannot read: {exc.strerror or exc}") from None
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
                if p.is_file()
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
    has one; ``published`` otherwise).
    """
    for item in expand_inputs(paths):
        if isinstance(item, InputFailure):
            yield item
            continue
        kind = _kind(item)
        many = {"jsonl": read_jsonl, "warc": read_warc, "feed": read_feed}.get(kind or "")
        if many is not None and not (kind == "jsonl" and item.lower().endswith(".gz")):
            if not Path(item).exists():
                yield InputFailure(item, InputError("ND001", f"{item}: no such file"))
                continue
            for record in many(Path(item)):
                if isinstance(record, Article):
                    if published and not record.published:
                        record = record.with_updates(published=published)
                    yield record
                else:
                    yield InputFailure(*record)
            continue
        url = None
        page_date = None
        author = None
        try:
            if item == "-":
                text = text_from_bytes(sys.stdin.buffer.read(), "<stdin>", max_bytes)
            elif _kind(item) == "html":
                page = extract_page(read_html_file(Path(item), max_bytes), item)
                text, url, page_date = page.as_text(), page.url, page.published
                author = page.author
            else:
                text = read_text_file(Path(item), max_bytes)
        except InputError as exc:
            yield InputFailure(item, exc)
            continue
        source = "<stdin>" if item == "-" else item
        date = (date_from_path(item) if published_from_path else None) or page_date or published
        yield Article(source=source, original=text, published=date, url=url, author=author)


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
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("ND001", f"{source}: no such file") from None
    except OSError as exc:
        raise InputError("ND008", f"{source}: cannot read: {exc.strerror or exc}") from None
    if source.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError("ND011", f"{source}: corrupt gzip: {exc}") from None
    _check_size(data, source, max_bytes)
    return decode_text(data, source)
