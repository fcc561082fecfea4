"""The corpus file opens as it is in Datasette, served on loopback."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from newsdesk.corpus.ingest import ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_datasette_serves_the_tables(tmp_path: Path, pipeline: Pipeline) -> None:
    datasette = shutil.which("datasette", path=str(Path(sys.executable).parent))
    if datasette is None:
        pytest.skip("datasette is not installed (it comes with the dev extra: make test)")
    db = tmp_path / "newsdesk.db"
    with open_store(db) as store:
        ingest([str(SAMPLES / "2024-05-07_port_strike.txt")], store, pipeline)
    port = _free_port()
    server = subprocess.Popen(
        [datasette, "serve", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/newsdesk/quotes.json?_shape=array"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    rows = json.loads(response.read())
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        assert rows and rows[0]["speaker"] == "Marieke de Vries"
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/newsdesk/articles.json?_shape=array", timeout=5
        ) as response:
            [article] = json.loads(response.read())
        assert article["title"].startswith("Dock workers in Rotterdam")
    finally:
        server.terminate()
        server.wait(timeout=10)
