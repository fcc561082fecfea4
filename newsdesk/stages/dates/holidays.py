"""Named days news dates things by (Thanksgiving, Christmas, Election Day, Easter), and
weekends: a named day is the occurrence nearest the publication date, the next one in a
clause about the future or after "next", the one before after "last"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` (1-based; -1 for the last) ``weekday`` of a month."""
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> dt.date:
    """Western Easter Sunday of ``year`` (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


# Each holiday's date in a given year.
HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "independence day": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4),
    "fourth of july": lambda y: dt.date(y, 7, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "halloween": lambda y: dt.date(y, 10, 31),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "boxing day": lambda y: dt.date(y, 12, 26),
}

HOLIDAY_PATTERN = re.compile(
    r"\b(?:(?P<modifier>last|next|this)\s+)?(?P<holiday>New Year's (?:Day|Eve)|Valentine's Day|"
    r"Easter(?: Sunday| Monday)?|Good Friday|Memorial Day|Independence Day|(?:the )?Fourth of "
    r"July|Labor Day|Halloween|Election Day|Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|"
    r"Boxing Day)(?P<week>\s+week(?:end)?)?(?:,?\s+" + _YEAR + r")?\b"
)

WEEKEND_PATTERN = re.compile(r"\b(?P<modifier>the|this|last|next|that)\s+weekend\b", re.IGNORECASE)


def holiday_value(match: re.Match[str], anchor: dt.date | None, future: bool) -> str:
    """The TimeML value of a matched holiday: its day (or its week for "Easter week")."""
    g = match.groupdict()
    name = g["holiday"].lower()
    on = HOLIDAYS[name]
    modifier = (g["modifier"] or "").lower()
    if g["year"]:
        day = on(int(g["year"]))
    elif anchor is None:
        return "XXXX-XX-XX"
    else:
        candidates = [on(anchor.year + shift) for shift in (-1, 0, 1)]
        if future or modifier == "next":
            day = min(d for d in candidates if d >= anchor)
        elif modifier == "last":
            day = max(d for d in candidates if d <= anchor)
        else:  # the occurrence nearest the anchor, as "Thanksgiving" in early January
            day = min(candidates, key=lambda d: abs((d - anchor).days))
    if g["week"]:
        year, week, _ = day.isocalendar()
        suffix = "-WE" if g["week"].strip().lower() == "weekend" else ""
        return f"{year}-W{week:02d}{suffix}"
    return day.isoformat()


def weekend_value(match: re.Match[str], anchor: dt.date | None, future: bool) -> str:
    """The TimeML value of "the weekend", "last weekend", "next weekend": a week's weekend."""
    if anchor is None:
        return "XXXX-WXX-WE"
    modifier = match.group("modifier").lower()
    saturday = anchor + dt.timedelta(days=5 - anchor.weekday())  # this week's Saturday
    on_a_weekend = anchor.weekday() >= 5
    if modifier == "next" or (modifier in ("the", "this") and future):
        day = saturday + dt.timedelta(days=7) if on_a_weekend else saturday
    elif modifier == "last":
        day = saturday - dt.timedelta(days=7)
    else:  # the weekend just past, or the one under way
        day = saturday if on_a_weekend else saturday - dt.timedelta(days=7)
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}-WE"
