"""A real server for the web tests: the bundled samples (and the seed, when the shared data is
beside the checkout) ingested into a SQLite file, served by Uvicorn on a loopback port."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store
from newsdesk.web import WebSettings, create_app
from tests.conftest import ROOT, SEED_TEXT

SAMPLES = ROOT / "samples"
TOKEN = "test-token-for-writes"
# The seed's publication date (its gold gives it); the samples carry theirs in their names.
SEED_PUBLISHED = "2022-01-10"


@dataclass(frozen=True)
class Served:
    """A running server: its base URL and the database behind it."""

    url: str
    db: Path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _serve(settings: WebSettings) -> Iterator[Served]:
    """Run the app on a loopback port in a thread until the test session is done."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield Served(f"http://127.0.0.1:{port}", settings.db)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """The samples, and the seed when present, ingested once for every web test."""
    db = tmp_path_factory.mktemp("web") / "corpus.db"
    with open_store(db) as store:
        ingest([str(SAMPLES)], store, pipeline, IngestOptions(published_from_path=True))
        if SEED_TEXT.exists():
            ingest([str(SEED_TEXT)], store, pipeline, IngestOptions(published=SEED_PUBLISHED))
    return db


@pytest.fixture(scope="session")
def server(corpus_db: Path) -> Iterator[Served]:
    """The corpus served read-only, as ``newsdesk serve`` does without a token."""
    yield from _serve(WebSettings(db=corpus_db))


@pytest.fixture(scope="session")
def writable_server(tmp_path_factory: pytest.TempPathFactory, corpus_db: Path) -> Iterator[Served]:
    """A copy of the corpus served with a write token (``TOKEN``)."""
    db = tmp_path_factory.mktemp("web-writes") / "corpus.db"
    shutil.copyfile(corpus_db, db)
    yield from _serve(WebSettings(db=db, token=TOKEN))
