"""Ingest with damaged inputs among good ones: each bad one quarantined with its reason, the
rest stored."""

from __future__ import annotations

from pathlib import Path

from newsdesk.corpus.ingest import ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store
from tests.readers.test_archives import _warc

GOOD = (
    "Tram line opens in the old town\n\n"
    "The new tram line through the old town opened on Saturday, two months late, the "
    "transport office said. “It was worth the wait,” the mayor told passengers.\n"
)


def test_each_damaged_input_is_quarantined_and_the_rest_ingested(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, "utf-8")
    (inputs / "corrupt.html.gz").write_bytes(b"\x1f\x8b\x08\x00 this is not gzip data")
    whole = tmp_path / "whole.warc"
    _warc(whole, ["First story here", "Second story here", "Third story here"])
    data = whole.read_bytes()
    (inputs / "cut.warc").write_bytes(data[: int(len(data) * 0.55)])
    (inputs / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (inputs / "blank.html").write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    with (inputs / "dump.txt").open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # a 100 MB file (sparse on disk)

    db = tmp_path / "corpus.db"
    with open_store(db) as store:
        summary = ingest([str(inputs)], store, pipeline)
        reasons = {
            Path(source.split("@")[0]).name: reason
            for source, reason in store.connection.execute("SELECT source, reason FROM quarantine")
        }
        stored = [row[0] for row in store.connection.execute("SELECT source FROM articles")]
    assert set(reasons) == {"corrupt.html.gz", "cut.warc", "image.txt", "blank.html", "dump.txt"}
    assert "corrupt gzip" in reasons["corrupt.html.gz"]
    assert "broken archive" in reasons["cut.warc"]
    assert "binary data" in reasons["image.txt"]
    assert "without article text" in reasons["blank.html"]
    assert "file too large" in reasons["dump.txt"]
    # The good file and the WARC records before the cut are stored.
    assert str(inputs / "good.txt") in stored
    assert any(source.startswith("https://news.example/") for source in stored)
    assert summary.failed == 5 and summary.added == len(stored)
