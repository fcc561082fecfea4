"""The ASGI application: its routes (the API and the pages), security headers, and errors that
answer with a status and a message, never a stack trace. What a request reads (settings, a
store) is in :mod:`newsdesk.web.state`."""

from __future__ import annotations

import gc
import os
import sqlite3
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsdesk import __version__
from newsdesk.errors import NewsdeskError
from newsdesk.store import open_store
from newsdesk.web.api import install_api
from newsdesk.web.pages import pages
from newsdesk.web.state import StoreReaders, WebSettings

STATIC = Path(__file__).parent / "static"
# Where a server process started by `newsdesk serve --workers N` finds its database and token.
DB_VARIABLE = "NEWSDESK_SERVE_DB"
TOKEN_VARIABLE = "NEWSDESK_TOKEN"

# Pages load their own script and style only: no inline script, nothing from elsewhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class Guard:
    """ASGI middleware around the whole application: a body over the size limit is refused
    before it is read, every answer carries the security headers, and a crash is answered
    500 without a trace."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length", "0")
        if not length.isdigit() or int(length) > self.max_body_bytes:
            await _error(413, f"request body over {self.max_body_bytes} bytes")(
                scope, receive, send
            )
            return
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            if started:  # the answer has begun: nothing better can be sent now
                raise
            await _error(500, "internal error")(scope, receive, send)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=SECURITY_HEADERS)


# Allocations between two collections of the youngest generation in a server process (Python's
# default is 700): a page allocates thousands of short-lived objects.
SERVER_GC_THRESHOLD = 50_000


def settle_for_serving() -> None:
    """Tune this process's garbage collector for serving: what start-up built (modules,
    templates, models) is moved out of its sight, so a full collection no longer walks it
    (on 100,000 articles such pauses were the slowest 1% of article pages, near 90 ms), and the
    youngest generation is collected less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(SERVER_GC_THRESHOLD, *gc.get_threshold()[1:])


def create_app(settings: WebSettings) -> FastAPI:
    """Build the application serving the store at ``settings.db``."""
    if not settings.db.exists():
        raise NewsdeskError("ND030", f"{settings.db}: no such database; run newsdesk ingest first")
    open_store(settings.db, read_only=True).close()  # refuse a file that is not a store now
    app = FastAPI(
        title="newsdesk",
        version=__version__,
        description="Who said what, about whom, when and where, across a news corpus.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.readers = StoreReaders(settings.db)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return _error(422, "; ".join(problems) or "invalid request")

    @app.exception_handler(NewsdeskError)
    async def refused(_request: Request, exc: NewsdeskError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(sqlite3.Error)
    async def database(_request: Request, exc: sqlite3.Error) -> JSONResponse:
        return _error(503, f"the database cannot answer now: {type(exc).__name__}")

    app.add_middleware(Guard, max_body_bytes=settings.max_body_bytes)
    app.router.add_event_handler("shutdown", app.state.readers.close)
    install_api(app, settings)
    app.include_router(pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def app_from_environment() -> FastAPI:
    """The application a worker process of ``newsdesk serve --workers N`` builds from the
    database and token its environment names."""
    token = os.environ.get(TOKEN_VARIABLE) or None
    app = create_app(WebSettings(db=Path(os.environ[DB_VARIABLE]), token=token))
    app.router.add_event_handler("startup", settle_for_serving)
    return app
