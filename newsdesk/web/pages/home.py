"""The home page: the corpus's counts, cards of its top speakers, people, organisations and
places (each also a CSV file), and its articles over time."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from newsdesk.store import Store
from newsdesk.store.browse import ENTITY_CARDS, articles_per_day, top_entities
from newsdesk.web.pages.markup import page_link
from newsdesk.web.pages.render import (
    PERIODS,
    BarChart,
    StoreReader,
    bar_chart,
    not_found,
    period_of,
    render,
)

router = APIRouter()

# How many items each card lists.
CARD_SIZE = 10
CARD_TITLES = {
    "speakers": "Top speakers",
    "people": "People",
    "organisations": "Organisations",
    "places": "Places",
}


@dataclass(frozen=True)
class CardItem:
    """One line of a card: a name, the search it adds itself to as a filter, its page, how
    many and of what, and a GeoNames id."""

    name: str
    search: str
    href: str
    count: int
    unit: str
    geonames_id: int | None = None


@dataclass(frozen=True)
class Card:
    """A titled list of the corpus's most frequent speakers or entities of one kind."""

    kind: str
    title: str
    items: tuple[CardItem, ...]


def card(store: Store, kind: str) -> Card:
    """The card of one kind: ``speakers`` by statements, or entities by articles."""
    counted: list[tuple[str, int, int | None]]
    if kind == "speakers":
        counted = [(row.speaker, row.statements, None) for row in store.speakers(limit=CARD_SIZE)]
        field, page, unit = "speaker", "speakers", "statements"
    else:
        found = top_entities(store, ENTITY_CARDS[kind], CARD_SIZE)
        counted = [(row.name, row.articles, row.geonames_id) for row in found]
        field, page, unit = "entity", "entities", "articles"
    items = tuple(
        CardItem(
            name, "/search?" + urlencode({field: name}), page_link(page, name), n, unit, geonames
        )
        for name, n, geonames in counted
    )
    return Card(kind, CARD_TITLES[kind], items)


def _csv_value(value: object) -> str:
    """A cell value a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def card_csv(found: Card) -> Response:
    """A card as a CSV download."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", found.items[0].unit if found.items else "count", "geonames_id"])
    for item in found.items:
        writer.writerow([_csv_value(item.name), item.count, item.geonames_id or ""])
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{found.kind}.csv"'},
    )


def articles_chart(store: Store, period: str) -> BarChart:
    """The articles per ``period``, each bar linking to a search of that period."""
    totals: dict[str, tuple[int, date, date]] = {}
    for row in articles_per_day(store):
        try:
            day = date.fromisoformat(row.day)
        except ValueError:
            continue
        label, first, last = period_of(day, period)
        before = totals.get(label, (0, first, last))[0]
        totals[label] = (before + row.articles, first, last)
    values = [
        (label, n, "/search?" + urlencode({"since": str(first), "until": str(last)}))
        for label, (n, first, last) in totals.items()
    ]
    return bar_chart(values)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreReader, by: str = "month") -> HTMLResponse:
    """The corpus at a glance: counts, cards, articles over time, a search form."""
    period = by if by in PERIODS else "month"
    cards = [card(store, kind) for kind in CARD_TITLES]
    context = {
        "counts": store.overview(),
        "cards": cards,
        "chart": articles_chart(store, period),
        "period": period,
        "periods": PERIODS,
    }
    return render(request, "home.html", context)


@router.get("/cards/{kind}.csv", response_class=Response)
def card_download(request: Request, store: StoreReader, kind: str) -> Response:
    """One card of the home page as CSV."""
    if kind not in CARD_TITLES:
        return not_found(request, f"a card named {kind!r}")
    return card_csv(card(store, kind))
