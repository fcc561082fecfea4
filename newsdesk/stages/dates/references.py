"""Dates news writes as references rather than calendar names: the present, past and future
as TimeML values them ("current", "recent", "the near future"), fiscal years ("fiscal
1998"), halves of a year ("the first half of 1990"), centuries and decades in words ("the 20th
century", "the nineties", "the '80s"), edges of a year ("mid-1996") and a reporting period
named by its year ("the 1988 quarter").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsdesk.stages.dates.normalise import Normaliser
from newsdesk.stages.dates.vocabulary import YEAR

_IGNORE = re.IGNORECASE

# "current" and "recent" before a noun ("the then current price": the past), but not the
# accounting words "current account", "current assets", nor a unit another pattern reads
# ("recent years", "the current quarter").
VAGUE_ADJECTIVE = re.compile(
    r"\b(?P<then>then[- ])?(?P<which>current|recent)\b(?=\s+[a-z])(?!\s+(?:accounts?|"
    r"assets?|liabilit\w*|dollars?|affairs|ratio|yield|price\s+of|years?|months?|weeks?|"
    r"days?|quarters?|periods?|decades?|times|history|past)\b)",
    _IGNORE,
)
# "in recent months": a stretch of months of unknown length up to now, `PXM` (the data value
# it so 7 times, `PAST_REF` 5); "in past years", "recent weeks and months": the past.
RECENT_UNITS = re.compile(
    r"\b(?P<which>recent|past)\s+(?P<unit>years|months|weeks|days|decades)"
    r"(?P<more>\s+and\s+(?:years|months|weeks|days))?\b",
    _IGNORE,
)
_UNIT_LETTERS = {"years": "Y", "months": "M", "weeks": "W", "days": "D", "decades": "DE"}
# "the near future", "the short term", "at a later date", and "one day" after a modal
# ("Islam will one day be the second largest religion"): some time to come, not a day's
# length.
_AFTER_MODAL = "".join(
    f"(?<={modal} )|" for modal in ("will", "would", "could", "may", "might", "can", "shall")
)
NEAR_FUTURE = re.compile(
    r"\b(?:the\s+)?(?:near|immediate)\s+future\b|\bthe\s+(?:near|short)\s+term\b"
    r"|\ba\s+(?:later|future)\s+date\b"
    rf"|(?:{_AFTER_MODAL[:-1]})(?:one|some)\s+day\b",
    _IGNORE,
)
FISCAL = re.compile(
    r"\bfiscal(?:\s+year)?\s+(?:(?P<year>(?:19|20)\d\d)|'(?P<short>\d\d))\b"
    r"|\bFY\s?(?P<year2>(?:19|20)\d\d)\b",
)
HALF_YEAR = re.compile(
    r"\b(?:the\s+)?(?P<which>first|second|last|latter|final)\s+half\b(?:\s+of\s+(?:(?:the\s+)?"
    r"(?P<year>(?:19|20)\d\d)|(?P<shift>this|last|next)\s+year|the\s+year))?(?!\s+of\b)",
    _IGNORE,
)
_ORDINAL_CENTURY = (
    r"(?P<number>1\d|20|21)(?:st|nd|rd|th)|(?P<word>nineteenth|twentieth|twenty-first|"
    r"eighteenth)"
)
CENTURY = re.compile(rf"\b(?:the\s+)?(?:{_ORDINAL_CENTURY})[- ]century\b", _IGNORE)
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
DECADE_WORDS = re.compile(
    r"\b(?:the\s+)?(?:(?P<edge>early|mid|late)[- ]?)?(?:nineteen[- ])?(?P<words>twenties|"
    r"thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"
    r"|\b(?:the\s+)?(?:(?P<edge2>early|mid|late)[- ]?)?'(?P<short>[2-9]0)s\b",
    _IGNORE,
)
# "mid-1996", "late 1989", and "post-1959 politics", "pre-1990 levels": the year.
YEAR_EDGE = re.compile(rf"\b(?:(?P<edge>early|mid|late)[- ]|(?:pre|post)-){YEAR}\b(?!s)", _IGNORE)
YEAR_PERIOD = re.compile(rf"\bthe\s+{YEAR}\s+(?:period|quarter)\b", _IGNORE)
# A reporting period placed a year back by the words after or before it: "the quarter a
# year ago", "the corresponding period last year", "last year's quarter". (With an ordinal,
# "last year's third quarter" is a quarter of a named year, read elsewhere.)
PERIOD_YEAR_BACK = re.compile(
    r"\b(?:the\s+)?(?:(?:same|corresponding|comparable|like)\s+)?(?:quarter|period)\s+"
    r"(?:of\s+)?(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+year\s+before|"
    r"the\s+(?:previous|prior|preceding)\s+year)\b"
    r"|\blast\s+year's\s+(?:(?:same|corresponding|comparable)\s+)?(?:quarter|period)\b",
    _IGNORE,
)

_CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21}


def reference_value(kind: str, match: re.Match[str], anchor_year: int | None) -> str | None:
    """The TimeML value of one match of the patterns above (``kind`` names which), against
    the anchor's year; None when it needs a year there is none of."""
    g = match.groupdict()
    if kind == "vague_adjective":  # "the then current price" was current in the past
        current = g["which"].lower() == "current" and not g["then"]
        return "PRESENT_REF" if current else "PAST_REF"
    if kind == "recent_units":
        if g["which"].lower() == "recent" and not g["more"]:
            return f"PX{_UNIT_LETTERS[g['unit'].lower()]}"
        return "PAST_REF"
    if kind == "near_future":
        return "FUTURE_REF"
    if kind == "fiscal":
        if g["short"]:
            short = int(g["short"])
            return str((1900 if short >= 30 else 2000) + short)
        return g["year"] or g["year2"]
    if kind == "half_year":
        half = "H1" if g["which"].lower() == "first" else "H2"
        year = _year_of(g, anchor_year)
        return f"{year}-{half}" if year else None
    if kind == "century":
        number = int(g["number"]) if g["number"] else _CENTURY_WORDS[g["word"].lower()]
        return f"{number - 1:02d}"
    if kind == "decade_words":
        digit = _DECADE_WORDS[g["words"].lower()] if g["words"] else int(g["short"]) // 10
        return f"19{digit}"
    return g["year"]  # "mid-1996", and "the 1988 quarter" (see ``year_period_value``)


def _year_of(g: dict[str, str | None], anchor_year: int | None) -> str | None:
    """The year a half is of: the one given, or this, last or next year from the anchor."""
    if g["year"]:
        return g["year"]
    if anchor_year is None:
        return None
    shift = {"last": -1, "next": 1}.get((g["shift"] or "").lower(), 0)
    return str(anchor_year + shift)


def year_period_value(match: re.Match[str], latest_quarter: str | None) -> str:
    """ "the 1988 quarter" in a quarterly report: the reported quarter (``latest_quarter``,
    such as ``1989-Q3``) of the year it names; the year alone when there is none."""
    if latest_quarter is None:
        return match["year"]
    return f"{match['year']}-{latest_quarter[-2:]}"


def reference_of(
    kind: str,
) -> Callable[[re.Match[str], Normaliser, bool], tuple[str, str | None, str | None]]:
    """The value function (type, value, end value) of one kind of reference above."""

    def value(
        m: re.Match[str], norm: Normaliser, future: bool
    ) -> tuple[str, str | None, str | None]:
        value = reference_value(kind, m, norm.anchor.year if norm.anchor else None)
        length = value is not None and value.startswith("PX")
        return ("DURATION" if length else "DATE"), value, None

    return value


def year_period(
    m: re.Match[str], norm: Normaliser, future: bool
) -> tuple[str, str | None, str | None]:
    """The value of "the 1988 quarter": that year's quarter of the latest reported one."""
    return "DATE", year_period_value(m, norm.relative("quarter", -1)), None
