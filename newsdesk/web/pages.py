"""The pages: server-rendered HTML (Jinja2) over the same queries as the API."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from newsdesk.store import Store
from newsdesk.web.app import reader

# Every value a template prints is escaped, whatever the template's name.
TEMPLATES = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
    )
)

pages = APIRouter(include_in_schema=False)

StoreReader = Annotated[Store, Depends(reader)]


@pages.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreReader) -> HTMLResponse:
    """The corpus at a glance."""
    return TEMPLATES.TemplateResponse(request, "home.html", {"counts": store.overview()})
