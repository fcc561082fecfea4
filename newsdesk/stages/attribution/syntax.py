"""Word lists and parse helpers the attribution rules share: spans of subtrees, cue spans,
subjects, and the vocabularies of attitudes, light verbs, labels and settings."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsdesk.lang.speaker_nouns import SpeakerNouns, names_people
from newsdesk.stages.attribution.quotations import Quotation, Quotations

# How far (in tokens) a cue may stand from the quotation it introduces or closes.
CUE_WINDOW = 10
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
OBJECT_DEPS = ("dobj", "xcomp", "attr", "oprd", "ccomp", "dative")
OBJECT_PREPOSITIONS = frozenset(
    {"as", "for", "to", "on", "about", "of", "that", "with", "by", "against"}
)
# Prepositions that join a cue to what it is about go with the cue, as annotators mark it:
# "talked about | the plan", "referred to | the judge", "railed against | the deal".
CUE_PREPOSITIONS = frozenset({"about", "to", "against", "on", "of", "with", "for"})
# Prepositions that say what a statement is about ("called for", "spoke about").
TOPIC_PREPOSITIONS = frozenset({"about", "for", "on", "of", "against"})
TRIM = " \t\n,;:—–-"
# Clauses and phrases that add an aside to what is reported, after a comma.
_ASIDE_DEPS = frozenset({"relcl", "acl", "advcl"})
# Dependents of a cue verb that belong to the cue's clause, not to what it reports.
CUE_CLAUSE_DEPS = frozenset({"conj", "advcl", "prep", "npadvmod", "cc"})
# A cue clause set into its content ("…, he said, …") is short: subject, verb, an adverb.
SHORT_CUE_CLAUSE = 6
# "“…” ― Sonya Herridge": a quotation signed with a dash and a name.
DASH_SIGNATURE = re.compile(r"\s*[―—–]\s*(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")


# Labels a line may open with that name no speaker: "Q:", "The Latest:", "UPDATE:".
_LABEL_WORDS = frozenset(
    {
        "analysis", "audio", "breaking", "correction", "disclosure", "editorial", "email",
        "exclusive", "listen", "live", "note", "opinion", "photo", "photos",
        "related", "see", "source", "sources", "update", "updated", "video", "watch",
        "editor's", "editor’s", "stat", "read", "more", "bottom",
        "warning",
    }
)  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "our", "my"})
# Words that open a letter's salutation ("DEAR ABBY:", "Dear reader:"), which names whom a
# letter is written to, not who speaks.
_SALUTATIONS = frozenset({"dear", "hi", "hello", "hey", "greetings"})


# What "in …" can name as the source of a claim: "in the poll", "in her words".
VIEW_NOUNS = frozenset({"view", "eyes", "words", "opinion", "estimation", "judgment", "mind"})
SOURCE_NOUNS = VIEW_NOUNS | frozenset({"poll", "survey", "study", "report", "analysis"})


def is_speaker_label(name: str, rest: str) -> bool:
    """True when "NAME: rest" gives a speaker and what they said, not an interviewer's "Q:",
    a section label ("The Latest:", "UPDATE:", "Editor's note:"), a salutation ("DEAR ABBY:")
    or a tally ("Clinton: 547")."""
    words = name.lower().split()
    if len(name.strip(" .")) <= 1 or words[0] in _DETERMINERS or words[0] in _SALUTATIONS:
        return False
    if any(word in _LABEL_WORDS for word in words):
        return False
    return not rest.lstrip(' \u00a0"“').startswith(tuple("0123456789$"))


def token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def subtree_span(token: Token) -> tuple[int, int]:
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def without_aside(token: Token) -> tuple[int, int]:
    """A reported phrase's span without a trailing aside set off by a comma: "the reality of
    climate change, which makes him an outlier" and "that he had his hands up, contradicting
    the police" report only what comes before the comma."""
    start, end = subtree_span(token)
    for inner in token.subtree:
        if (
            inner.dep_ in _ASIDE_DEPS
            and inner.left_edge.i > token.left_edge.i + 1
            and inner.doc[inner.left_edge.i - 1].text == ","
            and inner.right_edge.i == token.right_edge.i
        ):
            comma = inner.doc[inner.left_edge.i - 1]
            return start, comma.idx
    return start, end


def trimmed(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    """The span without the spaces and punctuation at its edges (and ``extra`` characters)."""
    while start < end and text[start] in TRIM + extra:
        start += 1
    while end > start and text[end - 1] in TRIM + "." + extra:
        if text[end - 1] == "." and end - start > 1 and text[end - 2] == ".":
            break
        end -= 1
    return start, end


# A quotation closing at the end of the content: "…under wraps.”" keeps its mark and stop.
CLOSING = re.compile(r"[.!?…,]*[”’\"]+")


# Where a statement was made, when it follows the cue verb: "said in a statement".
_SETTING_NOUNS = frozenset(
    {"interview", "statement", "email", "letter", "briefing", "speech", "tweet", "post",
     "release", "conference"}
)  # fmt: skip


def _is_setting(token: Token) -> bool:
    """True for "in an interview", "at a briefing", "during a speech" after a cue verb."""
    if token.dep_ == "prep" and token.lower_ in ("in", "at", "during"):
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return bool(objects) and objects[0].lemma_.lower() in _SETTING_NOUNS
    return False


def cue_extent(verb: Token) -> tuple[int, int]:
    """The cue verb with what belongs to it around it: auxiliaries, negation and adverbs just
    before ("has also said", "is once again questioning"), a particle, where it was said and a
    colon just after ("pointed out", "said in a statement", "said:")."""
    start = verb.idx
    for child in reversed(list(verb.lefts)):
        if child.dep_ in ("aux", "auxpass", "neg", "advmod") and child.i >= verb.i - 4:
            if child.right_edge.i >= verb.i or (child.dep_ == "advmod" and child.i < verb.i - 2):
                break
            start = min(start, child.left_edge.idx)
        else:
            break
    end_token = verb
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end_token.i + 1:
            end_token = child
        elif child.i == end_token.i + 1 and _is_setting(child):
            noun = next(c for c in child.children if c.dep_ == "pobj")
            if noun.i - child.i <= 3:  # "in a phone interview", not "at a recent news conference"
                end_token = noun
    following = verb.doc[end_token.i + 1] if end_token.i + 1 < len(verb.doc) else None
    if following is not None and following.text == ":":
        end_token = following
    return start, end_token.idx + len(end_token.text)


# Links a cue verb's missing subject is inherited through: "He arrived and said…",
# "continued to call for…", "…, saying that…", "went on to discuss…", "by announcing…",
# "steering clear of criticizing…".
_INHERITS_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acomp", "advmod"})
_MAX_CLIMB = 4
# Adjectives of attitude: "afraid that …", "critical of …", "worried about …".
ATTITUDES = frozenset(
    {
        "afraid", "angry", "anxious", "aware", "certain", "concerned", "confident",
        "convinced", "critical", "delighted", "disappointed", "doubtful", "eager",
        "frustrated", "furious", "happy", "hopeful", "optimistic", "outraged", "pessimistic",
        "pleased", "proud", "skeptical", "sceptical", "supportive", "sure", "unhappy", "upset",
        "worried", "unconvinced", "adamant", "determined", "opposed", "wary",
    }
)  # fmt: skip
ATTITUDE_PREPOSITIONS = frozenset({"about", "of", "with", "by", "at", "over", "to", "that"})
# Verbs through which a reporting verb in the infinitive still reports: "went on to discuss".
ASPECTUAL = frozenset({"go", "appear", "seem", "begin", "start", "proceed", "continue", "try"})
# Verbs a reporting verb in -ing can hang on, making one cue: "kept saying", "resist pointing".
CATENATIVE = frozenset({"keep", "resist", "stop", "avoid", "finish", "steer", "end"})
# Acts of putting words out, whose "saying …" makes one cue with them.
PUBLISHING = frozenset({"release", "send", "unleash", "issue", "post", "publish", "chime", "fire"})
# Verbs that are statements only between people ("attacked his rival"), deeds otherwise.
VERBAL_ONLY = frozenset({"attack"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us"})
# Verbs of seeming: a judgement with no one named as its source.
EVIDENTIAL = frozenset({"seem", "appear", "look", "sound"})


def _subject(verb: Token) -> Token | None:
    """The subject of a cue verb: its own, its agent's ("endorsed by X"), or inherited."""
    token = verb
    for _ in range(_MAX_CLIMB):
        subjects = []
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj") and child.is_punct:
                # "The film ― which … ― explains": a dash the parser made the subject.
                child = next((c for c in child.lefts if c.dep_ == "nsubj"), child)
            if child.dep_ in ("nsubj", "csubj") and not child.is_punct:
                subjects.append(child)
        if subjects:
            # "THE BORROWING Back when …, Mr. McKinley said": of two, the one nearer the verb.
            before = [s for s in subjects if s.i < token.i]
            return before[-1] if before else subjects[0]
        for child in token.children:
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        passive_subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if passive_subject is not None:
            # "After saying …, she was whisked off": the clause the cue hangs on has a passive
            # subject, the one who spoke; the cue verb's own passive subject is not a source.
            return passive_subject if token.i != verb.i else None
        if token.head is token or token.dep_ not in _INHERITS_SUBJECT:
            return None
        if token.dep_ == "advcl" and token.tag_ not in ("VBG", "VB"):
            return None
        token = token.head
    return None


# What may stand between a free adjunct's participle and the comma or dash before it:
# ", saying", "-- and, asked later, asserting", "- while chanting", ", also noting".
_ADJUNCT_LEAD_DEPS = frozenset({"advmod", "mark", "neg"})
_ADJUNCT_BREAKS = frozenset({",", ";", "-", "--", "—", "–", "―"})


def _adjunct_participle(verb: Token) -> Token | None:
    """The participle that opens a free adjunct the cue verb belongs to, after a comma or a
    dash: ", saying …", ", going on to say …", "- while chanting …"; None for other cues."""
    participle = verb
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.tag_ == "VBG":
        participle = verb.head  # "going on to say"
    if participle.tag_ != "VBG" or participle.dep_ not in ("advcl", "conj", "xcomp"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in participle.children):
        return None
    first = participle
    for child in reversed(list(participle.lefts)):
        if child.dep_ in _ADJUNCT_LEAD_DEPS and child.i == first.i - 1:
            first = child
    before = participle.doc[first.i - 1] if first.i > participle.sent.start else None
    return participle if before is not None and before.text in _ADJUNCT_BREAKS else None


def _embedded(clause: Token, is_cue: Callable[[Token], bool]) -> bool:
    """True for a clause inside another that an adjunct after it does not belong to: what a
    cue reports ("X said [prices rose], citing …"), a relative clause ("an architect [who
    said …], saying …") or a clause opened by "where" or "when"."""
    if clause.dep_ == "relcl" or any(c.tag_ == "WRB" for c in clause.lefts):
        return True
    return clause.dep_ == "ccomp" and is_cue(clause.head)


def _quoted(quotations: list[Quotation], token: Token) -> bool:
    return inside_quotation(quotations, token.idx)


def _main_subject_before(participle: Token, quotations: list[Quotation]) -> Token | None:
    """The subject of the least embedded clause before a free adjunct in its sentence, outside
    quotations: in "Sanders said, suggesting …" and "Trump was defensive when …, saying …",
    whoever the sentence is about."""
    best: tuple[int, int, Token] | None = None
    for token in participle.doc[participle.sent.start : participle.i]:
        if token.pos_ not in ("VERB", "AUX") or _quoted(quotations, token):
            continue
        for child in token.children:
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and not child.is_punct
                and child.tag_ not in ("WDT", "WP", "EX")
                and not _quoted(quotations, child)
            ):
                depth = sum(1 for _ in token.ancestors)
                if best is None or (depth, participle.i - token.i) < best[:2]:
                    best = (depth, participle.i - token.i, child)
                break
    return best[2] if best is not None else None


def source_subject(
    verb: Token, quotations: list[Quotation], is_cue: Callable[[Token], bool]
) -> Token | None:
    """The subject that is a cue verb's source: as :func:`_subject` finds it, but never
    words inside a quotation the cue stands outside ("“Meh,” wrote …"), and for a free
    adjunct (", saying …") the subject of the clause it closes, not of a clause that clause
    reports, a relative clause, a quotation or a clause after the adjunct."""
    if opens_set_phrase(verb):
        return None  # "Let's hope …", "That said, …"
    subject = _subject(verb)
    if subject is not None and _quoted(quotations, subject) and not _quoted(quotations, verb):
        subject = None
        rejected = True
    else:
        rejected = False
    participle = _adjunct_participle(verb)
    if participle is None:
        return subject
    if (
        rejected
        or subject is None
        or subject.i > participle.i
        or subject.tag_ in ("WDT", "WP")
        or _embedded(subject.head, is_cue)
    ):
        return _main_subject_before(participle, quotations) or subject
    return subject


def noun_phrase(tokens: SpacySpan) -> tuple[int, int] | None:
    """The offsets of the noun phrase that is all of ``tokens`` but the punctuation at its
    edges ("Flynn, a top Trump surrogate,"), or None when they hold a verb or open with
    anything but a name, a noun, a determiner, an adjective or a pronoun."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if words[0].pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "PRON"):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words):
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


# Antecedents that make "who wants …" anyone's wish, not a reported one.
_INDEFINITE = frozenset(
    {"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "whoever", "those"}
)


# Verbs that say little alone but report with a noun naming a statement ("made the case",
# "took aim at", "raised questions about"), with the nouns each takes.
_STATING = frozenset(
    {"claim", "statement", "remark", "comment", "promise", "pledge", "vow", "threat", "appeal",
     "plea", "demand", "proposal", "prediction", "accusation", "allegation", "charge",
     "apology", "assurance", "observation", "case", "argument", "point", "warning", "denial"}
)  # fmt: skip
_FEELING = frozenset(
    {"concern", "doubt", "objection", "opposition", "support", "praise", "reservation",
     "frustration", "anger", "disappointment", "skepticism", "optimism", "confidence",
     "criticism", "outrage", "dismay", "regret", "sympathy", "condolence"}
)  # fmt: skip
LIGHT_VERBS: dict[str, frozenset[str]] = {
    "make": _STATING,
    "issue": _STATING,
    "deliver": _STATING | frozenset({"defense", "defence", "rebuke", "message", "critique"}),
    "offer": _STATING | _FEELING | frozenset({"defense", "defence", "endorsement"}),
    "take": frozenset({"aim", "swipe", "shot", "jab", "dig", "issue", "stand", "stance"}),
    "raise": frozenset({"question", "concern", "doubt", "objection", "alarm", "issue"}),
    "voice": _FEELING,
    "express": _FEELING,
    "air": _FEELING | frozenset({"grievance", "complaint"}),
    "register": _FEELING,
    "lodge": frozenset({"complaint", "objection", "protest", "accusation", "charge"}),
    "level": frozenset({"accusation", "charge", "criticism", "allegation"}),
    "throw": frozenset({"support", "weight"}),
}
_LIGHT_VERB_PREPOSITIONS = frozenset(
    {"about", "on", "with", "for", "against", "over", "of", "behind"}
)
# Nouns whose "at" names a target, not a place: "took aim at", "a swipe at".
_TARGETING_NOUNS = frozenset({"aim", "swipe", "shot", "jab", "dig"})


def hypothetical(verb: Token) -> bool:
    """True for a cue that reports nothing because it is only supposed: "if you want to
    understand …", "whether she wanted Cruz to campaign", "anyone who wants to save",
    "…, assuming that shareholders pay more"."""
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return True
    if verb.lower_ in ("assuming", "supposing") and _adjunct_participle(verb) is verb:
        return True  # a participle used as "if"
    return verb.dep_ == "relcl" and verb.head.lower_ in _INDEFINITE


def set_phrase(verb: Token, subject: Token) -> bool:
    """True for a cue verb that only opens a set phrase reporting nothing: the author's
    exhortation "Let's hope …", "let's see whether …" (its subject is the "'s" of "let"), and
    the concession "That said, …", "This said, …" (a sentence, or its "but", opening with a
    demonstrative, "said" and a comma)."""
    if subject.lower_ in ("'s", "’s") and verb.head.lemma_.lower() == "let":
        return True
    if subject.lower_ not in ("that", "this") or subject.tag_ != "DT" or verb.lower_ != "said":
        return False
    after = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    opening = verb.doc[verb.sent.start : subject.i]
    return (
        subject.i == verb.i - 1
        and after is not None
        and after.text == ","
        and all(t.is_punct or t.dep_ == "cc" for t in opening)
    )


def opens_set_phrase(verb: Token) -> bool:
    """True when a cue verb and its subject make a set phrase (see :func:`set_phrase`)."""
    subject = _subject(verb)
    return subject is not None and set_phrase(verb, subject)


# Common nouns for people in public life, who are attacked in words, not arms.
PEOPLE_NOUNS = frozenset(
    {"candidate", "rival", "opponent", "critic", "official", "officer", "leader", "president",
     "senator", "governor", "mayor", "lawmaker", "politician", "journalist", "reporter",
     "media", "press", "party", "campaign", "administration", "minister", "judge", "nominee",
     "democrat", "republican", "opposition", "establishment", "colleague", "pundit",
     "voter", "supporter", "audience", "crowd", "viewer", "reader", "listener", "member"}
)  # fmt: skip


def between_people(verb: Token, subject: Token | None) -> bool:
    """True when a person or organisation does the verb to a person or organisation: "Trump
    attacked Machado", not "armed men attacked the city"."""
    target = next((c for c in verb.children if c.dep_ == "dobj"), None)

    def named(token: Token) -> bool:
        if token.ent_type_ in ("PERSON", "ORG", "NORP"):
            return True
        return token.pos_ == "PROPN" and token.ent_type_ not in ("GPE", "LOC", "FAC")

    return (
        subject is not None
        and target is not None
        and (named(subject) or subject.lower_ in _SUBJECT_PRONOUNS | {"it", "who"})
        and (
            named(target)
            or target.lower_ in _OBJECT_PRONOUNS
            or target.lemma_.lower() in PEOPLE_NOUNS
        )
    )


def passive_object(verb: Token) -> Token | None:
    """The subject of a passive cue with an agent: "She was endorsed by X" gives "She"."""
    if not any(child.dep_ == "agent" for child in verb.children):
        return None
    return next((child for child in verb.children if child.dep_ == "nsubjpass"), None)


def inside_quotation(quotations: list[Quotation], offset: int) -> bool:
    if isinstance(quotations, Quotations):
        return quotations.covers(offset)
    return any(q.start < offset < q.end for q in quotations)


def prep_object(preposition: Token) -> Token | None:
    """What a preposition governs: its object ("about the deal") or clause ("of lying")."""
    return next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)


def statement_noun_content(verb: Token, noun: Token) -> tuple[Token, tuple[int, int]] | None:
    """What a light verb's statement noun is about, and the cue's last token: the noun's "that"
    clause ("the case that …") or the phrase its preposition brings ("aim at X"), on the noun
    or right after it on the verb; never a place or a day ("… at a rally on Monday")."""
    for holder in (noun, verb):
        for child in holder.rights:
            if holder is verb and child.i != noun.right_edge.i + 1:
                continue
            if child.dep_ in ("ccomp", "acl") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in child.children
            ):
                return noun, subtree_span(child)
            if child.dep_ == "prep" and (
                child.lower_ in _LIGHT_VERB_PREPOSITIONS
                or (child.lower_ == "at" and noun.lemma_.lower() in _TARGETING_NOUNS)
            ):
                governed = prep_object(child)
                if governed is not None and governed.ent_type_ not in ("DATE", "TIME"):
                    return child, without_aside(governed)
    return None


def unmarked_clause(verb: Token, child: Token) -> bool:
    """True for a clause with its own subject and no conjunction that the parser hung on a
    cue as a modifier: in "said after the meeting he would resign" it is what was said."""
    if child.dep_ != "advcl" or child.i < verb.i or child.pos_ not in ("VERB", "AUX"):
        return False
    subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and subject.i < child.i
        and subject.tag_ not in ("WDT", "WP", "EX")
        and not any(
            c.dep_ in ("mark", "advmod") or c.tag_ in ("TO", "WRB") or c.i < subject.i
            for c in child.children
            if c.dep_ not in ("prep", "punct")
        )
    )


_TIME_NOUNS = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "morning",
     "afternoon", "evening", "night", "weekend", "while", "time"}
)  # fmt: skip


def _is_time(token: Token) -> bool:
    """True for a word naming a time: "Monday", "weeks", "this morning"."""
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in _TIME_NOUNS


def is_time_phrase(preposition: Token) -> bool:
    """True for "on Monday", "for two hours", "in recent weeks": when, not what about."""
    governed = prep_object(preposition)
    return governed is not None and _is_time(governed)


# Reporting verbs whose object can be whom they address rather than what they say.
ADDRESSEE_VERBS = frozenset(
    "ask tell inform assure remind brief warn notify advise reassure".split()
)


def only_addressed(verb: Token, nouns: SpeakerNouns) -> bool:
    """True when a verb that takes an addressee ("asked the fishermen", "told them", "warned
    the council") has one object and it names whom the verb addresses, not what was said."""
    if verb.lemma_.lower() not in ADDRESSEE_VERBS:
        return False
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "dative")]
    return len(objects) == 1 and names_people(objects[0], nouns)
