"""What an article talks about, as the speakers stage needs it: its people, organisations,
groups and documents, each with a name, gender and number where the text tells them, the
roles the article gives them ("the Democratic nominee", "the 70-year-old"), and every place it
mentions them, so that a pronoun or a description can find what it refers back to.

Prominence (salience) follows the usual account of reference in discourse: a referent
mentioned recently, as a subject, or as someone speaking is the likelier antecedent, and
mentions inside quotations count for less.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from spacy.attrs import DEP, IDX
from spacy.tokens import Doc, Token

from newsdesk.lang.gazetteer import Gazetteer
from newsdesk.lang.names import HONORIFIC_GENDER, Person, called_by_first_word, name_words
from newsdesk.lang.speaker_nouns import OUTLET_ENDINGS, SpeakerNouns, looks_personal
from newsdesk.model import Article, Entity
from newsdesk.stages.datelines import datelines
from newsdesk.stages.outlet import OutletTable
from newsdesk.stages.parse import noun_chunks, tokens_where
from newsdesk.stages.speakers.mentions import (
    PRONOUNS,
    core_phrase,
    description,
    document_author,
    head_of,
    informants,
    is_title,
    plural_people,
    quoted_ranges,
    span_tokens,
)
from newsdesk.stages.speakers.owners import description_owner, owned_name

# Abbreviated titles as the role words they stand for.
_ROLE_WORDS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "lt.": "lieutenant",
    "sec.": "secretary",
    "pres.": "president",
    "gop": "republican",
    "dem.": "democratic",
    "democrat": "democratic",
}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_DECAY = 0.5
SALIENCE_SUM = 0.3
MODIFIER_DISCOUNT = 0.5


@dataclass(frozen=True)
class Mention:
    """One place a referent is mentioned: its offset, sentence, and how prominently."""

    start: int
    sentence: int
    subject: bool = False
    quoted: bool = False
    spoke: bool = False
    text: str = ""
    main: bool = False  # the subject of the sentence's main clause
    modifier: bool = False  # a noun's modifier ("CNBC moderator", "the Texas attorney general")

    @property
    def weight(self) -> float:
        """How much this mention makes its referent prominent."""
        weight = 1.0 + 0.4 * self.subject + 0.6 * self.main + 0.5 * self.spoke
        weight -= MODIFIER_DISCOUNT * self.modifier
        return max(weight - 0.7 * self.quoted, 0.2)


@dataclass
class Referent:
    """Someone or something the article talks about."""

    kind: str  # person, organisation, group, document
    name: str
    mentions: list[Mention] = field(default_factory=list)
    gender: str | None = None
    plural: bool = False
    roles: set[str] = field(default_factory=set)
    person: Person | None = None
    outlet: bool = False
    place: bool = False
    unnamed: bool = False  # a person the article describes but never names
    head: str = ""
    # Mentions added to any referent so far: unchanged, no referent has a new mention.
    added: ClassVar[int] = 0

    def add_mention(self, mention: Mention) -> None:
        """Add a mention, keeping ``mentions`` in text order (as salience reads them)."""
        insort(self.mentions, mention, key=_mention_start)
        Referent.added += 1

    def salience(self, before: int, sentence: int) -> float:
        """How prominent the referent is just before offset ``before`` (in ``sentence``): its
        most prominent recent mention (of the last ten sentences), and a little for every
        other."""
        best = total = 0.0
        index = bisect_left(self.mentions, before, key=_mention_start)
        while index > 0:
            index -= 1
            mention = self.mentions[index]
            distance = sentence - mention.sentence
            if distance > 10:
                break  # mentions are in text order: every earlier one is further back
            value = mention.weight * _DECAY ** max(distance, 0)
            best = max(best, value)
            total += value
        return best + SALIENCE_SUM * (total - best)

    def last_before(self, offset: int) -> Mention | None:
        """The latest mention before the offset."""
        index = bisect_left(self.mentions, offset, key=_mention_start)
        return self.mentions[index - 1] if index else None


def _mention_start(mention: Mention) -> int:
    return mention.start


def role_words(tokens: Iterable[Token]) -> set[str]:
    """Lower-case role words of a description, abbreviations spelt out ("Sen." -> senator)."""
    words = set()
    for token in tokens:
        if token.is_punct or token.pos_ in ("DET", "ADP", "PRON", "CCONJ", "PART"):
            continue
        lower = token.lower_
        words.add(_ROLE_WORDS.get(lower, lower.rstrip(".")))
        if token.lemma_.lower() != lower:
            words.add(token.lemma_.lower())
    return words


class Discourse:
    """The referents of one parsed article, built from the entities stage's records and the
    noun phrases of the parse."""

    def __init__(
        self, article: Article, gazetteer: Gazetteer, nouns: SpeakerNouns, outlets: OutletTable
    ) -> None:
        self.doc: Doc = article.parsed
        self.text = article.text
        self.gazetteer = gazetteer
        self.nouns = nouns
        self.outlets = outlets
        self.published = _date(article.published)
        self.sentence_starts = [s.start_char for s in self.doc.sents]
        self._named_index: dict[int, tuple[int, Referent]] = {}
        self._named_counts: dict[int, int] = {}
        self._named_mentions: set[int] = set()
        self._named_state = (-1, -1)
        self._token_starts: list[int] | None = None
        self.quoted = quoted_ranges(self.text)
        self.quoted_starts = [start for start, _ in self.quoted]
        self.datelines = datelines(self.text, article.paragraphs)
        self.referents: list[Referent] = []
        self._by_entity: dict[tuple[str, str], Referent] = {}
        for entity in article.entities:
            self._entity(entity)
        self._noun_phrases()
        self._pairs()
        self._people_roles()
        self._pronoun_genders()

    # --- positions --------------------------------------------------------------------

    def sentence_of(self, offset: int) -> int:
        """The index of the sentence holding the offset."""
        return max(bisect_right(self.sentence_starts, offset) - 1, 0)

    def is_quoted(self, offset: int) -> bool:
        """True when the offset lies inside quotation marks."""
        index = bisect_right(self.quoted_starts, offset) - 1
        return index >= 0 and self.quoted[index][0] < offset < self.quoted[index][1]

    def in_dateline(self, offset: int) -> bool:
        """True when the offset lies in a dateline ("OSLO (Reuters) -")."""
        return any(start <= offset < end for start, end in self.datelines)

    def mention(self, tokens: list[Token], spoke: bool = False) -> Mention:
        """A mention record for a stretch of tokens."""
        head = head_of(tokens)
        modifier = False
        while head.dep_ in ("compound", "flat", "appos") and head.head is not head:
            if head.dep_ == "compound" and head.head.pos_ == "NOUN":
                modifier = True  # "McConnell spokesman Don Stewart": McConnell is not the subject
                break
            head = head.head
        start = tokens[0].idx
        subject = head.dep_ in _SUBJECT_DEPS
        # "The president's roots came into play": a subject's possessor is in focus too,
        # though not as the main clause's subject.
        possessor = head.dep_ == "poss" and head.head.dep_ in _SUBJECT_DEPS
        verb = head.head
        main = subject and (
            verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        )
        return Mention(
            start,
            self.sentence_of(start),
            main=main,
            subject=subject or possessor,
            quoted=self.is_quoted(start),
            spoke=spoke,
            text=self.text[start : tokens[-1].idx + len(tokens[-1])],
            modifier=modifier,
        )

    # --- building -----------------------------------------------------------------------

    def _entity(self, record: Entity) -> None:
        kind = record.type
        canonical = record.canonical
        if not canonical or kind not in ("PERSON", "ORG", "PLACE", "NORP"):
            return
        referent: Referent | None = None
        for item in record.mentions:
            if self.in_dateline(item.start):
                continue
            tokens = span_tokens(self.doc, item.start, item.end)
            if not tokens:
                continue
            if kind == "PERSON":
                tokens = self._with_first_name(tokens)
            if referent is None:
                referent = self._new_entity(kind, canonical, tokens)
                if referent is None:
                    return
            referent.add_mention(self.mention(tokens))
            if referent.kind != "person":
                referent.roles |= self.roles_around(tokens)
            if referent.person is not None:
                titles, words = name_words(tokens)
                if words and words not in referent.person.forms:
                    referent.person.forms.append(words)
                referent.person.titles.update(titles)
                gender = next((HONORIFIC_GENDER[t] for t in titles if t in HONORIFIC_GENDER), None)
                referent.gender = referent.gender or gender
        if referent is not None:
            self._by_entity[(kind, canonical)] = referent

    def _with_first_name(self, tokens: list[Token]) -> list[Token]:
        """A name mention the tagger cut short of its first name ("Al" of "Al Sharpton")."""
        first = tokens[0]
        if len(tokens) == 1 and first.i > 0:
            before = self.doc[first.i - 1]
            if before.pos_ == "PROPN" and self.gazetteer.gender(before.text) is not None:
                return [before, *tokens]
        return tokens

    def _new_entity(self, kind: str, canonical: str, tokens: list[Token]) -> Referent | None:
        words = canonical.split()
        if kind == "ORG" and looks_personal(words, self.gazetteer):
            kind = "PERSON"  # "Carly Fiorina" tagged as an organisation
        if kind == "PERSON":
            person = Person([canonical.split()])
            first = canonical.split()[0] if " " in canonical else ""
            referent = Referent("person", canonical, person=person)
            referent.gender = self.gazetteer.gender(first) if first else None
        elif kind == "NORP":
            known = self.gazetteer.known(canonical)
            if known is not None and known.type == "ORG":
                referent = Referent("organisation", known.canonical, plural=True)
            elif canonical.endswith("s"):
                referent = Referent("group", canonical, plural=True)
            else:
                return None
        else:
            known = self.gazetteer.known(canonical)
            if known is not None and known.type == "ORG":
                canonical = known.canonical
            canonical = self.outlets.by_alias.get(canonical, canonical)
            referent = Referent("organisation", canonical, place=kind == "PLACE")
            referent.outlet = self.is_outlet(canonical)
        existing = next(
            (r for r in self.referents if r.kind == referent.kind and r.name == referent.name),
            None,
        )
        if existing is not None:
            return existing
        self.referents.append(referent)
        return referent

    def _noun_phrases(self) -> None:
        """Documents, groups and organisations that common-noun phrases introduce."""
        for chunk in noun_chunks(self.doc):
            root = chunk.root
            if self.in_dateline(root.idx) or root.pos_ in ("PRON", "PROPN"):
                continue
            lower = root.lower_
            kind = None
            if self.nouns.has("document", lower):
                kind = "document"
            elif plural_people(root, self.nouns) or (
                self.nouns.has("group", lower) and root.tag_ == "NNPS"
            ):
                kind = "group"
            elif self.nouns.has("organisation", lower) and self._owned(root):
                kind = "organisation"
            if kind is None:
                continue
            tokens = [t for t in chunk if not t.is_space]
            core = core_phrase(root, tokens)
            name = self.organisation_description(root, core) if kind == "organisation" else ""
            if kind == "document":
                core = core + document_author(root)
            elif kind == "group":
                # "about two hundred fishermen" are the fishermen.
                counted = {t.i for c in root.lefts if c.dep_ == "nummod" for t in c.subtree}
                core = [t for t in core if t.i not in counted] or core
            name = name or description(core)
            definite = chunk[0].lower_ in ("the", "this", "these", "that", "those")
            # "officials", "experts", "people familiar with the talks": people the article
            # leaves unnamed.
            unnamed = kind == "group" and (self.nouns.has("anonymous", lower) or informants(root))
            same = [r for r in self.referents if r.kind == kind and r.name == name]
            found = next((r for r in same if r.unnamed == unnamed), None)
            if definite and kind == "group" and same:
                # "these people": the people of that name mentioned last, named or not.
                found = max(same, key=lambda r: _last_start(r, root.idx))
            if found is None and definite and len(core) == 1 and kind != "group":
                continue  # "the report": a reference back, resolved when it speaks
            if found is None:
                found = Referent(kind, name, plural=root.tag_ in ("NNS", "NNPS"), head=lower)
                found.unnamed = unnamed
                self.referents.append(found)
            found.add_mention(self.mention(tokens))

    def _pairs(self) -> None:
        """People named together ("Obama and Clinton", "Trump and his aides" aside) as one
        group, for a "they" that follows."""
        for token in tokens_where(self.doc, DEP, ["conj"]):
            if token.head.dep_ == "conj" or self.in_dateline(token.idx):
                continue
            heads = [token.head, *(t for t in token.head.children if t.dep_ == "conj")]
            people = [self.entity_at([head]) for head in heads]
            if len(people) < 2 or any(p is None or p.kind != "person" for p in people):
                continue
            names = list(dict.fromkeys(p.name for p in people if p is not None))
            if len(names) < 2:
                continue
            pair = self.add(
                Referent("group", ", ".join(names[:-1]) + " and " + names[-1], plural=True)
            )
            first = token.head.left_edge
            pair.add_mention(self.mention(list(self.doc[first.i : token.i + 1])))

    def _owned(self, root: Token) -> bool:
        """An organisation noun with its owner named: "the Clinton campaign", "Trump's
        campaign"."""
        return description_owner(root) is not None

    def organisation_description(self, root: Token, core: list[Token]) -> str:
        """ "the Clinton campaign", "Trump's campaign", "Russia's foreign ministry" ->
        "Clinton campaign", "Trump campaign", "Russian foreign ministry" (see
        :func:`~newsdesk.stages.speakers.owners.owned_name`)."""
        return owned_name(root, core)

    def _people_roles(self) -> None:
        """Roles the article gives each person, from the words around their names, from
        appositions and copulas, and from the office table on the publication date."""
        for referent in self.referents:
            if referent.kind != "person":
                continue
            for mention in referent.mentions:
                tokens = span_tokens(self.doc, mention.start, mention.start + len(mention.text))
                if tokens:
                    referent.roles |= self.roles_around(tokens)
            if self.published is not None:
                for term in self.gazetteer.offices:
                    if (
                        term.holder == referent.name
                        and term.start <= self.published
                        and (term.end is None or self.published < term.end)
                    ):
                        referent.roles |= set(term.office.lower().replace(" of ", " ").split())
            if referent.gender is None:
                if referent.roles & self.nouns.classes.get("male", frozenset()):
                    referent.gender = "m"
                elif referent.roles & self.nouns.classes.get("female", frozenset()):
                    referent.gender = "f"

    def roles_around(self, tokens: list[Token]) -> set[str]:
        """Role words for the person a name mention names: titles and modifiers before the
        name, the noun it stands in apposition to or with, and the predicate of "X is the
        nominee"."""
        head = head_of(tokens)
        roles = role_words(t for t in tokens if is_title(t) or t.pos_ in ("NOUN", "ADJ"))
        if head.dep_ == "compound" and head.head.pos_ == "NOUN":
            roles |= role_words([head.head])  # "Family Circle magazine"
        for token in head.lefts:
            if token.i < tokens[0].i and token.dep_ in ("compound", "amod", "nmod"):
                roles |= role_words(token.subtree)
        related = [c for c in head.children if c.dep_ in ("appos", "attr")]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            related.append(head.head)
        if head.dep_ in _SUBJECT_DEPS and head.head.lemma_ == "be":
            related += [c for c in head.head.children if c.dep_ == "attr"]
        for noun in related:
            if noun.pos_ == "NUM" and noun.text.isdigit():
                roles.add(f"{noun.text}-year-old")
            elif noun.pos_ == "NOUN":
                roles |= role_words([noun, *(c for c in noun.lefts if c.dep_ != "det")])
                for prep in noun.children:
                    if prep.dep_ == "prep" and prep.lower_ == "of":
                        roles |= role_words(c for c in prep.children if c.dep_ == "pobj")
        return roles

    def _pronoun_genders(self) -> None:
        """A person of unknown gender takes the gender of "he" or "she" when it opens the
        next clause after they were the subject, with no other person named between."""
        people = [r for r in self.referents if r.kind == "person" and r.gender is None]
        if not people:
            return
        votes: dict[int, Counter[str]] = {id(r): Counter() for r in people}
        subjects = sorted((m.start, m.sentence, r) for r in people for m in r.mentions if m.subject)
        named = sorted(m.start for r in self.referents if r.kind == "person" for m in r.mentions)
        for token in tokens_where(self.doc, DEP, _SUBJECT_DEPS):
            gender = PRONOUNS.get(token.lower_, (None, False))[0]
            if gender is None:
                continue
            sentence = self.sentence_of(token.idx)
            earlier = [s for s in subjects if s[0] < token.idx and sentence - s[1] <= 1]
            if not earlier:
                continue
            start, _, referent = earlier[-1]
            if any(start < other < token.idx for other in named):
                continue
            votes[id(referent)][gender] += 1
        for referent in people:
            if votes[id(referent)]:
                referent.gender = votes[id(referent)].most_common(1)[0][0]

    # --- finding ------------------------------------------------------------------------

    def person_named(self, words: list[str], gender: str | None = None) -> Referent | None:
        """The person the name words refer to: among people with that surname, the one of the
        same gender and, of those, the most often mentioned."""
        candidates = [
            r
            for r in self.referents
            if r.kind == "person" and r.person is not None and r.person.matches(words, gender)
        ]
        if not candidates and len(words) == 1:
            candidates = [
                r
                for r in self.referents
                if r.kind == "person"
                and r.person is not None
                and r.gender in (gender, None, *(() if gender else ("m", "f")))
                and called_by_first_word(r.person, words[0])
            ]
            if len(candidates) > 1:
                return None
        if not candidates:
            return None
        return max(candidates, key=lambda r: (len(r.mentions), -r.mentions[0].start))

    def entity_at(self, tokens: list[Token]) -> Referent | None:
        """The person or organisation whose entity mention covers the tokens' head."""
        found = self._named_at().get(head_of(tokens).idx)
        return found[1] if found is not None else None

    def _named_at(self) -> dict[int, tuple[int, Referent]]:
        """Each token start inside a mention of a named person, organisation or group,
        with the first such referent (and its place among the referents) mentioned there;
        brought up to date with the mentions added since the last call."""
        index, counts, indexed = self._named_index, self._named_counts, self._named_mentions
        # Referents and their mentions are only ever added (mentions through add_mention):
        # the same numbers, nothing new.
        state = (len(self.referents), Referent.added)
        if state == self._named_state:
            return index
        self._named_state = state
        if self._token_starts is None:
            self._token_starts = self.doc.to_array(IDX).tolist() if len(self.doc) else []
        starts = self._token_starts
        for position, referent in enumerate(self.referents):
            if referent.kind not in ("person", "organisation", "group") or referent.unnamed:
                continue
            if counts.get(position) == len(referent.mentions):
                continue
            counts[position] = len(referent.mentions)
            for mention in referent.mentions:
                if id(mention) in indexed:
                    continue
                indexed.add(id(mention))
                # Only a token's start is ever looked up.
                first = bisect_left(starts, mention.start)
                last = bisect_left(starts, mention.start + len(mention.text), lo=first)
                for offset in starts[first:last]:
                    current = index.get(offset)
                    if current is None or current[0] > position:
                        index[offset] = (position, referent)
        return index

    def organisation_called(self, words: list[str], at: int) -> Referent | None:
        """The organisation named before ``at`` that a short form refers to: the end of its
        name ("the Post" -> The New York Post) or its initials ("CNS" -> Christian News
        Service); the most prominent when several fit."""
        wanted = [w.lower() for w in words if w.lower() != "the"]
        if not wanted:
            return None
        initials = wanted[0].replace(".", "") if len(wanted) == 1 else ""

        def fits(referent: Referent) -> bool:
            if referent.kind != "organisation" or referent.place:
                return False
            name = [w for w in referent.name.replace("-", " ").split() if w.lower() != "the"]
            lower = [w.lower() for w in name]
            if len(name) > len(wanted) and lower[-len(wanted) :] == wanted:
                return True
            capitals = "".join(w[0] for w in name if w[:1].isupper()).lower()
            return len(initials) >= 2 and capitals == initials

        ranked = self.ranked(at, fits)
        return ranked[0][1] if ranked else None

    def add(self, referent: Referent) -> Referent:
        """Add a referent, or return the one of the same kind and name already there."""
        for existing in self.referents:
            if (
                existing.kind == referent.kind
                and existing.name == referent.name
                and existing.unnamed == referent.unnamed
            ):
                return existing
        if referent.kind == "organisation":
            referent.outlet = referent.outlet or self.is_outlet(referent.name)
        self.referents.append(referent)
        return referent

    def is_outlet(self, name: str) -> bool:
        """A news outlet's name: listed, or ending like one ("Orlando Sentinel")."""
        return name in self.outlets.by_alias or name.split()[-1].lower() in OUTLET_ENDINGS

    def ranked(self, offset: int, accept: Any) -> list[tuple[float, Referent]]:
        """Referents that ``accept`` admits, mentioned before the offset, most prominent
        first."""
        sentence = self.sentence_of(offset)
        scored = []
        for referent in self.referents:
            if not accept(referent):
                continue
            score = referent.salience(offset, sentence)
            if score > 0:
                scored.append((score, referent))
        scored.sort(key=lambda pair: -pair[0])
        return scored

    def holders(self, title: str, former: bool = False, of: str | None = None) -> list[str]:
        """Who held an office of this title (``of`` a party or place, when given) on the
        publication date, or (``former``) before it and no longer."""
        if not former:
            terms = self.gazetteer.holders(title, self.published)
            return [t.holder for t in terms if of is None or t.office.endswith(f"of the {of}")]
        now = {term.holder for term in self.gazetteer.holders(title, self.published)}
        before = self.gazetteer.former_holders(title, self.published)
        return sorted({holder for holder in before if holder not in now})


def _last_start(referent: Referent, before: int) -> int:
    """Where the referent was last mentioned before the offset (-1 when it was not)."""
    mention = referent.last_before(before)
    return mention.start if mention is not None else -1


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
