"""What every request can ask for: the server's settings, a read-only store lent from the
server's pool of connections, and whether it bears the server's write token."""

from __future__ import annotations

import queue
import secrets
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request

from newsdesk.store import Store, open_store


@dataclass(frozen=True)
class WebSettings:
    """How one server runs: its database, its write token (None: read-only) and its limits."""

    db: Path
    token: str | None = None
    max_page_size: int = 200
    max_query_chars: int = 500
    max_body_bytes: int = 2_000_000


class StoreReaders:
    """A pool of read-only connections to the store, lent to one request at a time.

    A request's dependencies and its handler may run on different threads of the server's
    pool, so the connections are opened for use from any thread; the pool makes sure no two
    requests share one at once. It grows to the number of requests served at the same time.
    """

    def __init__(self, db: Path) -> None:
        self.db = db
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def borrow(self) -> Store:
        """An idle connection, or a new one when all are lent."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            store = open_store(self.db, read_only=True, any_thread=True)
            with self._lock:
                self._opened.append(store)
            return store

    def give_back(self, store: Store) -> None:
        """Return a connection to the pool."""
        self._idle.put(store)

    def close(self) -> None:
        """Close every connection the pool opened."""
        with self._lock:
            for store in self._opened:
                store.close()
            self._opened.clear()


async def reader(request: Request) -> AsyncIterator[Store]:
    """A read-only store for the length of this request (a FastAPI dependency; taken and given
    back on the event loop, so a request costs no extra trip to a worker thread)."""
    readers: StoreReaders = request.app.state.readers
    store = readers.borrow()
    try:
        yield store
    finally:
        readers.give_back(store)


def settings_of(request: Request) -> WebSettings:
    """The settings of the server answering this request (a FastAPI dependency)."""
    settings: WebSettings = request.app.state.settings
    return settings


async def server_settings(request: Request) -> WebSettings:
    """The settings of the server answering this request, as a FastAPI dependency (run on the
    event loop: it blocks on nothing)."""
    return settings_of(request)


def token_matches(settings: WebSettings, header: str | None) -> bool:
    """True when the request's ``Authorization: Bearer`` header carries the server's token."""
    if settings.token is None or header is None:
        return False
    scheme, _, given = header.partition(" ")
    return scheme.lower() == "bearer" and secrets.compare_digest(given.strip(), settings.token)
