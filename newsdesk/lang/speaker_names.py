"""One name per speaker across the corpus.

Within an article the speakers stage already gives each person one name; across articles the
same person is "Trump" in one, "Donald Trump" in another and "Donald J. Trump" in a third.
:func:`corpus_names` maps every article-level ``(speaker, speaker_type)`` of a corpus to the
name the whole corpus knows that speaker by. It is pure: the store feeds it the distinct
speakers with their statement counts and writes the result back (``quotes.corpus_speaker``).

People are keyed by first name and surname (case, accents, punctuation, titles, middle
initials and suffixes left out). Full names with the same surname and the same first name, a
short form of it (Bill/William) or a spelling variant are one person. A surname alone joins
the only full-name person with that surname, or the one with at least 80% of their statements;
otherwise it stays apart. Organisations and groups are one speaker up to case and a leading
"the"; anonymous, document and unknown speakers keep their names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple, TypeAlias

from newsdesk.lang.names import NAME_PARTICLES, TITLES, similar_names

# Share of the statements of all full-name people with a surname that one of them must have
# for a bare surname (or an initial and surname) to be taken as that person.
DOMINANT_SHARE = Fraction(4, 5)

_HONORIFICS = frozenset(
    {title.rstrip(".") for title in TITLES}
    | {"rev", "reverend", "hon", "honorable", "honourable", "dame", "gov", "lt", "sgt", "capt"}
    | {"pres", "sen", "rep", "supt", "insp", "msgr", "fr", "pastor", "rabbi", "imam", "sheikh"}
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})

# Short forms of common English first names; a name may belong to several groups.
_SHORT_FORMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "joseph joe joey",
        "william bill billy will willie",
        "robert bob bobby rob",
        "michael mike mikey",
        "james jim jimmy",
        "thomas tom tommy",
        "richard dick rick ricky rich",
        "david dave davey",
        "christopher chris",
        "daniel dan danny",
        "benjamin ben",
        "anthony tony",
        "stephen steven steve",
        "edward ed eddie ted",
        "elizabeth liz beth betsy",
        "katherine kathy kate",
        "catherine cathy kate",
        "patrick pat",
        "patricia pat trish",
        "samuel sam",
        "nicholas nick",
        "matthew matt",
        "andrew andy",
        "alexander alex",
        "jeffrey jeff",
        "gregory greg",
        "lawrence larry",
        "charles chuck charlie",
        "henry hank",
        "timothy tim",
        "ronald ron",
        "donald don",
        "bernard bernie",
        "kenneth ken",
        "douglas doug",
        "frederick fred",
        "jonathan jon",
        "gerald jerry",
        "susan sue",
        "margaret maggie peggy",
        "deborah debbie deb",
        "rebecca becky",
        "jennifer jen jenny",
    )
)

_SHORT_FORM_PROBES: dict[str, list[str]] = defaultdict(list)
for _number, _group in enumerate(_SHORT_FORMS):
    for _name in _group:
        _SHORT_FORM_PROBES[_name].append(f"#{_number}")

# Endings that make a feminine first name of a masculine one (Daniel/Danielle, Mario/Maria,
# Patrick/Patricia): a spelling variant that differs only by one of these is another name.
_FEMININE_ENDINGS = frozenset({"a", "e", "ia", "le", "lle", "ne", "na", "ina", "ine", "ette", "ra"})


_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


class PersonKey(NamedTuple):
    """A person's name reduced to what identifies them: first name (``""`` when the name is a
    surname alone, one letter when only an initial is given) and surname, both lower case and
    without accents or punctuation."""

    first: str
    surname: str


def _fold(word: str) -> str:
    """A word in lower case without accents, dots, hyphens or apostrophes."""
    if not word.isascii():
        decomposed = unicodedata.normalize("NFKD", word)
        word = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_ALPHANUMERIC.sub("", word).casefold()


def person_key(name: str) -> PersonKey | None:
    """The key of a person's name, or None when nothing of a name is left once titles are
    dropped ("the President").

    Titles and honorifics before the name, suffixes after it (Jr., III) and middle initials
    go; particles stay with the surname ("Marieke de Vries" has surname "de vries") unless
    written as a capitalised first name ("Van Jones", "Al Gore").
    """
    folded = [(word, _fold(word)) for word in name.split()]
    raw = [word for word, key in folded if key]
    words = [key for _, key in folded if key]
    while len(words) > 1 and words[0] in _HONORIFICS:
        raw, words = raw[1:], words[1:]
    if words and words[0] in _HONORIFICS and raw[0][:1].islower():
        return None  # only a title ("president")
    while len(words) > 1 and words[-1] in _SUFFIXES:
        raw, words = raw[:-1], words[:-1]
    if not words:
        return None
    if len(words) > 2:
        middle = [i for i in range(1, len(words) - 1) if len(words[i]) > 1]
        raw = [raw[0], *(raw[i] for i in middle), raw[-1]]
        words = [words[0], *(words[i] for i in middle), words[-1]]
    start = len(words) - 1
    while start > 0 and words[start - 1] in NAME_PARTICLES:
        start -= 1
    if start == 0 and len(words) > 1 and raw[0][:1].isupper():
        start = 1  # "Al Gore", "Van Jones": the particle is the first name
    surname = " ".join(words[start:])
    return PersonKey(words[0] if start > 0 else "", surname)


def _one_edit_apart(a: str, b: str) -> bool:
    """True when one substitution, insertion or deletion turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for index, (char_a, char_b) in enumerate(zip(a, b, strict=False)):
        if char_a != char_b:
            rest = index + 1 if len(a) == len(b) else index
            return a[rest:] == b[index + 1 :]
    return True


def _feminine_form(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` share a stem and only one ends in a feminine ending
    (Daniel/Danielle, Mario/Maria, Patrick/Patricia)."""
    shared = 0
    while shared < min(len(a), len(b)) and a[shared] == b[shared]:
        shared += 1
    ends = (a[shared:], b[shared:])
    return shared >= 3 and sum(end in _FEMININE_ENDINGS for end in ends) == 1


@lru_cache(maxsize=1 << 16)
def same_first_name(a: str, b: str) -> bool:
    """True when two first names (as in :class:`PersonKey`) can name one person: equal, a
    common short form of one another (Bill/William), or spelling variants (Sergei/Sergey:
    :func:`newsdesk.lang.names.similar_names`, kept to one edit for names under six letters and
    never a masculine name and its feminine form). Initials are not first names here."""
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2:
        return False
    if any(a in group and b in group for group in _SHORT_FORMS):
        return True
    shorter = min(len(a), len(b))
    if shorter < 5 or _feminine_form(a, b):
        return False
    return _one_edit_apart(a, b) if shorter < 6 else similar_names(a, b)


def _best(names: dict[str, int]) -> str:
    """The name with most statements; ties go to the longer, then a name not in capitals,
    then the alphabetically first."""
    return min(
        names, key=lambda n: (-names[n], -len(n), n.isupper() and len(n) > 1, n.casefold(), n)
    )


@dataclass
class _Person:
    """One corpus person: the first names (as keyed) and the raw names that belong to it."""

    firsts: list[str] = field(default_factory=list)
    full_names: dict[str, int] = field(default_factory=dict)
    partial_names: dict[str, int] = field(default_factory=dict)

    @property
    def statements(self) -> int:
        return sum(self.full_names.values())

    def accepts(self, first: str) -> bool:
        return all(same_first_name(first, known) for known in self.firsts)

    @property
    def name(self) -> str:
        return _best(self.full_names or self.partial_names)


def _people(named: dict[str, int]) -> dict[str, str]:
    """Corpus names of person names, ``named`` mapping each raw name to its statements
    (grouped here by :class:`PersonKey`)."""
    by_key: dict[PersonKey, dict[str, int]] = defaultdict(dict)
    result: dict[str, str] = {}
    for name, statements in named.items():
        key = person_key(name)
        if key is None:
            result[name] = name
        else:
            by_key[key][name] = statements
    by_key = _particle_surnames(by_key)
    by_surname: dict[str, list[PersonKey]] = defaultdict(list)
    for key in by_key:
        by_surname[key.surname].append(key)
    for keys in by_surname.values():
        people = _full_name_people([k for k in keys if len(k.first) > 1], by_key)
        partial: dict[PersonKey, _Person] = {}
        for key in (k for k in keys if len(k.first) <= 1):
            owner = _owner(people, key.first)
            if owner is None:
                owner = partial.setdefault(key, _Person())
            owner.partial_names.update(by_key[key])
        for person in [*people, *partial.values()]:
            canonical = person.name
            for name in [*person.full_names, *person.partial_names]:
                result[name] = canonical
    return result


def _full_name_people(
    keys: list[PersonKey], by_key: dict[PersonKey, dict[str, int]]
) -> list[_Person]:
    """The people behind full names of one surname: a name joins the first person (in order
    of creation) whose every first name is :func:`same_first_name` as its own, else starts a
    new person."""
    # The most quoted first, so that the best known first name of a family seeds its person
    # before its variants are compared with it.
    keys = sorted(keys, key=lambda k: (-sum(by_key[k].values()), -len(k.first), k.first))
    if len(keys) == 1:
        return [_Person([keys[0].first], dict(by_key[keys[0]]))]
    people: list[_Person] = []
    # Who might accept a first name: the people holding a name that shares a probe with it
    # (see _probes). Only they are compared, so a common surname with thousands of first
    # names is not compared pairwise.
    holders: dict[str, set[int]] = defaultdict(set)
    for key in keys:
        probes = _probes(key.first)
        candidates = sorted({number for probe in probes for number in holders.get(probe, ())})
        number = next((n for n in candidates if people[n].accepts(key.first)), len(people))
        if number == len(people):
            people.append(_Person())
        people[number].firsts.append(key.first)
        people[number].full_names.update(by_key[key])
        for probe in probes:
            holders[probe].add(number)
    return people


@lru_cache(maxsize=1 << 14)
def _probes(first: str) -> frozenset[str]:
    """Strings any first name :func:`same_first_name` as ``first`` shares with it: ``first``
    with up to two letters deleted (names within two edits always share one) and the short
    form groups it belongs to."""
    probes = {first}
    # Spelling variants: none under five letters, one edit under six, else two.
    for _ in range(0 if len(first) < 5 else 1 if len(first) < 6 else 2):
        probes |= {p[:i] + p[i + 1 :] for p in probes for i in range(len(p))}
    return frozenset(probes | set(_SHORT_FORM_PROBES.get(first, ())))


def _particle_surnames(
    by_key: dict[PersonKey, dict[str, int]],
) -> dict[PersonKey, dict[str, int]]:
    """Re-key names whose capitalised particle was taken for a first name ("Bin Laden")
    as surnames alone when the corpus has that particle and surname as someone's surname
    ("Osama bin Laden")."""
    surnames = {key.surname for key in by_key}
    merged: dict[PersonKey, dict[str, int]] = defaultdict(dict)
    for key, names in by_key.items():
        joined = f"{key.first} {key.surname}"
        if key.first in NAME_PARTICLES and joined in surnames:
            key = PersonKey("", joined)
        merged[key].update(names)
    return merged


def _owner(people: list[_Person], initial: str) -> _Person | None:
    """The full-name person a surname alone (``initial`` empty) or an initial with the
    surname names: the only candidate, or one with at least DOMINANT_SHARE of the statements
    of all candidates; None when neither holds."""
    candidates = [p for p in people if not initial or any(f[0] == initial for f in p.firsts)]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        return None
    top = max(candidates, key=lambda p: p.statements)
    total = sum(p.statements for p in candidates)
    return top if total and top.statements >= DOMINANT_SHARE * total else None


def body_key(name: str) -> str:
    """The key of an organisation's or group's name: case, spacing and a leading "the"
    ignored."""
    words = name.casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _bodies(named: dict[str, int]) -> dict[str, str]:
    """Corpus names of organisation or group names: variants up to case and a leading "the"
    take the most quoted one (a leading lower-case "the" loses ties)."""
    groups: dict[str, dict[str, int]] = defaultdict(dict)
    for name, statements in named.items():
        groups[body_key(name)][name] = statements
    result: dict[str, str] = {}
    for variants in groups.values():
        canonical = min(
            variants,
            key=lambda n: (
                -variants[n],
                n.startswith("the "),
                -len(n),
                n.isupper() and len(n) > 1,
                n,
            ),
        )
        for name in variants:
            result[name] = canonical
    return result


SpeakerKey: TypeAlias = tuple[str, str | None]


def corpus_names(rows: Iterable[tuple[str, str | None, int]]) -> dict[SpeakerKey, str]:
    """Map each ``(speaker, speaker_type)`` of a corpus to its corpus-wide name.

    ``rows`` are the distinct article-level speakers with their types and statement counts
    (a speaker may come twice with different types). People (type ``person``) are unified as
    the module describes; organisations and groups up to case and a leading "the", each type
    apart; any other type keeps its name. Every input pair is in the result.
    """
    people: dict[str, int] = defaultdict(int)
    bodies: dict[str, dict[str, int]] = defaultdict(dict)
    result: dict[SpeakerKey, str] = {}
    for speaker, speaker_type, statements in rows:
        if speaker_type == "person":
            people[speaker] += statements
        elif speaker_type in ("organisation", "group"):
            bodies[speaker_type][speaker] = bodies[speaker_type].get(speaker, 0) + statements
        else:
            result[(speaker, speaker_type)] = speaker
    for name, canonical in _people(people).items():
        result[(name, "person")] = canonical
    for speaker_type, named in bodies.items():
        for name, canonical in _bodies(named).items():
            result[(name, speaker_type)] = canonical
    return result
