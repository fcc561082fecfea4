"""WARC files and feeds as input, written here with the real libraries' own writers."""

from __future__ import annotations

import gzip
import re
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.model import Article
from newsdesk.readers.text import InputFailure, read_articles

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>The old bridge over the river closed on Monday after engineers found cracks in two of its
supports, city officials said in a statement published on the council website.</p>
<p>Repairs will take about a year and cost several million euros, the mayor said.</p>
</article></body></html>"""


def _warc(path: Path, titles: list[str]) -> None:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for number, title in enumerate(titles):
            body = PAGE.format(title=title).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://news.example/{number}",
                "response",
                payload=BytesIO(body),
                http_headers=headers,
            )
            writer.write_record(record)
        image = writer.create_warc_record(
            "https://news.example/logo.png",
            "response",
            payload=BytesIO(b"\x89PNG"),
            http_headers=StatusAndHeaders(
                "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
            ),
        )
        writer.write_record(image)


def test_warc_html_responses_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path, ["Bridge closes for repairs", "Tram line opens"])
    results = list(read_articles([str(path)]))
    articles = [r for r in results if not isinstance(r, InputFailure)]
    assert [a.url for a in articles] == ["https://news.example/0", "https://news.example/1"]
    assert articles[0].original.startswith("Bridge closes for repairs")
    assert not [r for r in results if isinstance(r, InputFailure)]


def test_truncated_warc_keeps_what_came_before(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    _warc(whole, ["First story here", "Second story here", "Third story here"])
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"  # uncompressed: cut inside a record
    cut.write_bytes(data[: int(len(data) * 0.55)])
    results = list(read_articles([str(cut)]))
    articles = [r for r in results if not isinstance(r, InputFailure)]
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert 1 <= len(articles) < 3
    assert len(failures) == 1 and "broken archive" in failures[0].error.message


FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Daily Planet</title>
<item><title>Bridge closes for repairs</title><link>https://planet.example/bridge</link>
<pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The old bridge closed on Monday, officials said.&lt;/p&gt;&lt;p&gt;Repairs
will take a year.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://planet.example/empty</link><description></description>
</item>
</channel></rss>"""


def test_feed_items_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "planet.rss"
    path.write_text(FEED, "utf-8")
    results = list(read_articles([str(path)]))
    [article] = [r for r in results if not isinstance(r, InputFailure)]
    assert article.original == (
        "Bridge closes for repairs\n\nThe old bridge closed on Monday, officials said.\n\n"
        "Repairs\nwill take a year."
    )
    assert (article.published, article.url) == ("2024-05-06", "https://planet.example/bridge")
    [failure] = [r for r in results if isinstance(r, InputFailure)]
    assert "has no text" in failure.error.message


def test_a_file_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(b"\x00\x01 not xml at all")
    [failure] = list(read_articles([str(path)]))
    assert isinstance(failure, InputFailure)
    assert "not a readable feed" in failure.error.message


def _cut_warc(tmp_path: Path, keep_of_second: int) -> list[Article | InputFailure]:
    """What reading gives for a gzipped WARC of three pages cut inside its second record's
    gzip member after ``keep_of_second`` of its bytes, or that many short of its end when
    negative (records are found by their
    offsets: their ids and dates differ at each run, so a fixed share of the file would fall
    on a different place of it each time)."""
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, ["First story here", "Second story here", "Third story here"])
    with whole.open("rb") as handle:
        records = ArchiveIterator(handle)
        places = [(records.get_record_offset(), records.get_record_length()) for _ in records]
    second_start, second_length = places[1]
    cut = tmp_path / "cut.warc.gz"
    kept = keep_of_second if keep_of_second >= 0 else second_length + keep_of_second
    cut.write_bytes(whole.read_bytes()[: second_start + kept])
    return list(read_articles([str(cut)]))


def test_truncated_gzipped_warc_too(tmp_path: Path) -> None:
    # The member's 8-byte trailer and the end of its compressed stream are lost.
    results = _cut_warc(tmp_path, keep_of_second=-14)
    assert 1 <= len([r for r in results if not isinstance(r, InputFailure)]) < 3
    [failure] = [r for r in results if isinstance(r, InputFailure)]
    assert "cut short" in failure.error.message


@pytest.mark.parametrize("keep_of_second", [1, 20, 71, 100, 200, 400, 540, 600, 617])
def test_a_gzipped_warc_cut_anywhere_reports_the_lost_record(
    tmp_path: Path, keep_of_second: int
) -> None:
    # Cut in a member's header, its compressed stream or its trailer, or in the next record's.
    results = _cut_warc(tmp_path, keep_of_second)
    failures = [r.error.message for r in results if isinstance(r, InputFailure)]
    assert len(failures) == 1 and "cut short" in failures[0], failures
    assert results[0] == next(r for r in results if not isinstance(r, InputFailure))


def test_a_whole_gzipped_warc_reports_nothing(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, ["First story here", "Second story here", "Third story here"])
    results = list(read_articles([str(whole)]))
    assert len(results) == 3 and not any(isinstance(r, InputFailure) for r in results)


def _with_first_length(data: bytes, change: int) -> bytes:
    """A WARC whose first record's Content-Length is off by ``change`` bytes."""
    head, _, rest = data.partition(b"Content-Length: ")
    digits = rest.split(b"\r\n", 1)[0]
    return head + b"Content-Length: " + str(int(digits) + change).encode() + rest[len(digits) :]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
@pytest.mark.parametrize("change", [-200, +300])
def test_a_record_its_length_does_not_end_is_refused_and_the_rest_read(
    tmp_path: Path, name: str, change: int
) -> None:
    whole = tmp_path / "whole.warc"
    _warc(whole, ["First story here", "Second story here", "Third story here"])
    damaged = _with_first_length(whole.read_bytes(), change)
    path = tmp_path / name
    if name.endswith(".gz"):  # one gzip member per record, as crawlers write them
        starts = [m.start() for m in re.finditer(rb"WARC/1\.[01]\r\n", damaged)]
        parts = zip(starts, [*starts[1:], len(damaged)], strict=True)
        damaged = b"".join(gzip.compress(damaged[a:b]) for a, b in parts)
    path.write_bytes(damaged)
    results = list(read_articles([str(path)]))
    articles = [r for r in results if not isinstance(r, InputFailure)]
    assert [a.url for a in articles] == ["https://news.example/1", "https://news.example/2"]
    assert all(a.original.rstrip().endswith("the mayor said.") for a in articles)
    [failure] = [r for r in results if isinstance(r, InputFailure)]
    assert "[ND013]" in str(failure.error) and "Content-Length" in failure.error.message


def test_junk_between_records_is_skipped(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    _warc(whole, ["First story here", "Second story here", "Third story here"])
    data = whole.read_bytes()
    second = data.index(b"WARC/1.0", 10)
    junked = tmp_path / "junk.warc"
    junked.write_bytes(data[:second] + b"not a record\r\nnor this\r\n\r\n" + data[second:])
    results = list(read_articles([str(junked)]))
    articles = [r for r in results if not isinstance(r, InputFailure)]
    assert len(articles) == 3
    [failure] = [r for r in results if isinstance(r, InputFailure)]
    assert "broken archive" in failure.error.message
