"""Resolving dates against the anchor date, and the clues in a sentence that steer it."""

from __future__ import annotations

import datetime as dt
import re

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

    def quarter_a_year_back(self, quarter: int, years: int = 1) -> str | None:
        """The quarter ``quarter`` (1 to 4) of ``years`` years before its latest start by
        the anchor ("fourth quarter" reported in October 1989, a year back: 1988-Q4); for 0,
        the last quarter ended by the anchor, ``years`` years before."""
        if self.anchor is None:
            return None
        if not quarter:
            return self.relative("quarter", -1 - 4 * years)
        started = 3 * (quarter - 1) + 1 <= self.anchor.month
        return f"{self.anchor.year - years - (0 if started else 1)}-Q{quarter}"

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
    # The clause ends at a semicolon, a quotation mark or a comma that opens a new clause.
    clause_start = max(
        _clause_comma(text, left, start),
        text.rfind(";", left, start),
        text.rfind('"', left, start),
        text.rfind("''", left, start),
        left,
    )
    if _SAID.search(text, max(left, start - 24), start):
        return False
    if _SCHEDULED.search(text, max(left, start - 40), start):
        return True
    hint = FUTURE_HINT.search(text, clause_start, start)
    # "had been scheduled to expire Friday": a plan seen from the past, not the future.
    return hint is not None and not _PAST_PERFECT.search(text, clause_start, hint.start())


# "said Friday", "announced on Tuesday": a report of what was said, in the past.
_SAID = re.compile(
    r"\b(?:said|told|announced|reported|declared|added|stated|confirmed|disclosed)"
    r"(?:\s+\w+)?\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "Arafat and Netanyahu meet separately Monday", "the offer expires Friday": the present
# tense of a scheduled event speaks of the days ahead (not after "to" or "did").
_SCHEDULED = re.compile(
    r"(?<!\bto )(?<!\bdid )(?<!\bnot )(?<!n't )\b(?:meets?|begins?|starts?|opens?|arrives?|"
    r"leaves?|visits?|returns?|resumes?|convenes?|goes|heads?|flies|expires?|ends?|closes?)"
    r"(?:\s+(?:separately|again|here|there|jointly))?\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_PAST_PERFECT = re.compile(r"\bhad(?:\s+been)?\s+$", re.IGNORECASE)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the sentence around ``[start, end)``: from after the last full stop
    that ends a sentence (not "a.m.", "Mr.", "P.") or line break before it, to the next."""
    left = start
    while True:
        left = max(text.rfind(". ", 0, left), text.rfind("\n", 0, left))
        if (
            left <= 0
            or text[left] == "\n"
            or not _ABBREVIATION.search(text, max(0, left - 8), left)
        ):
            break
    right = end
    while True:
        stops = [i for i in (text.find(". ", right), text.find("\n", right)) if i != -1]
        if not stops:
            return max(left, -1) + 1, len(text)
        right = min(stops)
        if text[right] == "\n" or not _ABBREVIATION.search(text, max(0, right - 8), right):
            return max(left, -1) + 1, right
        right += 1


# A full stop that ends an abbreviation or an initial rather than a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b[ap]\.m|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Jr|Sr|Co|Corp|Inc|"
    r"Ltd|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Mass|Calif|Fla|Wash|Ill|Wis|Mich|Pa|Va|Md|Ky|Tenn|"
    r"Conn|Ariz|Colo|Ore|Okla|Ala|Ga|La|Minn|Mo|Neb|Nev|Del|vs|U\.S|U\.N))$"
)


def _clause_comma(text: str, left: int, start: int) -> int:
    """The last comma between ``left`` and ``start`` that opens a new clause, or -1. A comma
    after a name that a name or an apposition follows ("in Dar es Salaam, Tanzania, her
    first stop Tuesday morning") does not."""
    at = text.rfind(", ", left, start)
    while at != -1:
        before = text[max(left, at - 24) : at].split()
        after = text[at + 2 : start].split()
        after_a_name = bool(before) and before[-1][:1].isupper()
        if not (after_a_name and after and (after[0][:1].isupper() or after[0] in _APPOSITION)):
            return at
        at = text.rfind(", ", left, at)
    return -1


# The words an apposition after a name opens with ("Tanzania, her first stop").
_APPOSITION = frozenset({"a", "an", "the", "his", "her", "its", "their"})
