"""What every page module shares: the templates, the not-found and refusal pages, search-word
highlighting and the bar charts drawn as SVG."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from newsdesk.store import Store
from newsdesk.web.pages.markup import page_link, speaker_colour
from newsdesk.web.state import reader

# Every value a template prints is escaped, whatever the template's name.
TEMPLATES = Jinja2Templates(
    env=Environment(
        loader=FileSystemLoader(Path(__file__).parent.parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
    )
)
TEMPLATES.env.globals.update(page_link=page_link, speaker_colour=speaker_colour)

StoreReader = Annotated[Store, Depends(reader)]

# The largest id SQLite can hold: a path asking for more is a page that does not exist.
LARGEST_ID = 2**63 - 1


def render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> HTMLResponse:
    """A page from its template and values."""
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status)


def not_found(request: Request, what: str) -> HTMLResponse:
    """The page saying that ``what`` is not in the corpus (status 404)."""
    return render(request, "not_found.html", {"what": what}, 404)


def refused(request: Request, code: str, message: str) -> HTMLResponse:
    """The page saying why a request was refused (status 400), with its error code."""
    return render(request, "refused.html", {"code": code, "message": message}, 400)


def stored_id(text: str) -> int | None:
    """A path's id as a number SQLite can look up, None when it is not one."""
    if not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 0 < number <= LARGEST_ID else None


def search_words(query: str) -> list[str]:
    """The words of a search query a result highlights (OR, AND and NOT left out)."""
    return [w for w in re.findall(r"[^\W_]+", query) if w not in ("OR", "AND", "NOT")]


def highlight(text: str, words: Iterable[str]) -> Markup:
    """``text`` escaped, with every whole-word occurrence of ``words`` (ignoring case) wrapped
    in ``<mark>``: the pieces are escaped first, then the marks put around them."""
    pattern = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    if not pattern:
        return escape(text)
    pieces: list[str] = []
    at = 0
    for match in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text, re.IGNORECASE):
        pieces.append(str(escape(text[at : match.start()])))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        at = match.end()
    pieces.append(str(escape(text[at:])))
    return Markup("".join(pieces))


def snippet(text: str, words: Sequence[str], width: int = 240) -> str:
    """About ``width`` characters of ``text`` around the first of ``words`` it holds (its
    start when it holds none), cut at spaces."""
    lowered = text.lower()
    hits = [i for i in (lowered.find(w.lower()) for w in words) if i >= 0]
    centre = min(hits) if hits else 0
    start = max(0, centre - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    piece = " ".join(text[start:end].split())
    return ("… " if start else "") + piece + (" …" if end < len(text) else "")


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: its label, value, link and place in the drawing."""

    label: str
    value: int
    href: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class BarChart:
    """A bar chart laid out for an SVG of ``width`` by ``height``."""

    width: int
    height: int
    bars: tuple[Bar, ...]
    peak: int


# The most room one bar takes, in the chart's units.
MAX_BAR_STEP = 48.0


def bar_chart(
    values: Sequence[tuple[str, int, str]], width: int = 640, height: int = 160
) -> BarChart:
    """Bars for ``(label, value, link)`` triples, scaled to the highest value, with room
    below for labels."""
    peak = max((v for _, v, _ in values), default=0)
    room = height - 24
    step = min(width / max(1, len(values)), MAX_BAR_STEP)  # a few bars stay narrow
    bars = tuple(
        Bar(
            label,
            value,
            href,
            round(i * step + step * 0.1, 1),
            round(room - room * value / peak, 1) if peak else room,
            round(max(1.0, step * 0.8), 1),
            round(room * value / peak, 1) if peak else 0,
        )
        for i, (label, value, href) in enumerate(values)
    )
    return BarChart(width, height, bars, peak)


# How the article chart groups days: by the day, the ISO week or the month.
PERIODS = ("day", "week", "month")


def period_of(day: date, period: str) -> tuple[str, date, date]:
    """The label, first and last day of the ``period`` holding ``day``."""
    if period == "week":
        first = day - timedelta(days=day.weekday())
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", first, first + timedelta(days=6)
    if period == "month":
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return day.strftime("%Y-%m"), first, following - timedelta(days=1)
    return day.isoformat(), day, day
