"""The search page: articles matching words, a speaker, an outlet and a date range, with the
searched words highlighted, syndicated copies flagged and pages of results."""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from newsdesk.store.browse import FoundArticle, SearchFilters, outlets, search_articles
from newsdesk.web.pages.render import StoreReader, highlight, refused, render, search_words, snippet
from newsdesk.web.state import WebSettings, settings_of

router = APIRouter()

# Results on one page.
PAGE_SIZE = 20


@dataclass(frozen=True)
class ShownResult:
    """A result as the page shows it: the article, its title and snippet highlighted."""

    article: FoundArticle
    title: Markup
    snippet: Markup

    @property
    def syndicated(self) -> bool:
        """True when the article's story holds other stored articles or linked copies."""
        return self.article.story_articles > 1 or self.article.story_copies > 0


def _link(filters: SearchFilters, page: int) -> str:
    """The search page's address for these filters at page ``page``."""
    values = {
        "q": filters.words,
        "speaker": filters.speaker,
        "outlet": filters.outlet,
        "since": filters.since,
        "until": filters.until,
        "entity": filters.entity,
        "count": "story" if filters.story_once else "",
        "page": str(page) if page > 1 else "",
    }
    return "/search?" + urlencode({k: v for k, v in values.items() if v})


def _too_long(filters: SearchFilters, settings: WebSettings) -> bool:
    """True when a field of the search is longer than the server accepts."""
    fields = (
        filters.words,
        filters.speaker,
        filters.outlet,
        filters.since,
        filters.until,
        filters.entity,
    )
    return any(len(value) > settings.max_query_chars for value in fields)


@dataclass(frozen=True)
class FilterChip:
    """A filter the search applies, shown with a link to the same search without it."""

    label: str
    value: str
    without: str


# The filters a search can apply, by field of SearchFilters, with the label each is shown by.
CHIP_LABELS = {
    "words": "words",
    "speaker": "speaker",
    "entity": "names",
    "outlet": "outlet",
    "since": "since",
    "until": "until",
}


def active_filters(filters: SearchFilters) -> list[FilterChip]:
    """The filters a search applies, each with the address of the search without it."""
    chips = []
    for field, label in CHIP_LABELS.items():
        value = getattr(filters, field)
        if value:
            kept = {name: "" if name == field else getattr(filters, name) for name in CHIP_LABELS}
            without = SearchFilters(story_once=filters.story_once, **kept)
            chips.append(FilterChip(label, value, _link(without, 1)))
    return chips


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    store: StoreReader,
    q: str = "",
    speaker: str = "",
    outlet: str = "",
    since: str = "",
    until: str = "",
    count: str = "copy",
    page: int = 1,
    entity: str = "",
) -> HTMLResponse:
    """Articles matching the form's filters, newest first, a page at a time."""
    filters = SearchFilters(
        q.strip(), speaker.strip(), outlet, since, until, count == "story", entity.strip()
    )
    settings = settings_of(request)
    if _too_long(filters, settings):
        return refused(
            request, "ND036", f"a search field is over {settings.max_query_chars} characters"
        )
    page = max(1, min(page, 10_000))
    results = search_articles(store, filters, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    words = search_words(filters.words)
    shown = [
        ShownResult(
            hit,
            highlight(hit.title or hit.source, words),
            highlight(snippet(hit.text, words), words),
        )
        for hit in results.hits
    ]
    last_page = max(1, -(-results.total // PAGE_SIZE))
    context = {
        "filters": filters,
        "total": results.total,
        "results": shown,
        "outlets": outlets(store),
        "page": page,
        "last_page": last_page,
        "previous": _link(filters, page - 1) if page > 1 else None,
        "next": _link(filters, page + 1) if page < last_page else None,
        "every_copy": _link(replace(filters, story_once=False), 1),
        "story_once": _link(replace(filters, story_once=True), 1),
        "chips": active_filters(filters),
    }
    return render(request, "search.html", context)
