"""The pages: server-rendered HTML (Jinja2) over the store, readable without JavaScript.

One module per kind of page: the home page and its CSV cards (``home``), search
(``search``), articles and stories (``articles``), speakers and entities (``people``) and the
timeline (``timeline``). ``markup`` turns an article's stored text into HTML and ``render``
holds what they share.
"""

from __future__ import annotations

from fastapi import APIRouter

from newsdesk.web.pages import articles, home, people, search, timeline

pages = APIRouter(include_in_schema=False)
for module in (home, search, articles, people, timeline):
    pages.include_router(module.router)

__all__ = ["pages"]
