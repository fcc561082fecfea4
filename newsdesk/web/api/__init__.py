"""The JSON API under ``/api/``: the store's typed queries over HTTP (:mod:`.reads`), the one
write behind the server's token (:mod:`.writes`), and what every list shares
(:mod:`.params`); all described at ``/openapi.json``."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

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
    document_limits(app, settings)


__all__ = ["api", "install_api"]
