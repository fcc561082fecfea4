"""An article's author as a person's name or nothing.

Page metadata and bylines carry more than the name: roles ("News reporter", "AP Sports
Writer"), the outlet ("JILL LAWLESS Associated Press"), dates ("Jeff Foust Monday"),
"Published", e-mail addresses and handles, or only a desk ("Staff Reports", "Detroit News wire
services"). The author is who "I" is in a column, so anything that is not a name is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

# A word from here on is not part of the name: a role, a date, a publishing note. Months
# that are also names ("June Carter", "Theresa May") stop a name only after its first word;
# "May" and the abbreviations ("Jan") never do.
_STOP_WORDS = frozenset(
    """
    reporter reporters writer writers editor editors correspondent correspondents columnist
    columnists contributor contributors producer producers photographer photographers
    anchor host analyst critic blogger published updated posted modified is was
    january february march april june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday
    """.split()
)
# A part holding one of these names a desk or a house byline, not a person.
_COLLECTIVE = frozenset(
    """
    staff wire wires services service bureau desk team reports newsroom editorial admin
    administrator webmaster agencies agency
    """.split()
)
# Words that qualify a role and come just before it ("News reporter", "Senior Writer").
_ROLE_MODIFIERS = frozenset(
    """
    news sports sport senior chief political national business science health tech
    technology metro foreign associate deputy managing contributing special investigative
    staff local world entertainment
    """.split()
)
# Lower-case particles of names ("Abigail Van Buren", "Carlos de la Cruz").
_PARTICLES = frozenset("de da del della der di du la le van von bin al ibn el dos das y".split())
_LEAD = re.compile(r"^(?:[\w ]{0,20}\bby|by|text|written by)[:\s]+", re.IGNORECASE)
_HANDLE = re.compile(r"\S*@\S*|https?://\S+|www\.\S+")
_MAX_NAME_WORDS = 5
_MAX_CHARS = 200


def _name_word(word: str) -> bool:
    """True for a word a personal name can hold: capitalised (or a particle), letters with
    hyphens, apostrophes or a full stop ("O'Neil", "Jean-Luc", "B.")."""
    if word.lower() in _PARTICLES:
        return True
    if not word[:1].isupper():
        return False
    return all(c.isalpha() or c in "-'’." for c in word)


def _person(part: str, is_outlet: Callable[[str], bool]) -> str | None:
    """The name in one author part ("Tom Gillespie News reporter" -> "Tom Gillespie")."""
    part = _HANDLE.sub(" ", part)
    part = _LEAD.sub("", part.strip(" ,;:-–—|"))
    words = part.replace(",", " ").split()
    if not words or any(w.lower().strip(".") in _COLLECTIVE for w in words):
        return None
    if words[0].lower() == "the" or any(w.lower().endswith("admin") for w in words):
        return None
    name: list[str] = []
    for index, word in enumerate(words):
        stop = word.lower().strip(".") in _STOP_WORDS and index > 0
        if stop or any(c.isdigit() for c in word):
            break
        if is_outlet(" ".join(words[index:])):
            break
        name.append(word)
    cut = len(name) < len(words)
    while cut and name and name[-1].lower() in _ROLE_MODIFIERS:
        name.pop()
    if not name or len(name) > _MAX_NAME_WORDS or not all(_name_word(w) for w in name):
        return None
    if name[0] in _PARTICLES or (cut and len(name) < 2):
        return None
    text = " ".join(name)
    if len(name) == 1 and (text.isupper() or is_outlet(text)):
        return None  # "PTI", "REUTERS": an agency
    return text.title() if text.isupper() else text


def clean_author(raw: str | None, outlets: Iterable[str] = ()) -> str | None:
    """The first person an author field or byline names, or None when it names none.

    ``outlets`` are names of outlets (known ones, the page's own site name) that may follow or
    replace the person's name; they are never taken for it.
    """
    if not raw or not raw.strip():
        return None
    names = {o.lower() for o in outlets if o}
    names |= {n.removeprefix("the ") for n in names}

    def is_outlet(phrase: str) -> bool:
        lowered = phrase.lower()
        return any(lowered == n or lowered.startswith(n + " ") for n in names)

    for part in re.split(r";|\band\b|&|\|", raw[:_MAX_CHARS]):
        found = _person(part, is_outlet)
        if found:
            return found
    return None
