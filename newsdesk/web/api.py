"""The JSON API under ``/api/``: the store's typed queries over HTTP, described at
``/openapi.json``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from newsdesk.store import CorpusCounts, Store
from newsdesk.web.app import reader

api = APIRouter(prefix="/api", tags=["api"])

StoreReader = Annotated[Store, Depends(reader)]


@api.get("/counts")
def counts(store: StoreReader) -> CorpusCounts:
    """How much the corpus holds: articles, statements, speakers, stories, events."""
    return store.overview()
