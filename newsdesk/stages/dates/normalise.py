"""Resolving dates against the anchor date, and the clues in a sentence that steer it."""

from __future__ import annotations

import datetime as dt

from newsdesk.stages.dates.vocabulary import (
    FUTURE_HINT,
    MONTHS_AHEAD,
    iso_day,
    iso_week,
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
