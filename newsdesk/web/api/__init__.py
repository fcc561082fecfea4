"""The JSON API under ``/api/``: the store's typed queries over HTTP (:mod:`.reads`), the one
write behind the server's token (:mod:`.writes`), and what every list shares
(:mod:`.params`); all described at ``/openapi.json``."""

from __future__ import annotations

import re

from fastapi import APIRouter, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from starlette.exceptions import HTTPException
from starlette.responses import Response

from newsdesk.web.api.params import document_limits
from newsdesk.web.api.reads import reads
from newsdesk.web.api.writes import ArticleWriter, writes
from newsdesk.web.state import WebSettings

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
    """The answer to an HTTP error; a method an API path does not take (405) lists in
    ``Allow`` every method ``/openapi.json`` gives the path, not only the first route's."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        methods = _described_methods(request.app, request.url.path)
        if methods:
            exc.headers = {**(exc.headers or {}), "Allow": ", ".join(methods)}
    return await http_exception_handler(request, exc)


def _described_methods(app: FastAPI, path: str) -> list[str]:
    """The methods the API description gives the path template ``path`` fits."""
    for template, operations in app.openapi().get("paths", {}).items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, path):
            return sorted(method.upper() for method in operations)
    return []


__all__ = ["api", "install_api"]
