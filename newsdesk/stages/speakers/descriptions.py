"""The description rules of the speakers stage: what a common-noun source refers to (a
document, an outlet, an organisation, a person by their role, unnamed people, a group)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Token

from newsdesk.lang.gazetteer import Gazetteer
from newsdesk.lang.speaker_nouns import AGENT_NOUN, NOT_PEOPLE, SpeakerNouns, ends_a_body_s_name
from newsdesk.stages.speakers.discourse import Discourse, Referent, role_words
from newsdesk.stages.speakers.mentions import (
    DETERMINERS,
    PRONOUNS,
    RELATIVES,
    core_phrase,
    description,
    document_author,
    head_of,
    informants,
    is_title,
    phrase_text,
)
from newsdesk.stages.speakers.owners import another_country


class Rules(Protocol):
    """What description resolution asks of the resolution rules (``rules.Rules``)."""

    discourse: Discourse
    nouns: SpeakerNouns
    gazetteer: Gazetteer

    def found(self, referent: Referent, rule: str, at: int | None = None) -> Resolution:
        """A resolution to ``referent``, its evidence the latest mention before ``at``."""

    def best(self, at: int, accept: Callable[[Referent], bool], rule: str) -> Resolution | None:
        """The most prominent referent before ``at`` that ``accept`` takes."""

    def pronoun(self, token: Token) -> Resolution:
        """Resolve a pronoun."""

    def resolve(self, tokens: list[Token], depth: int = 0) -> Resolution:
        """Resolve one source mention."""


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_INDEFINITE_PEOPLE = frozenset(
    """some many others other few several each both one someone somebody anyone everyone
    everybody nobody none all most""".split()
)
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# The endings of a company's name that say what it is in law ("Apple Inc.").
_LEGAL_FORMS = frozenset({"inc", "inc.", "corp", "corp.", "co", "co.", "llc", "ltd", "ltd.", "plc"})
MAIN_PERSON_RATIO = 1.5
_SHARES = frozenset({"percent", "%", "majority", "plurality", "half", "third", "quarter"})
# Family relations and the gender they give: "his wife" is a woman of his family.
_FAMILY = {
    "wife": "f", "husband": "m", "son": "m", "daughter": "f", "mother": "f", "father": "m",
    "brother": "m", "sister": "f", "widow": "f", "widower": "m",
}  # fmt: skip
GENDERED_PEOPLE = {
    "woman": "f",
    "lady": "f",
    "girl": "f",
    "mother": "f",
    "man": "m",
    "gentleman": "m",
    "boy": "m",
    "father": "m",
}


@dataclass
class Resolution:
    """Who a mention refers to, and why."""

    speaker: str | None
    speaker_type: str
    rule: str
    mention: str | None = None
    start: int | None = None
    referent: Referent | None = None


def type_of(referent: Referent) -> str:
    if referent.unnamed:
        return "anonymous"
    return referent.kind


def _named_apart(referent: Referent, word: str, nouns: SpeakerNouns) -> bool:
    """An organisation "the company" (``word``) can refer to: one with a proper name that no
    other kind of organisation's noun ends ("Mannatech", "Apple Inc.", not "Justice
    Department"), neither a place, an outlet nor a party."""
    if referent.kind != "organisation" or referent.place or referent.outlet or referent.plural:
        return False
    if not referent.name[:1].isupper() or referent.unnamed:
        return False
    last = referent.name.split()[-1].lower()
    if last in nouns.alike(word) or (word in nouns.alike("company") and last in _LEGAL_FORMS):
        return True
    return not (ends_a_body_s_name(last) or nouns.has("organisation", last))


@dataclass(frozen=True)
class _Described:
    """A common-noun mention and what its words say about it."""

    tokens: list[Token]
    head: Token
    lower: str  # the head word, lower-cased
    first: str  # the first word, lower-cased
    plural: bool
    core: list[Token]
    definite: bool  # "the", "this", or a possessive
    at: int  # where the mention starts


class Descriptions:
    """Resolves common-noun mentions for :class:`~newsdesk.stages.speakers.rules.Rules`."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.discourse = rules.discourse
        self.nouns = rules.nouns
        self.gazetteer = rules.gazetteer

    def common_noun(self, tokens: list[Token], depth: int) -> Resolution:
        """A description: a document, an outlet, an organisation, a role, unnamed people or
        a group."""
        head = head_of(tokens)
        first = tokens[0].lower_
        mention = _Described(
            tokens=tokens,
            head=head,
            lower=head.lower_,
            first=first,
            plural=head.tag_ in PLURAL_TAGS,
            core=core_phrase(head, tokens),
            definite=first in _DEFINITE or any(c.dep_ == "poss" for c in head.lefts),
            at=tokens[0].idx,
        )
        of = self._of_object(head, tokens)
        found = (
            self._share_or_people(mention, of, depth)
            or self._document_or_organisation(mention)
            or self._person_or_group(mention)
        )
        if found is not None:
            return found
        text = description(mention.core)
        if head.pos_ == "PRON" or text.lower() in PRONOUNS or text.lower() in RELATIVES:
            return Resolution(None, "unknown", "unresolved: a pronoun in a longer mention")
        return Resolution(text or None, "unknown", "unresolved: description")

    def _share_or_people(
        self, m: _Described, of: list[Token] | None, depth: int
    ) -> Resolution | None:
        """A share of people ("31 percent of voters"), what a collective noun gathers ("a
        group of senators"), "both", unnamed people ("some", "others") or a relative."""
        lower, first, at = m.lower, m.first, m.at
        if lower in _SHARES:
            # "31 percent of voters", "Another 19 percent", "half of Americans": a group.
            whole = [t for t in m.tokens if t.lower_ not in DETERMINERS and not t.is_punct]
            name = description(whole if of is not None else m.core)
            referent = self.discourse.add(Referent("group", name, plural=True, head=lower))
            return Resolution(name, "group", "group", None, at, referent)
        if of is not None and self.nouns.has("collective", lower) and depth < 3:
            inner = self.rules.resolve(of, depth + 1)
            if inner.speaker is not None:
                return inner
        if lower in ("each", "both") or (first == "both" and m.plural):
            found = self.rules.best(at, lambda r: r.kind == "group" and " and " in r.name, "both")
            if found is not None:
                return found
        if lower in _INDEFINITE_PEOPLE or first in ("those", "not") or informants(m.head):
            name = description(m.core) or lower
            referent = self.discourse.add(
                Referent("group", name, plural=True, head=lower, unnamed=True)
            )
            return Resolution(name, "anonymous", "unnamed people", None, at, referent)
        return self._relative(m.head, m.tokens, at)

    def _document_or_organisation(self, m: _Described) -> Resolution | None:
        """A document, a party, a gendered person named before ("the woman"), an outlet or an
        organisation."""
        head, lower, core, definite, at = m.head, m.lower, m.core, m.definite, m.at
        if self.nouns.has("document", lower):
            return self.document(head, core, definite, at, m.tokens)
        party = self._party([head])
        if party is not None:
            referent = self.discourse.add(Referent("organisation", party, plural=True))
            return Resolution(party, "organisation", "party", phrase_text(core), at, referent)
        if definite and lower in GENDERED_PEOPLE:
            gender = GENDERED_PEOPLE[lower]
            found = self.rules.best(
                at,
                lambda r: r.kind == "person" and not r.plural and r.gender == gender,
                "description",
            )
            if found is not None:
                return found
        if self.nouns.has("outlet", lower) and not m.plural:
            if definite:
                alike = self.nouns.alike(lower)
                found = self.rules.best(
                    at,
                    lambda r: (
                        not r.place
                        and (r.outlet or (r.kind == "organisation" and bool(alike & r.roles)))
                    ),
                    "the outlet named before",
                )
                if found is not None:
                    return found
            return self.organisation(head, core, definite, at)
        if self.nouns.has("organisation", lower) and not m.plural:
            return self.organisation(head, core, definite, at)
        return None

    def _person_or_group(self, m: _Described) -> Resolution | None:
        """A person by their role, an unnamed person or people ("a protester", "officials"),
        or a group ("the farmers")."""
        head, lower, core, definite, plural, at = (
            m.head,
            m.lower,
            m.core,
            m.definite,
            m.plural,
            m.at,
        )
        person_noun = self.nouns.has("person", lower) or is_title(head)
        agent = self.nouns.has("anonymous", lower) or AGENT_NOUN.search(lower) is not None
        if not plural and (person_noun or (definite and agent)):
            return self.role(head, core, m.tokens, definite, at)
        if not plural and agent and lower not in NOT_PEOPLE:
            referent = self.discourse.add(
                Referent("person", description(core), unnamed=True, head=lower)
            )
            return Resolution(referent.name, "anonymous", "unnamed person", None, at, referent)
        if plural and self.nouns.has("anonymous", lower):
            referent = self.discourse.add(
                Referent("group", description(core), plural=True, head=lower, unnamed=True)
            )
            return Resolution(referent.name, "anonymous", "unnamed people", None, at, referent)
        if plural and head.pos_ in ("NOUN", "PROPN"):
            if definite:
                found = self.rules.best(
                    at,
                    lambda r: r.kind == "group" and r.head == lower,
                    "the group named before",
                )
                if found is not None:
                    return found
            referent = self.discourse.add(
                Referent("group", description(core), plural=True, head=lower)
            )
            return Resolution(referent.name, "group", "group", None, at, referent)
        return None

    def _of_object(self, head: Token, tokens: list[Token]) -> list[Token] | None:
        inside = {t.i for t in tokens}
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.i in inside:
                        return [t for t in pobj.subtree if t.i in inside]
        return None

    def _party(self, core: list[Token]) -> str | None:
        """The party a description names its people by ("Republican leaders", "GOP
        lawmakers", "Senate Democrats")."""
        for token in core:
            if not token.text[:1].isupper():
                continue
            for form in (token.text, token.text + "s", token.text + " Party"):
                known = self.gazetteer.known(form)
                if known is not None and known.type == "ORG" and " Party" in known.canonical:
                    return known.canonical
        return None

    def document(
        self,
        head: Token,
        core: list[Token],
        definite: bool,
        at: int,
        tokens: list[Token] | None = None,
    ) -> Resolution:
        """ "the report" -> the report named before; "a Quinnipiac poll" -> that poll; "the
        average of polls compiled by Real Clear Politics" -> that average, which its author
        tells apart."""
        owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON" and owner.lower_ in PRONOUNS:
            owned_by = self.rules.pronoun(owner)
            if owned_by.speaker:
                name = f"{owned_by.speaker}'s {head.lower_}"
                referent = self.discourse.add(Referent("document", name, head=head.lower_))
                return Resolution(
                    name, "document", "document of", owned_by.mention, owned_by.start, referent
                )
        specific = [t for t in core if t.i != head.i and t.pos_ in ("PROPN", "NOUN", "NUM")]
        alike = self.nouns.alike(head.lower_)
        author = document_author(head, tokens)
        if definite and not specific and not author:
            found = self.rules.best(
                at, lambda r: r.kind == "document" and r.head in alike, "the document"
            )
            found = found or self.rules.best(at, lambda r: r.kind == "document", "the document")
            if found is not None:
                return found
        name = description(core + author)
        referent = self.discourse.add(Referent("document", name, head=head.lower_))
        return Resolution(name, "document", "document", None, at, referent)

    def organisation(self, head: Token, core: list[Token], definite: bool, at: int) -> Resolution:
        """ "the company", "the appeals court", "the Clinton campaign"."""
        owner = next((c for c in head.lefts if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and owner.lower_ in PRONOUNS:
            owned_by = self.rules.pronoun(owner)
            if owned_by.speaker and owned_by.speaker_type in ("person", "organisation"):
                owned = f"{owned_by.speaker.split()[-1]} {head.lower_}"
                referent = self.discourse.add(Referent("organisation", owned, head=head.lower_))
                return Resolution(
                    owned, "organisation", "organisation of", owned_by.mention, at, referent
                )
        owned = self.discourse.organisation_description(head, core)
        if owned:
            referent = self.discourse.add(Referent("organisation", owned, head=head.lower_))
            return self.rules.found(referent, "organisation", at)
        word = head.lower_
        if definite:
            found = self.rules.best(
                at,
                lambda r: (
                    r.kind == "organisation"
                    and not r.place
                    and word in r.name.lower().split()
                    and r.name[:1].isupper()
                    and not another_country(core, r.name)
                ),
                "the organisation named before",
            )
            if found is None and self.nouns.has("named apart", word):
                found = self.rules.best(
                    at,
                    lambda r: (
                        _named_apart(r, word, self.nouns) and not another_country(core, r.name)
                    ),
                    "the organisation named before",
                )
            if found is None and word in ("state", "country", "nation", "city"):
                found = self.rules.best(at, lambda r: r.place, "the place named before")
            if found is not None:
                return found
        sentence = self.discourse.sentence_of(at)
        later = [
            r
            for r in self.discourse.referents
            if r.kind == "organisation"
            and not r.place
            and word in r.name.lower().split()
            and not another_country(core, r.name)
            and any(at < m.start and m.sentence - sentence <= 3 for m in r.mentions)
        ]
        if len(later) == 1:
            return self.rules.found(later[0], "introduced before the name", None)
        name = description(core)
        referent = self.discourse.add(Referent("organisation", name, head=word))
        return Resolution(name, "organisation", "organisation", None, at, referent)

    def role(
        self, head: Token, core: list[Token], tokens: list[Token], definite: bool, at: int
    ) -> Resolution:
        """ "the senator" -> the person the article gave that role, or the office holder on
        the publication date; "a federal judge" -> the judge named next, or no one."""
        wanted = role_words(core)
        word = role_words([head]).pop() if role_words([head]) else head.lower_
        alike = self.nouns.alike(word)
        bare_title = head.text[:1].isupper() and len(tokens) == 1
        gender = self._gender_of(core)
        people = [
            r
            for r in self.discourse.referents
            if r.kind == "person"
            and not r.unnamed
            and alike & r.roles
            and r.gender in (gender, None, *(() if gender else ("m", "f")))
            and not self._conflicts(wanted, r.roles)
        ]
        sentence = self.discourse.sentence_of(at)
        if definite or bare_title:
            scored = [
                (r.salience(at, sentence) + 0.5 * len(wanted & r.roles), r)
                for r in people
                if r.salience(at, sentence) > 0
            ]
            if scored:
                best = max(scored, key=lambda pair: pair[0])[1]
                return self.rules.found(best, "title", at)
            former = any(t.lower_ in ("former", "ex") for t in core)
            title = " ".join(t.lower_ for t in core[-2:])
            party = None if former else self._party(core)  # "the GOP nominee"
            holders = self.discourse.holders(title, former, party)
            holders = holders or self.discourse.holders(word, former, party)
            named = [h for h in holders if self.discourse.person_named(h.split())]
            if len(named) == 1 or len(holders) == 1:
                holder = (named or holders)[0]
                referent = self.discourse.person_named(holder.split())
                if referent is not None:
                    return self.rules.found(referent, "office", at)
                return Resolution(holder, "person", "office", phrase_text(core), at)
        later = [
            r
            for r in people
            if any(at < m.start and m.sentence - sentence <= 5 for m in r.mentions)
        ]
        if len(later) == 1:
            return self.rules.found(later[0], "introduced before the name", None)
        if definite and not self.nouns.has("person", head.lower_):
            found = self.rules.best(
                at,
                lambda r: r.unnamed and r.head in self.nouns.alike(head.lower_),
                "the unnamed person named before",
            )
            if found is not None:
                return found
        elif definite and not any(c.dep_ == "poss" for c in head.children):
            # Not "his physician": a relation to someone names someone else.
            nouns = {t.lower_ for t in core if t.dep_ == "compound" and t.pos_ == "NOUN"}
            main = self._main_person(at, wanted, gender, nouns)
            if main is not None:
                return self.rules.found(main, "description of the main person", at)
        name = description(core)
        referent = Referent(
            "person", name, gender=gender, unnamed=True, roles=wanted, head=head.lower_
        )
        referent = self.discourse.add(referent)
        return Resolution(name, "anonymous", "unnamed person", None, at, referent)

    def _relative(self, head: Token, tokens: list[Token], at: int) -> Resolution | None:
        """ "his wife", "Trump's ex-wife", "her son" -> the one person of that gender the
        article names with the possessor's surname."""
        word = head
        while word.i + 2 < len(word.doc) and word.nbor().text == "-" and not word.whitespace_:
            word = word.nbor(2)  # "ex-wife" split in three
        gender = _FAMILY.get(word.lower_)
        owner = next((t for t in tokens if t.dep_ == "poss" and t.i < word.i), None)
        if gender is None or owner is None:
            return None
        if owner.lower_ in PRONOUNS:
            owned_by = self.rules.pronoun(owner)
        else:
            name = [t for t in owner.subtree if t.dep_ != "case" and not t.is_punct]
            owned_by = self.rules.resolve(name or [owner])
        holder = owned_by.referent
        if holder is None or holder.kind != "person" or not owned_by.speaker:
            return None
        surname = holder.name.split()[-1]
        family = [
            r
            for r in self.discourse.referents
            if r.kind == "person"
            and r is not holder
            and not r.unnamed
            and r.gender == gender
            and r.name.split()[-1] == surname
        ]
        if len(family) == 1:
            return self.rules.found(family[0], f"{word.lower_} of {holder.name}", at)
        return None

    def _gender_of(self, core: list[Token]) -> str | None:
        if any(self.nouns.has("male", t.lower_) for t in core):
            return "m"
        if any(self.nouns.has("female", t.lower_) for t in core):
            return "f"
        return None

    @staticmethod
    def _conflicts(wanted: set[str], roles: set[str]) -> bool:
        """A description and a person from different parties ("the Republican nominee" and
        someone the article calls a Democrat)."""
        sides = ({"republican", "gop"}, {"democratic", "democrat"})
        for side, other in (sides, sides[::-1]):
            if wanted & side and roles & other and not roles & side:
                return True
        return False

    def _main_person(
        self, at: int, wanted: set[str], gender: str | None, nouns: set[str]
    ) -> Referent | None:
        """The person a description most likely means when the article gave no one that
        role: the one it is clearly about at that point (clearly more prominent than anyone
        else), of the right gender and party, with the nouns the description qualifies its
        role by ("band leader") among their roles."""
        ranked = self.discourse.ranked(
            at,
            lambda r: (
                r.kind == "person"
                and not r.unnamed
                and r.gender in (gender, None, *(() if gender else ("m", "f")))
                and not self._conflicts(wanted, r.roles)
                and nouns <= r.roles
            ),
        )
        if not ranked:
            return None
        if len(ranked) == 1 or ranked[0][0] >= MAIN_PERSON_RATIO * ranked[1][0]:
            return ranked[0][1]
        return None
