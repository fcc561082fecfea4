"""What a source mention is, read off the spaCy parse: a pronoun, a relative pronoun, several
sources joined by "and", a name (and which name, in a mention that holds several), or a common
noun of some class (a document, an organisation, a role, unnamed people, a group).

Used by the speakers stage; the noun classes come from ``newsdesk/lang/en/speaker_nouns.tsv``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsdesk.lang.countries import countries
from newsdesk.lang.names import HONORIFIC_GENDER, TITLES
from newsdesk.lang.speaker_nouns import ORGANISATION_ENDINGS, SpeakerNouns, agent_noun

# Personal pronouns: gender (m, f or None) and number (True for plural).
PRONOUNS: dict[str, tuple[str | None, bool]] = {
    "he": ("m", False),
    "him": ("m", False),
    "his": ("m", False),
    "himself": ("m", False),
    "she": ("f", False),
    "her": ("f", False),
    "hers": ("f", False),
    "herself": ("f", False),
    "it": (None, False),
    "its": (None, False),
    "itself": (None, False),
    "they": (None, True),
    "them": (None, True),
    "their": (None, True),
    "theirs": (None, True),
    "themselves": (None, True),
}
FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())
SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
RELATIVES = frozenset({"who", "whom", "whose", "which", "that"})
DETERMINERS = frozenset(
    """the a an this that these those some many most few several all both other another any
    every each such no not only even at least more than fellow""".split()
)
# Quantifiers that name no one in particular: "nobody said", "everyone agrees", "none of
# the experts would say", "no official confirmed".
NO_ONE_IN_PARTICULAR = frozenset(
    """nobody noone no-one none neither nothing everyone everybody anyone anybody everything
    anything""".split()
)
_NO_ONE_DETERMINERS = frozenset({"no", "neither", "every", "any"})
_OTHER_ENTITIES = frozenset({"ORG", "NORP", "GPE", "LOC", "FAC"})
_NAME_JOINERS = frozenset({"and", "&", "of", "for", "the"})
_NAME_DEPS = frozenset({"compound", "flat", "nmod", "appos", "amod", "punct"})


_PEOPLE_CLASSES = ("group", "anonymous", "person")


def plural_people(token: Token, nouns: SpeakerNouns) -> bool:
    """A plural common noun that names people, who can speak: one the table lists as people
    ("residents", "officials", "unions"), an agent noun ("commuters", "protesters",
    "economists") or a compound of "men" ("fishermen")."""
    if token.tag_ != "NNS":
        return False
    lower = token.lower_
    lemma = token.lemma_.lower()
    if any(nouns.has(kind, word) for kind in _PEOPLE_CLASSES for word in (lower, lemma)):
        return True
    return agent_noun(lemma) or lower.endswith("men")


def span_tokens(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of a character span, without punctuation at either end."""
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def head_of(tokens: list[Token]) -> Token:
    """The token of the mention whose head lies outside it (the first such one that does
    not end in a hyphen: the parser may split "co-host" or "ex-wife" into several)."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if (t.head.i not in inside or t.head is t) and not t.is_punct]
    for root in roots[:-1]:
        glued = not root.whitespace_ and root.i + 1 < len(root.doc) and root.nbor().text == "-"
        if not glued:
            return root
    return roots[-1] if roots else tokens[0]


def no_one_in_particular(head: Token) -> bool:
    """A mention headed by a negative or universal quantifier, which names no one who spoke:
    "nobody", "no one", "neither man", "no official", "everyone", "anyone who knows the
    area". Not a share of a set the article names ("none of the experts": the experts) nor a
    negated universal ("not everyone": some people)."""
    if any(c.dep_ == "neg" or (c.dep_ == "prep" and c.lower_ == "of") for c in head.children):
        return False  # "not everyone" is some people; "none of the experts" are the experts
    if head.i > 0 and head.nbor(-1).lower_ == "not":
        return False
    if head.lower_ in NO_ONE_IN_PARTICULAR:
        return True
    return any(
        child.dep_ in ("det", "preconj") and child.lower_ in _NO_ONE_DETERMINERS
        for child in head.lefts
    )


def informants(head: Token) -> bool:
    """People described only by what they know or did: "people familiar with her thinking",
    "sources close to the campaign", "those briefed on the talks", "people who have battled
    other threats". Unnamed, whoever refers back to them ("these people", "they")."""
    if head.lower_ not in ("people", "person", "sources", "source", "someone", "those"):
        return False
    return any(
        (child.dep_ in ("amod", "acl", "relcl") and child.lower_ != "many")
        or child.lower_ in ("familiar", "close", "briefed", "involved")
        for child in head.children
    )


def is_title(token: Token) -> bool:
    """A title or honorific ("Sen.", "President", "Lt.", "Mr.")."""
    lower = token.lower_
    return lower in TITLES or lower in HONORIFIC_GENDER or lower.rstrip(".") + "." in TITLES


def _name_like(token: Token) -> bool:
    if token.pos_ != "PROPN" and token.tag_ == "NNS" and token.is_sent_start:
        return False  # "Commuters on the island": capitalised where the sentence starts
    return (token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")) and (
        token.text[:1].isupper() or token.text[:1].isdigit() or token.text in ("-", "'", "’")
    )


def name_run(head: Token, tokens: list[Token]) -> list[Token]:
    """The proper-name tokens that end at ``head``, without the titles and modifiers before
    the last title: "New Jersey Gov. Chris Christie" -> "Chris Christie"; the tagger's
    person name when it is shorter ("House Republican Thomas Massie" -> "Thomas Massie");
    an organisation's whole name ("the Central and East European Coalition")."""
    inside = {t.i for t in tokens}
    doc = head.doc
    organisation = head.lower_ in ORGANISATION_ENDINGS
    start = head.i
    while start - 1 in inside:
        before = doc[start - 1]
        possessive = before.text in ("’s", "'s")
        if possessive and not (organisation and start - 2 in inside and _name_like(doc[start - 2])):
            break  # "Clinton's campaign manager Robby Mook"; not "the County Coroner's Office"
        joins = organisation and before.lower_ in _NAME_JOINERS and start - 2 in inside
        if before.is_space and start - 2 in inside and _name_like(doc[start - 2]):
            start -= 1  # "Stu  Burguiere": a stray space between names
            continue
        if not (_name_like(before) or before.text in ("-", ".") or joins or possessive):
            break
        if joins and not _name_like(doc[start - 2]):
            break
        start -= 1
    run = [doc[i] for i in range(start, head.i + 1) if not doc[i].is_space]
    # Cut after the last title, or after the last word the tagger gave to something else
    # than the person ("House Republican Thomas Massie", "NBC News moderator Matt Lauer").
    person_name = head.ent_type_ == "PERSON" and not organisation
    last_title = max(
        (
            k
            for k, t in enumerate(run)
            if is_title(t) or (person_name and t.ent_type_ in _OTHER_ENTITIES)
        ),
        default=-1,
    )
    if 0 <= last_title < len(run) - 1:
        run = run[last_title + 1 :]
    while run and (run[0].is_punct or run[0].text in ("-", "'") or run[0].lower_ in _NAME_JOINERS):
        run = run[1:]
    return run


def named_tokens(tokens: list[Token]) -> list[Token]:
    """The tokens of the name a mention is about: the name its head ends, or the name in
    apposition to a common-noun head ("A lawyer for the outlets, David Schulz"). A possessor
    ("Hillary Clinton's campaign manager Robby Mook") and a modifier ("Trump campaign
    spokesman Jason Miller") are not what the mention names. Empty when no name is given."""
    if not tokens:
        return []
    head = head_of(tokens)
    if _name_like(head):
        run = name_run(head, tokens)
        if run:
            return run
    inside = {t.i for t in tokens}
    for child in head.children:
        if child.dep_ == "appos" and child.i in inside and _name_like(child):
            run = name_run(child, tokens)
            if run:
                return run
    return []


def name_owner(root: Token) -> Token | None:
    """The name before a noun that says whose it is ("the Clinton campaign", "Sanders’
    campaign", even where the tagger took a possessor at the start of a sentence for a
    common noun)."""
    for child in root.lefts:
        if child.dep_ not in ("compound", "poss"):
            continue
        capitalised = child.dep_ == "poss" and child.text[:1].isupper() and child.pos_ != "PRON"
        if child.pos_ == "PROPN" or capitalised:
            return child
    return None


def conjuncts(tokens: list[Token]) -> list[list[Token]]:
    """The sources a mention joins with "and" ("Trump and Clinton", "The Times and the
    Gannett chain"), each as its tokens; empty when the mention names one source."""
    if not tokens:
        return []
    head = head_of(tokens)
    inside = {t.i for t in tokens}
    heads = [head]
    queue = [head]
    while queue:
        token = queue.pop()
        for child in token.children:
            if child.dep_ == "conj" and child.i in inside:
                heads.append(child)
                queue.append(child)
    if len(heads) < 2 or not any(t.lower_ in ("and", "&") for t in tokens):
        return []
    heads.sort(key=lambda t: t.i)
    entity = [
        t.ent_iob_ for t in tokens[heads[0].i - tokens[0].i + 1 : heads[-1].i - tokens[0].i + 1]
    ]
    if heads[0].ent_type_ and entity and all(iob == "I" for iob in entity):
        return []  # one name with "and" in it: "the Central and East European Coalition"
    for later in heads[1:]:
        own = [c for c in later.lefts if c.dep_ in ("det", "poss") or c.pos_ == "NUM"]
        if not own and later.pos_ != "PROPN" and not later.tag_.startswith("NNS"):
            return []  # one description: "the former first lady and U.S. senator"
    parts = []
    for index, part_head in enumerate(heads):
        end = heads[index + 1].i if index + 1 < len(heads) else tokens[-1].i + 1
        start = part_head.left_edge.i if index else tokens[0].i
        if index:
            start = max(start, heads[index - 1].i + 1)
        part = [
            t
            for t in tokens
            if start <= t.i < end and t.lower_ not in ("and", "&", ",") and not t.is_punct
        ]
        if part:
            parts.append(part)
    return parts if len(parts) >= 2 else []


def core_phrase(head: Token, tokens: list[Token] | None = None) -> list[Token]:
    """The head noun with the modifiers before it (compounds, adjectives, numbers,
    possessors), without determiners: "the latest Reuters/Ipsos opinion poll released
    Friday" -> "latest Reuters/Ipsos opinion poll"."""
    inside = {t.i for t in tokens} if tokens is not None else None
    start = head.i
    for child in head.lefts:
        if inside is not None and child.i not in inside:
            continue
        if child.dep_ in ("det", "predet", "punct", "cc", "preconj", "advmod", "case"):
            continue
        start = min(start, child.left_edge.i)
    doc = head.doc
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        if doc[start - 1].whitespace_ or (inside is not None and start - 2 not in inside):
            break
        start -= 2  # "co-founder", "ex-wife": a prefix the parser split off
    words = [t for t in doc[start : head.i + 1] if not t.is_space]
    while words and (words[0].lower_ in DETERMINERS or words[0].is_punct):
        words = words[1:]
    return words or [head]


def document_author(head: Token, tokens: list[Token] | None = None) -> list[Token]:
    """Who a document is by, when its phrase says ("a report by the Civic Trust"); given the
    mention's ``tokens``, also an author further down its phrase ("the average of recent
    polls compiled by Real Clear Politics": "of recent polls compiled by ...")."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects and any(t.pos_ == "PROPN" for t in objects[0].subtree):
                return [prep, *objects[0].subtree]
    inside = {t.i for t in tokens or ()}
    for word in head.subtree:
        if word.i <= head.i or word.i not in inside or word.lower_ not in ("by", "from"):
            continue
        objects = [c for c in word.children if c.dep_ == "pobj"]
        named = bool(objects) and any(t.pos_ == "PROPN" for t in objects[0].subtree)
        if word.dep_ in ("agent", "prep") and named:
            end = objects[0].right_edge.i
            return [t for t in head.doc[head.i + 1 : end + 1] if t.i in inside]
    return []


def phrase_text(tokens: list[Token]) -> str:
    """The tokens as text, with the spacing the article gives them."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def description(tokens: list[Token]) -> str:
    """A common-noun phrase as a speaker's name: its determiners and quantifiers gone, and
    its first letter lower case unless it begins a name or a country's adjective
    ("Younger black voters, in particular" -> "younger black voters", "The French foreign
    ministry" -> "French foreign ministry")."""
    text = phrase_text(tokens)
    text = re.sub(r"['’]s$", "", text).strip(" ,")
    if not tokens or countries().named_in([tokens[0].text]):
        return text
    if tokens[0].pos_ != "PROPN" and not tokens[0].text.isupper():
        text = text[:1].lower() + text[1:]
    return text


def honorific_gender(tokens: list[Token]) -> str | None:
    """The gender an honorific in the mention gives ("Mr.", "Mrs.", "Ms."), if any."""
    for token in tokens:
        gender = HONORIFIC_GENDER.get(token.lower_)
        if gender is not None:
            return gender
    return None


_QUOTATION = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*\"", re.MULTILINE)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """The stretches of the text inside quotation marks, in order."""
    return [(m.start(), m.end()) for m in _QUOTATION.finditer(text)]


def acronym_name(token: Token) -> bool:
    """True when a word spelled like a relative pronoun is an organisation's acronym in
    capitals ("WHO says …", "the WHO"): the parser names it an organisation, or the text goes
    on in lower case, so the capitals are not a shouted headline ("OFFICIALS WHO SAID")."""
    if len(token.text) < 2 or not token.text.isupper():
        return False
    if token.ent_type_ in _OTHER_ENTITIES:
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.is_lower and following.pos_ in ("VERB", "AUX")
