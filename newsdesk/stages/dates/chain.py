"""Dates that refer back to a date given earlier in the text: "that year", "the following
day", "later that day", "the day before". Their value comes from the nearest earlier date
precise enough, never from the publication date. Also the day next to a date the text
names: "the day before yesterday", "the day after Christmas"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsdesk.model import DateMention

_ANAPHORIC = re.compile(
    r"\b(?:(?P<edge>earlier|later)\s+)?(?:that|the\s+same)\s+(?:same\s+)?"
    r"(?P<unit>day|morning|year|month)\b(?!\s+(?:of|before|after|when|that|in)\b)"
    r"|\bthe\s+(?P<step>following|next)\s+(?P<unit2>day|morning|year|month)\b"
    r"|\bthe\s+(?P<unit3>day|year)\s+(?P<back>before)(?=\s*[,.;])",
    re.IGNORECASE,
)
# How far back a month still gives "that day" its month: about the sentence before.
_MONTH_REACH = 200
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)(?!\d)")
_YEAR = re.compile(r"^(\d{4})(?!\d)")


@dataclass(frozen=True)
class ChainedDate:
    """A date resolved from an earlier one: its span and TimeML value."""

    start: int
    end: int
    value: str


def _earlier_value(
    values: list[tuple[int, str]], before: int, pattern: re.Pattern[str], since: int = 0
) -> str:
    """The nearest value from ``since`` to ``before`` that ``pattern`` accepts, or ""."""
    for start, value in reversed(values):
        if since <= start < before and pattern.match(value):
            return value
    return ""


def chained_dates(text: str, earlier: list[tuple[int, str]], taken: bytearray) -> list[ChainedDate]:
    """Find the dates in ``text`` that refer back to one of ``earlier`` (``(start, value)``
    pairs in text order), skipping stretches already ``taken``."""
    found = []
    for match in _ANAPHORIC.finditer(text):
        start, end = match.span()
        if any(taken[start:end]):
            continue
        unit = (match.group("unit") or match.group("unit2") or match.group("unit3")).lower()
        # "that day" needs an earlier day; "the same year" an earlier year (a day gives one).
        if unit in ("day", "morning"):
            base = _earlier_value(earlier, start, _MONTH, start - _MONTH_REACH)
            if base and not _DAY.match(base) and not (match.group("step") or match.group("back")):
                # "killed last October ... crossed out that same day": a day of that month.
                found.append(ChainedDate(start, end, f"{base[:7]}-XX"))
                continue
            base = _earlier_value(earlier, start, _DAY)
            if not base:
                continue
            day = dt.date(int(base[:4]), int(base[5:7]), int(base[8:10]))
            if match.group("step"):
                day += dt.timedelta(days=1)
            elif match.group("back"):
                day -= dt.timedelta(days=1)
            value = day.isoformat()
        elif unit == "month":
            base = _earlier_value(earlier, start, _MONTH)
            if not base:
                continue
            year, month = int(base[:4]), int(base[5:7])
            if match.group("step"):
                year, month = year + month // 12, month % 12 + 1
            value = f"{year}-{month:02d}"
        else:
            base = _earlier_value(earlier, start, _YEAR)
            if not base:
                continue
            year = int(base[:4])
            if match.group("step"):
                year += 1
            elif match.group("back"):
                year -= 1
            value = str(year)
        found.append(ChainedDate(start, end, value))
    return found


# "(the) day before" or "day after" just before a date, which the expression then takes in.
_DAY_NEXT_TO = re.compile(r"\bday\s+(?P<side>before|after)\s+$", re.IGNORECASE)


def days_next_to_dates(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with each day that "the day before" or "the day after" precedes taken
    in and moved by one day: "the day before yesterday", "the day before last Tuesday's
    hearing" (the span starts at "day", as TimeML data writes it)."""
    result = []
    for mention in mentions:
        found = _DAY.match(mention.value or "")
        next_to = _DAY_NEXT_TO.search(text, max(0, mention.start - 16), mention.start)
        if mention.type == "DATE" and found and len(mention.value or "") == 10 and next_to:
            day = dt.date(*(int(part) for part in found.groups()))
            day += dt.timedelta(days=1 if next_to["side"].lower() == "after" else -1)
            start = next_to.start()
            mention = DateMention(
                text[start : mention.end], start, mention.end, "DATE", day.isoformat()
            )
        result.append(mention)
    return result
