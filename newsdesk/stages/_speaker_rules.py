"""The resolution rules of the speakers stage: from a source mention's tokens to the speaker
it refers to, with the rule that decided and the mention it followed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from newsdesk.names import Person, join_name, name_words
from newsdesk.stages._speaker_discourse import Discourse, Referent, role_words
from newsdesk.stages._speaker_mentions import (
    DETERMINERS,
    FIRST_PERSON,
    ORGANISATION_ENDINGS,
    PRONOUNS,
    RELATIVES,
    SECOND_PERSON,
    conjuncts,
    core_phrase,
    description,
    head_of,
    honorific_gender,
    is_title,
    named_tokens,
    phrase_text,
)

_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_INDEFINITE_PEOPLE = frozenset(
    """some many others other few several each both one someone somebody anyone everyone
    everybody nobody none all most""".split()
)
_VAGUE = frozenset({"latest", "new", "recent", "same", "former", "current", "last", "first"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Nouns of people by what they do ("the organizer", "a protester", "the strategist").
_AGENT = re.compile(r"(?:[a-z]{3}(?:er|or|ist|ian)|[a-z]{4}ant)$")
_NOT_PEOPLE = frozenset(
    """paper letter order number matter center centre computer register corner border
    quarter chapter meter member error factor sector motor mirror monitor minister""".split()
)
MAIN_PERSON_RATIO = 1.5
_SHARES = frozenset({"percent", "%", "majority", "plurality", "half", "third", "quarter"})
_GENDERED_PEOPLE = {
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


def _type_of(referent: Referent) -> str:
    if referent.unnamed:
        return "anonymous"
    return referent.kind


class Rules:
    """Resolves source mentions against the article's discourse model."""

    def __init__(self, discourse: Discourse, outlet: str | None) -> None:
        self.discourse = discourse
        self.nouns = discourse.nouns
        self.gazetteer = discourse.gazetteer
        self.outlet = outlet

    def _found(self, referent: Referent, rule: str, at: int | None = None) -> Resolution:
        """A resolution to a referent; the evidence is its latest mention before ``at``."""
        mention = referent.last_before(at) if at is not None else None
        return Resolution(
            referent.name,
            _type_of(referent),
            rule,
            mention.text if mention else referent.name,
            mention.start if mention else None,
            referent,
        )

    def _best(self, at: int, accept: Callable[[Referent], bool], rule: str) -> Resolution | None:
        ranked = self.discourse.ranked(at, accept)
        return self._found(ranked[0][1], rule, at) if ranked else None

    def refers_to_person(self, root: Token) -> bool:
        """A definite description of one person ("the president", "the senator") that is
        not part of a name."""
        if root.tag_ in _PLURAL_TAGS or root.pos_ != "NOUN":
            return False
        if not (self.nouns.has("person", root.lower_) or root.lower_ in _GENDERED_PEOPLE):
            return False
        first = root.doc[root.left_edge.i]
        return first.lower_ == "the" and not any(
            c.pos_ == "PROPN" or c.dep_ in ("appos", "relcl") for c in root.children
        )

    # --- the entry point ----------------------------------------------------------------

    def resolve(self, tokens: list[Token], depth: int = 0) -> Resolution:
        """Resolve one source mention."""
        at = tokens[0].idx
        if self.discourse.in_dateline(at):
            return Resolution(None, "unknown", "unresolved: a dateline")
        words = [t for t in tokens if not t.is_punct]
        if not words:
            return Resolution(None, "unknown", "unresolved: no words")
        lower = words[0].lower_
        if len(words) == 1 and lower in PRONOUNS:
            return self.pronoun(words[0])
        if len(words) == 1 and lower in SECOND_PERSON and not self.discourse.is_quoted(at):
            return Resolution("readers", "group", "second person: the reader")
        if len(words) == 1 and (lower in SECOND_PERSON or lower in FIRST_PERSON):
            return Resolution(None, "unknown", f"unresolved: '{lower}'")
        if words[-1].lower_ in RELATIVES and depth < 3:
            if len(words) > 1:
                return self.resolve(words[:-1], depth + 1)
            return self.relative(words[0], depth)
        parts = conjuncts(words)
        if parts and depth < 3:
            return self.coordination(parts, depth)
        named = named_tokens(words)
        if named:
            return self.name(named, words)
        head = head_of(words)
        capitalised = head.text[:1].isupper() and head.pos_ != "PRON"
        if capitalised and self.discourse.person_named([head.text]) is not None:
            return self.name([head], words)
        return self.common_noun(words, depth)

    # --- pronouns -----------------------------------------------------------------------

    def pronoun(self, token: Token) -> Resolution:
        """ "he"/"she" -> a person of that gender, "it" -> an organisation or document,
        "they" -> a group, an organisation or several people."""
        gender, plural = PRONOUNS[token.lower_]
        if gender is not None:

            def accept(r: Referent) -> bool:
                return r.kind == "person" and not r.plural and r.gender in (gender, None)

            ranked = self.discourse.ranked(token.idx, accept)
            # A person whose gender is unknown is taken only when no one of that gender is
            # about as prominent.
            if ranked:
                known = [(s, r) for s, r in ranked if r.gender == gender]
                best = ranked[0]
                if known and known[0][0] >= 0.5 * best[0]:
                    best = known[0]
                return self._found(best[1], "pronoun", token.idx)
        elif plural:
            found = self._best(
                token.idx,
                lambda r: r.plural or (r.kind == "organisation" and not r.place),
                "pronoun",
            )
            if found is not None:
                return found
        else:
            found = self._best(
                token.idx,
                lambda r: r.kind in ("organisation", "document") and not r.plural,
                "pronoun",
            )
            if found is not None:
                return found
        return Resolution(None, "unknown", f"unresolved: '{token.lower_}' with no antecedent")

    def relative(self, token: Token, depth: int) -> Resolution:
        """ "who", "which", "that" -> the phrase the relative clause modifies."""
        clause = token.head if token.head.dep_ in ("relcl", "acl") else None
        if clause is None and token.head.head.dep_ == "relcl":
            clause = token.head.head
        if clause is None or clause.head is clause:
            return Resolution(None, "unknown", "unresolved: relative pronoun")
        noun = clause.head
        cut = clause.left_edge.i
        phrase = [t for t in noun.subtree if (t.i < cut and t.i <= noun.i) or t.i == noun.i]
        phrase = [t for t in phrase if t.i >= noun.left_edge.i]
        if not phrase:
            return Resolution(None, "unknown", "unresolved: relative pronoun")
        found = self.resolve(phrase, depth + 1)
        found.rule = f"relative pronoun: {found.rule}"
        return found

    # --- several sources ----------------------------------------------------------------

    def coordination(self, parts: list[list[Token]], depth: int) -> Resolution:
        """ "X and Y" -> both, typed organisation when all are organisations, else group."""
        found = [self.resolve(part, depth + 1) for part in parts]
        names = []
        for item in found:
            if item.speaker and item.speaker not in names:
                names.append(item.speaker)
        if not names:
            return Resolution(None, "unknown", "unresolved: coordination")
        if len(names) == 1:
            return found[0]
        kinds = {item.speaker_type for item in found}
        kind = "organisation" if kinds == {"organisation"} else "group"
        name = ", ".join(names[:-1]) + " and " + names[-1]
        referent = self.discourse.add(Referent("group", name, plural=True))
        return Resolution(name, kind, "coordination", None, None, referent)

    # --- names --------------------------------------------------------------------------

    def name(self, named: list[Token], mention: list[Token]) -> Resolution:
        """A name: the person or organisation the article names that way."""
        named = self._organisation_extent(named, mention)
        text = phrase_text(named)
        bare = text.removeprefix("the ").removeprefix("The ")
        at = named[0].idx
        rule = "name" if len(named) == len(mention) else "name in a longer mention"
        _, words = name_words(named)
        gender = honorific_gender(mention)
        entity = self.discourse.entity_at(named)
        if entity is not None and entity.kind != "person" and len(words) == 1:
            entity = self.discourse.person_named(words, gender) or entity
        if (
            entity is not None
            and entity.place
            and bare != entity.name
            and self.gazetteer.place(bare) is None
        ):
            entity = None  # "The Daily Caller" is not the city an alternate name gives
        if entity is not None and entity.kind == "person":
            if gender and entity.gender and gender != entity.gender:
                entity = self.discourse.person_named(words, gender) or entity
            self._fuller(entity, words)
            return self._found(entity, rule)
        if entity is not None:
            if entity.kind == "organisation" and not entity.place:
                fuller = self.discourse.organisation_called([t.text for t in named], at)
                if fuller is not None and len(fuller.name) > len(entity.name):
                    return self._found(fuller, "short name", at)
            return self._found(entity, rule)
        canonical = self._organisation_canonical(bare)
        if canonical is not None:
            referent = self.discourse.add(Referent("organisation", canonical))
            return Resolution(canonical, "organisation", rule, text, at, referent)
        short = self.discourse.organisation_called([t.text for t in named], at)
        if short is not None and (len(named) <= 2 or named[0].text.isupper()):
            return self._found(short, "short name", at)
        if self._organisation_name(named):
            referent = self.discourse.add(Referent("organisation", bare))
            return Resolution(bare, "organisation", rule, text, at, referent)
        if not words:
            return self.common_noun(mention, 0)
        person = self.discourse.person_named(words, gender)
        if person is not None:
            self._fuller(person, words)
            return self._found(person, "surname" if len(words) == 1 else rule)
        if len(words) == 1:
            known = self.gazetteer.known(words[0])
            if known is not None and known.type == "PERSON":
                return Resolution(known.canonical, "person", "known surname", text, at)
        referent = Referent("person", join_name(words), gender=gender, person=Person([words]))
        referent = self.discourse.add(referent)
        return Resolution(referent.name, "person", rule, text, at, referent)

    def _fuller(self, person: Referent, words: list[str]) -> None:
        """A source that names a person more fully than the article did elsewhere gives the
        fuller name ("Hany Farid, chairman of ..." after "Mr. Farid")."""
        if person.person is None or len(words) <= len(person.name.split()):
            return
        if person.name in self.gazetteer.canonical_people or not person.person.matches(words):
            return
        person.person.forms.append(words)
        person.name = join_name(words)

    def _organisation_canonical(self, name: str) -> str | None:
        known = self.gazetteer.known(name)
        if known is not None and known.type == "ORG":
            return known.canonical
        return self.discourse.outlets.by_alias.get(name)

    def _organisation_extent(self, named: list[Token], mention: list[Token]) -> list[Token]:
        """The whole name of an organisation the tagger marked: "The Hollywood Chamber of
        Commerce", "The Clark County Coroner's Office"."""
        head = named[-1]
        inside = {t.i for t in mention}
        for entity in head.doc.ents:
            if entity.start <= head.i < entity.end and entity.label_ in ("ORG", "FAC"):
                tokens = [t for t in entity if t.i in inside and not t.is_punct]
                while tokens and tokens[0].lower_ == "the":
                    tokens = tokens[1:]
                if len(tokens) > len(named) and tokens[-1].i >= head.i:
                    return tokens
        return named

    def _organisation_name(self, named: list[Token]) -> bool:
        last = named[-1].lower_
        if last in ORGANISATION_ENDINGS or phrase_text(named) in self.discourse.outlets.by_alias:
            return True
        labels = {t.ent_type_ for t in named if t.ent_type_}
        if labels and labels <= {"ORG", "GPE", "NORP", "FAC", "LOC"}:
            return True
        return len(named) == 1 and named[0].text.isupper() and len(named[0].text) > 1

    # --- common nouns -------------------------------------------------------------------

    def common_noun(self, tokens: list[Token], depth: int) -> Resolution:
        """A description: a document, an outlet, an organisation, a role, unnamed people or
        a group."""
        head = head_of(tokens)
        lower = head.lower_
        first = tokens[0].lower_
        plural = head.tag_ in _PLURAL_TAGS
        core = core_phrase(head, tokens)
        definite = first in _DEFINITE or any(c.dep_ == "poss" for c in head.lefts)
        at = tokens[0].idx
        of = self._of_object(head, tokens)
        if lower in _SHARES:
            # "31 percent of voters", "Another 19 percent", "half of Americans": a group.
            whole = [t for t in tokens if t.lower_ not in DETERMINERS and not t.is_punct]
            name = description(whole if of is not None else core)
            referent = self.discourse.add(Referent("group", name, plural=True, head=lower))
            return Resolution(name, "group", "group", None, at, referent)
        if of is not None and self.nouns.has("collective", lower) and depth < 3:
            inner = self.resolve(of, depth + 1)
            if inner.speaker is not None:
                return inner
        if lower in ("each", "both") or (first == "both" and plural):
            found = self._best(at, lambda r: r.kind == "group" and " and " in r.name, "both")
            if found is not None:
                return found
        if lower in _INDEFINITE_PEOPLE or first in ("those", "not") or self._informants(head):
            name = description(core) or lower
            referent = self.discourse.add(
                Referent("group", name, plural=True, head=lower, unnamed=True)
            )
            return Resolution(name, "anonymous", "unnamed people", None, at, referent)
        if self.nouns.has("document", lower):
            return self.document(head, core, definite, at)
        party = self._party([head])
        if party is not None:
            referent = self.discourse.add(Referent("organisation", party, plural=True))
            return Resolution(party, "organisation", "party", phrase_text(core), at, referent)
        if definite and lower in _GENDERED_PEOPLE:
            gender = _GENDERED_PEOPLE[lower]
            found = self._best(
                at,
                lambda r: r.kind == "person" and not r.plural and r.gender == gender,
                "description",
            )
            if found is not None:
                return found
        if self.nouns.has("outlet", lower) and definite:
            found = self._best(at, lambda r: r.outlet, "the outlet named before")
            if found is not None:
                return found
        if self.nouns.has("organisation", lower) and not plural:
            return self.organisation(head, core, definite, at)
        person_noun = self.nouns.has("person", lower) or is_title(head)
        agent = self.nouns.has("anonymous", lower) or _AGENT.search(lower) is not None
        if not plural and (person_noun or (definite and agent)):
            return self.role(head, core, tokens, definite, at)
        if not plural and agent and lower not in _NOT_PEOPLE:
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
                found = self._best(
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
        text = description(core)
        return Resolution(text or None, "unknown", "unresolved: description")

    @staticmethod
    def _informants(head: Token) -> bool:
        """People described only by what they know: "people familiar with her thinking",
        "sources close to the campaign", "those briefed on the talks"."""
        if head.lower_ not in ("people", "person", "sources", "source", "someone", "those"):
            return False
        return any(
            (child.dep_ in ("amod", "acl", "relcl") and child.lower_ != "many")
            or child.lower_ in ("familiar", "close", "briefed", "involved")
            for child in head.children
        )

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

    def document(self, head: Token, core: list[Token], definite: bool, at: int) -> Resolution:
        """ "the report" -> the report named before; "a Quinnipiac poll" -> that poll."""
        owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON" and owner.lower_ in PRONOUNS:
            owned_by = self.pronoun(owner)
            if owned_by.speaker:
                name = f"{owned_by.speaker}'s {head.lower_}"
                referent = self.discourse.add(Referent("document", name, head=head.lower_))
                return Resolution(
                    name, "document", "document of", owned_by.mention, owned_by.start, referent
                )
        specific = [t for t in core if t.i != head.i and t.pos_ in ("PROPN", "NOUN", "NUM")]
        alike = self.nouns.alike(head.lower_)
        if definite and not specific:
            found = self._best(
                at, lambda r: r.kind == "document" and r.head in alike, "the document"
            )
            found = found or self._best(at, lambda r: r.kind == "document", "the document")
            if found is not None:
                return found
        name = description(core)
        referent = self.discourse.add(Referent("document", name, head=head.lower_))
        return Resolution(name, "document", "document", None, at, referent)

    def organisation(self, head: Token, core: list[Token], definite: bool, at: int) -> Resolution:
        """ "the company", "the appeals court", "the Clinton campaign"."""
        owner = next((c for c in head.lefts if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and owner.lower_ in PRONOUNS:
            owned_by = self.pronoun(owner)
            if owned_by.speaker and owned_by.speaker_type in ("person", "organisation"):
                owned = f"{owned_by.speaker.split()[-1]} {head.lower_}"
                referent = self.discourse.add(Referent("organisation", owned, head=head.lower_))
                return Resolution(
                    owned, "organisation", "organisation of", owned_by.mention, at, referent
                )
        owned = self.discourse.organisation_description(head, core)
        if owned:
            referent = self.discourse.add(Referent("organisation", owned, head=head.lower_))
            return self._found(referent, "organisation", at)
        word = head.lower_
        if definite:
            found = self._best(
                at,
                lambda r: (
                    r.kind == "organisation"
                    and word in r.name.lower().split()
                    and r.name[:1].isupper()
                ),
                "the organisation named before",
            )
            if found is None and word in ("state", "country", "nation", "city"):
                found = self._best(at, lambda r: r.place, "the place named before")
            if found is not None:
                return found
        sentence = self.discourse.sentence_of(at)
        later = [
            r
            for r in self.discourse.referents
            if r.kind == "organisation"
            and word in r.name.lower().split()
            and any(at < m.start and m.sentence - sentence <= 3 for m in r.mentions)
        ]
        if len(later) == 1:
            return self._found(later[0], "introduced before the name", None)
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
                return self._found(best, "title", at)
            holders = self.discourse.holders(" ".join(t.lower_ for t in core[-2:]))
            holders = holders or self.discourse.holders(word)
            named = [h for h in holders if self.discourse.person_named(h.split())]
            if len(named) == 1 or len(holders) == 1:
                holder = (named or holders)[0]
                referent = self.discourse.person_named(holder.split())
                if referent is not None:
                    return self._found(referent, "office", at)
                return Resolution(holder, "person", "office", phrase_text(core), at)
        later = [
            r
            for r in people
            if any(at < m.start and m.sentence - sentence <= 5 for m in r.mentions)
        ]
        if len(later) == 1:
            return self._found(later[0], "introduced before the name", None)
        if definite and not self.nouns.has("person", head.lower_):
            found = self._best(
                at,
                lambda r: r.unnamed and r.head in self.nouns.alike(head.lower_),
                "the unnamed person named before",
            )
            if found is not None:
                return found
        elif definite:
            nouns = {t.lower_ for t in core if t.pos_ == "NOUN" and t.i != head.i}
            main = self._main_person(at, wanted, gender, nouns)
            if main is not None:
                return self._found(main, "description of the main person", at)
        name = description(core)
        referent = Referent(
            "person", name, gender=gender, unnamed=True, roles=wanted, head=head.lower_
        )
        referent = self.discourse.add(referent)
        return Resolution(name, "anonymous", "unnamed person", None, at, referent)

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
        role: the one it is clearly about at that point (twice as prominent as anyone
        else), of the right gender and party."""
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


__all__ = ["DETERMINERS", "Resolution", "Rules"]
