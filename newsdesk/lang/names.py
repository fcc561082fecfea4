"""People's names as news writes them: titles, particles, initials, spelling variants.

Shared by the entities stage (which clusters the people of an article) and the speakers stage
(which resolves who speaks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

TITLES = frozenset(
    """president vice prime minister deputy secretary mayor governor senator sen. rep.
    representative congressman congresswoman chancellor premier king queen prince princess
    ambassador spokesman spokeswoman spokesperson director chairman chairwoman chair chief head
    leader commander general gen. colonel col. judge justice attorney prosecutor sheriff
    coach captain manager ceo founder president-elect candidate nominee speaker mr. mrs. ms.
    rabbi rev. reverend pastor imam bishop cardinal archbishop sheikh lt. sgt. cpl. adm. maj.
    journalist reporter columnist commentator anchor host co-host activist comedian
    dr. prof. professor sir lord lady interior foreign defence defense finance health economy
    economic justice education transport energy environment trade labour labor culture
    meteorologist official incumbent challenger lawyer author writer analyst economist
    correspondent editor""".split()
)


def similar_names(a: str, b: str) -> bool:
    """True for spelling variants of one name: equal, an initial, or at most two edits apart."""
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
        return True
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 4:
        return False
    return _within_two_edits(a, b)


def _within_two_edits(a: str, b: str) -> bool:
    """True when at most two insertions, deletions or substitutions turn ``a`` into ``b``."""
    # Each edit changes the count of at most two letters by one (so also adds or removes at
    # most two of the letters only one name has): names whose letter counts differ by more
    # than four in all are further apart (most pairs, found without the table).
    if len(set(a) ^ set(b)) > 4 or sum(abs(a.count(c) - b.count(c)) for c in set(a + b)) > 4:
        return False
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if min(current) > 2:
            return False  # every later row is at least as far apart
        previous = current
    return previous[-1] <= 2


HONORIFIC_GENDER = {"mr.": "m", "mr": "m", "mrs.": "f", "mrs": "f", "ms.": "f", "ms": "f"}
HONORIFIC_GENDER |= {"miss": "f", "sir": "m", "lord": "m", "lady": "f", "dame": "f"}


@dataclass
class Person:
    """One person of the article: the forms of the name it uses and the titles it gives them,
    and their gender ("m" or "f") when an honorific or a first name tells it."""

    forms: list[list[str]] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    gender: str | None = None

    @property
    def canonical(self) -> str:
        """The fullest form of the name, the first one given among equals."""
        best = max(self.forms, key=len)
        return join_name(best)

    def matches(self, words: list[str], gender: str | None = None) -> bool:
        """True when ``words`` can name this person: the same surname (spelling variants
        allowed), no first name that differs from one the person is known by, and no other
        gender than theirs when both are known."""
        if gender and self.gender and gender != self.gender:
            return False
        given, surname = split_name(words)
        found = False
        for form in self.forms:
            shorter, longer = sorted((form, words), key=len)
            if [w.lower() for w in longer[len(longer) - len(shorter) :]] == [
                w.lower() for w in shorter
            ]:
                found = True  # "Suu Kyi" of "Aung San Suu Kyi", "Wasserman Schultz"
                continue
            form_given, form_surname = split_name(form)
            if not similar_names(surname, form_surname):
                continue
            if given and form_given and not similar_names(given[0], form_given[0]):
                return False
            found = True
        return found


def called_by_first_word(person: Person, word: str) -> bool:
    """True when a lone ``word`` is the first word of one of the person's full names: a
    family name given first ("Mr. Ban" for Ban Ki-moon) or a first name alone ("Tom")."""
    return any(len(form) > 1 and similar_names(form[0], word) for form in person.forms)


def split_name(words: list[str]) -> tuple[list[str], str]:
    """Given names and surname; particles go with the surname ("de Vries")."""
    index = len(words) - 1
    while index > 0 and words[index - 1].lower() in NAME_PARTICLES:
        index -= 1
    return words[:index], " ".join(words[index:]).lower()


def join_name(words: list[str]) -> str:
    name = ""
    for word in words:
        if name and not name.endswith("-") and word != "-":
            name += " "
        name += word
    return name


NAME_PARTICLES = frozenset(
    {
        "de",
        "van",
        "von",
        "der",
        "den",
        "da",
        "di",
        "du",
        "bin",
        "al",
        "la",
        "le",
        "del",
        "dos",
        "das",
    }
)
_FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "PUNCT", "CCONJ", "PART", "SCONJ", "NUM"})


def name_words(tokens: list[Token]) -> tuple[list[str], list[str]]:
    """Split a mention's tokens into its title words and the name that ends it.

    "The President of Kazakhstan" has a title and no name (Kazakhstan is the title's domain);
    "President Kassym-Zhomart Tokayev" has both; "union leader Marieke de Vries" keeps "de".
    """
    name: list[str] = []
    titles: list[str] = []
    for index, token in enumerate(tokens):
        lower = token.lower_
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.text == "-" and name:
            name[-1] += "-"
            continue
        if name and name[-1].endswith("-"):
            name[-1] += token.text
            continue
        if lower in NAME_PARTICLES and following is not None and following.text[:1].isupper():
            name.append(token.text)
            continue
        if token.pos_ in _FUNCTION_POS:
            if name or (titles and token.pos_ == "ADP"):
                break
            continue
        after_honorific = bool(titles) and (titles[-1] in HONORIFIC_GENDER or titles[-1] == "dr.")
        if lower in TITLES and not name and not (after_honorific and token.text[:1].isupper()):
            titles.append(lower)
            continue
        if name and len(token.text) == 2 and token.text[0].isupper() and token.text[1] == ".":
            name.append(token.text)  # a middle initial: "Rufus T. Firefly"
            continue
        if (
            token.text[:1].isupper()
            and token.is_alpha
            and (token.pos_ == "PROPN" or token.is_title)
        ):
            name.append(token.text)
            continue
        if name:
            break
    return titles, name
