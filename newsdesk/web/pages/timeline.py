"""The timeline page: dated events on a date axis drawn as SVG, filtered by entity, place or
speaker, each linking to its sentence in its article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from newsdesk.store.browse import DatedEvent, dated_events
from newsdesk.web.pages.markup import speaker_colour
from newsdesk.web.pages.render import StoreReader, refused, render
from newsdesk.web.state import settings_of

router = APIRouter()

# The drawing's size and margins, in SVG units.
WIDTH, LEFT, RIGHT, ROW, TOP = 720, 20, 20, 14, 16


@dataclass(frozen=True)
class PlacedEvent:
    """An event with its place on the drawing."""

    event: DatedEvent
    x: float
    y: float
    colour: str

    @property
    def href(self) -> str:
        """The event's sentence in its article."""
        return f"/articles/{self.event.article_id}#e{self.event.index}"


@dataclass(frozen=True)
class Tick:
    """A labelled date on the axis."""

    label: str
    x: float


@dataclass(frozen=True)
class Drawing:
    """The timeline laid out: events, axis ticks, and the drawing's height."""

    events: tuple[PlacedEvent, ...]
    ticks: tuple[Tick, ...]
    width: int
    height: int
    axis_y: float


def first_day(value: str) -> date | None:
    """The first day a TimeML date value names (a year, a month, a day or a range's start)."""
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def lay_out(events: list[DatedEvent]) -> Drawing:
    """Events placed by date from left to right; events of one day stack upwards."""
    dated = [(first_day(e.date), e) for e in events]
    days = [(d, e) for d, e in dated if d is not None]
    if not days:
        return Drawing((), (), WIDTH, 60, 40)
    low, high = min(d for d, _ in days), max(d for d, _ in days)
    span = max(1, (high - low).days)
    usable = WIDTH - LEFT - RIGHT
    stacks: dict[date, int] = {}
    for day, _ in days:
        stacks[day] = stacks.get(day, 0) + 1
    tallest = max(stacks.values())
    axis_y = TOP + tallest * ROW
    placed = []
    seen: dict[date, int] = {}
    for day, event in days:
        level = seen.get(day, 0)
        seen[day] = level + 1
        x = LEFT + usable * (day - low).days / span if span else LEFT + usable / 2
        colour = speaker_colour(event.speaker) if event.speaker else "sp-none"
        placed.append(PlacedEvent(event, round(x, 1), axis_y - 8 - level * ROW, colour))
    ticks = {
        str(d): Tick(str(d), round(LEFT + usable * (d - low).days / span, 1)) for d in (low, high)
    }
    return Drawing(tuple(placed), tuple(ticks.values()), WIDTH, int(axis_y + 28), axis_y)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request, store: StoreReader, entity: str = "", place: str = "", speaker: str = ""
) -> HTMLResponse:
    """Dated events on a date axis, those of an entity, place or speaker when asked."""
    limit = settings_of(request).max_query_chars
    if any(len(v) > limit for v in (entity, place, speaker)):
        return refused(request, "ND036", f"a filter is over {limit} characters")
    events = dated_events(store, entity.strip(), place.strip(), speaker.strip())
    context = {
        "drawing": lay_out(events),
        "events": events,
        "entity": entity,
        "place": place,
        "speaker": speaker,
    }
    return render(request, "timeline.html", context)
