"""A speaker's page (every statement in date order with the sentences around it, the names
that resolved to the speaker, statements over time) and an entity's page (the articles and
statements mentioning it, a place's GeoNames id)."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsdesk.store.browse import entity_detail, speaker_names, speaker_statements
from newsdesk.web.pages.markup import speaker_colour
from newsdesk.web.pages.render import StoreReader, bar_chart, not_found, render

router = APIRouter()


@router.get("/speakers/{name:path}", response_class=HTMLResponse)
def speaker_page(request: Request, store: StoreReader, name: str) -> HTMLResponse:
    """Everything one speaker said, by date."""
    statements = speaker_statements(store, name)
    if not statements:
        return not_found(request, f"a speaker named {name!r}")
    months = Counter((s.event_date or s.published or "????-??")[:7] for s in statements)
    chart = bar_chart(
        [
            (
                month,
                n,
                "/search?" + urlencode({"speaker": name, "since": month, "until": month + "-31"}),
            )
            for month, n in sorted(months.items())
        ],
        width=360,
        height=120,
    )
    context = {
        "name": name,
        "colour": speaker_colour(name),
        "statements": statements,
        "names": speaker_names(store, name),
        "articles": len({s.article_id for s in statements}),
        "chart": chart,
    }
    return render(request, "speaker.html", context)


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity_page(request: Request, store: StoreReader, name: str) -> HTMLResponse:
    """The articles and statements mentioning one entity."""
    detail = entity_detail(store, name)
    if detail is None:
        return not_found(request, f"an entity named {name!r}")
    timeline = "/timeline?" + urlencode({"entity": name})
    return render(request, "entity.html", {"entity": detail, "timeline": timeline})
