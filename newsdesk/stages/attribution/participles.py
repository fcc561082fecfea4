"""Cue participles: the cue of a gerund that goes on from another verb ("could not resist
pointing out"), and a participle that describes a noun ("a group backing Bush", "polls
showing a tight race", "a statement saying …"), whose noun is the source, or, for a text
someone put out ("issued a statement saying …"), whoever put it out."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from newsdesk.lang.speaker_nouns import SpeakerNouns, names_people
from newsdesk.stages.attribution.quotations import CueLexicon, Quotations
from newsdesk.stages.attribution.syntax import (
    ASPECTUAL,
    CATENATIVE,
    PUBLISHING,
    VERBAL_ONLY,
    between_people,
    cue_extent,
    hypothetical,
    inside_quotation,
)

# Who a participle's noun may be besides people: a body or a text.
_SPEAKING_THINGS = ("document", "outlet", "organisation")
_NONE: tuple[None, None, None] = (None, None, None)


def can_speak(noun: Token, nouns: SpeakerNouns) -> bool:
    """True when a noun names someone or something that can state a view: people, an
    organisation or a text ("a group", "polls", "a statement", "those")."""
    if noun.ent_type_ in ("PERSON", "ORG", "NORP") or noun.lower_ in ("those", "others"):
        return True
    if names_people(noun, nouns):
        return True
    words = (noun.lower_, noun.lemma_.lower())
    return any(nouns.has(kind, word) for kind in _SPEAKING_THINGS for word in words)


def participle_owner(
    token: Token,
    lexicon: CueLexicon,
    nouns: SpeakerNouns,
    quotations: Quotations,
    source_of: Callable[[Token], Token | None],
) -> tuple[Token | None, tuple[int, int] | None, tuple[int, int] | None]:
    """The source of a cue participle that describes a noun, as (source token, where the
    source's phrase lies when it is the noun, the cue when it runs from an earlier verb);
    all None when the participle is no such cue. ``source_of`` gives a verb's subject."""
    owner = token.head
    if (
        token.tag_ != "VBG"
        or token.dep_ != "acl"
        or owner.pos_ not in ("NOUN", "PROPN", "PRON")
        or owner.i > token.i
        or hypothetical(token)
        or inside_quotation(quotations, owner.idx)
    ):
        return _NONE
    if token.lemma_.lower() in VERBAL_ONLY and not between_people(token, owner):
        return _NONE
    cue = lexicon.get(token)
    if cue is not None and cue.kind == "intent":
        return _NONE  # "people seeking refuge": who they are, not what they said
    if not can_speak(owner, nouns):
        return _NONE  # "the caucuses portraying …": a parse gone astray
    before = [t for t in owner.subtree if t.i < token.left_edge.i and not t.is_punct]
    if not before or any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in before):
        return _NONE
    if any(nouns.has("document", word) for word in (owner.lower_, owner.lemma_.lower())):
        # "released a statement saying", "wrote in an op-ed arguing": the author speaks.
        inside = owner.dep_ == "pobj" and owner.head.lower_ == "in"
        verb = owner.head.head if inside else owner.head
        if (owner.dep_ == "dobj" or inside) and verb.pos_ in ("VERB", "AUX"):
            author = source_of(verb)
            if author is not None:
                return author, None, (cue_extent(verb)[0], cue_extent(token)[1])
    return owner, (before[0].idx, before[-1].idx + len(before[-1].text)), None


def gerund_cue_span(token: Token) -> tuple[int, int] | None:
    """The cue of a gerund that continues the verb it hangs on ("could not resist pointing
    out", "released a letter saying"), from that verb to the gerund; None for any other."""
    if token.dep_ in ("xcomp", "pcomp"):
        head = token.head.head if token.head.dep_ == "prep" else token.head
        if head.lemma_.lower() in ASPECTUAL | CATENATIVE and head.i < token.i:
            # "could not resist pointing out", "started off by emphasizing".
            return (cue_extent(head)[0], cue_extent(token)[1])
    elif token.dep_ in ("advcl", "acl", "xcomp"):
        head = token.head
        if head.lemma_.lower() in PUBLISHING and head.i < token.i:
            # "released a letter that says", "unleashed a series of tweets saying".
            return (cue_extent(head)[0], cue_extent(token)[1])
    return None
