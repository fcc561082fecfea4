"""A run killed with SIGKILL midway, then run again, ends with the same corpus as one run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CONTENT = (
    "SELECT a.source, a.text, a.published, "
    "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
    "(SELECT count(*) FROM entities e WHERE e.article_id = a.id), "
    "(SELECT count(*) FROM events v WHERE v.article_id = a.id) "
    "FROM articles a ORDER BY a.source"
)
COPIES = 5  # of each sample, each a distinct text: enough batches to be killed between


def _corpus(directory: Path) -> Path:
    directory.mkdir()
    for copy in range(COPIES):
        for sample in sorted(SAMPLES.glob("*.txt")):
            text = sample.read_text("utf-8") + f"\nThis is copy {copy + 1} of the story.\n"
            (directory / f"{sample.stem}_{copy}.txt").write_text(text, "utf-8")
    return directory


def _ingest(corpus: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "newsdesk", "ingest", str(corpus), "--db", str(db)]
    return subprocess.Popen(
        [*command, "--published-from-path", "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _articles(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_killed_run_then_rerun_equals_one_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    total = len(list(corpus.glob("*.txt")))
    whole = tmp_path / "whole.db"
    assert _ingest(corpus, whole).wait(timeout=300) == 0
    assert _articles(whole) == total

    crashed = tmp_path / "crashed.db"
    process = _ingest(corpus, crashed)
    deadline = time.monotonic() + 240
    while _articles(crashed) < 1 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    stored_before = _articles(crashed)
    assert 0 < stored_before < total, "the run should have been killed midway"

    assert _ingest(corpus, crashed).wait(timeout=300) == 0
    with sqlite3.connect(whole) as a, sqlite3.connect(crashed) as b:
        assert a.execute(CONTENT).fetchall() == b.execute(CONTENT).fetchall()
        assert b.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert b.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0
