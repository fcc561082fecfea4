"""TimeML values for matched expressions, resolved against the anchor date."""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.stages.dates.holidays import holiday_value, weekend_value
from newsdesk.stages.dates.patterns import REFS
from newsdesk.stages.dates.vocabulary import (
    FUTURE_HINT,
    MONTHS_AHEAD,
    ORDINAL_QUARTERS,
    PARTS_OF_DAY,
    SEASONS,
    TENS,
    UNITS,
    WEEKDAYS,
    count_value,
    iso_day,
    iso_week,
    month_number,
    shift_months,
    valid,
)


class Normaliser:
    """Builds values against the anchor date; every method returns a TimeML value or None."""

    def __init__(self, anchor: dt.date | None) -> None:
        self.anchor = anchor

    def year_of(self, month: int, day: int | None, future: bool) -> str:
        """The year a month (and day) without a year most likely means."""
        if self.anchor is None:
            return "XXXX"
        year = self.anchor.year
        # A month well ahead of the anchor in a clause not about the future is last year's;
        # a month well behind it in a clause about the future is next year's.
        if not future and month > self.anchor.month + MONTHS_AHEAD:
            year -= 1
        if future and month < self.anchor.month - MONTHS_AHEAD:
            year += 1
        return str(year)

    def year_of_weekday(self, month: int, day: int, weekday: int) -> str | None:
        """The year nearest the anchor in which that month and day fall on ``weekday``
        ("Monday, Oct. 26"), or None when none within a year either side does."""
        if self.anchor is None:
            return None
        fits = []
        for year in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1):
            if valid(year, month, day) and dt.date(year, month, day).weekday() == weekday:
                fits.append((abs((dt.date(year, month, day) - self.anchor).days), year))
        return str(min(fits)[1]) if fits else None

    def weekday(self, weekday: int, future: bool) -> str | None:
        if self.anchor is None:
            return None
        delta = weekday - self.anchor.weekday()
        if future:
            delta = delta if delta >= 0 else delta + 7
        else:
            delta = delta if delta <= 0 else delta - 7
        return iso_day(self.anchor + dt.timedelta(days=delta))

    def relative_day(self, days: int) -> str | None:
        return iso_day(self.anchor + dt.timedelta(days=days)) if self.anchor else None

    def relative(self, unit: str, amount: int) -> str | None:
        """The period ``amount`` units away from the anchor's (last year, next month...)."""
        if self.anchor is None:
            return None
        if unit == "day":
            return iso_day(self.anchor + dt.timedelta(days=amount))
        if unit == "week":
            return iso_week(self.anchor + dt.timedelta(weeks=amount))
        if unit == "month":
            year, month = shift_months(self.anchor, amount)
            return f"{year}-{month:02d}"
        if unit == "quarter":
            quarter = (self.anchor.month - 1) // 3 + amount
            year = self.anchor.year + quarter // 4
            return f"{year}-Q{quarter % 4 + 1}"
        if unit == "year":
            return str(self.anchor.year + amount)
        if unit == "decade":
            return f"{(self.anchor.year + 10 * amount) // 10}"
        if unit == "century":
            return f"{(self.anchor.year + 100 * amount) // 100}"
        return None


# One pattern per kind of expression, longest and most specific first.


def speaks_of_future(text: str, left: int, start: int) -> bool:
    """True when the clause leading to a date speaks of the future ("will meet on Friday")."""
    clause_start = max(text.rfind(",", left, start), text.rfind(";", left, start), left)
    return FUTURE_HINT.search(text, clause_start, start) is not None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return left + 1, min(right_candidates) if right_candidates else len(text)


def match_value(
    kind: str, match: re.Match[str], norm: Normaliser, future: bool, quarterly: bool = False
) -> tuple[str, str | None, str | None]:
    """(type, value, end_value) for one match; ``quarterly`` when its sentence speaks of
    quarters, where "a year ago" means the same quarter a year before."""
    g = match.groupdict()
    if kind in ("ago", "year_ago_adj") and quarterly and norm.anchor is not None:
        single_year = kind == "year_ago_adj" or (
            g["unit"].lower() == "year" and count_value(g["count"]) == 1
        )
        if single_year:
            return "DATE", norm.relative("quarter", -5), None
    if kind == "iso":
        return "DATE", f"{g['year']}-{g['month']}-{g['day']}", None
    if kind in ("month_day_range", "day_month_range"):
        month = month_number(g["month"])
        year = g["year"] or norm.year_of(month, int(g["day"]), future)
        first = f"{year}-{month:02d}-{int(g['day']):02d}"
        second = f"{year}-{month:02d}-{int(g['day2']):02d}"
        return "DATE", first, second
    if kind == "holiday":
        return "DATE", holiday_value(match, norm.anchor, future), None
    if kind == "weekend":
        return "DATE", weekend_value(match, norm.anchor, future), None
    if kind == "week_of":
        month, day_number = month_number(g["month"]), int(g["day"])
        year = g["year"] or norm.year_of(month, day_number, future)
        if year == "XXXX" or not valid(int(year), month, day_number):
            return "DATE", None, None
        return "DATE", iso_week(dt.date(int(year), month, day_number)), None
    if kind == "month_relative_year":
        month = month_number(g["month"])
        shift = {"this": 0, "last": -1, "next": 1}[g["which"]]
        year_text = str(norm.anchor.year + shift) if norm.anchor else "XXXX"
        day_text = f"-{int(g['day']):02d}" if g["day"] else ""
        return "DATE", f"{year_text}-{month:02d}{day_text}", None
    if kind == "year_quarter":
        quarter = ORDINAL_QUARTERS[g["ordinal"].lower()]
        if g["year"]:
            return "DATE", f"{g['year']}-Q{quarter}", None
        if norm.anchor is None:
            return "DATE", f"XXXX-Q{quarter}", None
        which = (g["which"] or "last").lower()
        shift = {"this": 0, "last": -1, "next": 1}[which]
        return "DATE", f"{norm.anchor.year + shift}-Q{quarter}", None
    if kind == "spelled_year":
        if g["thousand"]:
            number = 2000 + count_value(g["small"] or "zero")
        else:
            century = 19 if g["century"].lower() == "nineteen" else 20
            number = century * 100 + TENS[g["tens"].lower()] + count_value(g["ones"] or "zero")
        if g["month"]:
            return "DATE", f"{number}-{month_number(g['month']):02d}", None
        if g["season"]:
            return "DATE", f"{number}-{SEASONS[g['season'].lower()]}", None
        return "DATE", str(number), None
    if kind == "weekday_month_day":
        month, day_number = month_number(g["month"]), int(g["day"])
        year = g["year"] or norm.year_of_weekday(month, day_number, WEEKDAYS[g["weekday"].lower()])
        return (
            "DATE",
            f"{year or norm.year_of(month, day_number, future)}-{month:02d}-{day_number:02d}",
            None,
        )
    if kind in ("month_day_year", "day_month_year"):
        month = month_number(g["month"])
        return "DATE", f"{g['year']}-{month:02d}-{int(g['day']):02d}", None
    if kind in ("month_day", "day_month"):
        month = month_number(g["month"])
        return (
            "DATE",
            f"{norm.year_of(month, int(g['day']), future)}-{month:02d}-{int(g['day']):02d}",
            None,
        )
    if kind == "month_year":
        return "DATE", f"{g['year']}-{month_number(g['month']):02d}", None
    if kind == "time":
        hour = int(g["hour"]) % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
        minute = g["minute"]
        day = iso_day(norm.anchor) if norm.anchor else "XXXX-XX-XX"
        clock = f"{hour:02d}:{minute}" if minute else f"{hour:02d}:00"
        return "TIME", f"{day}T{clock}", None
    if kind == "clock24":
        day = iso_day(norm.anchor) if norm.anchor else "XXXX-XX-XX"
        return "TIME", f"{day}T{int(g['hour']):02d}:{g['minute']}", None
    if kind == "noon":
        day = iso_day(norm.anchor) if norm.anchor else "XXXX-XX-XX"
        clock = "24:00" if g["which"].lower() == "midnight" else "12:00"
        return "TIME", f"{day}T{clock}", None
    if kind == "weekday_part":
        # "Wednesday night" names a day: news timelines (and TimeBank's annotators) date it
        # to the day rather than to a part of it.
        weekday = WEEKDAYS[g["weekday"].lower()]
        return "DATE", norm.weekday(weekday, future) or f"XXXX-WXX-{weekday + 1}", None
    if kind == "weekday":
        modifier = (g["modifier"] or "").lower()
        weekday = WEEKDAYS[g["weekday"].lower()]
        value = norm.weekday(weekday, future or modifier == "next")
        if modifier == "next" and value and norm.anchor:
            chosen = dt.date.fromisoformat(value)
            if (chosen - norm.anchor).days < 1:
                value = iso_day(chosen + dt.timedelta(days=7))
        return "DATE", value or f"XXXX-WXX-{weekday + 1}", None
    if kind == "part_of_today":
        which = g["which"].lower()
        offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[which]
        part = PARTS_OF_DAY[g["part"].lower()]
        if which == "last" and part != "NI":
            offset = 0
        day = norm.relative_day(offset) or "XXXX-XX-XX"
        return "TIME", f"{day}T{part}", None
    if kind == "tonight":
        return "TIME", f"{norm.relative_day(0) or 'XXXX-XX-XX'}TNI", None
    if kind == "quarter":
        quarter = ORDINAL_QUARTERS[g["ordinal"].lower()]
        if g["year"]:
            return "DATE", f"{g['year']}-Q{quarter}", None
        if norm.anchor is None:
            return "DATE", f"XXXX-Q{quarter}", None
        year = norm.anchor.year
        if quarter > (norm.anchor.month - 1) // 3 + 1 and not future:
            year -= 1
        return "DATE", f"{year}-Q{quarter}", None
    if kind == "season":
        season = SEASONS[g["season"].lower()]
        modifier = (g["modifier"] or "").lower()
        if g["year"]:
            return "DATE", f"{g['year']}-{season}", None
        if norm.anchor is None:
            return "DATE", f"XXXX-{season}", None
        year = norm.anchor.year + {"last": -1, "next": 1}.get(modifier, 0)
        return "DATE", f"{year}-{season}", None
    if kind == "beginning":
        unit = g["unit"].lower()
        amount = {"this": 0, "last": -1, "next": 1}[g["which"].lower()]
        period = norm.relative(unit, amount)
        if period is None:
            return "DATE", None, None
        if g["edge"].lower() in ("beginning", "start"):
            if unit == "year":
                return "DATE", f"{period}-01-01", None
            if unit == "month":
                return "DATE", f"{period}-01", None
        return "DATE", period, None
    if kind == "ago":
        amount = count_value(g["count"])
        unit = g["unit"].lower()
        direction = -1 if g["direction"].lower() in ("ago", "earlier") else 1
        if amount == 0 or unit in ("hour", "minute"):
            return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", None
        if norm.anchor is None:
            return "DATE", None, None
        if unit == "day":
            return "DATE", norm.relative_day(direction * amount), None
        return "DATE", norm.relative(unit, direction * amount), None
    if kind == "relative_unit":
        modifier = g["modifier"].lower().split()[-1]
        unit = g["unit"].lower()
        amount = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[
            modifier
        ]
        return "DATE", norm.relative(unit, amount), None
    if kind == "period":
        which = (g["which"] or "").lower()
        unit = g["unit"].lower()
        if norm.anchor is None:
            return "DATE", None, None
        if unit == "year":
            if which in ("year-ago", "year-earlier", "previous", "prior"):
                return "DATE", str(norm.anchor.year - 1), None
            return "DATE", str(norm.anchor.year), None
        if which == "current":
            return "DATE", norm.relative("quarter", 0), None
        # Quarterly reports speak of the quarter just ended; year-ago is the same one a year
        # before.
        back = -5 if which in ("year-ago", "year-earlier", "comparable") else -1
        return "DATE", norm.relative("quarter", back), None
    if kind == "year_ago_adj":
        return "DATE", norm.relative("year", -1), None

    if kind == "day_word":
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[g["which"].lower()]
        return "DATE", norm.relative_day(offset), None
    if kind == "ref":
        return "DATE", REFS[g["which"].lower()], None
    if kind == "month_alone":
        month = month_number(g["month"])
        modifier = (g["modifier"] or "").lower().rstrip("-")
        if modifier in ("last", "next", "this") and norm.anchor is not None:
            year = norm.anchor.year
            if modifier == "last" and month >= norm.anchor.month:
                year -= 1
            if modifier == "next" and month <= norm.anchor.month:
                year += 1
            return "DATE", f"{year}-{month:02d}", None
        return "DATE", f"{norm.year_of(month, None, future)}-{month:02d}", None
    if kind == "decade":
        return "DATE", g["decade"][:3], None  # TimeML's value for a decade: "198"
    if kind == "year":
        return "DATE", g["year"], None
    if kind == "duration":
        amount = count_value(g["count"])
        unit = UNITS[g["unit"].lower()]
        if unit in ("H", "MIN"):
            return "DURATION", f"PT{amount or 'X'}{unit[0]}", None
        if unit == "DE":
            return "DURATION", f"P{(amount or 0) * 10 or 'X'}Y", None
        if unit == "CE":
            return "DURATION", f"P{(amount or 0) * 100 or 'X'}Y", None
        return "DURATION", f"P{amount or 'X'}{unit}", None
    if kind == "set":
        which = g["which"].lower().split()[-1]
        unit = {
            "daily": "D",
            "day": "D",
            "weekly": "W",
            "week": "W",
            "monthly": "M",
            "month": "M",
            "annually": "Y",
            "yearly": "Y",
            "year": "Y",
        }[which]
        return "SET", f"P1{unit}", None
    return "DATE", None, None
