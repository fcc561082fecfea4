"""Small generated shards (a gzipped WARC, JSON Lines files, a missing file) built from the
bundled samples, the reference database ``ingest`` makes of them, and one Ray cluster for
the whole session."""

from __future__ import annotations

import importlib.util
import json
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from io import BytesIO
from pathlib import Path
from types import FrameType

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdesk.batch import BatchOptions, load_batch, run_batch
from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.txt"))
NOT_ENGLISH = (
    "Die Hafenarbeiter in Rotterdam haben am Dienstag beschlossen, ihren Streik um eine "
    "weitere Woche zu verlängern, sagte die Gewerkschaft. Die Hafenbehörde teilte mit, dass "
    "etwa vierzig Schiffe vor Anker warten und dass der Rückstand mindestens zehn Tage "
    "dauern wird, wenn die Arbeit wieder aufgenommen wird. Niemand wollte sich dazu äußern."
)
# A line on every page of the WARC's site: learned as its chrome.
CHROME_LINE = "Follow the Harbour Gazette on Mastodon"
# Columns whose values are the time a row was written: they differ between any two runs.
TIMESTAMPS = frozenset({"ingested_at", "seen_at", "at", "learned_at", "started", "finished"})


def _page(text: str) -> bytes:
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    title = paragraphs[0]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs[1:])
    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\n"
    return (html + body + "</article></body></html>").encode("utf-8")


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    """A gzipped WARC of HTML responses, one per (url, text)."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, text in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(_page(text)), http_headers=headers
            )
            writer.write_record(record)


def _record(sample: Path, url: str) -> str:
    published = sample.name[:10]
    text = sample.read_text("utf-8")
    return json.dumps({"url": url, "published": published, "text": text}, ensure_ascii=False)


def make_shards(directory: Path) -> list[str]:
    """Four shards: a WARC of six stories of one site (its share lines are learned as chrome)
    and a page not in English; a JSON Lines file of the other stories, with a near copy of a
    WARC story (the wire copy of the port strike) and a line that is not JSON; a JSON Lines
    file whose record is an exact copy from another site; a file that does not exist."""
    directory.mkdir(parents=True, exist_ok=True)
    wire = [s for s in SAMPLES if "wire_copy" in s.name]
    others = [s for s in SAMPLES if s not in wire]
    warc = directory / "a.warc.gz"
    pages = [
        (f"https://harbour.example/{s.stem}", s.read_text("utf-8") + f"\n\n{CHROME_LINE}\n")
        for s in others[:6]
    ]
    write_warc(warc, [*pages, ("https://harbour.example/de", f"Hafen\n\n{NOT_ENGLISH}")])
    jsonl = directory / "b.jsonl"
    lines = [_record(s, f"https://daily.example/{s.stem}") for s in [*others[6:], *wire]]
    jsonl.write_text("\n".join([*lines[:2], "{not json", *lines[2:]]) + "\n", "utf-8")
    copies = directory / "c.jsonl"
    copies.write_text(_record(others[7], f"https://copies.example/{others[7].stem}") + "\n")
    return [str(warc), str(jsonl), str(copies), str(directory / "missing.warc.gz")]


def table_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (full-text indexes aside), timestamps left out, sorted."""
    with sqlite3.connect(db) as connection:
        names = [
            str(row[0])
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        rows = {}
        for name in names:
            columns = [
                f'"{c[1]}"'
                for c in connection.execute(f"PRAGMA table_info({name})")
                if c[1] not in TIMESTAMPS
            ]
            found = connection.execute(f"SELECT {', '.join(columns)} FROM {name}").fetchall()
            rows[name] = sorted(found, key=repr)
    return rows


@pytest.fixture(scope="session")
def shards(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return make_shards(tmp_path_factory.mktemp("shards"))


@pytest.fixture(scope="session")
def ingested(
    shards: list[str], pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The database ``ingest`` makes of the shards, in this process."""
    db = tmp_path_factory.mktemp("ingested") / "ingested.db"
    with open_store(db) as store:
        ingest(shards, store, pipeline, IngestOptions(engine="inprocess"))
    return db


@pytest.fixture(scope="session")
def local_batch(
    shards: list[str], pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The shards written by the local engine with two worker processes."""
    out = tmp_path_factory.mktemp("local") / "out"
    summary = run_batch(shards, out, pipeline, BatchOptions(workers=2))
    assert (summary.shards, summary.written, summary.problems) == (4, 4, [])
    return out


def load(out: Path, db: Path) -> None:
    """Load a batch into a database."""
    with open_store(db) as store:
        load_batch(out, store)


@contextmanager
def alarm(seconds: int) -> Iterator[None]:
    """Raise TimeoutError in the block once ``seconds`` have passed, rather than hang."""

    def expire(_signal: int, _frame: FrameType | None) -> None:
        raise TimeoutError(f"over {seconds} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def time_limit() -> Iterator[None]:
    """Fail the test, rather than hang the run, after 90 seconds."""
    with alarm(90):
        yield


def listening() -> set[str]:
    """The local addresses that TCP sockets of this machine listen on (``ss -ltn``)."""
    table = subprocess.run(["ss", "-ltn"], capture_output=True, text=True, check=True).stdout
    return {line.split()[3] for line in table.splitlines()[1:] if line.split()}


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[set[str]]:
    """One Ray cluster on this machine, on loopback only, for every Ray test of the session,
    shut down at its end; yields the addresses listened on before it started."""
    if importlib.util.find_spec("ray") is None:
        pytest.skip("Ray is not installed (pip install 'newsdesk[ray]')")
    from newsdesk.batch.cluster import ray_session

    before = listening()
    with ExitStack() as stack:
        with alarm(60):
            stack.enter_context(ray_session(cpus=2))
        yield before
