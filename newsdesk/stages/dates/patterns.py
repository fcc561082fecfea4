"""The expressions looked for, most specific first, and what rules a match out."""

from __future__ import annotations

import re

from newsdesk.stages.dates.durations import (
    ADJECTIVE_DURATION,
    DURATION,
    HALF,
    SET,
    VAGUE_DURATION,
    YEAR_ENDED,
    plausible_duration,
    plausible_set_adverb,
)
from newsdesk.stages.dates.holidays import HOLIDAY_PATTERN, WEEKEND_PATTERN
from newsdesk.stages.dates.references import (
    CENTURY,
    DECADE_WORDS,
    FISCAL,
    HALF_YEAR,
    NEAR_FUTURE,
    PERIOD_YEAR_BACK,
    RECENT_UNITS,
    VAGUE_ADJECTIVE,
    YEAR_EDGE,
    YEAR_PERIOD,
)
from newsdesk.stages.dates.vocabulary import (
    DAY,
    MONTH,
    NUMBER,
    PART,
    SPELLED_YEAR,
    UNIT,
    WEEKDAY,
    YEAR,
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    (
        "month_day_range",
        re.compile(
            rf"\b{MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|through)\s*"
            rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{YEAR})?"
        ),
    ),
    (
        "day_month_range",
        re.compile(
            rf"\b(?:from\s+)?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|to|through)\s*"
            rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+{MONTH}(?:,?\s+{YEAR})?\b"
        ),
    ),
    ("fiscal", FISCAL),
    ("century", CENTURY),
    ("decade_words", DECADE_WORDS),
    ("half_year", HALF_YEAR),
    ("year_period", YEAR_PERIOD),
    ("period_year_back", PERIOD_YEAR_BACK),
    ("holiday", HOLIDAY_PATTERN),
    ("set", SET),
    ("weekend", WEEKEND_PATTERN),
    (
        "week_of",
        re.compile(rf"\bthe\s+week\s+of\s+{MONTH}\s+{DAY}\b(?![,.]?\d)(?:,?\s+{YEAR}\b)?"),
    ),
    (
        "month_relative_year",
        re.compile(
            rf"\b{MONTH}(?:\s+{DAY})?,?\s+(?:of\s+)?(?P<which>this|last|next)\s+year\b(?!'s)"
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
            r"\s+of)\s+)?(?:(?:the\s+)?year\s+)?" + SPELLED_YEAR,
            re.IGNORECASE,
        ),
    ),
    (
        "weekday_month_day",
        re.compile(rf"\b{WEEKDAY},?\s+{MONTH}\s+{DAY}\b(?![,.]?\d)(?!\s*%)(?:,?\s+{YEAR}\b)?"),
    ),
    ("month_day_year", re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b")),
    ("day_month_year", re.compile(rf"\b{DAY}\s+{MONTH},?\s+{YEAR}\b")),
    ("month_day", re.compile(rf"\b{MONTH}\s+{DAY}\b(?![,.]?\d)(?!\s*%)")),
    ("day_month", re.compile(rf"\b{DAY}\s+{MONTH}\b")),
    ("month_year", re.compile(rf"\b{MONTH},?\s+{YEAR}\b")),
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
    (
        "clock_words",
        re.compile(
            r"\b(?P<hour>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
            r"twelve)(?:\s+o'clock)?\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|"
            r"at\s+night)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "noon",
        # "high noon" is a figure of speech, not a time of day.
        re.compile(r"(?<![Hh]igh )\b(?P<which>noon|midday|midnight)\b(?!\s+(?:Mass|Express)\b)"),
    ),
    (
        "weekday_part",
        re.compile(
            rf"\b(?:(?P<edge>early|late)\s+)?{WEEKDAY}\s+(?:{PART}|(?P<mid>midday|noon))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<modifier>[Ll]ast|[Nn]ext|[Tt]his|[Tt]he\s+(?:previous|preceding|prior))\s+)?"
            rf"{WEEKDAY}\b"
        ),
    ),
    (
        "part_of_today",
        re.compile(
            rf"\b(?:(?P<edge>early|late|later|earlier)\s+)?(?P<which>this|last|tomorrow|"
            rf"yesterday)\s+{PART}\b|\b(?P<mid>mid-?|mid\s)(?P<part2>morning|"
            rf"afternoon|evening)\b(?:\s+(?P<which2>yesterday|today|tomorrow))?",
            re.IGNORECASE,
        ),
    ),
    # "in the morning" with no day of its own: a part of the day its sentence is about.
    (
        "part_of_day",
        re.compile(r"(?<=\bin )the\s+(?P<part>morning|afternoon|evening)\b(?!\s+(?:of|after)\b)"),
    ),
    ("tonight", re.compile(r"\b(?P<which>tonight|overnight)\b", re.IGNORECASE)),
    (
        "quarter",
        re.compile(
            r"\b(?:the\s+)?(?:fiscal[- ])?(?P<ordinal>first|second|third|fourth)[- ]quarter\b"
            r"(?:\s+of\s+" + YEAR + r")?",
            re.IGNORECASE,
        ),
    ),
    (
        "season",
        re.compile(
            r"\b(?:(?P<modifier>last|this|next|early|late|this\s+past)\s+)?(?P<season>spring|summer|fall|"
            r"autumn|winter)\b(?:\s+(?:of\s+)?" + YEAR + r")?",
            re.IGNORECASE,
        ),
    ),
    (
        "beginning",
        re.compile(
            r"\b(?:since\s+)?the\s+(?P<edge>beginning|start|end|middle)\s+of\s+(?:the\s+)?"
            r"(?:(?P<which>this|last|next)\s+)?(?:(?P<unit>year|month|week)\b|"
            + YEAR
            + r"\b(?![-/]))"
            r"|\b(?:around\s+)?(?:(?<=\bsince )(?P<since2>))?(?P<unit2>year)(?:'s)?[- ]"
            r"(?P<edge2>end)\b",
            re.IGNORECASE,
        ),
    ),
    ("recent_units", RECENT_UNITS),
    ("duration_half", HALF),
    ("duration", DURATION),
    ("duration_year_ended", YEAR_ENDED),
    ("duration_adjective", ADJECTIVE_DURATION),
    (
        "ago",
        re.compile(
            rf"\b(?:(?:nearly|almost|about|around|roughly|some|more than|less than|over|"
            rf"just over)\s+)?(?:a\s+(?=few\b))?{NUMBER}\s+{UNIT}\s+(?:or so\s+)?"
            rf"(?P<direction>ago|earlier|from now)\b",
            re.IGNORECASE,
        ),
    ),
    ("duration_vague", VAGUE_DURATION),
    (
        "relative_unit",
        re.compile(
            r"\b(?:the\s+(?=(?:past|last)\s))?(?P<modifier>(?:earlier|later|early|late)\s+"
            r"(?:this|last|next)|last|this|next|"
            r"past|coming|previous)\s+(?P<unit>week|month|year|quarter|decade|century)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "period",
        re.compile(
            r"\bthe\s+(?P<which>latest|most recent|same|current|year-ago|year-earlier|"
            r"comparable|previous|prior|full)?\s*(?:fiscal\s+)?(?P<unit>quarter|period|year)\b"
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
    # "It's the second day of an offensive", "today is the eighth day of Desert Shield": the
    # day the text is written on, counted from the start of something.
    (
        "nth_day",
        re.compile(
            r"(?:(?<=\b[Tt]oday is )|(?<=\b[Ii]t's )|(?<=\b[Ii]t is )|(?<=\b[Tt]his is ))"
            r"the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
            r"\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|full\s+)?day\b"
        ),
    ),
    ("vague_adjective", VAGUE_ADJECTIVE),
    ("near_future", NEAR_FUTURE),
    (
        "ref",
        re.compile(
            r"\b(?P<which>now|currently|recently|recent years|the past(?!\s+(?:\d+|a|an|one|"
            r"two|three|four|five|six|seven|eight|nine|ten|twenty|several|few|couple)\b)|"
            r"the future|nowadays|at present|these days|lately)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month_alone",
        re.compile(rf"\b(?:(?P<modifier>early|late|mid-?|last|next|this)\s*)?{MONTH}\b"),
    ),
    (
        "decade",
        re.compile(r"\b(?:the\s+)?(?:(?:early|mid|late)[- ]?)?(?P<decade>(?:19|20)\d0)s\b"),
    ),
    ("year_edge", YEAR_EDGE),
    (
        "year",
        re.compile(rf"(?<![$£€\d.,-]){YEAR}(?![\d%]|[.,]\d|\s*(?:%|percent|per cent))(?!-\d)"),
    ),
]
REFS = {
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


def plausible(kind: str, match: re.Match[str], text: str) -> bool:
    """Reject what only looks like a date: "May" the verb, a day number that is no day."""
    g = match.groupdict()
    if g.get("month") and g["month"][0].islower():
        return False
    if _programme_name(match, text):
        return False
    if text.startswith(_COMPARED, match.end()):
        return False  # "the quarter-to-quarter comparison": a kind of comparison, no date
    if kind == "month_alone":
        return _month_alone(match, text)
    if g.get("day") and not 1 <= int(g["day"]) <= 31:
        return False
    if g.get("day2") and not 1 <= int(g["day2"]) <= 31:
        return False
    if kind.startswith("duration"):
        return plausible_duration(match, text)
    if kind == "set" and g.get("adverb"):
        return plausible_set_adverb(match, text)
    if kind == "weekday" and g.get("weekday") and g["weekday"][0].islower():
        return False
    if kind == "day_word" and _PRESENT_DAY.match(text, match.end()):
        return False  # "today's youth", "in today's world": the present age, not the day
    if kind == "season" and not (g.get("modifier") or g.get("year")):
        return _season_alone(match, text)
    if kind == "year":
        if match.start() > 0 and text[match.start() - 1] in "#$:/":
            return False
        before = text[max(0, match.start() - 10) : match.start()]
        if _PLURAL_AFTER.match(text, match.end()) and not _TEMPORAL_BEFORE.search(before):
            return False  # "2000 shares": a count
    return True


def _programme_name(match: re.Match[str], text: str) -> bool:
    """True for the name of a programme or paper: a title-case expression just after a
    quotation mark (ABC's "This Week", CBS's "60 Minutes"), or "Today" just after a
    capitalised name ("USA Today", "VOA Today")."""
    words = match.group().split()
    if len(words) > 1 and all(word[:1].isupper() or word[:1].isdigit() for word in words):
        return text[max(0, match.start() - 2) : match.start()].rstrip(" ").endswith(_QUOTES)
    return match.group() == "Today" and _NAME_BEFORE.search(text, 0, match.start()) is not None


_COMPARED = ("-to-", "-over-", "-on-")
_PRESENT_DAY = re.compile(
    r"'s\s+(?:world|society|youth|young|generations?|children|kids|standards|economy|culture)\b",
    re.IGNORECASE,
)
_QUOTES = ('"', "\u201c", "`", "'")
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\s$")


def _month_alone(match: re.Match[str], text: str) -> bool:
    """True for a month named alone that is the month: not "may" the verb, "Jan Kowalski",
    "April Smith" or "the March for Life"."""
    month = match["month"]
    if month.lower() == "may":
        before = text[max(0, match.start() - 12) : match.start()]
        if not _MAY_AS_MONTH.search(before) and not match.groupdict().get("modifier"):
            return False
    if len(month) <= 4 and not month.endswith(".") and month not in ("May", "June", "July"):
        return False  # "Jan Kowalski": an abbreviation needs its full stop to stand alone
    if _NAME_AFTER.match(text, match.end()):
        return False  # "April Smith": a first name
    # "the March for Life": a named march, not the month
    return not (month == "March" and _MARCH_NAMED.match(text, match.end()))


def _season_alone(match: re.Match[str], text: str) -> bool:
    """True for a season with no year or modifier that is a time: "in the fall", not "the
    fall of the city"."""
    before = text[max(0, match.start() - 16) : match.start()].lower()
    after = text[match.end() : match.end() + 4].lower()
    if not _SEASON_PREPOSITION.search(before):
        return False
    return not after.startswith(" of")


# A season after one of these ("over the summer", "well into the fall") is a time of year.
_SEASON_PREPOSITION = re.compile(
    r"\b(?:in|during|through|throughout|over|into|by|until|since|before|after)(?: the)?\s*$"
)
_MARCH_NAMED = re.compile(r"\s+(?:for|of|on|against)\s+(?:the\s+)?[A-Z][a-z]")
_NAME_AFTER = re.compile(r"\s+(?!(?:19|20)\d\d)[A-Z][a-z]+\b")
# A plural noun after a number makes it a count ("2000 shares"); "1989 is", "1990 was" and
# "1988 as" are verbs and words that only end like plurals.
_PLURAL_AFTER = re.compile(
    r"\s+(?!(?:is|was|has|does|as|its|his|this|thus|plus|less|unless|versus|whereas)\b)"
    r"[a-z]+s\b"
)
_TEMPORAL_BEFORE = re.compile(
    r"\b(in|since|by|until|of|from|to|during|before|after|early|late|mid|fiscal)\s*$",
    re.IGNORECASE,
)
