"""Temporal expressions found in text and normalised to TimeML values against an anchor date.

Our own rules, no network, no JVM: absolute and partial dates ("Aug. 7, 1998", "January 2"),
coordinations and ranges ("January 5 and 6", "from 5 to 7 January"), relative expressions
("yesterday", "last week", "on Monday", "since the beginning of this year", "two days ago"),
quarters and seasons, times ("10:35 a.m.", "Friday morning"), durations and sets. Values follow
TimeML: ``1998-08-07``, ``1998-W32``, ``1989-Q3``, ``1998-FA``, ``1998-08-07TMO``,
``PAST_REF``, ``P3D``. Without an anchor, a year the text does not give stays ``XXXX`` and a
relative expression keeps an unresolved value: nothing is invented. Numbers, percentages and
pronouns are never dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsdesk.datechain import chained_dates
from newsdesk.holidays import HOLIDAY_PATTERN, WEEKEND_PATTERN, holiday_value, weekend_value

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "several": 0,
    "few": 0,
}
UNITS = {
    "day": "D",
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "hour": "H",
    "minute": "MIN",
    "quarter": "Q",
}
_TENS = {
    "ten": 10,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

_MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# A year in words, as transcripts of broadcasts write it: "nineteen ninety-six", "the year
# two thousand".
_SPELLED_YEAR = (
    r"(?:(?P<century>nineteen|twenty)[- ](?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)(?:[- ](?P<ones>one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?<=year\s)(?P<thousand>two thousand)(?:\s+and\s+(?P<small>one|two|three|four|five|six|"
    r"seven|eight|nine|ten))?)\b"
)
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER = r"(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|few)"  # noqa: E501
_UNIT = r"(?P<unit>day|week|month|year|decade|century|hour|minute|quarter)s?"
_PART = r"(?P<part>morning|afternoon|evening|night)"
_FUTURE_HINT = re.compile(
    r"\b(will|won't|'ll|shall|would|next|upcoming|coming|plans? to|planned|planning|"
    r"scheduled|expected to|set to|is to|are to|going to|as soon as|as early as|payable|"
    r"effective|starting|beginning|from now)\b",
    re.IGNORECASE,
)
_MONTHS_AHEAD = 2
# How far from a date a future-tense hint still speaks for it (characters either side).
_TENSE_WINDOW = 60


@dataclass(frozen=True)
class DateMention:
    """A temporal expression: its span, TimeML type and value (``end_value`` for ranges)."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    end_value: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Return the mention as a JSON-ready dict."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "end_value": self.end_value,
        }


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS.get(word.lower(), 0)


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


class _Normaliser:
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
        if not future and month > self.anchor.month + _MONTHS_AHEAD:
            year -= 1
        if future and month < self.anchor.month - _MONTHS_AHEAD:
            year += 1
        return str(year)

    def year_of_weekday(self, month: int, day: int, weekday: int) -> str | None:
        """The year nearest the anchor in which that month and day fall on ``weekday``
        ("Monday, Oct. 26"), or None when none within a year either side does."""
        if self.anchor is None:
            return None
        fits = []
        for year in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1):
            if _valid(year, month, day) and dt.date(year, month, day).weekday() == weekday:
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
        return _iso(self.anchor + dt.timedelta(days=delta))

    def relative_day(self, days: int) -> str | None:
        return _iso(self.anchor + dt.timedelta(days=days)) if self.anchor else None

    def relative(self, unit: str, amount: int) -> str | None:
        """The period ``amount`` units away from the anchor's (last year, next month...)."""
        if self.anchor is None:
            return None
        if unit == "day":
            return _iso(self.anchor + dt.timedelta(days=amount))
        if unit == "week":
            return _week(self.anchor + dt.timedelta(weeks=amount))
        if unit == "month":
            year, month = _shift_months(self.anchor, amount)
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
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "month_day_range",
        re.compile(
            rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|through)\s*"
            rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?"
        ),
    ),
    (
        "day_month_range",
        re.compile(
            rf"\b(?:from\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|through)\s*"
            rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b"
        ),
    ),
    ("holiday", HOLIDAY_PATTERN),
    ("weekend", WEEKEND_PATTERN),
    (
        "week_of",
        re.compile(rf"\bthe\s+week\s+of\s+{_MONTH}\s+{_DAY}\b(?![,.]?\d)(?:,?\s+{_YEAR}\b)?"),
    ),
    (
        "month_relative_year",
        re.compile(
            rf"\b{_MONTH}(?:\s+{_DAY})?,?\s+(?:of\s+)?(?P<which>this|last|next)\s+year\b(?!'s)"
        ),
    ),
    (
        "year_quarter",
        re.compile(
            r"\b(?:the\s+)?(?:(?P<year>(?:19|20)\d\d)|(?P<which>this|last|next)\s+year's|"
            r"(?P<ago>year-ago|year-earlier))\s+(?P<ordinal>first|second|third|fourth)"
            r"[- ]quarter\b",
            re.IGNORECASE,
        ),
    ),
    (
        "spelled_year",
        re.compile(
            r"\b(?:(?:(?P<month>January|February|March|April|May|June|July|August|September|"
            r"October|November|December)|(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)"
            r"\s+of)\s+)?(?:(?:the\s+)?year\s+)?" + _SPELLED_YEAR,
            re.IGNORECASE,
        ),
    ),
    (
        "weekday_month_day",
        re.compile(rf"\b{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}\b(?![,.]?\d)(?!\s*%)(?:,?\s+{_YEAR}\b)?"),
    ),
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![,.]?\d)(?!\s*%)")),
    ("day_month", re.compile(rf"\b{_DAY}\s+{_MONTH}\b")),
    ("month_year", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")),
    (
        "time",
        re.compile(
            r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)"
            r"(?:\s+(?:EST|EDT|GMT|UTC|CST|PST))?",
            re.IGNORECASE,
        ),
    ),
    (
        "clock24",
        re.compile(
            r"(?<=\bat )(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)\b(?![.,]?\d)"
            r"(?!\s*(?:%|percent|per cent|billion|million|thousand|points?|cents?|a share)\b)"
            r"(?:\s+(?:\w+\s+)?(?:time|GMT|UTC))?"
        ),
    ),
    ("noon", re.compile(r"\b(?P<which>noon|midday|midnight)\b", re.IGNORECASE)),
    (
        "weekday_part",
        re.compile(rf"\b{_WEEKDAY}\s+{_PART}\b", re.IGNORECASE),
    ),
    ("weekday", re.compile(rf"\b(?:(?P<modifier>last|next|this)\s+)?{_WEEKDAY}\b")),
    (
        "part_of_today",
        re.compile(rf"\b(?P<which>this|last|tomorrow|yesterday)\s+{_PART}\b", re.IGNORECASE),
    ),
    ("tonight", re.compile(r"\b(?P<which>tonight|overnight)\b", re.IGNORECASE)),
    (
        "quarter",
        re.compile(
            r"\b(?:the\s+)?(?P<ordinal>first|second|third|fourth)[- ]quarter\b(?:\s+of\s+"
            + _YEAR
            + r")?",
            re.IGNORECASE,
        ),
    ),
    (
        "season",
        re.compile(
            r"\b(?:(?P<modifier>last|this|next|early|late)\s+)?(?P<season>spring|summer|fall|"
            r"autumn|winter)\b(?:\s+(?:of\s+)?" + _YEAR + r")?",
            re.IGNORECASE,
        ),
    ),
    (
        "beginning",
        re.compile(
            r"\b(?:since\s+)?the\s+(?P<edge>beginning|start|end|middle)\s+of\s+(?:the\s+)?"
            r"(?P<which>this|last|next)\s+(?P<unit>year|month|week)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "ago",
        re.compile(
            rf"\b{_NUMBER}\s+{_UNIT}\s+(?P<direction>ago|earlier|later|from now)\b", re.IGNORECASE
        ),
    ),
    (
        "relative_unit",
        re.compile(
            r"\b(?P<modifier>(?:earlier|later|early|late)\s+(?:this|last|next)|last|this|next|"
            r"past|coming|previous)\s+(?P<unit>week|month|year|quarter|decade|century)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "period",
        re.compile(
            r"\bthe\s+(?P<which>latest|most recent|same|current|year-ago|year-earlier|"
            r"comparable|previous|prior)?\s*(?P<unit>quarter|period|year)\b"
            r"(?![- ]\w*(?:ago|earlier))",
            re.IGNORECASE,
        ),
    ),
    (
        "year_ago_adj",
        re.compile(r"\b(?P<which>year-earlier|year-ago|a year earlier)\b", re.IGNORECASE),
    ),
    (
        "day_word",
        re.compile(r"\b(?P<which>today|yesterday|tomorrow)\b", re.IGNORECASE),
    ),
    (
        "ref",
        re.compile(
            r"\b(?P<which>now|currently|recently|recent years|the past|the future|"
            r"nowadays|at present|these days|lately|in the future)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month_alone",
        re.compile(rf"\b(?:(?P<modifier>early|late|mid-?|last|next|this)\s*)?{_MONTH}\b"),
    ),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)s\b")),
    (
        "year",
        re.compile(rf"(?<![$£€\d.,-]){_YEAR}(?![\d%]|[.,]\d|\s*(?:%|percent|per cent))(?!-\d)"),
    ),
    (
        "duration",
        re.compile(rf"\b{_NUMBER}[- ]{_UNIT}(?:[- ]long|[- ]old)?\b", re.IGNORECASE),
    ),
    (
        "set",
        re.compile(
            r"\b(?P<which>daily|weekly|monthly|annually|yearly|every\s+(?:day|week|month|year))"
            r"\b",
            re.IGNORECASE,
        ),
    ),
]
_REFS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "recent": "PAST_REF",
    "recent years": "PAST_REF",
    "future": "FUTURE_REF",
    "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "the past": "PAST_REF",
    "lately": "PAST_REF",
    "formerly": "PAST_REF",
    "previously": "PAST_REF",
    "the future": "FUTURE_REF",
    "in the future": "FUTURE_REF",
    "soon": "FUTURE_REF",
}
_MAY_AS_MONTH = re.compile(
    r"(?:\bin|\bof|\bsince|\buntil|\bby|\bearly|\blate|\bmid-?|\blast|"
    r"\bnext|\bthis)\s*$",
    re.IGNORECASE,
)


def _future(text: str, left: int, start: int) -> bool:
    """True when the clause leading to a date speaks of the future ("will meet on Friday")."""
    clause_start = max(text.rfind(",", left, start), text.rfind(";", left, start), left)
    return _FUTURE_HINT.search(text, clause_start, start) is not None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return left + 1, min(right_candidates) if right_candidates else len(text)


def _value(
    kind: str, match: re.Match[str], norm: _Normaliser, future: bool, quarterly: bool = False
) -> tuple[str, str | None, str | None]:
    """(type, value, end_value) for one match; ``quarterly`` when its sentence speaks of
    quarters, where "a year ago" means the same quarter a year before."""
    g = match.groupdict()
    if kind in ("ago", "year_ago_adj") and quarterly and norm.anchor is not None:
        single_year = kind == "year_ago_adj" or (
            g["unit"].lower() == "year" and _count(g["count"]) == 1
        )
        if single_year:
            return "DATE", norm.relative("quarter", -5), None
    if kind == "iso":
        return "DATE", f"{g['year']}-{g['month']}-{g['day']}", None
    if kind in ("month_day_range", "day_month_range"):
        month = _month(g["month"])
        year = g["year"] or norm.year_of(month, int(g["day"]), future)
        first = f"{year}-{month:02d}-{int(g['day']):02d}"
        second = f"{year}-{month:02d}-{int(g['day2']):02d}"
        return "DATE", first, second
    if kind == "holiday":
        return "DATE", holiday_value(match, norm.anchor, future), None
    if kind == "weekend":
        return "DATE", weekend_value(match, norm.anchor, future), None
    if kind == "week_of":
        month, day_number = _month(g["month"]), int(g["day"])
        year = g["year"] or norm.year_of(month, day_number, future)
        if year == "XXXX" or not _valid(int(year), month, day_number):
            return "DATE", None, None
        return "DATE", _week(dt.date(int(year), month, day_number)), None
    if kind == "month_relative_year":
        month = _month(g["month"])
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
            number = 2000 + _count(g["small"] or "zero")
        else:
            century = 19 if g["century"].lower() == "nineteen" else 20
            number = century * 100 + _TENS[g["tens"].lower()] + _count(g["ones"] or "zero")
        if g["month"]:
            return "DATE", f"{number}-{_month(g['month']):02d}", None
        if g["season"]:
            return "DATE", f"{number}-{SEASONS[g['season'].lower()]}", None
        return "DATE", str(number), None
    if kind == "weekday_month_day":
        month, day_number = _month(g["month"]), int(g["day"])
        year = g["year"] or norm.year_of_weekday(month, day_number, WEEKDAYS[g["weekday"].lower()])
        return (
            "DATE",
            f"{year or norm.year_of(month, day_number, future)}-{month:02d}-{day_number:02d}",
            None,
        )
    if kind in ("month_day_year", "day_month_year"):
        month = _month(g["month"])
        return "DATE", f"{g['year']}-{month:02d}-{int(g['day']):02d}", None
    if kind in ("month_day", "day_month"):
        month = _month(g["month"])
        return (
            "DATE",
            f"{norm.year_of(month, int(g['day']), future)}-{month:02d}-{int(g['day']):02d}",
            None,
        )
    if kind == "month_year":
        return "DATE", f"{g['year']}-{_month(g['month']):02d}", None
    if kind == "time":
        hour = int(g["hour"]) % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
        minute = g["minute"]
        day = _iso(norm.anchor) if norm.anchor else "XXXX-XX-XX"
        clock = f"{hour:02d}:{minute}" if minute else f"{hour:02d}:00"
        return "TIME", f"{day}T{clock}", None
    if kind == "clock24":
        day = _iso(norm.anchor) if norm.anchor else "XXXX-XX-XX"
        return "TIME", f"{day}T{int(g['hour']):02d}:{g['minute']}", None
    if kind == "noon":
        day = _iso(norm.anchor) if norm.anchor else "XXXX-XX-XX"
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
                value = _iso(chosen + dt.timedelta(days=7))
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
        amount = _count(g["count"])
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
        return "DATE", _REFS[g["which"].lower()], None
    if kind == "month_alone":
        month = _month(g["month"])
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
        amount = _count(g["count"])
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


def _plausible(kind: str, match: re.Match[str], text: str) -> bool:
    """Reject what only looks like a date: "May" the verb, a day number that is no day."""
    g = match.groupdict()
    if g.get("month") and g["month"].lower() == "may" and kind == "month_alone":
        before = text[max(0, match.start() - 12) : match.start()]
        if not _MAY_AS_MONTH.search(before) and not (g.get("modifier")):
            return False
    if g.get("month") and g["month"][0].islower():
        return False
    month = g.get("month") or ""
    if (
        kind == "month_alone"
        and len(month) <= 4
        and not month.endswith(".")
        and month not in ("May", "June", "July")
    ):
        return False  # "Jan Kowalski": an abbreviation needs its full stop to stand alone
    if g.get("day") and not 1 <= int(g["day"]) <= 31:
        return False
    if g.get("day2") and not 1 <= int(g["day2"]) <= 31:
        return False
    if kind == "weekday" and g.get("weekday") and g["weekday"][0].islower():
        return False
    if kind == "season" and not (g.get("modifier") or g.get("year")):
        # "in the fall", "this summer"; not "the fall of the city"
        before = text[max(0, match.start() - 12) : match.start()].lower()
        after = text[match.end() : match.end() + 4].lower()
        if not re.search(r"\b(in|during|through|by|until|since)( the)?\s*$", before):
            return False
        if after.startswith(" of"):
            return False
    if kind == "month_alone" and _NAME_AFTER.match(text, match.end()):
        return False  # "April Smith": a first name
    if kind == "year":
        if match.start() > 0 and text[match.start() - 1] in "#$:/":
            return False
        before = text[max(0, match.start() - 10) : match.start()]
        if _PLURAL_AFTER.match(text, match.end()) and not _TEMPORAL_BEFORE.search(before):
            return False  # "2000 shares": a count
    return True


_NAME_AFTER = re.compile(r"\s+(?!(?:19|20)\d\d)[A-Z][a-z]+\b")
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")
_TEMPORAL_BEFORE = re.compile(
    r"\b(in|since|by|until|of|from|to|during|before|after|early|late|mid|fiscal)\s*$",
    re.IGNORECASE,
)


def find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Return the temporal expressions of ``text`` with values resolved against ``anchor``."""
    norm = _Normaliser(anchor)
    taken = bytearray(len(text))
    # A report about quarterly results compares quarters: "a year ago" is a quarter then.
    quarterly_text = len(_QUARTER_WORD.findall(text)) >= _QUARTERLY_MENTIONS
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]) or not _plausible(kind, match, text):
                continue
            left, right = _sentence_bounds(text, start, end)
            future = _future(text, max(left, start - _TENSE_WINDOW), start)
            quarterly = quarterly_text or "quarter" in text[left:right].lower()
            timex_type, value, end_value = _value(kind, match, norm, future, quarterly)
            if kind in ("month_day_range", "day_month_range") and text[
                start:end
            ].lower().startswith("from "):
                start += 5
            found.append(DateMention(text[start:end], start, end, timex_type, value, end_value))
            taken[start:end] = b"\x01" * (end - start)
    found.sort(key=lambda m: m.start)
    # Dates that refer back ("that day", "the following year") take their value from the
    # nearest earlier date of the text that is precise enough.
    earlier = [(m.start, m.value) for m in found if m.type == "DATE" and m.value]
    for chained in chained_dates(text, earlier, taken):
        found.append(
            DateMention(
                text[chained.start : chained.end], chained.start, chained.end, "DATE", chained.value
            )
        )
    found.sort(key=lambda m: m.start)
    return _join_times_to_days(text, found)


_QUARTER_WORD = re.compile(r"\bquarter(?:ly)?\b", re.IGNORECASE)
_QUARTERLY_MENTIONS = 3
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK = re.compile(r"T(\d\d:\d\d|MO|AF|EV|NI)$")


def _join_times_to_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 9": one time on that day."""
    joined: list[DateMention] = []
    index = 0
    while index < len(mentions):
        mention = mentions[index]
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            following is not None
            and mention.type == "TIME"
            and following.type == "DATE"
            and following.value is not None
            and _DAY_VALUE.match(following.value)
            and text[mention.end : following.start].strip(" ,") == ""
            and following.start - mention.end <= 2
        ):
            clock = _CLOCK.search(mention.value or "")
            value = f"{following.value}T{clock.group(1)}" if clock else mention.value
            joined.append(
                DateMention(
                    text[mention.start : following.end],
                    mention.start,
                    following.end,
                    "TIME",
                    value,
                )
            )
            index += 2
            continue
        joined.append(mention)
        index += 1
    return joined
