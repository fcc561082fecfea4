"""The resolution rules of the speakers stage: from a source mention's tokens to the speaker
it refers to, with the rule that decided and the mention it followed."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsdesk.lang.names import Person, join_name, name_words
from newsdesk.lang.speaker_nouns import ends_a_body_s_name
from newsdesk.stages.speakers.descriptions import (
    GENDERED_PEOPLE,
    PLURAL_TAGS,
    Descriptions,
    Resolution,
    type_of,
)
from newsdesk.stages.speakers.discourse import Discourse, Referent
from newsdesk.stages.speakers.mentions import (
    DETERMINERS,
    FIRST_PERSON,
    PRONOUNS,
    RELATIVES,
    SECOND_PERSON,
    acronym_name,
    conjuncts,
    core_phrase,
    description,
    head_of,
    honorific_gender,
    is_title,
    named_tokens,
    no_one_in_particular,
    phrase_text,
)

THEY_ORGANISATION = 0.5


def _personal(found: Resolution) -> bool:
    """A resolution "who" can refer to: people, a group or an organisation of people."""
    referent = found.referent
    if referent is not None and referent.place:
        return False
    return found.speaker_type in ("person", "group", "anonymous", "organisation")


def _they_can_be(referent: Referent) -> bool:
    """What "they" can refer to as a source: people, a group or an organisation, not a
    document or a place."""
    if referent.kind == "organisation":
        return not referent.place
    return referent.plural and referent.kind in ("person", "group")


class Rules:
    """Resolves source mentions against the article's discourse model."""

    def __init__(self, discourse: Discourse) -> None:
        self.discourse = discourse
        self.nouns = discourse.nouns
        self.gazetteer = discourse.gazetteer
        self.descriptions = Descriptions(self)

    def found(self, referent: Referent, rule: str, at: int | None = None) -> Resolution:
        """A resolution to a referent; the evidence is its latest mention before ``at``."""
        mention = referent.last_before(at) if at is not None else None
        return Resolution(
            referent.name,
            type_of(referent),
            rule,
            mention.text if mention else referent.name,
            mention.start if mention else None,
            referent,
        )

    def best(self, at: int, accept: Callable[[Referent], bool], rule: str) -> Resolution | None:
        ranked = self.discourse.ranked(at, accept)
        return self.found(ranked[0][1], rule, at) if ranked else None

    def learn_name(self, tokens: list[Token]) -> None:
        """Take a person's fullest name from a source before resolving anything, so that a
        mention earlier in the text gets it too ("DNC chair" before "Democratic National
        Committee Chair Debbie Wasserman Schultz")."""
        named = named_tokens(tokens)
        if not named:
            return
        entity = self.discourse.entity_at(named)
        if entity is not None and entity.kind == "person":
            self._fuller(entity, name_words(named)[1])

    def refers_to_person(self, root: Token) -> bool:
        """A definite description of one person ("the president", "the senator") that is
        not part of a name."""
        if root.tag_ in PLURAL_TAGS or root.pos_ != "NOUN":
            return False
        if not (self.nouns.has("person", root.lower_) or root.lower_ in GENDERED_PEOPLE):
            return False
        first = root.doc[root.left_edge.i]
        return first.lower_ == "the" and not any(
            c.pos_ == "PROPN" or c.dep_ in ("appos", "relcl") for c in root.children
        )

    # --- the entry point ----------------------------------------------------------------

    def resolve(
        self, tokens: list[Token], depth: int = 0, barred: frozenset[int] = frozenset()
    ) -> Resolution:
        """Resolve one source mention; a pronoun refers to none of the ``barred`` referents
        (by id)."""
        at = tokens[0].idx
        if self.discourse.in_dateline(at):
            return Resolution(None, "unknown", "unresolved: a dateline")
        words = [t for t in tokens if not t.is_punct]
        if not words:
            return Resolution(None, "unknown", "unresolved: no words")
        lower = words[0].lower_
        if len(words) == 1 and lower in PRONOUNS:
            return self.pronoun(words[0], barred)
        if len(words) == 1 and lower in SECOND_PERSON and not self.discourse.is_quoted(at):
            return Resolution("readers", "group", "second person: the reader")
        if len(words) == 1 and (lower in SECOND_PERSON or lower in FIRST_PERSON):
            return Resolution(None, "unknown", f"unresolved: '{lower}'")
        acronym = self._acronym(words)
        if acronym is not None:
            return acronym
        if words[-1].lower_ in RELATIVES and depth < 3:
            if len(words) > 1:
                return self.resolve(words[:-1], depth + 1)
            return self.relative(words[0], depth)
        head = head_of(words)
        if no_one_in_particular(head):
            # Not a speaker but a claim about speakers: the statement stays, unresolved.
            return Resolution(None, "unknown", "unresolved: no one in particular")
        parts = conjuncts(words)
        if parts and depth < 3:
            return self.coordination(parts, depth)
        if head.lower_ in PRONOUNS and head.pos_ == "PRON":
            return self.pronoun(head, barred)  # "even she", "he both", "they'd"
        if (
            head.text.istitle()
            and self.nouns.has("document", head.lower_)
            and not any(t.ent_type_ for t in words)
        ):
            return self.descriptions.common_noun(words, depth)  # "New Poll: …" in a headline
        named = named_tokens(words)
        if named:
            return self.name(named, words)
        capitalised = head.text[:1].isupper() and head.pos_ != "PRON"
        if capitalised and self.discourse.person_named([head.text]) is not None:
            return self.name([head], words)
        return self.descriptions.common_noun(words, depth)

    def _acronym(self, words: list[Token]) -> Resolution | None:
        """An organisation's acronym spelled like a relative pronoun ("WHO says …", "says
        WHO.", "according to WHO,"): a name when the text reads it as one or the article
        knows it as an organisation's; None for anything else."""
        if len(words) != 1 or words[0].lower_ not in RELATIVES or not words[0].text.isupper():
            return None
        if len(words[0]) < 2:
            return None
        found = self.name(words, words)
        return found if acronym_name(words[0]) or found.speaker_type == "organisation" else None

    # --- pronouns -----------------------------------------------------------------------

    def pronoun(self, token: Token, barred: frozenset[int] = frozenset()) -> Resolution:
        """ "he"/"she" -> a person of that gender, "it" -> an organisation or document,
        "they" -> a group, an organisation or several people; never a ``barred`` one."""
        gender, plural = PRONOUNS[token.lower_]
        if gender is not None:

            def accept(r: Referent) -> bool:
                return (
                    r.kind == "person"
                    and not r.plural
                    and r.gender in (gender, None)
                    and id(r) not in barred
                )

            ranked = self.discourse.ranked(token.idx, accept)
            # A person whose gender is unknown is taken only when no one of that gender is
            # about as prominent.
            if ranked:
                known = [(s, r) for s, r in ranked if r.gender == gender]
                best = ranked[0]
                if known and known[0][0] >= 0.5 * best[0]:
                    best = known[0]
                return self.found(best[1], "pronoun", token.idx)
        elif plural:
            # "they": a group, several people or unnamed people first; an organisation
            # ("the company ... they") only when it is clearly more prominent; never
            # things ("the new rules, which they say ...").
            ranked = [
                (score * (1.0 if r.plural else THEY_ORGANISATION), r)
                for score, r in self.discourse.ranked(
                    token.idx, lambda r: _they_can_be(r) and id(r) not in barred
                )
            ]
            if ranked:
                return self.found(max(ranked, key=lambda pair: pair[0])[1], "pronoun", token.idx)
        else:
            found = self.best(
                token.idx,
                lambda r: (
                    r.kind in ("organisation", "document") and not r.plural and id(r) not in barred
                ),
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
        personal = token.lower_ in ("who", "whom")
        noun = clause.head
        found = self._antecedent(noun, clause.left_edge.i, depth)
        if personal and noun.dep_ == "pobj" and not _personal(found):
            # "Democrats on Capitol Hill, who ...": who is the people, not the place.
            found = self._antecedent(noun.head.head, noun.head.i, depth)
        if personal and found.speaker_type == "unknown" and found.speaker:
            found = Resolution(found.speaker, "anonymous", "unnamed person")  # "an architect who"
        found.rule = f"relative pronoun: {found.rule}"
        return found

    def _antecedent(self, noun: Token, cut: int, depth: int) -> Resolution:
        """What the noun phrase a relative clause modifies refers to (the phrase up to the
        clause)."""
        phrase = [t for t in noun.subtree if (t.i < cut and t.i <= noun.i) or t.i == noun.i]
        phrase = [t for t in phrase if t.i >= noun.left_edge.i and not t.is_punct]
        if not phrase:
            return Resolution(None, "unknown", "unresolved: relative pronoun")
        return self.resolve(phrase, depth + 1)

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
        entity = self._tagged_entity(named, words, gender, bare)
        if entity is not None and entity.kind == "group":
            qualified = self._qualified_group(named, mention)
            if qualified is not None:
                return qualified
        if entity is not None:
            return self._entity_found(entity, named, words, gender, rule)
        canonical = self._organisation_canonical(bare)
        if canonical is not None:
            referent = self.discourse.add(Referent("organisation", canonical))
            return Resolution(canonical, "organisation", rule, text, at, referent)
        short = self.discourse.organisation_called([t.text for t in named], at)
        if short is not None and (len(named) <= 2 or named[0].text.isupper()):
            return self.found(short, "short name", at)
        if self._party_member(named):
            # "a Republican", "a New Hampshire Democrat": one person, unnamed.
            name = description(mention)
            return Resolution(name, "anonymous", "unnamed party member", text, at)
        if self._organisation_name(named) and not self._titled(named):
            referent = self.discourse.add(Referent("organisation", bare))
            return Resolution(bare, "organisation", rule, text, at, referent)
        if not words:
            return self.descriptions.common_noun(mention, 0)
        person = self.discourse.person_named(words, gender)
        if person is not None:
            self._fuller(person, words)
            return self.found(person, "surname" if len(words) == 1 else rule)
        if len(words) == 1:
            known = self.gazetteer.known(words[0])
            if known is not None and known.type == "PERSON":
                return Resolution(known.canonical, "person", "known surname", text, at)
        referent = Referent("person", join_name(words), gender=gender, person=Person([words]))
        referent = self.discourse.add(referent)
        return Resolution(referent.name, "person", rule, text, at, referent)

    def _qualified_group(self, named: list[Token], mention: list[Token]) -> Resolution | None:
        """A people named with the words that narrow it ("Conservative Christians", "many
        evangelical Christians" -> conservative Christians, evangelical Christians): a group
        of its own, not all of that people."""
        head = named[-1]
        core = core_phrase(head, mention)
        own = 1  # the people's own name: the head and the words tagged with it
        while own < len(core) and core[-own - 1].ent_type_ == head.ent_type_ != "":
            own += 1
        if len(core) <= own or core[-1].i != head.i:
            return None
        first = core[0]
        text = phrase_text(core)
        if not first.ent_type_ and first.text[:1].isupper() and not first.text.isupper():
            text = text[:1].lower() + text[1:]  # capitalised only where the sentence starts
        referent = self.discourse.add(Referent("group", text, plural=True, head=head.lower_))
        return Resolution(text, "group", "qualified group", phrase_text(core), first.idx, referent)

    def _tagged_entity(
        self, named: list[Token], words: list[str], gender: str | None, bare: str
    ) -> Referent | None:
        """The person or organisation the entity tagger found at the name, corrected where
        the tagger is known to be wrong; None when there is none or it was wrong."""
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
        if entity is not None and entity.kind == "person" and self._organisation_word(named[-1]):
            entity = None  # "The Daily Ledger": the tagger's person is a newspaper
        if entity is not None and entity.kind != "person" and self._titled(named):
            entity = self.discourse.person_named(words, gender)  # "Lord Ashby"
        return entity

    def _entity_found(
        self,
        entity: Referent,
        named: list[Token],
        words: list[str],
        gender: str | None,
        rule: str,
    ) -> Resolution:
        """A resolution to a tagged entity: a person of the name's gender, named in full, or
        an organisation by the fuller name the article gave it before."""
        if entity.kind == "person":
            if gender and entity.gender and gender != entity.gender:
                entity = self.discourse.person_named(words, gender) or entity
            self._fuller(entity, words)
            return self.found(entity, rule)
        if entity.kind == "organisation" and not entity.place:
            at = named[0].idx
            fuller = self.discourse.organisation_called([t.text for t in named], at)
            if fuller is not None and len(fuller.name) > len(entity.name):
                return self.found(fuller, "short name", at)
        return self.found(entity, rule)

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
        if head.ent_type_ not in ("ORG", "FAC"):
            return named
        doc = head.doc
        start, end = head.i, head.i + 1  # the entity around the head, from its IOB tags
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        inside = {t.i for t in mention}
        tokens = [t for t in doc[start:end] if t.i in inside and not t.is_punct]
        while tokens and tokens[0].lower_ == "the":
            tokens = tokens[1:]
        if len(tokens) > len(named) and tokens[-1].i >= head.i:
            return tokens
        return named

    @staticmethod
    def _organisation_word(token: Token) -> bool:
        return ends_a_body_s_name(token.lower_)

    @staticmethod
    def _titled(named: list[Token]) -> bool:
        """A name right after a title or honorific ("Lord Ashby", "Sen. Park") is a person's,
        whatever the tagger called it."""
        first = named[0]
        return (
            first.i > 0
            and is_title(first.doc[first.i - 1])
            and first.doc[first.i - 1].text[:1].isupper()
        )

    def _party_member(self, named: list[Token]) -> bool:
        """A singular party or national name used for one person ("a Republican")."""
        last = named[-1]
        if last.ent_type_ != "NORP" or last.tag_ in ("NNS", "NNPS") or last.text.endswith("s"):
            return False
        known = self.gazetteer.known(last.text + "s")
        return (known is not None and known.type == "ORG") or last.text.endswith("an")

    def _organisation_name(self, named: list[Token]) -> bool:
        if (
            self._organisation_word(named[-1])
            or phrase_text(named) in self.discourse.outlets.by_alias
        ):
            return True
        labels = {t.ent_type_ for t in named if t.ent_type_}
        if labels and labels <= {"ORG", "GPE", "NORP", "FAC", "LOC"}:
            return True
        return len(named) == 1 and named[0].text.isupper() and len(named[0].text) > 1

    # --- common nouns -------------------------------------------------------------------


__all__ = ["DETERMINERS", "Resolution", "Rules"]
