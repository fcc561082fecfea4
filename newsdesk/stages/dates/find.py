"""Finding every temporal expression of a text."""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.model import DateMention
from newsdesk.stages.dates.chain import chained_dates, days_next_to_dates
from newsdesk.stages.dates.happenings import same_happening, shifted_from_happening
from newsdesk.stages.dates.normalise import Normaliser, sentence_bounds, speaks_of_future
from newsdesk.stages.dates.patterns import PATTERNS, plausible
from newsdesk.stages.dates.triggers import TRIGGERS
from newsdesk.stages.dates.values import match_value
from newsdesk.stages.dates.vocabulary import (
    DAY_VALUE,
    MONTH,
    ORDINAL_QUARTERS,
    TENSE_WINDOW,
    month_number,
)


def find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Return the temporal expressions of ``text`` with values resolved against ``anchor``."""
    norm = Normaliser(anchor)
    taken = bytearray(len(text))
    found: list[DateMention] = []
    bare_times: set[tuple[int, int]] = set()
    lowered = text.lower()
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for kind, pattern in PATTERNS:
        triggers = TRIGGERS.get(kind)
        if triggers is None:
            stretches = [(0, len(text))]
        else:
            if triggers not in windows:
                windows[triggers] = _stretches_around(lowered, triggers)
            stretches = windows[triggers]
        for match in (m for lo, hi in stretches for m in pattern.finditer(text, lo, hi)):
            start, end = match.span()
            if any(taken[start:end]) or not plausible(kind, match, text):
                continue
            left, right = sentence_bounds(text, start, end)
            future = _looks_ahead(text, kind, max(left, start - TENSE_WINDOW), start, end)
            quarter = _quarter_compared(text, kind, left, right, start, end)
            timex_type, value, end_value = match_value(kind, match, norm, future, quarter)
            if kind in ("month_day_range", "day_month_range") and text[
                start:end
            ].lower().startswith("from "):
                start += 5
            start = _without_leading_words(text, start, end)
            found.append(DateMention(text[start:end], start, end, timex_type, value, end_value))
            if kind in _BARE_TIMES or match.group().lower() == "overnight":
                bare_times.add((start, end))
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
    joined = _join_times_to_days(text, days_next_to_dates(text, found))
    return _times_on_days_of_their_sentence(text, joined, bare_times)


def _looks_ahead(text: str, kind: str, left: int, start: int, end: int) -> bool:
    """True when the words before a date (from ``left``) put it ahead of the anchor: a
    future tense, a deadline ("by February", "until 9 a.m. Tuesday"). A weekday whose clause
    goes on in the past ("a service planned for Saturday was canceled") or that names an
    event in the possessive ("would appeal Wednesday's ruling") is not ahead for a future
    word before it; "ahead of Tuesday's vote" is."""
    if kind in _WEEKDAY_KINDS and text.startswith("'s", end):
        return _AHEAD_OF.search(text, max(0, start - 24), start) is not None
    if speaks_of_future(text, left, start):
        return not (kind in _WEEKDAY_KINDS and _PAST_AFTER.match(text, end) is not None)
    if kind in _CALENDAR_KINDS:
        return _DEADLINE.search(text, max(0, start - 16), start) is not None
    return (
        kind in _WEEKDAY_KINDS
        and _WEEKDAY_DEADLINE.search(text, max(0, start - 32), start) is not None
        and _PAST_PERFECT_AFTER.search(text, end, end + 32) is None
    )


def _without_leading_words(text: str, start: int, end: int) -> int:
    """Where an expression starts without the words TimeML leaves outside it: "over" before
    a placed stretch ("over the past two years": the preposition), "the" before a length or
    quarter used as an adjective ("the 14-day waiting period", "the third-quarter loss": the
    article belongs to the noun)."""
    over = _OVER_THE.match(text, start, end)
    if over:
        return over.end()
    if _THE_ADJECTIVE.fullmatch(text, start, end):
        return start + 4
    return start


_OVER_THE = re.compile(r"over\s+(?=the\s)", re.IGNORECASE)
_THE_ADJECTIVE = re.compile(
    r"the\s(?:fiscal[- ])?[\w.]+-(?:day|week|month|year|quarter|hour|minute|decade|century)",
    re.IGNORECASE,
)


def _quarter_compared(
    text: str, kind: str, left: int, right: int, start: int, end: int
) -> int | None:
    """For "a year ago" where results of quarters are compared (the sentence from ``left``
    to ``right`` or the one before speaks of quarters): the quarter it compares with (see
    :func:`_named_quarter`); None when it is not such an expression or not about quarters.
    For "the quarter", "the latest period", "the 1988 period": the quarter the text reports
    on, the first it names; for "the quarter ended July 31", the calendar quarter most of
    its three months fall in (May to July: the second)."""
    if kind not in _YEAR_BACK_KINDS and kind not in ("period", "year_period"):
        return None
    if kind in ("period", "year_period"):
        ended = _ENDED_ON.match(text, end)
        if ended is not None:
            return (month_number(ended["month"]) - 2) % 12 // 3 + 1
        return _named_quarter(text, 0, start, first=True)
    before = _previous_sentence_start(text, left)
    if _QUARTER_WORD.search(text, before, right) is None:
        return None
    return _named_quarter(text, before, start)


_ENDED_ON = re.compile(rf"\s+end(?:ed|ing)\s+{MONTH}\s+\d", re.IGNORECASE)
_YEAR_BACK_KINDS = frozenset({"ago", "year_ago_adj", "period_year_back"})
_QUARTER_WORD = re.compile(r"\bquarter", re.IGNORECASE)  # not "headquarters"
# A month or day named as a deadline ("by February", "until Jan. 5") lies ahead.
_CALENDAR_KINDS = frozenset({"month_alone", "month_day", "day_month", "month_day_range"})
_DEADLINE = re.compile(r"\b(?:by|until|till|through|from)\s+(?:early\s+|late\s+|mid-?)?$")
# A weekday a wait lasts until ("postponed until Tuesday morning", "until 9 a.m. EST Tuesday")
# lies ahead; "not until Tuesday", "up until Thursday" and "until Thursday, they had..." look
# back on it.
_WEEKDAY_KINDS = frozenset({"weekday", "weekday_part"})
_WEEKDAY_DEADLINE = re.compile(
    r"(?<!\bnot )(?<!\bup )\b(?:until|till)\s+(?:[\d:]+\s*[ap]\.m\.\s+(?:[A-Z]{3}\s+)?|"
    r"noon\s+|midnight\s+)?$",
    re.IGNORECASE,
)
_PAST_PERFECT_AFTER = re.compile(r"\bhad\b", re.IGNORECASE)
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|upcoming|coming)\s+(?:the\s+)?$", re.IGNORECASE)
_PAST_AFTER = re.compile(r"\s+(?:was|were)\s+(?!to\b|going\b|expected\b|scheduled\b|due\b)")
# No expression is longer than this: around each trigger word, this much text either side is
# searched (and a match containing the word always lies within it).
_REACH = 64


def _stretches_around(lowered: str, triggers: tuple[str, ...]) -> list[tuple[int, int]]:
    """The stretches of the text, merged and in order, within reach of a trigger word."""
    spans = []
    for trigger in triggers:
        at = lowered.find(trigger)
        while at != -1:
            if at == 0 or not lowered[at - 1].isalpha():
                spans.append((max(0, at - _REACH), min(len(lowered), at + len(trigger) + _REACH)))
            at = lowered.find(trigger, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


_BARE_TIMES = frozenset({"time", "clock24", "noon", "clock_words", "part_of_day"})


def _times_on_days_of_their_sentence(
    text: str, mentions: list[DateMention], bare_times: set[tuple[int, int]]
) -> list[DateMention]:
    """Clock times with no day of their own ("at 10:35 a.m.", "in the morning") placed on
    the day :func:`_day_of_clock_time` finds; "overnight" is the night before that day."""
    result = []
    for mention in mentions:
        clock = _CLOCK.search(mention.value or "")
        if (mention.start, mention.end) in bare_times and clock:
            others = [m for m in mentions if m is not mention]
            date = _day_of_clock_time(text, mention, others)
            if date:
                if mention.text.lower() == "overnight" and _DAY_ALONE.match(date):
                    date = (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()
                value = f"{date}T{clock.group(1)}"
                mention = DateMention(mention.text, mention.start, mention.end, mention.type, value)
        result.append(mention)
    return result


def _day_of_clock_time(text: str, mention: DateMention, others: list[DateMention]) -> str:
    """The day of a clock time: counted from a dated happening ("6 a.m. ten days before the
    shooting"), else the day its sentence gives ("... occurred at about 10:35 a.m. (0735
    GMT) Friday"), else the day the sentence before gives, else the day an earlier sentence
    gave to the same happening told in the same words; "" for the anchor's."""
    counted = shifted_from_happening(text, mention, others)
    if counted:
        return counted
    left, right = sentence_bounds(text, mention.start, mention.end)
    days = (
        _days_within(others, left, right)
        or _days_within(others, _previous_sentence_start(text, left), left)
        or same_happening(text, mention, others)
    )
    if not days:
        return ""
    return (min(days, key=lambda m: abs(m.start - mention.start)).value or "")[:10]


def _days_within(mentions: list[DateMention], left: int, right: int) -> list[DateMention]:
    """The mentions between ``left`` and ``right`` that name a day."""
    return [
        m
        for m in mentions
        if left <= m.start < right
        and m.value
        and DAY_VALUE.match(m.value)
        and m.type in ("DATE", "TIME")
    ]


def _previous_sentence_start(text: str, left: int) -> int:
    """Where the sentence before the one starting at ``left`` starts."""
    return sentence_bounds(text, left - 2, left - 2)[0] if left > 1 else left


def _named_quarter(text: str, left: int, start: int, first: bool = False) -> int:
    """The quarter last (or ``first``) reported on between ``left`` and ``start``
    ("fourth-quarter profit", not "will result in a fourth-quarter charge"), or 0 when none
    is."""
    named = 0
    for match in _ORDINAL_QUARTER.finditer(text, left, start):
        if not speaks_of_future(text, left, match.start()):
            named = ORDINAL_QUARTERS[match.group(1).lower()]
            if first:
                break
    return named


_ORDINAL_QUARTER = re.compile(r"\b(first|second|third|fourth)(?:-|\s+)quarter\b", re.IGNORECASE)


# A value that is a day and nothing more: "1998-10-23".
_DAY_ALONE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
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
            and _DAY_ALONE.match(following.value)
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
