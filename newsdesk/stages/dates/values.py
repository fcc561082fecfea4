"""The TimeML type and value of each kind of matched expression, resolved against the anchor."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping

from newsdesk.stages.dates.durations import duration_value, set_value
from newsdesk.stages.dates.holidays import holiday_value, weekend_value
from newsdesk.stages.dates.normalise import Normaliser
from newsdesk.stages.dates.patterns import REFS
from newsdesk.stages.dates.references import reference_of, year_period
from newsdesk.stages.dates.vocabulary import (
    ORDINAL_QUARTERS,
    PARTS_OF_DAY,
    SEASONS,
    TENS,
    WEEKDAYS,
    count_value,
    iso_day,
    iso_week,
    month_number,
    valid,
)

TimexValue = tuple[str, str | None, str | None]
"""(TimeML type, value, end value): the end value only for a range of days."""

_SHIFT = {"this": 0, "last": -1, "next": 1}


def match_value(
    kind: str, match: re.Match[str], norm: Normaliser, future: bool, quarter: int | None = None
) -> TimexValue:
    """(type, value, end_value) for one match. ``quarter`` is given when the text around it
    reports on quarters, where "a year ago" means the same quarter a year before: the quarter
    the report names (1 to 4), or 0 for the last one ended."""
    if quarter is not None and norm.anchor is not None and _one_year_back(kind, match):
        return "DATE", norm.quarter_a_year_back(quarter), None
    if quarter and norm.anchor is not None and _reported_period(kind, match):
        return "DATE", norm.quarter_a_year_back(quarter, years=0), None
    if quarter and kind == "year_period":  # "the 1988 period" of a fiscal first quarter
        return "DATE", f"{match['year']}-Q{quarter}", None
    value_of = _VALUE_OF_KIND.get(kind)
    if value_of is None:
        return "DATE", None, None
    return value_of(match, norm, future)


def _one_year_back(kind: str, m: re.Match[str]) -> bool:
    """True for "a year ago", "one year earlier", "year-ago" and "the quarter a year ago"."""
    if kind in ("year_ago_adj", "period_year_back"):
        return True
    return kind == "ago" and m["unit"].lower() == "year" and count_value(m["count"]) == 1


def _reported_period(kind: str, m: re.Match[str]) -> bool:
    """True for "the quarter", "the latest quarter", "the latest period": in a quarterly
    report, the quarter the report names ("its fiscal first quarter ... in the quarter")."""
    if kind != "period" or m["unit"].lower() == "year":
        return False
    return (m["which"] or "").lower() in ("", "latest", "most recent")


def _today(norm: Normaliser) -> str:
    return iso_day(norm.anchor) if norm.anchor else "XXXX-XX-XX"


# --- calendar dates ---------------------------------------------------------------------


def _iso(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DATE", f"{m['year']}-{m['month']}-{m['day']}", None


def _day_range(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    month = month_number(m["month"])
    year = m["year"] or norm.year_of(month, int(m["day"]), future)
    first = f"{year}-{month:02d}-{int(m['day']):02d}"
    second = f"{year}-{month:02d}-{int(m['day2']):02d}"
    return "DATE", first, second


def _holiday(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DATE", holiday_value(m, norm.anchor, future), None


def _weekend(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DATE", weekend_value(m, norm.anchor, future), None


def _week_of(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    month, day_number = month_number(m["month"]), int(m["day"])
    year = m["year"] or norm.year_of(month, day_number, future)
    if year == "XXXX" or not valid(int(year), month, day_number):
        return "DATE", None, None
    return "DATE", iso_week(dt.date(int(year), month, day_number)), None


def _month_relative_year(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    month = month_number(m["month"])
    shift = _SHIFT[m["which"]]
    year_text = str(norm.anchor.year + shift) if norm.anchor else "XXXX"
    day_text = f"-{int(m['day']):02d}" if m["day"] else ""
    return "DATE", f"{year_text}-{month:02d}{day_text}", None


def _spelled_year(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    if m["thousand"]:
        number = 2000 + count_value(m["small"] or "zero")
    else:
        century = 19 if m["century"].lower() == "nineteen" else 20
        number = century * 100 + TENS[m["tens"].lower()] + count_value(m["ones"] or "zero")
    if m["month"]:
        return "DATE", f"{number}-{month_number(m['month']):02d}", None
    if m["season"]:
        return "DATE", f"{number}-{SEASONS[m['season'].lower()]}", None
    return "DATE", str(number), None


def _weekday_month_day(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    month, day_number = month_number(m["month"]), int(m["day"])
    year = m["year"] or norm.year_of_weekday(month, day_number, WEEKDAYS[m["weekday"].lower()])
    return (
        "DATE",
        f"{year or norm.year_of(month, day_number, future)}-{month:02d}-{day_number:02d}",
        None,
    )


def _full_date(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    month = month_number(m["month"])
    return "DATE", f"{m['year']}-{month:02d}-{int(m['day']):02d}", None


def _day_without_year(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    month = month_number(m["month"])
    return (
        "DATE",
        f"{norm.year_of(month, int(m['day']), future)}-{month:02d}-{int(m['day']):02d}",
        None,
    )


def _month_year(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DATE", f"{m['year']}-{month_number(m['month']):02d}", None


def _month_alone(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    month = month_number(m["month"])
    modifier = (m["modifier"] or "").lower().rstrip("-")
    if modifier in ("last", "next", "this") and norm.anchor is not None:
        year = norm.anchor.year
        if modifier == "last" and month >= norm.anchor.month:
            year -= 1
        if modifier == "next" and month <= norm.anchor.month:
            year += 1
        return "DATE", f"{year}-{month:02d}", None
    return "DATE", f"{norm.year_of(month, None, future)}-{month:02d}", None


def _decade(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DATE", m["decade"][:3], None  # TimeML's value for a decade: "198"


def _year(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DATE", m["year"], None


# --- times of day -----------------------------------------------------------------------


def _time(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    hour = int(m["hour"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    minute = m["minute"]
    clock = f"{hour:02d}:{minute}" if minute else f"{hour:02d}:00"
    return "TIME", f"{_today(norm)}T{clock}", None


def _clock24(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "TIME", f"{_today(norm)}T{int(m['hour']):02d}:{m['minute']}", None


def _noon(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    clock = "24:00" if m["which"].lower() == "midnight" else "12:00"
    return "TIME", f"{_today(norm)}T{clock}", None


def _part_of_today(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    g = m.groupdict()
    if not g.get("which") and not g.get("part2"):  # "in the morning": the anchor's
        return "TIME", f"{_today(norm)}T{PARTS_OF_DAY[m['part'].lower()]}", None
    if g["part2"]:  # "mid-afternoon (yesterday)"
        offset = {"yesterday": -1, "tomorrow": 1}.get((m["which2"] or "").lower(), 0)
        day = norm.relative_day(offset) or "XXXX-XX-XX"
        return "TIME", f"{day}T{PARTS_OF_DAY[m['part2'].lower()]}", None
    which = m["which"].lower()
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[which]
    part = PARTS_OF_DAY[m["part"].lower()]
    if which == "last" and part != "NI":
        offset = 0
    day = norm.relative_day(offset) or "XXXX-XX-XX"
    return "TIME", f"{day}T{part}", None


def _clock_words(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    """ "4 in the morning", "eight in the evening", "ten at night"."""
    hour = count_value(m["hour"]) % 12
    if (m["part"] or "").lower() in ("afternoon", "evening") or (not m["part"] and hour >= 6):
        hour += 12
    return "TIME", f"{_today(norm)}T{hour:02d}:00", None


def _tonight(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    # "overnight" is the night before the day reported on: here the anchor's.
    offset = -1 if m["which"].lower() == "overnight" else 0
    return "TIME", f"{norm.relative_day(offset) or 'XXXX-XX-XX'}TNI", None


# --- weekdays, quarters and seasons -----------------------------------------------------


# A named day's morning or night is dated by the day alone, as the data mostly does
# ("Friday night": 10 the day alone, 5 with TNI, 3 with TEV), a DATE; an evening keeps its
# part ("Friday evening": 1989-10-27TEV), and a value with a part of the day is a TIME.
_DAY_ALONE_PARTS = frozenset({"MO", "NI"})


def _weekday_part(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    # "Wednesday night" is a time of that day, as TimeML types it: 1998-08-05TNI.
    weekday = WEEKDAYS[m["weekday"].lower()]
    day = norm.weekday(weekday, future) or f"XXXX-WXX-{weekday + 1}"
    if m["mid"]:
        return "TIME", f"{day}T12:00", None
    part = PARTS_OF_DAY[m["part"].lower()]
    if part in _DAY_ALONE_PARTS:
        return "DATE", day, None
    return "TIME", f"{day}T{part}", None


def _weekday(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    modifier = (m["modifier"] or "").lower()
    weekday = WEEKDAYS[m["weekday"].lower()]
    value = norm.weekday(weekday, future or modifier == "next")
    if modifier == "next" and value and norm.anchor:
        chosen = dt.date.fromisoformat(value)
        if (chosen - norm.anchor).days < 1:
            value = iso_day(chosen + dt.timedelta(days=7))
    if modifier.startswith("the"):  # "the previous Friday": the week before the last one
        last = norm.weekday(weekday, False)
        if last is None:
            return "DATE", f"XXXX-WXX-{weekday + 1}", None
        return "DATE", iso_day(dt.date.fromisoformat(last) - dt.timedelta(days=7)), None
    if modifier == "last" and value and norm.anchor:
        chosen = dt.date.fromisoformat(value)
        if chosen >= norm.anchor:  # "last Wednesday" said on a Wednesday: a week before
            value = iso_day(norm.anchor - dt.timedelta(days=7))
    return "DATE", value or f"XXXX-WXX-{weekday + 1}", None


def _year_quarter(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    quarter = ORDINAL_QUARTERS[m["ordinal"].lower()]
    if m["year"]:
        return "DATE", f"{m['year']}-Q{quarter}", None
    if norm.anchor is None:
        return "DATE", f"XXXX-Q{quarter}", None
    shift = _SHIFT[(m["which"] or "last").lower()]
    return "DATE", f"{norm.anchor.year + shift}-Q{quarter}", None


def _quarter(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    quarter = ORDINAL_QUARTERS[m["ordinal"].lower()]
    if m["year"]:
        return "DATE", f"{m['year']}-Q{quarter}", None
    if norm.anchor is None:
        return "DATE", f"XXXX-Q{quarter}", None
    year = norm.anchor.year
    if quarter > (norm.anchor.month - 1) // 3 + 1 and not future:
        year -= 1
    return "DATE", f"{year}-Q{quarter}", None


def _season(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    season = SEASONS[m["season"].lower()]
    modifier = (m["modifier"] or "").lower()
    if m["year"]:
        return "DATE", f"{m['year']}-{season}", None
    if norm.anchor is None:
        return "DATE", f"XXXX-{season}", None
    year = norm.anchor.year + {"last": -1, "next": 1}.get(modifier, 0)
    return "DATE", f"{year}-{season}", None


# --- expressions relative to the anchor -------------------------------------------------


def _beginning(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    # "the end of the month" is of the anchor's month; "the end of 1990" of that year.
    if m["year"]:
        start = (m["edge"] or "").lower() in ("beginning", "start")
        return "DATE", f"{m['year']}-01-01" if start else m["year"], None
    if m["unit2"]:
        # "by year-end": the anchor's year, as the data mostly values it (3 of 5; 2 give the
        # last day); "since year-end" looks back to the end of the year before.
        return "DATE", norm.relative("year", -1 if m["since2"] is not None else 0), None
    unit = m["unit"].lower()
    period = norm.relative(unit, _SHIFT[(m["which"] or "this").lower()])
    if period is None:
        return "DATE", None, None
    if m["edge"].lower() in ("beginning", "start"):
        if unit == "year":
            return "DATE", f"{period}-01-01", None
        if unit == "month":
            return "DATE", f"{period}-01", None
    return "DATE", period, None


def _ago(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    amount = count_value(m["count"])
    unit = m["unit"].lower()
    direction = -1 if m["direction"].lower() in ("ago", "earlier") else 1
    if amount == 0 or unit in ("hour", "minute"):
        return "DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", None
    if norm.anchor is None:
        return "DATE", None, None
    if unit == "day":
        return "DATE", norm.relative_day(direction * amount), None
    return "DATE", norm.relative(unit, direction * amount), None


def _relative_unit(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    modifier = m["modifier"].lower().split()[-1]
    amount = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[modifier]
    return "DATE", norm.relative(m["unit"].lower(), amount), None


def _period(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    which = (m["which"] or "").lower()
    unit = m["unit"].lower()
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


def _year_ago_adj(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DATE", norm.relative("year", -1), None


def _day_word(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["which"].lower()]
    return "DATE", norm.relative_day(offset), None


def _nth_day(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DATE", norm.relative_day(0), None


def _ref(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DATE", REFS[m["which"].lower()], None


# --- durations and sets -----------------------------------------------------------------


def _duration(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "DURATION", duration_value(m), None


def _set(m: re.Match[str], norm: Normaliser, future: bool) -> TimexValue:
    return "SET", set_value(m), None


_VALUE_OF_KIND: Mapping[str, Callable[[re.Match[str], Normaliser, bool], TimexValue]] = {
    "iso": _iso,
    "month_day_range": _day_range,
    "day_month_range": _day_range,
    "holiday": _holiday,
    "weekend": _weekend,
    "week_of": _week_of,
    "month_relative_year": _month_relative_year,
    "year_quarter": _year_quarter,
    "spelled_year": _spelled_year,
    "weekday_month_day": _weekday_month_day,
    "month_day_year": _full_date,
    "day_month_year": _full_date,
    "month_day": _day_without_year,
    "day_month": _day_without_year,
    "month_year": _month_year,
    "time": _time,
    "clock24": _clock24,
    "noon": _noon,
    "weekday_part": _weekday_part,
    "weekday": _weekday,
    "part_of_today": _part_of_today,
    "part_of_day": _part_of_today,
    "clock_words": _clock_words,
    "tonight": _tonight,
    "quarter": _quarter,
    "season": _season,
    "beginning": _beginning,
    "ago": _ago,
    "relative_unit": _relative_unit,
    "period": _period,
    "year_ago_adj": _year_ago_adj,
    "period_year_back": _year_ago_adj,
    "day_word": _day_word,
    "nth_day": _nth_day,
    "ref": _ref,
    "month_alone": _month_alone,
    "decade": _decade,
    "year": _year,
    "duration": _duration,
    "duration_half": _duration,
    "duration_year_ended": _duration,
    "duration_adjective": _duration,
    "duration_vague": _duration,
    "year_period": year_period,
    **{
        kind: reference_of(kind)
        for kind in (
            "vague_adjective",
            "near_future",
            "recent_units",
            "fiscal",
            "half_year",
            "century",
            "decade_words",
            "year_edge",
        )
    },
    "set": _set,
}
