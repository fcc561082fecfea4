"""Words, numbers and regular-expression pieces dates are written with."""

from __future__ import annotations

import datetime as dt
import re

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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
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
TENS = {word: number for word, number in NUMBERS.items() if number % 10 == 0 and number < 100}
ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

MONTH = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# A year in words, as transcripts of broadcasts write it: "nineteen ninety-six", "the year
# two thousand".
SPELLED_YEAR = (
    r"(?:(?P<century>nineteen|twenty)[- ](?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)(?:[- ](?P<ones>one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?<=year\s)(?P<thousand>two thousand)(?:\s+and\s+(?P<small>one|two|three|four|five|six|"
    r"seven|eight|nine|ten))?)\b"
)
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUMBER = r"(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|few)"  # noqa: E501
UNIT = r"(?P<unit>day|week|month|year|decade|century|hour|minute|quarter)s?"
PART = r"(?P<part>morning|afternoon|evening|night)"
FUTURE_HINT = re.compile(
    r"\b(will|won't|'ll|shall|would|next(?!\s+(?:to|door)\b)|upcoming|coming|plans? to|"
    r"planned|planning|"
    r"scheduled|expected to|set to|is to|are to|going to|as soon as|as early as|payable|"
    r"effective|starting|beginning|from now)\b",
    re.IGNORECASE,
)
MONTHS_AHEAD = 2
# How far from a date a future-tense hint still speaks for it (characters either side).
TENSE_WINDOW = 100


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def count_value(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS.get(word.lower(), 0)


# A value that names a day, alone or with a time: "1998-10-23", "1998-10-23T22:00".
DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:$|T)")


def iso_day(day: dt.date) -> str:
    return day.isoformat()


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
