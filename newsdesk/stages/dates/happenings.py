"""Clock times placed by the happenings a story dates: "Slepian was shot to death last Oct. 23
... was shot to death at 10 p.m." (the same happening told again), "a jogger saw the car at
6 a.m. ten days before the shooting" (counted from a dated happening)."""

from __future__ import annotations

import datetime as dt
import re

from newsdesk.model import DateMention
from newsdesk.stages.dates.normalise import sentence_bounds
from newsdesk.stages.dates.vocabulary import DAY_VALUE, count_value


def same_happening(text: str, mention: DateMention, others: list[DateMention]) -> list[DateMention]:
    """The day an earlier sentence gave to what a clock time's sentence tells again, in the
    same words ("Slepian was shot to death last Oct. 23 ... was shot to death at 10 p.m."),
    as a list of at most one mention."""
    told = _words_before(text, mention.start)
    if len(told) < 2:
        return []
    for other in reversed(others):
        if other.start >= mention.start or not (other.value and DAY_VALUE.match(other.value)):
            continue
        if _words_before(text, other.start) == told:
            return [other]
    return []


def shifted_from_happening(
    text: str, mention: DateMention, others: list[DateMention]
) -> str | None:
    """The day of a clock time counted from a happening the text dated before: "at 6 a.m.
    ten days before the shooting", where an earlier sentence says the victim "was shot ...
    Oct. 23" (1998-10-13); None when the words after the time count from nothing dated."""
    counted = _COUNTED.match(text, mention.end)
    if counted is None:
        return None
    days = count_value(counted["count"]) * (7 if counted["unit"].lower().startswith("w") else 1)
    if counted["direction"].lower() != "after":
        days = -days
    day = _happening_day(text, counted["noun"].lower(), mention.start, others)
    return (day + dt.timedelta(days=days)).isoformat() if day and days else None


def _happening_day(text: str, noun: str, before: int, others: list[DateMention]) -> dt.date | None:
    """The day of the nearest sentence before ``before`` that tells of the happening
    ``noun`` names ("shooting": "was shot", "shooting"; "attack": "attacked") and gives
    one day."""
    forms = _verb_forms(noun)
    for other in reversed(others):
        found = DAY_VALUE.match(other.value or "")
        if other.start >= before or found is None:
            continue
        left, right = sentence_bounds(text, other.start, other.end)
        words = set(_WORD.findall(text[left:right].lower()))
        if forms & words:
            year, month, day = (int(part) for part in found.groups())
            return dt.date(year, month, day)
    return None


def _verb_forms(noun: str) -> set[str]:
    """The noun and the past forms of the verb it is made from ("shooting": "shot")."""
    stem = noun[:-3] if noun.endswith("ing") and len(noun) > 5 else noun
    forms = {noun, stem + "ed", stem + "d"}
    if stem in _IRREGULAR:
        forms.update(_IRREGULAR[stem])
    return forms


def _words_before(text: str, start: int) -> tuple[str, ...]:
    """The last three words of what happened before a date, without auxiliaries, time words
    and prepositions: ("shot", "to", "death") for "... was shot to death last Oct. 23"; ()
    when they end in a pronoun, a conjunction or a verb of saying."""
    words = _WORD.findall(text[max(0, start - 48) : start].lower())
    while words and words[-1] in _TIME_WORDS:
        words.pop()
    kept = [w for w in words if w not in _AUXILIARIES][-3:]
    return tuple(kept) if kept and kept[-1] not in _NOT_A_HAPPENING else ()


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Words between what happened and its time ("at", "last", "shortly before"), left out.
_TIME_WORDS = frozenset(
    "at around about on last early late shortly just before after by until since from in "
    "the of approximately nearly".split()
)
_AUXILIARIES = frozenset("was were is are had has have been be".split())
# A happening is not told in these: "he said at 3 p.m." may not be what "he said Tuesday" was.
_NOT_A_HAPPENING = frozenset(
    "he she it they and or but that which who a an to said says told announced reported added "
    "stated noted".split()
)
# "6 a.m. ten days before the shooting", "2 p.m., two weeks after the attack".
_COUNTED = re.compile(
    r",?\s+(?P<count>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a)\s+(?P<unit>days?|weeks?)\s+(?P<direction>before|after|prior\s+to)\s+"
    r"(?:the|his|her|its|their)\s+(?P<noun>[a-z]+)",
    re.IGNORECASE,
)
# The past forms of irregular verbs that name happenings news dates.
_IRREGULAR = {
    "shoot": ("shot",),
    "strike": ("struck",),
    "hit": ("hit",),
    "fight": ("fought",),
    "sink": ("sank", "sunk"),
    "fall": ("fell", "fallen"),
    "break": ("broke", "broken"),
    "blow": ("blew", "blown"),
    "steal": ("stole", "stolen"),
    "meet": ("met",),
    "slay": ("slain", "slew"),
    "beat": ("beat", "beaten"),
}
