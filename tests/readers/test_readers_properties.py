"""Readers on arbitrary input (Hypothesis): every record read or refused with its code, never
an exception, and every string that comes out encodes as UTF-8 so it can be stored."""

from __future__ import annotations

import gzip
import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.model import Article
from newsdesk.readers.text import InputFailure, read_articles

SUFFIXES = (".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".rss", ".txt.gz", ".jsonl.gz")
CODE = re.compile(r"\[ND\d{3}\]")
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes that look like each kind of input, more or less: real markers mixed with noise.
_MARKERS = st.sampled_from(
    [
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
        b"<html><body><article><p>",
        b"</p></article></body></html>",
        b'{"text": "',
        b'"}\n',
        b"<rss><channel><item><description>",
        b"\x1f\x8b\x08\x00",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\n\n",
        b"The mayor said on Monday that the bridge would reopen. ",
        "“Quoted,” she said — café\u0301".encode(),
        b"\x00\x01\x02",
        b"\xed\xa0\x80",
    ]
)
_NOISY_BYTES = st.lists(st.one_of(_MARKERS, st.binary(max_size=40)), max_size=25).map(b"".join)


def _read(name: str, data: bytes) -> list[Article | InputFailure]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        results = list(read_articles([str(path)], max_bytes=200_000))
        # Reading a directory holding the file gives the same records.
        again = list(read_articles([folder], max_bytes=200_000))
    assert len(again) == len(results) or not results
    return results


def _check(results: list[Article | InputFailure]) -> None:
    for result in results:
        if isinstance(result, InputFailure):
            assert CODE.search(str(result.error)), result.error
            str(result.error).encode("utf-8")
            result.source.encode("utf-8")
        else:
            for value in (result.source, result.original, result.url, result.author):
                if value is not None:
                    value.encode("utf-8")
            assert result.original.strip()


@PROPERTY
@given(suffix=st.sampled_from(SUFFIXES), data=_NOISY_BYTES)
def test_any_bytes_under_any_name_are_read_or_refused_with_a_code(suffix: str, data: bytes) -> None:
    _check(_read("input" + suffix, data))


@PROPERTY
@given(data=_NOISY_BYTES)
def test_gzipped_noise_is_read_like_the_noise(data: bytes) -> None:
    _check(_read("input.txt.gz", gzip.compress(data)))


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["text", "html", "title", "url", "x"]), children)
    ),
    max_leaves=12,
)


@PROPERTY
@given(records=st.lists(_JSON_VALUES, min_size=1, max_size=8))
def test_each_json_line_gives_one_article_or_one_failure(records: list[object]) -> None:
    lines = [json.dumps(record) for record in records]
    results = _read("feed.jsonl", ("\n".join(lines) + "\n").encode())
    _check(results)
    assert len(results) == len(lines)


@PROPERTY
@given(
    text=st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
        min_size=1,
        max_size=300,
    ).filter(lambda t: any(c.isalpha() for c in t))
)
def test_utf8_text_is_read_back_as_written(text: str) -> None:
    results = _read("story.txt", text.encode("utf-8"))
    _check(results)
    [result] = results
    if isinstance(result, Article):
        assert result.original.split() == text.split()
