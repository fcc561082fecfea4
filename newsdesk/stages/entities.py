"""The entities stage: people, organisations and places with canonical names and ids.

spaCy's entities are corrected by the gazetteer before and after: a capitalised stretch the
gazetteer knows ("Alma-Ata", "Nur-Sultan", "CSTO") takes its canonical name and GeoNames id,
whatever the small model called it; people are clustered by name (surname, spelling variants,
titles) and take the alias table's canonical name when it lists them; "the President of
Kazakhstan" joins the person the article gives that title, or the office holder on the
publication date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.attrs import IDX, IS_PUNCT, LENGTH, LOWER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsdesk.lang.gazetteer import Gazetteer, KnownName, Place
from newsdesk.lang.names import HONORIFIC_GENDER, TITLES, Person, called_by_first_word, name_words
from newsdesk.lang.speaker_nouns import (
    SpeakerNouns,
    agent_noun,
    ends_a_body_s_name,
    looks_personal,
)
from newsdesk.model import Article, Entity, Mention
from newsdesk.resources import Resources
from newsdesk.stages.parse import tokens_where

_LABELS = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "NORP",
}
_MAX_NAME_TOKENS = 6
# A city named like a person or an organisation ("Clinton", "Police") is taken for the city
# only when it is a big one; the small model often calls "Alma-Ata" a person.
_CITY_OVER_PERSON = 100_000
_SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "stress", "note", "claim", "argue"})
_OFFICE_TITLES = frozenset(
    {
        "president",
        "prime minister",
        "chancellor",
        "king",
        "queen",
        "premier",
        "secretary-general",
        "secretary general",
    }
)


@dataclass
class _Entity:
    canonical: str
    type: str
    geonames_id: int | None = None
    country_code: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    person: Person | None = None


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[:1].isdigit()


def _apposed_to(span: SpacySpan, names_it: Callable[[Token], bool]) -> bool:
    """True when ``span`` stands in apposition to a common noun that ``names_it`` accepts
    ("its director, Helena Marques"; "the company Atlántica Eólica")."""
    root = span.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in root.children if c.dep_ == "appos"]
    return any(noun.pos_ == "NOUN" and names_it(noun) for noun in nouns)


def _common_noun_phrase(span: SpacySpan) -> bool:
    """An entity the tagger found in common nouns capitalised only because they open the
    sentence ("Commuters on the island welcomed ...")."""
    return (
        bool(span[0].is_sent_start)
        and all(t.pos_ == "NOUN" for t in span)
        and not any(t.text[:1].isupper() for t in span[1:])
    )


class _Finder:
    def __init__(self, article: Article, gazetteer: Gazetteer, nouns: SpeakerNouns) -> None:
        self.text = article.text
        self.nouns = nouns
        self.doc: Doc = article.parsed
        self.gazetteer = gazetteer
        self.published = dt.date.fromisoformat(article.published) if article.published else None
        self.taken: set[int] = set()
        self.entities: dict[tuple[str, str], _Entity] = {}
        self.people: list[_Entity] = []
        # The tagger's PERSON entity each token belongs to.
        self.person_at: dict[int, SpacySpan] = {
            i: ent
            for ent in self.doc.ents
            if ent.label_ == "PERSON"
            for i in range(ent.start, ent.end)
        }

    def _entity(self, canonical: str, kind: str) -> _Entity:
        key = (kind, canonical)
        if key not in self.entities:
            self.entities[key] = _Entity(canonical, kind)
        return self.entities[key]

    def _mention(self, entity: _Entity, span: SpacySpan) -> None:
        entity.mentions.append((span.start_char, span.end_char))
        self.taken.update(range(span.start, span.end))

    def _ent_label(self, span: SpacySpan) -> str | None:
        labels = {t.ent_type_ for t in span if t.ent_type_}
        return labels.pop() if len(labels) == 1 else None

    def _accepts_place(self, span: SpacySpan, place: Place) -> bool:
        label = self._ent_label(span)
        if label in ("GPE", "LOC", "FAC"):
            return True
        if self.gazetteer.by_alternate_name(span.text, place) and self._not_a_place(span):
            return False
        person = self.person_at.get(span.start)
        whole_person = person is not None and person.end >= span.end and len(person) > len(span)
        if whole_person:
            return False  # "Paris" in "Paris Hilton"
        if place.kind == "country":
            return label != "PERSON"
        if label is None and not all(t.pos_ == "PROPN" or t.is_punct for t in span):
            return False  # "Mobile phones…", "Reading the report…"
        root = span.root
        if root.dep_ == "nsubj" and root.head.lemma_ in _SPEECH_LEMMAS:
            return False  # "Clinton said": a person speaking
        before = self.doc[span.start - 1] if span.start > 0 else None
        if before is not None and (before.lower_ in TITLES or before.ent_type_ == "PERSON"):
            return False  # "Mr. Clinton", "Bill Clinton"
        return place.population >= _CITY_OVER_PERSON

    def _not_a_place(self, span: SpacySpan) -> bool:
        """For a name that is only one of a city's alternate names, which the tagger does not
        call a place: True where it is a word of a longer name the tagger found ("the
        National Institute on Drug Abuse" is not Durg) or as short as a code (the publisher
        Tor is not Slovyansk, the broadcaster Kan not Ganzhou)."""
        if len(span.text) <= 3:
            return True
        return any(
            ent.start <= span.start and span.end <= ent.end and len(ent) > len(span)
            for ent in self.doc.ents
        )

    def gazetteer_pass(self) -> None:
        """Known names first: the longest capitalised stretch the gazetteer knows wins."""
        # The tokens' texts, offsets and punctuation flags from the Doc's arrays (the Doc's
        # text is the article's), without a Token made for each.
        text = self.text
        columns = self.doc.to_array([IDX, LENGTH, IS_PUNCT]).tolist() if len(self.doc) else []
        starts = [start for start, _, _ in columns]
        words = [text[start : start + length] for start, length, _ in columns]
        punct = [bool(flag) for _, _, flag in columns]
        index = 0
        while index < len(words):
            if not words[index][:1].isupper() and not words[index][:1].isdigit():
                index += 1
                continue
            if index in self.taken:
                index += 1
                continue
            matched = 0
            for size in range(min(_MAX_NAME_TOKENS, len(words) - index), 0, -1):
                last = index + size - 1
                stretch = text[starts[index] : starts[last] + len(words[last])]
                if "\n" in stretch or punct[last]:
                    continue
                if self._known_or_placed(index, last + 1, stretch):
                    matched = size
                    break
            index += matched or 1

    def _known_or_placed(self, start: int, end: int, text: str) -> bool:
        """Record the tokens from ``start`` to ``end`` (whose text is ``text``) as the listed
        name or the place the gazetteer knows them for; False when it knows none."""
        listed = self.gazetteer.known(text)
        place = self.gazetteer.place(text)
        if place is None and text.isupper() and len(text) > 3:
            place = self.gazetteer.place(text.title())  # "MOSCOW, March 3 -"
        if listed is None and place is None:
            return False  # most stretches: no need to look at their tokens
        span = self.doc[start:end]
        known = self._known(span, text)
        if known is not None and known.type == "PERSON":
            self._person(list(span), span, known.canonical)
            return True
        if known is not None:
            self._mention(self._entity(known.canonical, known.type), span)
            return True
        if place is not None and self._accepts_place(span, place):
            entity = self._entity(place.canonical, "PLACE")
            entity.geonames_id = place.geonames_id
            entity.country_code = place.country_code
            self._mention(entity, span)
            return True
        return False

    def _known(self, span: SpacySpan, text: str) -> KnownName | None:
        """The listed person or organisation the span names, unless the text says otherwise: a
        common word at a sentence's start ("Conservatives say"), or a surname alias given with
        another first name ("Michelle Obama" is not the "Obama" of the table)."""
        known = self.gazetteer.known(text)
        if known is None:
            return None
        if known.common_word and span[0].is_sent_start:
            return None
        if known.type == "PERSON" and len(span) == 1 and span.start > 0:
            before = self.doc[span.start - 1]
            first = known.canonical.split()[0]
            if (
                before.pos_ == "PROPN"
                and before.text[:1].isupper()
                and before.lower_ not in TITLES
                and before.text != first
                and not before.is_sent_start
            ) or (before.pos_ == "PROPN" and before.is_sent_start and before.text != first):
                return None
        return known

    def _person(self, tokens: list[Token], span: SpacySpan, canonical: str | None = None) -> None:
        start = span.start
        while (
            start > 0 and self.doc[start - 1].lower_ in TITLES and _capitalised(self.doc[start - 1])
        ):
            start -= 1  # "President Kassym-Zhomart Tokayev": the title belongs to the mention
        if start < span.start:
            span = self.doc[start : span.end]
            tokens = list(span)
        titles, words = name_words(tokens)
        if not words:
            return
        gender = next((HONORIFIC_GENDER[t] for t in titles if t in HONORIFIC_GENDER), None)
        if gender is None and len(words) > 1:
            gender = self.gazetteer.gender(words[0])
        if gender is None and canonical and " " in canonical:
            gender = self.gazetteer.gender(canonical.split()[0])
        # A listed person is looked for under the full name the table gives ("Obama" is Barack
        # Obama, not the Michelle Obama the article named before).
        wanted = canonical.split() if canonical else words
        entity = next(
            (p for p in self.people if p.person and p.person.matches(wanted, gender)), None
        )
        if entity is None and len(words) == 1:
            by_first = [
                p for p in self.people if p.person and called_by_first_word(p.person, words[0])
            ]
            entity = by_first[0] if len(by_first) == 1 else None
        if entity is None:
            known = self.gazetteer.known(" ".join(words)) if canonical is None else None
            name = canonical or (known.canonical if known and known.type == "PERSON" else None)
            entity = _Entity(name or "", "PERSON", person=Person())
            self.people.append(entity)
        assert entity.person is not None
        for form in (words, canonical.split() if canonical else words):
            if form not in entity.person.forms:
                entity.person.forms.append(form)
        entity.person.titles.update(titles)
        entity.person.gender = entity.person.gender or gender
        if canonical and not entity.canonical:
            entity.canonical = canonical
        self._mention(entity, span)

    def spacy_pass(self) -> None:
        """The model's own entities, where the gazetteer said nothing."""
        ordered = sorted(self.doc.ents, key=lambda e: (e.label_ != "PERSON", e.start))
        shown: set[str] = set()  # unknown "places" an apposition shows to be organisations
        for ent in ordered:
            if any(i in self.taken for i in range(ent.start, ent.end)):
                continue
            kind = _LABELS.get(ent.label_)
            if kind is None or not any(c.isupper() for c in ent.text):
                continue
            span = ent
            while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
                span = span[1:]
            if _common_noun_phrase(span):
                continue
            words = span.text.split()
            known_person = kind in ("ORG", "PLACE") and any(
                p.person is not None and p.person.matches(words) for p in self.people
            )
            # "the library's director, Helena Marques" tagged as an organisation
            named = kind == "ORG" and self._named_person(span, words)
            if kind == "PERSON" and self._named_organisation(span, words):
                kind = "ORG"  # "the Harbour Gazette", "Coastal Fisheries Board"
            if kind == "PLACE" and self._unknown_place_acting(span):
                kind = "ORG"  # "Netflix, the streaming company"
                shown.add(span.text)
            if kind == "PERSON" or (known_person and len(words) <= 2) or named:
                # "Lavrov called…": the tagger's ORG is the Lavrov the article already named.
                self._person(list(span), span)
            else:
                self._mention(self._entity(span.text, kind), span)
        for name in shown:
            # The name is an organisation's wherever else the tagger took it for a place.
            place = self.entities.pop(("PLACE", name), None)
            if place is not None:
                self._entity(name, "ORG").mentions.extend(place.mentions)

    def _named_organisation(self, span: SpacySpan, words: list[str]) -> bool:
        """A "person" whose name ends as organisations' and outlets' names do, or that is
        given in apposition to a noun naming an organisation ("the company Atlántica
        Eólica"), with no first name the tables know and no person of the article called so
        ("Harbour Gazette", "the Gazette", not "Margaret Court"); a single word only after
        "the", which a person's name does not take."""
        if self.gazetteer.gender(words[0]) is not None and len(words) > 1:
            return False
        if not _apposed_to(span, lambda noun: self.nouns.has("organisation", noun.lower_)):
            if not ends_a_body_s_name(words[-1]):
                return False
            before = self.doc[span.start - 1] if span.start > 0 else None
            if len(words) == 1 and (before is None or before.lower_ != "the"):
                return False
        return not any(p.person is not None and p.person.matches(words) for p in self.people)

    def _unknown_place_acting(self, span: SpacySpan) -> bool:
        """A "place" the tagger found (not a building) that the gazetteer does not know as a
        place and that stands in apposition to a noun naming an organisation ("Netflix, the
        streaming company"). Speaking is no evidence: regions speak for their governments
        ("Kashmir said")."""
        if span.label_ not in ("GPE", "LOC") or self.gazetteer.place(span.text) is not None:
            return False
        return _apposed_to(span, lambda noun: self.nouns.has("organisation", noun.lower_))

    def _named_person(self, span: SpacySpan, words: list[str]) -> bool:
        """A name that reads as a person's (a known first name, no organisation's ending)
        given in apposition to a noun naming a person ("its director, Helena Marques")."""
        if not looks_personal(words, self.gazetteer):
            return False
        return _apposed_to(
            span, lambda noun: self.nouns.has("person", noun.lower_) or agent_noun(noun.lower_)
        )

    def places_pass(self) -> None:
        """One-word "people" the text shows to be places: "the Danube" (a person's name takes
        no article; "the Gazette" is an organisation), or "Galicia" where the tagger also
        calls it a place and it never acts as anyone's subject. A name the alias table lists,
        or given with a first name or a title, stays a person's."""
        for entity in list(self.people):
            person = entity.person
            if person is None or person.titles or any(len(form) > 1 for form in person.forms):
                continue
            if entity.canonical and self.gazetteer.known(entity.canonical) is not None:
                continue
            heads = [self.doc.char_span(s, e, alignment_mode="expand") for s, e in entity.mentions]
            roots = [span.root for span in heads if span is not None]
            article = any(
                c.dep_ == "det" and c.lower_ == "the" for root in roots for c in root.children
            )
            tagged_place = any(root.ent_type_ in ("GPE", "LOC") for root in roots)
            acting = any(root.dep_ in ("nsubj", "nsubjpass", "poss") for root in roots)
            if not (article or (tagged_place and not acting)):
                continue
            self.people.remove(entity)
            name = entity.canonical or person.canonical
            # "the Gazette", "the Board": a word that ends organisations' names names one.
            organisation = article and ends_a_body_s_name(name)
            place = self._entity(name, "ORG" if organisation else "PLACE")
            place.mentions.extend(entity.mentions)

    def roles_pass(self) -> None:
        """ "The President of Kazakhstan": the person the article gives that title, else the
        office holder on the publication date."""
        for token in tokens_where(self.doc, LOWER, _OFFICE_TITLES):
            if token.i in self.taken:
                continue
            following = self.doc[token.i + 1 : token.i + 3]
            if len(following) < 2 or following[0].lower_ != "of":
                continue
            place_span = self._place_after(following[1])
            if place_span is None:
                continue
            title = token.text[0].upper() + token.text[1:].lower()
            office = f"{title} of {place_span.text}"
            start = token.i - 1 if token.i > 0 and token.nbor(-1).lower_ == "the" else token.i
            mention = self.doc[start : place_span.end]
            holder = self._titled_person(token.lower_)
            if holder is None:
                name = self.gazetteer.holder(office, self.published)
                if name is None:
                    continue
                holder = next((p for p in self.people if p.canonical == name), None)
                if holder is None:
                    holder = _Entity(name, "PERSON", person=Person([name.split()]))
                    self.people.append(holder)
            holder.mentions.append((mention.start_char, mention.end_char))

    def _place_after(self, token: Token) -> SpacySpan | None:
        for entity in self.entities.values():
            if entity.type != "PLACE":
                continue
            for start, end in entity.mentions:
                if start == token.idx:
                    span = self.doc.char_span(start, end)
                    return span
        return None

    def _titled_person(self, title: str) -> _Entity | None:
        holders = [p for p in self.people if p.person and title in p.person.titles]
        return holders[0] if len(holders) == 1 else None

    def records(self) -> list[Entity]:
        """The article's entities, in order of first mention."""
        found = [*self.entities.values(), *self.people]
        found.sort(key=lambda entity: min(entity.mentions, default=(0, 0)))
        records: list[Entity] = []
        for entity in found:
            if not entity.mentions:
                continue
            canonical = entity.canonical
            if not canonical and entity.person is not None:
                canonical = entity.person.canonical
            mentions = sorted(set(entity.mentions))
            records.append(
                Entity(
                    canonical=canonical,
                    type=entity.type,
                    geonames_id=entity.geonames_id,
                    country_code=entity.country_code,
                    mentions=tuple(Mention(self.text[s:e], s, e) for s, e in mentions),
                )
            )
        return records


def find_entities(article: Article, resources: Resources) -> Article:
    """Fill ``entities``: canonical people, organisations and places with their mentions."""
    if article.parsed is None:
        raise ValueError("the article has not been parsed")
    finder = _Finder(article, resources.gazetteer, resources.speaker_nouns)
    finder.gazetteer_pass()
    finder.spacy_pass()
    finder.places_pass()
    finder.roles_pass()
    return article.with_updates(entities=finder.records())


__all__ = ["TITLES", "find_entities"]
