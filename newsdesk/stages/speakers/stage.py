"""The speakers stage: who each attribution's source mention refers to, as a careful reader
would resolve it, with the rule and the mention that decided it (``speaker_evidence``).

Rule-based and explainable, on the parse the article already has:

- a name resolves to the person or organisation the article names that way, in its fullest
  form; in a mention that holds several names, to the one the mention is about ("Hillary
  Clinton's campaign manager Robby Mook" -> Robby Mook); parties and organisations take the
  gazetteer's canonical name ("GOP" -> Republican Party);
- a pronoun resolves to the most prominent earlier referent that agrees with it: "he" and
  "she" to a person of that gender, "it" to an organisation or document, "they" to a group,
  an organisation or several people; "I" and "we" inside a quotation to that quotation's
  speaker; a relative pronoun to the phrase it modifies;
- a description refers back: "the senator" to the person the article gave that role (or the
  office holder on the publication date), "the report" to the document it named, "the
  newspaper" to the outlet, "the company" to the organisation;
- "X and Y" to both; unnamed people ("a source", "officials") are anonymous; populations
  ("voters", "31 percent of voters") are groups;
- a quotation with no source of its own continues the previous speaker.

What cannot be resolved (a pronoun with nothing to refer to, "you") has no speaker and the
type ``unknown``, so a pronoun is never given as a speaker's name; nor does a quantifier that
names no one ("nobody", "no official", "everyone"): the statement stays, unresolved.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.attrs import LOWER, POS
from spacy.tokens import Token

from newsdesk.model import Article, Attribution, Span, SpeakerEvidence
from newsdesk.resources import Resources
from newsdesk.stages.outlet import outlet_table
from newsdesk.stages.parse import tokens_where
from newsdesk.stages.speakers.discourse import Discourse
from newsdesk.stages.speakers.mentions import FIRST_PERSON, PRONOUNS, head_of, span_tokens
from newsdesk.stages.speakers.rules import Resolution, Rules

_SPEAKING = ("person", "organisation", "group")
_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})


def _result(attribution: Attribution, found: Resolution) -> Attribution:
    evidence = SpeakerEvidence(found.rule, found.mention, found.start)
    return replace(
        attribution,
        speaker=found.speaker,
        speaker_type=found.speaker_type,
        speaker_evidence=evidence,
    )


def _contains(outer: Attribution, offset: int) -> bool:
    return outer.kind in ("direct", "mixed") and any(
        span.start <= offset < span.end for span in outer.content_spans
    )


def _source_start(attribution: Attribution) -> int:
    span: Span = attribution.source_span or attribution.content_span
    return span.start


def resolve_speakers(article: Article, resources: Resources) -> Article:
    """Give every attribution a speaker, a speaker type and the evidence for them, resolved
    over the whole article."""
    if article.parsed is None:
        raise ValueError("the article has not been parsed")
    discourse = Discourse(
        article, resources.gazetteer, resources.speaker_nouns, outlet_table(resources)
    )
    rules = Rules(discourse)
    done: dict[int, Attribution] = {}
    quotes = list(article.quotes)
    first_person: list[int] = []
    sources = _source_mentions(quotes, discourse, rules)
    for _, index, tokens in _mentions_in_order(sources, discourse, rules):
        if index < 0:
            found = rules.resolve(tokens)
            if found.referent is not None and found.speaker_type in _SPEAKING:
                found.referent.add_mention(discourse.mention(tokens))
            continue
        attribution = quotes[index]
        if len(tokens) == 1 and tokens[0].lower_ in FIRST_PERSON:
            first_person.append(index)
            continue
        found = rules.resolve(tokens, barred=_named_in(attribution, discourse))
        if found.referent is not None and found.speaker_type in _SPEAKING:
            found.referent.add_mention(discourse.mention([head_of(tokens)], spoke=True))
        done[index] = _result(attribution, found)
    for index in first_person:
        attribution = quotes[index]
        done[index] = _result(attribution, _first_person(attribution, done, article))
    return article.with_updates(quotes=_with_continuations(quotes, done))


def _named_in(attribution: Attribution, discourse: Discourse) -> frozenset[int]:
    """The referents (by id) the attribution's content names: what a pronoun that is its
    source cannot be ("he said Sanders would win", "“Senator Sanders's message ...,” he
    said": whoever "he" is, he is not Sanders)."""
    spans = attribution.content_spans
    named = set()
    for referent in discourse.referents:
        if referent.unnamed or referent.kind == "document":
            continue
        for mention in referent.mentions:
            if not mention.text[:1].isupper() or mention.text.lower() in PRONOUNS:
                continue
            if not any(span.start <= mention.start < span.end for span in spans):
                continue
            tokens = span_tokens(discourse.doc, mention.start, mention.start + len(mention.text))
            if tokens and head_of(tokens).dep_ != "compound":  # not "Trump Tower Grill"
                named.add(id(referent))
                break
    return frozenset(named)


def _source_mentions(
    quotes: list[Attribution], discourse: Discourse, rules: Rules
) -> dict[int, list[Token]]:
    """The tokens of each attribution's source mention, by its index; the names among them
    are learnt first."""
    sources: dict[int, list[Token]] = {}
    for index, attribution in enumerate(quotes):
        if attribution.source_span is not None and attribution.source is not None:
            tokens = span_tokens(discourse.doc, *_pair(attribution.source_span))
            if tokens:
                sources[index] = tokens
                rules.learn_name(tokens)
    return sources


def _mentions_in_order(
    sources: dict[int, list[Token]], discourse: Discourse, rules: Rules
) -> list[tuple[int, int, list[Token]]]:
    """(offset, attribution index or -1, tokens) of every mention that can refer back, in
    text order."""
    # Sources, and the pronouns and definite descriptions of people around them, which keep
    # the right people prominent.
    taken = {t.i for tokens in sources.values() for t in tokens}
    events: list[tuple[int, int, list[Token]]] = [
        (tokens[0].idx, index, tokens) for index, tokens in sources.items()
    ]
    for token in tokens_where(discourse.doc, LOWER, _PERSON_PRONOUNS):
        if token.i not in taken:
            events.append((token.idx, -1, [token]))
    # Only a noun can be such a description (``refers_to_person`` says no to any other word).
    for token in tokens_where(discourse.doc, POS, ["NOUN"]):
        if token.i not in taken and rules.refers_to_person(token):
            phrase = [t for t in token.doc[token.left_edge.i : token.i + 1] if not t.is_space]
            events.append((phrase[0].idx, -1, phrase))
    return sorted(events, key=lambda event: event[0])


def _first_person(
    attribution: Attribution, done: dict[int, Attribution], article: Article
) -> Resolution:
    """ "I" or "we" as a source: the speaker of the quotation it stands in, else the
    article's author."""
    start = _source_start(attribution)
    outer = [d for d in done.values() if _contains(d, start) and d.speaker]
    if outer:
        holder = min(outer, key=lambda d: d.content_span.end)
        return Resolution(
            holder.speaker,
            holder.speaker_type or "person",
            "first person in quotation",
            holder.source,
            holder.source_span.start if holder.source_span else None,
        )
    if article.author:
        return Resolution(article.author, "person", "first person: the author")
    return Resolution(None, "unknown", "unresolved: first person outside a quotation")


def _with_continuations(
    quotes: list[Attribution], done: dict[int, Attribution]
) -> list[Attribution]:
    """The attributions in text order, each one left without a source continuing the
    previous speaker."""
    resolved: list[Attribution] = []
    previous: Attribution | None = None
    for index in sorted(range(len(quotes)), key=lambda i: quotes[i].content_span.start):
        attribution = quotes[index]
        if index in done:
            result = done[index]
        elif previous is None or attribution.cue_span is not None:
            # No one before it to continue, or a cue that names no one ("he was accused
            # of ..."): the source is unknown, not the previous speaker.
            result = _result(attribution, Resolution(None, "unknown", "no source"))
        else:
            result = replace(
                attribution,
                speaker=previous.speaker,
                speaker_type=previous.speaker_type,
                speaker_evidence=SpeakerEvidence(
                    "continuation",
                    previous.source,
                    previous.source_span.start if previous.source_span else None,
                ),
            )
        resolved.append(result)
        if result.speaker and result.speaker_type in (*_SPEAKING, "anonymous"):
            previous = result
    return resolved


def _pair(span: Span) -> tuple[int, int]:
    return span.start, span.end
