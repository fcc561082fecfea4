"""The JSON API under ``/api/``: the store's typed queries over HTTP (:mod:`.reads`), the one
write behind the server's token (:mod:`.writes`), and what every list shares
(:mod:`.params`); all described at ``/openapi.json``."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Match

from newsdesk.web.api.params import document_limits
from newsdesk.web.api.reads import reads
from newsdesk.web.api.writes import ArticleWriter, writes
from newsdesk.web.app import WebSettings

api = APIRouter(prefix="/api", tags=["api"])
api.include_router(reads)
api.include_router(writes)


def install_api(app: FastAPI, settings: WebSettings) -> None:
    """Serve the API from ``app``: its routes, the writer behind ``POST /api/articles``
    (closed with the server) and the server's limits in ``/openapi.json``."""
    writer = ArticleWriter(settings.db)
    app.state.writer = writer
    app.router.add_event_handler("shutdown", writer.close)
    app.include_router(api)
    app.add_exception_handler(HTTPException, _with_every_method)
    document_limits(app, settings)


async def _with_every_method(request: Request, exc: Exception) -> Response:
    """The answer to an HTTP error; a method a path does not take (405) lists in ``Allow``
    every method the path takes, not only those of the first route found for it."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        methods: set[str] = set()
        for route in request.app.routes:
            match, _ = route.matches({**request.scope, "method": "GET"})
            if match != Match.NONE:
                methods |= getattr(route, "methods", None) or set()
        exc.headers = {**(exc.headers or {}), "Allow": ", ".join(sorted(methods))}
    return await http_exception_handler(request, exc)


__all__ = ["api", "install_api"]
