"""The events stage: what happened, when, who took part, where, and who says so.

Every sentence whose main verb reports something happening becomes an event: its date (the
first date the sentence gives, a range as ``start/end``; a statement the outlet reports with
no date of its own takes the date of the occasion it was made at when a sentence just before
dates that occasion, else the publication date, marked as such), the people and organisations
taking part, the places, and whether the outlet narrates it or a speaker's attribution holds it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from newsdesk.model import Article, Attribution, DateMention, Entity, Event
from newsdesk.resources import Resources

# Main verbs that describe a state, not something happening.
_STATIVE = frozenset({"be", "have", "seem", "appear", "remain", "belong", "consist", "contain"})
_PARTICIPANT_TYPES = frozenset({"PERSON", "ORG", "NORP"})
# Dependencies of a clause or phrase that describes a noun rather than the event itself.
_NOUN_MODIFIERS = frozenset({"relcl", "acl", "appos"})


# Occasions statements are made at: a sentence that dates one dates the statements after it.
_OCCASION = re.compile(
    r"\b(?:debates?|hearings?|(?:press|news)\s+conferences?|(?:press\s+)?briefings?|"
    r"interviews?|summits?|speech(?:es)?|(?:radio|televised|weekly|inaugural|keynote)\s+address|"
    r"rall(?:y|ies)|town\s+halls?|forums?|meetings?|sessions?|testimony|conferences?|"
    r"ceremon(?:y|ies)|talk\s+shows?|broadcasts?|appearances?|visits?)\b",
    re.IGNORECASE,
)
_VAGUE_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


@dataclass(frozen=True)
class _Occasion:
    """The date of the occasion a sentence names, and the paragraph it is in."""

    paragraph: int
    date: DateMention


def _occasion_after(
    occasion: _Occasion | None, sentence: str, dates: list[DateMention], paragraph: int
) -> _Occasion | None:
    """The occasion in force after a sentence: one it dates ("the debate on Sunday
    evening"); none after a sentence dated by something else; else the one before it."""
    dated = [d for d in dates if d.type in ("DATE", "TIME") and d.value not in _VAGUE_VALUES]
    if not dated or not dated[0].value:
        return occasion
    if _OCCASION.search(sentence):
        return _Occasion(paragraph, dated[0])
    return None


def _precision(value: str) -> str:
    if "/" in value:
        return "day-range"
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        return "day"
    if "T" in value:
        return "time"
    if len(value) == 7 and value[4] == "-" and value[5].isdigit():
        return "month"
    if len(value) == 4 and value.isdigit():
        return "year"
    return "other"


def _describes_a_noun(doc: Any, start: int, end: int) -> bool:
    """True when the words at ``[start, end)`` sit in a clause or phrase that describes a
    noun ("Berg, whose union paid for the boat in 2019, said ..."), not in the main clause.
    Only statements use it: their date is when something was said, never when the speaker
    did something else; in "the riots that began on January 2 were provoked by ..." the
    describing clause is the event."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    while token.head.i != token.i:
        if token.dep_ in _NOUN_MODIFIERS:
            return True
        token = token.head
    return False


def _inside(start: int, end: int, attribution: Attribution) -> bool:
    """True when most of ``[start, end)`` is the attribution's content."""
    covered = sum(max(0, min(end, s.end) - max(start, s.start)) for s in attribution.content_spans)
    return covered > 0.5 * (end - start)


class _Buckets:
    """Attributions, dates and entity mentions by the sentences they touch, so that each
    sentence looks only at its own (long documents have thousands of each)."""

    def __init__(self, article: Article, starts: list[int]) -> None:
        self.starts = starts
        self.quotes: dict[int, list[Attribution]] = defaultdict(list)
        self.dates: dict[int, list[DateMention]] = defaultdict(list)
        self.entities: dict[int, list[Entity]] = defaultdict(list)
        for quote in article.quotes:
            spans = list(quote.content_spans)
            if quote.cue_span is not None:
                spans.append(quote.cue_span)
            indices = {i for s in spans for i in self._range(s.start, s.end)}
            for index in indices:
                self.quotes[index].append(quote)
        for date in article.dates:
            self.dates[self._index(date.start)].append(date)
        for entity in article.entities:
            for index in {self._index(m.start) for m in entity.mentions}:
                self.entities[index].append(entity)

    def _index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def _range(self, start: int, end: int) -> range:
        return range(self._index(start), self._index(max(start, end - 1)) + 1)


def _events(article: Article) -> list[Event]:
    doc = article.parsed
    events: list[Event] = []
    title_end = next((p.end for p in article.paragraphs if p.role == "title"), -1)
    sentences = list(doc.sents)
    buckets = _Buckets(article, [s.start_char for s in sentences])
    paragraph_starts = [p.start for p in article.paragraphs]
    occasion: _Occasion | None = None
    for number, sentence in enumerate(sentences):
        quotes = buckets.quotes.get(number, [])
        start, end = sentence.start_char, sentence.end_char
        text = article.text[start:end].strip()
        start += len(article.text[start:end]) - len(article.text[start:end].lstrip())
        end = start + len(text)
        if not text or end <= title_end:
            continue
        paragraph = bisect_right(paragraph_starts, start) - 1
        earlier_occasion = occasion
        narrated = [
            d
            for d in buckets.dates.get(number, [])
            if start <= d.start and not any(_inside(d.start, d.end, q) for q in quotes)
        ]
        occasion = _occasion_after(occasion, text, narrated, paragraph)
        root = sentence.root
        if root.pos_ not in ("VERB", "AUX") or (root.lemma_ in _STATIVE and root.pos_ == "AUX"):
            continue
        if root.lemma_ in _STATIVE and not any(c.dep_ in ("ccomp", "xcomp") for c in root.children):
            continue
        statement = next(
            (
                q
                for q in quotes
                if q.cue_span is not None and q.cue_span.start <= root.idx < q.cue_span.end
            ),
            None,
        )
        holder = next((q for q in quotes if q is not statement and _inside(start, end, q)), None)
        dates = [
            d
            for d in buckets.dates.get(number, [])
            if start <= d.start
            and d.end <= end
            and d.type in ("DATE", "TIME")
            and d.value
            and not (statement and _inside(d.start, d.end, statement))
            and not (statement and _describes_a_noun(doc, d.start, d.end))
        ]
        date_value = None
        date_text = None
        date_source = None
        if dates:
            first = dates[0]
            date_value = first.value
            if first.end_value:
                date_value = f"{first.value}/{first.end_value}"
            date_text = first.text
            date_source = "text"
        elif (
            statement is not None
            and holder is None
            and earlier_occasion is not None
            and 0 <= paragraph - earlier_occasion.paragraph <= 1
        ):
            first = earlier_occasion.date
            date_value = first.value
            if first.end_value:
                date_value = f"{first.value}/{first.end_value}"
            date_text = first.text
            date_source = "occasion"
        elif statement is not None and article.published and holder is None:
            date_value = article.published
            date_source = "publication"
        participants: list[str] = []
        places: list[str] = []
        for entity in buckets.entities.get(number, []):
            if any(start <= m.start and m.end <= end for m in entity.mentions):
                target = places if entity.type == "PLACE" else participants
                if entity.type in _PARTICIPANT_TYPES or entity.type == "PLACE":
                    target.append(entity.canonical)
        if statement is not None and statement.speaker:
            if statement.speaker in participants:
                participants.remove(statement.speaker)
            participants.insert(0, statement.speaker)
        events.append(
            Event(
                text=text,
                start=start,
                end=end,
                trigger=root.text,
                kind="statement" if statement is not None else "occurrence",
                date=date_value,
                date_text=date_text,
                date_source=date_source,
                precision=_precision(date_value) if date_value else None,
                participants=tuple(participants),
                places=tuple(places),
                narrator="attribution" if holder is not None else "outlet",
                speaker=holder.speaker if holder is not None else None,
            )
        )
    return events


def find_events(article: Article, resources: Resources) -> Article:
    """Fill ``events``: one record per sentence that reports something happening."""
    if article.parsed is None:
        raise ValueError("the article has not been parsed")
    return article.with_updates(events=_events(article))
