"""Durations and sets as TimeML marks them: "three years", "the past two months", "more than
a week", "a few months", "half an hour", "2 1/2 years", "for years", "the coming weeks";
"every Monday", "each July", "twice a year", "hourly".

A duration's span takes its modifier ("nearly", "at least") and its determiner with a word
that places it ("the past", "the next", "the first"), as the TimeML guidelines do; the value
is the length alone (``P2M``, ``PT30M``, ``PXY`` when the count is vague). A count of time
units that only gives a rate ("$2 million a year", "four flights a week") or an age
("a 6-year-old boy", "52 years old") is not a temporal expression.
"""

from __future__ import annotations

import re

from newsdesk.stages.dates.vocabulary import MONTHS, NUMBERS, PARTS_OF_DAY, SEASONS, WEEKDAYS

_SMALL = {
    **{word: number for word, number in NUMBERS.items() if number},
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}
_VAGUE = ("few", "a few", "several", "many", "some", "a number of", "the", "")


def _compiled(*parts: str) -> re.Pattern[str]:
    """One case-blind pattern from its pieces."""
    return re.compile("".join(parts), re.IGNORECASE)


_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
NUMBER = (
    r"(?P<count>\d{1,3}(?:,\d{3})?|(?:" + _TENS + r")(?:[- ](?:" + _ONES + r"))?|"
    r"a\s+hundred|a\s+dozen|a\s+couple(?:\s+of)?|a\s+few|a\s+number\s+of|an?|"
    + _ONES
    + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"several|few|many|hundred|dozen)"
)
_UNIT_WORDS = (
    r"(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|"
    r"century|quarters?)"
)
_MODIFIER = (
    r"(?P<mod>(?:more|less|fewer)\s+than|nearly|almost|about|around|roughly|approximately|"
    r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|just\s+over|just\s+under|well\s+over|"
    r"over|under|some|a\s+full)"
)
_PLACE = (
    r"(?P<place>past|last|next|first|coming|previous|latest|final|remaining|following|"
    r"ensuing|same|initial|year-earlier|full|entire|whole)"
)
_LENGTH = (
    NUMBER + r"(?P<half>\s+1/2|\s+and\s+a\s+half)?[- ]"
    r"(?:(?:more|additional|full|straight|consecutive|trading|business|working)\s+)?"
    + _UNIT_WORDS
    + r"(?P<half2>\s+and\s+a\s+half)?(?:\s+or\s+so)?"
)
DURATION = _compiled(
    r"\b(?:",
    _MODIFIER,
    r"\s+)?(?:(?P<det>the|each\s+of\s+the|at\s+least\s+the)\s+(?:",
    _PLACE,
    r"\s+)?)?",
    _LENGTH,
    r"\b(?![- ]old\b|\s+old\b|-)",
)
HALF = _compiled(
    r"\b(?:",
    _MODIFIER,
    r"\s+)?(?:half\s+an?\s+|a\s+half[- ]|half[- ])",
    r"(?P<unit>hour|day|year|century|decade|month)\b(?![- ]old\b)",
)
# Units in the plural with no count, where the words around make them a stretch of time:
# "for years", "in recent months", "the coming weeks", "within days", "the past few years".
VAGUE_DURATION = _compiled(
    r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bover\s)|(?<=\bin\s))(?:(?P<det>the)\s+)?"
    r"(?:(?P<place>past|last|next|coming|following|ensuing|previous)\s+)?"
    r"(?:(?:few|several|many)\s+)?(?P<unit>years|months|weeks|days|hours|minutes|decades|"
    r"centuries)\b(?!\s+(?:ago|earlier|of\s+(?:the|his|her|their|its)\b))"
    r"|\b(?:(?P<det2>the)\s+)?(?P<place2>coming|ensuing)\s+(?P<unit2>years|months|"
    r"weeks|days|decades)\b",
)
ADJECTIVE_DURATION = _compiled(
    r"\b",
    NUMBER,
    r"-(?P<unit>year|month|week|day|hour|minute|decade|century)(?:-long)?\b(?!-old)"
    # "a day-long meeting" lasts a day, "a decades-long feud" decades.
    r"|\b(?P<unit2>day|week|month|year|hour|decade)(?P<many>s)?-long\b",
)
YEAR_ENDED = re.compile(
    r"\bthe\s+(?:fiscal\s+)?(?P<unit>year)(?=\s+(?:that\s+)?end(?:ed|ing|s)\b)", re.IGNORECASE
)

_SET_UNIT = {
    "hour": "PT1H",
    "day": "P1D",
    "night": "P1D",
    "week": "P1W",
    "month": "P1M",
    "quarter": "P1Q",
    "year": "P1Y",
    "decade": "P10Y",
    "morning": "P1D",
    "afternoon": "P1D",
    "evening": "P1D",
    "weekend": "P1W",
}
_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
SET = re.compile(
    r"\b(?P<which>every|each)\s+(?:(?P<other>other|single)\s+)?(?P<what>hour|day|night|week|"
    r"weekend|month|quarter|year|decade|morning|afternoon|evening|spring|summer|fall|autumn|"
    r"winter|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|" + _MONTH_NAMES + r")"
    r"\b(?!\s+(?:of|since|before|after)\b)"
    r"|\b(?P<times>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|each|every)\s+"
    r"(?P<per>hour|day|week|month|quarter|year)\b"
    r"|(?<!average\s)(?<!%\s)\b(?P<adverb>daily|weekly|monthly|annually|yearly|hourly|nightly)\b"
    r"|\b(?P<plural>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days|(?P<weekday>Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+|(?=\s+(?:and|or)\s+\w+day\s+))"
    r"(?P<parts>mornings|afternoons|evenings|nights|(?=\s+(?:and|or)\s+\w+day\s+(?P<parts2>"
    r"mornings|afternoons|evenings|nights)\b)))\b",
    re.IGNORECASE,
)
_ADVERB = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
}


def count_of(word: str) -> int | None:
    """The number a count is written with ("24", "twenty-four", "a dozen"); None when vague
    ("several", "a few")."""
    word = " ".join(word.lower().replace("-", " ").split())
    if word in _VAGUE:
        return None
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    if word in _SMALL:
        return _SMALL[word]
    parts = word.split()
    if len(parts) == 2 and parts[0] in _SMALL and parts[1] in _SMALL:
        return _SMALL[parts[0]] + _SMALL[parts[1]]
    return None


_LETTER = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "hour": "H",
    "minute": "M",
    "second": "S",
    "quarter": "Q",
}
# Half of a unit written in the next smaller one: "2 1/2 years" is P2Y6M.
_HALF = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S"}


def unit_of(word: str) -> str:
    """The singular unit of a unit word ("centuries" -> "century")."""
    word = word.lower()
    if word == "centuries":
        return "century"
    return word[:-1] if word.endswith("s") else word


def length_value(amount: int | None, unit: str, half: bool = False) -> str:
    """The TimeML value of a length of ``amount`` units (X when unknown): ``P3Y``, ``PT2H``,
    ``P2Y6M`` for two and a half years; decades and centuries in years."""
    if unit in ("decade", "century"):
        years = 10 if unit == "decade" else 100
        return f"P{amount * years}Y" if amount else "PXY" if unit == "decade" else "PXC"
    letter = _LETTER[unit]
    time = "T" if unit in ("hour", "minute", "second") else ""
    count = str(amount) if amount is not None else "X"
    if not half or amount is None:
        return f"P{time}{count}{letter}"
    extra = _HALF.get(unit)
    if extra is None:
        return f"P{time}{amount}.5{letter}"
    if extra.startswith("T"):
        return f"P{amount}{letter}{extra}"
    return f"P{time}{amount}{letter}{extra}"


def duration_value(match: re.Match[str]) -> str:
    """The value of a DURATION, HALF, VAGUE_DURATION, ADJECTIVE_DURATION or YEAR_ENDED
    match."""
    g = match.groupdict()
    unit = unit_of(g.get("unit") or g.get("unit2") or "year")
    if match.re is HALF:
        if unit in ("hour", "day"):
            return "PT30M" if unit == "hour" else "PT12H"
        return {"year": "P6M", "month": "P2W", "decade": "P5Y", "century": "P50Y"}[unit]
    if g.get("unit2") and match.re is ADJECTIVE_DURATION:
        return length_value(None if g["many"] else 1, unit)
    if g.get("count") is None:
        return "P1Y" if match.re is YEAR_ENDED else length_value(None, unit)
    half = bool(g.get("half") or g.get("half2"))
    return length_value(count_of(g["count"]), unit, half)


def set_value(match: re.Match[str]) -> str:
    """The value of a SET match: ``P1W`` for "weekly", ``XXXX-WXX-1`` for "every Monday",
    ``XXXX-07`` for "each July", ``XXXX-SU`` for "every summer"."""
    g = match.groupdict()
    if g["adverb"]:
        return _ADVERB[g["adverb"].lower()]
    if g["weekday"]:  # "Tuesday nights", and "Monday" in "Monday and Tuesday nights"
        part = PARTS_OF_DAY[(g["parts"] or g["parts2"]).lower()[:-1]]
        return f"XXXX-WXX-{WEEKDAYS[g['weekday'].lower()] + 1}T{part}"
    if g["plural"]:
        return f"XXXX-WXX-{WEEKDAYS[g['plural'].lower()[:-1]] + 1}"
    if g["times"]:
        return _SET_UNIT[g["per"].lower()]
    what = g["what"].lower()
    if what in WEEKDAYS:
        return f"XXXX-WXX-{WEEKDAYS[what] + 1}"
    if what in MONTHS:
        return f"XXXX-{MONTHS[what]:02d}"
    if what in SEASONS:
        return f"XXXX-{SEASONS[what]}"
    value = _SET_UNIT[what]
    if g["other"] and g["other"].lower() == "other":
        return value.replace("1", "2", 1)
    return value


_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|times|once|twice|"
    r"(?!(?:was|is|has|its|this|his|as|us|does|less|plus|across|lasts|takes)\b)\w+s))\W*$",
    re.IGNORECASE,
)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|should|must)\s*$", re.IGNORECASE)


def plausible_set_adverb(match: re.Match[str], text: str) -> bool:
    """False for "annually" or "daily" that gives a rate ("10,000 units annually", "C$17.9
    million annually"), not how often something happens ("held here annually")."""
    return not _QUANTITY_BEFORE.search(text, max(0, match.start() - 30), match.start())


_QUANTITY_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred))(?:\s+[a-z]+s)?\s*$", re.IGNORECASE
)


def plausible_duration(match: re.Match[str], text: str) -> bool:
    """False for what reads as a rate ("$2 million a year", "four flights a week", "24 hours
    a day"), an age, a share ("a quarter of", "three quarters of the vote") or "one day"
    meaning some day."""
    g = match.groupdict()
    count = (g.get("count") or "").lower()
    unit = (g.get("unit") or g.get("unit2") or "").lower()
    before = text[max(0, match.start() - 30) : match.start()]
    after = text[match.end() : match.end() + 12].lower()
    if (
        unit.startswith("quarter")
        and count_of(count) is not None
        and (after.startswith(" of") or not (g.get("det") or g.get("place") or g.get("mod")))
    ):
        return False  # "three quarters of the vote"; but "several quarters of losses"
    if count in ("a", "an") and not (g.get("mod") or g.get("det")) and _RATE_BEFORE.search(before):
        return False
    if unit == "second" and count in ("a", "an"):
        return False  # "a second term"
    if count in ("one", "some") and unit == "day" and _MODAL_BEFORE.search(before):
        return False
    if re.match(r"[- ]?(?:years?|months?)?[- ]?old\b", after):
        return False
    if re.match(r"\s+(?:an?|per|each)\s+(?:day|week|month|year)\b", after):
        return False  # "24 hours a day", "three days a week": a rate
    return not re.match(r"\s+(?:ago|earlier|from now)\b", after)
