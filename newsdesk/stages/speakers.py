"""The speakers stage: resolve each attribution's source mention to a speaker in the article.

A rule-based, explainable resolver. People are clustered by surname, with first-name spelling
variants (Zhomart/Jomart) and titles ("President Kassym-Zhomart Tokayev") folded in; the
canonical name is the fullest form the article gives. A role ("the President of Kazakhstan",
"the minister") resolves to the person the article gives that title, a pronoun to the most
recent person speaking or mentioned, a floating quotation to the previous speaker.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsdesk.model import Article, Attribution
from newsdesk.names import TITLES, Person, join_name, name_words
from newsdesk.resources import Resources

PRONOUNS = frozenset(
    {"he", "she", "him", "her", "his", "hers", "i", "me", "we", "us", "they", "them", "who", "whom"}
)
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "who", "whom"})
ORGANISATION_HEADS = frozenset(
    """ministry government department agency company office party campaign committee council
    union police army court administration authority authorities federation service
    association group board bank commission parliament senate congress house embassy
    organization organisation institute university school hospital firm team club network
    newspaper channel station city state country""".split()
)
ANONYMOUS_HEADS = frozenset(
    """source sources official officials people experts expert analysts analyst observers
    witnesses witness residents resident aide aides insider insiders someone critics
    supporters protesters voters americans citizens person man woman spokesperson""".split()
)
DOCUMENT_HEADS = frozenset(
    """report statement study poll polls survey document letter memo analysis data figures
    tweet post release website article book paper filing complaint lawsuit ruling order law
    bill treaty convention research review investigation records record email emails video
    transcript speech interview""".split()
)


def _mention_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


class _Resolver:
    def __init__(self, article: Article) -> None:
        self.doc: Doc = article.parsed
        self.people: list[Person] = []
        self.mentions: list[tuple[int, Person]] = []  # (offset, person) in text order
        for entity in self.doc.ents:
            if entity.label_ == "PERSON" or (
                entity.label_ in ("ORG", "GPE") and self._titled(entity)
            ):
                self._add_name(list(entity), entity.start_char)
        for attribution in article.quotes:
            if attribution.source_span is not None:
                tokens = _mention_tokens(self.doc, *_pair(attribution.source_span))
                if any(t.pos_ == "PROPN" for t in tokens):
                    speaker = self._add_name(tokens, attribution.source_span.start)
                    if speaker is not None:
                        speaker.spoke = True
        self.mentions.sort(key=lambda m: m[0])

    @staticmethod
    def _titled(entity: SpacySpan) -> bool:
        """A name the tagger mislabelled, known by the title before it ("President X")."""
        before = entity.doc[entity.start - 1] if entity.start > 0 else None
        return (
            before is not None
            and before.lower_ in TITLES
            and all(t.pos_ == "PROPN" or t.is_punct for t in entity)
            and not any(t.lower_ in ORGANISATION_HEADS for t in entity)
        )

    def _add_name(self, tokens: list[Token], offset: int) -> Person | None:
        if tokens and tokens[0].i > 0:
            previous = tokens[0].doc[tokens[0].i - 1]
            if previous.lower_ in TITLES:
                tokens = [previous, *tokens]
        titles, words = name_words(tokens)
        if not words:
            return None
        person = self._find(words)
        if person is None:
            person = Person()
            self.people.append(person)
        if words not in person.forms:
            person.forms.append(words)
        person.titles.update(titles)
        person.positions.append(offset)
        self.mentions.append((offset, person))
        return person

    def _find(self, words: list[str]) -> Person | None:
        candidates = [p for p in self.people if p.matches(words)]
        return candidates[-1] if candidates else None

    def _person_before(self, offset: int) -> Person | None:
        before = [person for at, person in self.mentions if at < offset and person.certain]
        return before[-1] if before else None

    def _by_title(self, title_words: set[str], offset: int) -> Person | None:
        holders = [p for p in self.people if title_words & p.titles]
        if not holders:
            return None

        def distance(person: Person) -> int:
            return min(abs(position - offset) for position in person.positions)

        return min(holders, key=distance)

    def resolve(self, attribution: Attribution, previous: Attribution | None) -> Attribution:
        if attribution.source_span is None or attribution.source is None:
            if previous is None or attribution.cue_span is not None:
                # No one before it to continue, or a cue that names no one ("he was accused
                # of ..."): the source is unknown, not the previous speaker.
                return replace(attribution, speaker_type="unknown")
            return replace(
                attribution, speaker=previous.speaker, speaker_type=previous.speaker_type
            )
        tokens = _mention_tokens(self.doc, *_pair(attribution.source_span))
        if not tokens:
            return attribution
        head = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[0])
        lower = attribution.source.lower()
        offset = attribution.source_span.start
        if lower in PERSON_PRONOUNS or lower in PRONOUNS:
            if lower in ("who", "whom") and head.dep_ in ("nsubj", "nsubjpass"):
                relative_head = head.head.head if head.head.dep_ == "relcl" else None
                if relative_head is not None:
                    found = self._find(name_words(list(relative_head.subtree))[1] or ["?"])
                    if found is not None:
                        return replace(attribution, speaker=found.canonical, speaker_type="person")
            if lower in PERSON_PRONOUNS:
                speaker = self._previous_person(previous, offset)
                if speaker is not None:
                    return replace(attribution, speaker=speaker, speaker_type="person")
            return replace(attribution, speaker=attribution.source, speaker_type="unknown")
        # The mention's own noun phrase, without appositions and clauses after a comma:
        # "Its director, Dr. Anna Kovács" is about the director and names her.
        core = [t for t in tokens if t.i <= head.i] or tokens
        titles, words = name_words(tokens)
        if words and any(t.pos_ == "PROPN" for t in tokens):
            person = self._find(words)
            named = head.pos_ == "PROPN" or any(
                t.dep_ == "appos" and t.pos_ == "PROPN" for t in tokens
            )
            if (
                person is not None
                and named
                and (person.certain or not self._is_organisation(tokens))
            ):
                return replace(attribution, speaker=person.canonical, speaker_type="person")
        nouns = {t.lower_ for t in core if t.pos_ in ("NOUN", "PROPN")}
        head_word = head.lower_
        text = _without_determiner(attribution.source)
        if head_word in TITLES or (titles and head.pos_ == "PROPN" and not words):
            # A role: "the President of Kazakhstan", "its spokesman", "the judge".
            holder = self._by_title(set(titles) | {head_word} - _HONORIFICS, offset)
            if holder is not None:
                return replace(attribution, speaker=holder.canonical, speaker_type="person")
            return replace(attribution, speaker=text, speaker_type="person")
        if head.pos_ == "PROPN" and words:
            if self._is_organisation(tokens):
                return replace(attribution, speaker=text, speaker_type="organisation")
            return replace(attribution, speaker=join_name(words), speaker_type="person")
        if head_word in ORGANISATION_HEADS or self._is_organisation(core):
            return replace(attribution, speaker=text, speaker_type="organisation")
        if head_word in DOCUMENT_HEADS:
            return replace(attribution, speaker=text, speaker_type="document")
        if head_word in ANONYMOUS_HEADS or head.tag_ == "NNS":
            return replace(attribution, speaker=text, speaker_type="anonymous")
        if nouns & ORGANISATION_HEADS:
            return replace(attribution, speaker=text, speaker_type="organisation")
        return replace(attribution, speaker=text, speaker_type="unknown")

    @staticmethod
    def _is_organisation(tokens: list[Token]) -> bool:
        return (
            any(t.ent_type_ in ("ORG", "NORP") for t in tokens)
            and not any(t.ent_type_ == "PERSON" for t in tokens)
            and not any(t.lower_ in TITLES for t in tokens)
        )

    def _previous_person(self, previous: Attribution | None, offset: int) -> str | None:
        mentioned = self._person_before(offset)
        if previous is not None and previous.speaker_type == "person" and previous.speaker:
            previous_at = previous.source_span.start if previous.source_span else -1
            mentioned_at = max(
                (at for at, person in self.mentions if at < offset and person.certain), default=-1
            )
            if (
                mentioned is None
                or previous_at >= mentioned_at
                or (mentioned.canonical == previous.speaker)
            ):
                return previous.speaker
        return mentioned.canonical if mentioned is not None else None


_HONORIFICS = frozenset({"mr.", "mrs.", "ms.", "dr.", "prof.", "sir", "lord", "lady"})


def _pair(span: object) -> tuple[int, int]:
    return span.start, span.end  # type: ignore[attr-defined]


def _without_determiner(text: str) -> str:
    for determiner in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(determiner):
            return text[len(determiner) :]
    return text


def _entity_people(article: Article) -> list[tuple[str, Person]]:
    """The entities stage's people: canonical name, and the name forms its mentions use."""
    people = []
    for entity in article.entities:
        if entity.get("type") != "PERSON":
            continue
        person = Person()
        for mention in entity["mentions"]:
            words = [w for w in mention["text"].split() if w.lower() not in TITLES]
            if words and all(w[:1].isupper() for w in words) and words not in person.forms:
                person.forms.append(words)
        if person.forms:
            people.append((entity["canonical"], person))
    return people


def resolve_speakers(article: Article, resources: Resources) -> Article:
    """Give every attribution a speaker and speaker type, resolved within the article; people
    take the canonical name the entities stage gave them."""
    if article.parsed is None:
        raise ValueError("the article has not been parsed")
    resolver = _Resolver(article)
    people = _entity_people(article)
    resolved: list[Attribution] = []
    previous: Attribution | None = None
    for attribution in sorted(article.quotes, key=lambda a: a.content_span.start):
        result = resolver.resolve(attribution, previous)
        if result.speaker_type == "person" and result.speaker:
            words = result.speaker.split()
            canonical = next((name for name, p in people if p.matches(words)), None)
            if canonical:
                result = replace(result, speaker=canonical)
        resolved.append(result)
        if result.speaker_type in ("person", "organisation"):
            previous = result
    return article.with_updates(quotes=resolved)
