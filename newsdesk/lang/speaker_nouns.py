"""Words that tell what kind of speaker a noun or a name is: the speaker-noun table
(``newsdesk/lang/en/speaker_nouns.tsv``: documents, outlets, organisations, unnamed people,
groups, roles), nouns of people by what they do, and the last words of organisations' and
outlets' names. Shared by the entities and speakers stages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.lang import DEFAULT_LANGUAGE, table_text
from newsdesk.lang.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Token

# Nouns of people by what they do ("the organizer", "a protester", "the strategist").
AGENT_NOUN = re.compile(r"(?:[a-z]{3}(?:er|or|ist|ian)|[a-z]{4}ant)$")
NOT_PEOPLE = frozenset(
    """paper letter order number matter center centre computer register corner border
    quarter chapter meter member error factor sector motor mirror monitor minister""".split()
)
# Words that end an organisation's name ("The New York Post", "State Department").
ORGANISATION_ENDINGS = frozenset(
    """post times journal news herald tribune observer gazette chronicle daily magazine press
    service services committee center centre court department party coalition house institute
    university college council association agency bureau commission foundation campaign
    administration network group union league fund bank organization organisation office
    senate congress board ministry government corporation company inc. inc corp. corp ltd.
    llc co. times-picayune review report channel radio television tv broadcasting reuters
    alliance federation caucus assembly parliament authority police army navy force forces
    school hospital club team movement project program programme initiative trust society
    forum panel watch pac sentinel examiner inquirer courier globe register dispatch
    telegraph guardian independent mirror express standard bulletin caller""".split()
)
# Last words of a news outlet's name ("Orlando Sentinel", "The Daily Caller").
OUTLET_ENDINGS = frozenset(
    """post times journal news herald tribune sentinel observer gazette chronicle daily
    magazine examiner inquirer courier star globe register dispatch telegraph guardian
    independent mirror express standard bulletin caller beast hill atlantic politico axios
    reuters bloomberg cnn msnbc nbc abc cbs npr bbc pbs ap afp ledger sun mail today voice
    record review week weekly""".split()
)


@dataclass(frozen=True)
class SpeakerNouns:
    """Nouns by the kind of speaker they name (document, outlet, organisation, anonymous,
    group, collective, person, male, female)."""

    classes: dict[str, frozenset[str]]
    same: dict[str, frozenset[str]] = field(default_factory=dict)

    def has(self, kind: str, word: str) -> bool:
        """True when ``word`` (any case) is one of the ``kind`` nouns."""
        return word.lower() in self.classes.get(kind, frozenset())

    def alike(self, word: str) -> frozenset[str]:
        """The word with the words that name the same role or kind of document."""
        lower = word.lower()
        return self.same.get(lower, frozenset()) | {lower}

    @classmethod
    def parse(cls, text: str, origin: str) -> SpeakerNouns:
        """Read ``class<TAB>words`` lines; raise ValueError naming the line that is wrong."""
        classes: dict[str, set[str]] = {}
        same: dict[str, set[str]] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, tab, words = line.partition("\t")
            if not tab or not words.strip():
                raise ValueError(f"{origin}:{number}: expected class<TAB>words")
            group = words.lower().split()
            if kind.strip() == "same":
                for word in group:
                    same.setdefault(word, set()).update(group)
            else:
                classes.setdefault(kind.strip(), set()).update(group)
        return cls(
            {kind: frozenset(words) for kind, words in classes.items()},
            {word: frozenset(group) for word, group in same.items()},
        )

    @classmethod
    def load_default(cls, language: str = DEFAULT_LANGUAGE) -> SpeakerNouns:
        """The table shipped for ``language``."""
        return cls.parse(table_text("speaker_nouns.tsv", language), "speaker_nouns.tsv")

    @classmethod
    def load(cls, path: Path) -> SpeakerNouns:
        """A table of the same format from a file."""
        return cls.parse(path.read_text("utf-8"), str(path))


def agent_noun(word: str) -> bool:
    """A lower-case singular noun that names someone by what they do ("organizer",
    "protester", "strategist", "migrant")."""
    return AGENT_NOUN.search(word) is not None and word not in NOT_PEOPLE


def ends_a_body_s_name(word: str) -> bool:
    """True when ``word`` (any case) is a last word of organisations' or outlets' names
    ("Post", "Board", "Gazette", "Network")."""
    lower = word.lower()
    return lower in ORGANISATION_ENDINGS or lower in OUTLET_ENDINGS


def looks_personal(words: list[str], gazetteer: Gazetteer) -> bool:
    """Two or three words that read as a person's name whatever the tagger called them: a
    first name the table knows, then capitalised words that end no organisation's name
    ("Carly Fiorina", not "Georgia Power")."""
    return (
        2 <= len(words) <= 3
        and gazetteer.gender(words[0]) is not None
        and all(w[:1].isupper() for w in words[1:])
        and not ends_a_body_s_name(words[-1])
        and gazetteer.known(" ".join(words)) is None
    )


# Pronouns that stand for people and can be addressed: "asked them", "told him".
PERSONAL_OBJECTS = frozenset("me you him her us them".split())
_PEOPLE_CLASSES = ("group", "anonymous", "person", "male", "female")


def names_people(phrase: Token, nouns: SpeakerNouns) -> bool:
    """True when a noun phrase (its head token) names people: a personal pronoun, a person or
    a nationality or group the tagger recognised, a noun the table lists for people
    ("residents", "officials"), or a noun of someone by what they do ("the fishermen",
    "protesters")."""
    lower = phrase.lower_
    if phrase.pos_ == "PRON":
        return lower in PERSONAL_OBJECTS
    if phrase.ent_type_ in ("PERSON", "NORP"):
        return True
    if phrase.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = phrase.lemma_.lower()
    if any(nouns.has(kind, word) for kind in _PEOPLE_CLASSES for word in (lower, lemma)):
        return True
    return agent_noun(lemma) or (lemma.endswith(("man", "woman")) and lemma not in NOT_PEOPLE)
