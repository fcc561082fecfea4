"""The attribution stage: find who said, believes or found what, on the parsed text.

Rules over the spaCy parse, in the order citron and PolNeAR split the task: a cue (a reporting
verb, "according to", a speaker's colon), its content (a quotation, a complement clause, an
object) and its source (the cue's subject). Quotations come first: each is tied to the cue
just after its closing mark (``…,” Tokayev said``) or just before its opening one
(``He said: “…``); a quotation that fills its paragraph with no cue continues the previous
speaker. Then every remaining cue verb with a subject and a complement gives an indirect (or,
when the complement holds a quotation, mixed) attribution. Speakers are resolved by the
speakers stage that follows.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsdesk.model import Article, Attribution, Paragraph, Span
from newsdesk.resources import Resources
from newsdesk.stages._attribution_syntax import (
    _ASPECTUAL,
    _ATTITUDE_PREPOSITIONS,
    _ATTITUDES,
    _CATENATIVE,
    _CLOSING,
    _CUE_CLAUSE_DEPS,
    _CUE_PREPOSITIONS,
    _CUE_WINDOW,
    _DASH_SIGNATURE,
    _EVIDENTIAL,
    _LIGHT_VERBS,
    _OBJECT_DEPS,
    _OBJECT_PREPOSITIONS,
    _PUBLISHING,
    _SHORT_CUE_CLAUSE,
    _SOURCE_NOUNS,
    _SUBJECT_DEPS,
    _TRIM,
    _VERBAL_ONLY,
    _VIEW_NOUNS,
    _between_people,
    _cue_span,
    _hypothetical,
    _inside,
    _is_speaker_label,
    _is_time_phrase,
    _passive_object,
    _prep_object,
    _statement_noun_content,
    _subject,
    _subtree_span,
    _token_at,
    _trimmed,
    _unmarked_clause,
    _without_aside,
)
from newsdesk.stages.quotations import Cue, CueLexicon, Quotation, find_quotations


class _Finder:
    """Finds the attributions of one parsed article."""

    def __init__(self, article: Article, lexicon: CueLexicon) -> None:
        self.text = article.text
        self.doc: Doc = article.parsed
        self.lexicon = lexicon
        self.quotations = find_quotations(self.text, article.paragraphs)
        self.paragraphs = article.paragraphs
        self.used_cues: set[int] = set()
        self.claimed: set[int] = set()  # quotations already part of an attribution
        self.found: list[Attribution] = []

    def run(self) -> list[Attribution]:
        for index, quotation in enumerate(self.quotations):
            if index not in self.claimed:
                self._quotation(index, quotation)
        self._speaker_colons()
        self._floating()
        for sentence in self.doc.sents:
            self._according_to(sentence)
            self._in_source(sentence)
            for token in sentence:
                if token.i not in self.used_cues:
                    self._question_put(token)
                    self._cue_verb(token)
                    self._cue_noun(token)
                    self._light_verb(token)
                    self._evidential(token)
                    self._attitude(token)
        self._headline()
        return self._without_overlaps()

    # --- attribution builders -------------------------------------------------------------

    def _kind(self, start: int, end: int) -> str:
        for quotation in self.quotations:
            if quotation.start <= start and end <= quotation.end:
                return "direct"
        if any(q.start < end and start < q.end for q in self.quotations):
            return "mixed"
        return "indirect"

    def _make(
        self,
        spans: list[tuple[int, int]],
        cue: Token | None,
        source: Token | None,
        kind: str | None = None,
        confidence: float = 0.8,
        fragment: bool = False,
        cue_span: tuple[int, int] | None = None,
        source_at: tuple[int, int] | None = None,
    ) -> None:
        """Record an attribution of the content ``spans``; its source is ``source``'s phrase,
        or the text at ``source_at`` (a name the parse has no token for, as in "― Name")."""
        spans = [s for s in (_trimmed(self.text, a, b) for a, b in spans) if s[1] > s[0]]
        if spans:
            spans[-1] = (spans[-1][0], self._to_sentence_end(spans[-1][1]))
        spans = [s for s in spans if any(ch.isalnum() for ch in self.text[s[0] : s[1]])]
        if not spans:
            return
        if cue is not None and cue_span is None:
            cue_span = _cue_span(cue)
        source_span = source_at
        if source_span is None and source is not None:
            source_span = _trimmed(self.text, *_subtree_span(source))
        content = " … ".join(self.text[a:b] for a, b in spans)
        self.found.append(
            Attribution(
                kind=kind or self._kind(spans[0][0], spans[-1][1]),
                content=content,
                content_spans=tuple(Span(a, b) for a, b in spans),
                cue=self.text[cue_span[0] : cue_span[1]] if cue_span else "",
                cue_span=Span(*cue_span) if cue_span else None,
                source=self.text[source_span[0] : source_span[1]] if source_span else None,
                source_span=Span(*source_span) if source_span else None,
                confidence=confidence,
                fragment=fragment,
            )
        )
        if cue is not None:
            self.used_cues.add(cue.i)

    def _to_sentence_end(self, end: int) -> int:
        """Take in a closing quotation mark (and the stop inside it) that ends the content."""
        token = _token_at(self.doc, max(end - 1, 0))
        if token is None:
            return end
        sentence_end = token.sent.end_char
        closing = _CLOSING.match(self.text, end, sentence_end)
        if closing is not None and closing.end() > end:
            return closing.end()
        colon = re.match(r"\s*:[ \t]*(?=[^\s\"“'‘])", self.text[end:sentence_end])
        if colon is not None and "\n" not in self.text[end:sentence_end]:
            # "hoped to win the states that share out delegates: Ohio, Illinois and Missouri":
            # what follows a colon in the same sentence spells out what came before it.
            return len(self.text[:sentence_end].rstrip())
        return end

    def _quotation(self, index: int, quotation: Quotation) -> None:
        cue = self._cue_after(quotation) if quotation.closed else None
        after = cue is not None
        if cue is None and quotation.opened:
            cue = self._cue_before(quotation)
        if cue is None and quotation.opened:
            cue = self._cue_in_previous_paragraph(quotation)
        if cue is None:
            self._signed(index, quotation)
            return
        span = (quotation.start, quotation.end)
        if (
            after
            and not self._opens_sentence(quotation)
            and not any(
                child.dep_ == "ccomp" and _subtree_span(child)[0] < quotation.start
                for child in cue.children
            )
        ):
            # "…broadcast of “Fox News Sunday,” Pence said his running mate…": a quoted name
            # inside a clause, not what the speaker said.
            return
        self.claimed.add(index)
        # "…as the “Alma-Ata tragedy,” said X": the quotation ends a clause the speaker owns
        # from further back; the clause is the content and it is mixed.
        for child in cue.children:
            if child.dep_ == "ccomp":
                start, end = _subtree_span(child)
                if start < quotation.start and end >= quotation.start:
                    span = (start, max(end, quotation.end))
        spans = [span]
        if after and span[1] == quotation.end:
            # "“Q1,” X said. “Q2.”" and "Golf is ''a thin business,'' X said. ''Q2.''".
            spans += self._continuations(index, cue)
        self._make(spans, cue, _subject(cue), fragment=not quotation.opened)

    def _opens_sentence(self, quotation: Quotation) -> bool:
        """True when only space or punctuation precedes the quotation in its sentence."""
        opener = _token_at(self.doc, quotation.start)
        if opener is None:
            return True
        before = self.text[opener.sent.start_char : quotation.start]
        return not any(char.isalnum() for char in before)

    def _cue_in_previous_paragraph(self, quotation: Quotation) -> Token | None:
        """A quotation opening a paragraph after one that ends "…, he said:"."""
        paragraph = self._paragraph_of(quotation.start)
        if paragraph is None or quotation.start != paragraph.start:
            return None
        earlier = [p for p in self.paragraphs if p.end <= paragraph.start]
        if not earlier or not self.text[earlier[-1].start : earlier[-1].end].endswith(":"):
            return None
        colon = _token_at(self.doc, earlier[-1].end - 1)
        if colon is None:
            return None
        for token in reversed(self.doc[max(colon.sent.start, colon.i - _CUE_WINDOW) : colon.i]):
            if self.lexicon.get(token) is not None and token.i not in self.used_cues:
                return token
        return None

    def _signed(self, index: int, quotation: Quotation) -> None:
        """A quotation signed with a dash and a name at the end of its paragraph."""
        paragraph = self._paragraph_of(quotation.start)
        if paragraph is None or not quotation.closed:
            return
        tail = self.text[quotation.end : paragraph.end]
        match = _DASH_SIGNATURE.match(tail)
        if match is None:
            return
        dash = quotation.end + tail.index(match.group(0).strip()[0])
        name_start = quotation.end + match.start("name")
        self.claimed.add(index)
        self._make(
            [(quotation.start, quotation.end)],
            None,
            None,
            "direct",
            0.7,
            cue_span=(dash, dash + 1),
            source_at=(name_start, name_start + len(match.group("name"))),
        )

    def _continuations(self, index: int, cue: Token) -> list[tuple[int, int]]:
        """Quotations after "…,” X said." that go on without a cue of their own:
        "“Q1,” X said. “Q2.”" and "“Q1,” X said, “Q2.”" are one statement."""
        spans: list[tuple[int, int]] = []
        paragraph = self._paragraph_of(self.quotations[index].start)
        following = index + 1
        while following < len(self.quotations):
            quotation = self.quotations[following]
            if paragraph is None or not (paragraph.start <= quotation.start < paragraph.end):
                break
            if not quotation.opened or self._cue_after(quotation) is not None:
                break
            between = self.text[self.quotations[following - 1].end : quotation.start]
            if following - 1 != index and between.strip():
                break
            self.claimed.add(following)
            spans.append((quotation.start, quotation.end))
            following += 1
        return spans

    def _paragraph_of(self, offset: int) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.start <= offset < p.end), None)

    def _cue_after(self, quotation: Quotation) -> Token | None:
        closer = _token_at(self.doc, quotation.end - 1)
        if closer is None:
            return None
        sentence_end = closer.sent.end
        if closer.i + 1 == sentence_end and sentence_end < len(self.doc):
            # "“…will you pledge?” he asks.": the parser may end the sentence at the mark.
            following = self.doc[sentence_end]
            short = following.sent
            if following.is_lower or following.is_space:
                sentence_end = following.sent.end
            elif len(short) <= _SHORT_CUE_CLAUSE and any(
                self.lexicon.get(t) is not None for t in short
            ):
                sentence_end = short.end  # "“…?” Graham asked.": a cue sentence of its own
        # The subject between the quotation and its verb can be long ("…,” Michael McFaul, a
        # senior fellow at the Hoover Institution, said.); what lies between is checked below.
        for token in self.doc[closer.i + 1 : min(closer.i + 1 + 3 * _CUE_WINDOW, sentence_end)]:
            if token.idx >= quotation.end and _inside(self.quotations, token.idx):
                return None
            cue = self.lexicon.get(token)
            if cue is not None and token.i not in self.used_cues:
                between = self.doc[closer.i + 1 : token.i]
                subject = _subject(token)
                allowed = {t.i for t in subject.subtree} if subject is not None else set()
                if all(t.is_punct or t.i in allowed or t.head == token for t in between):
                    return token
                return None
            if token.pos_ in ("VERB",) and token.dep_ not in ("aux", "auxpass"):
                return None
        return None

    def _cue_before(self, quotation: Quotation) -> Token | None:
        opener = _token_at(self.doc, quotation.start)
        if opener is None:
            return None
        sentence_start = opener.sent.start
        window = self.doc[max(sentence_start, opener.i - _CUE_WINDOW) : opener.i]
        for token in reversed(window):
            cue = self.lexicon.get(token)
            if cue is not None and token.i not in self.used_cues:
                between = self.doc[token.i + 1 : opener.i]
                if any(t.pos_ == "VERB" for t in between):
                    return None
                if between and not between[-1].is_punct:
                    # "called her supporters “deplorables”": an object comes first; the verb's
                    # whole object is the content, found with the other cue verbs.
                    return None
                return token
            if token.pos_ == "VERB":
                return None
        return None

    def _floating(self) -> None:
        """Quotations that fill their paragraph with no cue continue the previous speaker."""
        covered = {(s.start, s.end) for a in self.found for s in a.content_spans}
        for quotation in self.quotations:
            if not quotation.opened or (quotation.start, quotation.end) in covered:
                continue
            if any(
                a.content_span.start <= quotation.start < a.content_span.end for a in self.found
            ):
                continue
            paragraph = next(
                (p for p in self.paragraphs if p.start <= quotation.start < p.end), None
            )
            if paragraph is None or quotation.start != paragraph.start:
                continue
            rest = self.text[quotation.end : paragraph.end].strip()
            if rest and rest not in (".", ",") and not quotation.closed:
                continue
            if rest.rstrip(".") and quotation.closed:
                continue
            if len(self.text[quotation.start : quotation.end].split()) < 4:
                continue
            self._make([(quotation.start, quotation.end)], None, None, "direct", 0.5)

    def _according_to(self, sentence: SpacySpan) -> None:
        for token in sentence[:-1]:
            if token.lower_ != "according" or token.nbor(1).lower_ != "to":
                continue
            to = token.nbor(1)
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if not objects:
                continue
            source = objects[0]
            phrase_start = token.idx
            phrase_end = source.right_edge.idx + len(source.right_edge.text)
            if _inside(self.quotations, phrase_start):
                continue
            start, end = sentence.start_char, sentence.end_char
            spans = [(start, phrase_start), (phrase_end, end)]
            spans = [s for s in spans if self.text[s[0] : s[1]].strip(_TRIM + ". ")]
            self._make(spans, None, source, cue_span=(token.idx, to.idx + len(to.text)))

    def _in_source(self, sentence: SpacySpan) -> None:
        """ "In the new poll, Clinton leads by four", "Sanders trails in every survey", "In
        his words, …": a phrase naming where a claim comes from or whose view it is; the rest
        of the sentence is the content."""
        for token in sentence:
            if token.dep_ != "prep" or token.lower_ != "in":
                continue
            source = next((c for c in token.children if c.dep_ == "pobj"), None)
            if source is None or _inside(self.quotations, token.idx):
                continue
            head = token.head
            if self.lexicon.get(head) is not None or head.i in self.used_cues:
                continue  # "said in a statement": the cue verb has it
            if head.dep_ != "ROOT" or source.lemma_.lower() not in _SOURCE_NOUNS:
                continue
            if source.lemma_.lower() in _VIEW_NOUNS and not any(
                c.dep_ == "poss" for c in source.children
            ):
                continue  # "in view of", "in the eyes of the law"
            phrase_end_token = source.right_edge
            start, end = sentence.start_char, sentence.end_char
            phrase_start = token.idx
            phrase_end = phrase_end_token.idx + len(phrase_end_token.text)
            spans = [(start, phrase_start), (phrase_end, end)]
            spans = [s for s in spans if self.text[s[0] : s[1]].strip(_TRIM + ". ")]
            if not spans:
                continue
            cue_span = (token.idx, token.idx + len(token.text))
            self._make(spans, None, source, confidence=0.5, cue_span=cue_span)
            return

    def _cue_verb(self, token: Token) -> None:
        cue = self.lexicon.get(token)
        if cue is None or _inside(self.quotations, token.idx):
            return
        cue_span = None
        if token.tag_ == "VB" and any(c.tag_ == "TO" for c in token.children):
            head = token.head
            if token.dep_ not in ("xcomp", "advcl") or head.lemma_.lower() not in _ASPECTUAL:
                return  # "wants to discuss", "refused to tell": nothing said yet
            # "went on to discuss", "appeared to suggest": said, in so many words.
            cue_span = (_cue_span(head)[0], _cue_span(token)[1])
        elif token.tag_ == "VBG" and token.dep_ in ("xcomp", "pcomp"):
            head = token.head.head if token.head.dep_ == "prep" else token.head
            if head.lemma_.lower() in _ASPECTUAL | _CATENATIVE and head.i < token.i:
                # "could not resist pointing out", "started off by emphasizing".
                cue_span = (_cue_span(head)[0], _cue_span(token)[1])
        elif token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "xcomp"):
            head = token.head
            if head.lemma_.lower() in _PUBLISHING and head.i < token.i:
                # "released a letter that says", "unleashed a series of tweets saying".
                cue_span = (_cue_span(head)[0], _cue_span(token)[1])
        if _hypothetical(token):
            return
        if token.lemma_.lower() == "continue" and any(
            c.dep_ == "xcomp" or c.tag_ == "VBG" for c in token.children
        ):
            return  # "continue to ignore the fact that …": the verb continued is the cue
        subject = self._reporter_of_conjunct(token) or _subject(token)
        if subject is None and self._agentless_passive(token):
            return
        if subject is None or subject.lower_ == "there":
            return
        if token.lemma_.lower() == "talk" and subject.lower_ in ("i", "we", "you"):
            return  # "we are talking about a coup": what the matter is, not a report
        if token.lemma_.lower() in _VERBAL_ONLY and not _between_people(token, subject):
            return  # "Armed men attacked the city" is no statement
        called_on = self._called_on(token)
        if called_on is not None:
            cue_span, content = called_on
            self._make(content, token, subject, confidence=0.7, cue_span=cue_span)
            return
        content = self._content(token, cue)
        if not content and cue.frame == "object":
            passive = _passive_object(token)
            if passive is not None:
                content = [_subtree_span(passive)]
        if not content:
            return
        if cue_span is None and len(content) == 1:
            through = self._through_preposition(token, content[0])
            if through is not None:
                cue_span, content = through
        self._make(content, token, subject, confidence=0.7, cue_span=cue_span)

    def _through_preposition(
        self, verb: Token, content: tuple[int, int]
    ) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
        """ "talked about | the plan", "referred to | the judge": the preposition that joins a
        cue to what it is about belongs to the cue, as annotators mark it."""
        tokens = self.doc.char_span(*content, alignment_mode="expand")
        lead = tokens[0] if tokens is not None and len(tokens) else None
        if (
            lead is None
            or lead.dep_ != "prep"
            or lead.head.i != verb.i
            or lead.lower_ not in _CUE_PREPOSITIONS
        ):
            return None
        governed = _prep_object(lead)
        if governed is None:
            return None
        cue_span = (_cue_span(verb)[0], lead.idx + len(lead.text))
        return cue_span, [(_subtree_span(governed)[0], content[1])]

    def _question_put(self, verb: Token) -> None:
        """ "Asked whether he would run, Ryan laughed", "When asked about the merger, …": a
        question put by someone the text does not name; the question is the content."""
        if (
            verb.lemma_.lower() != "ask"
            or verb.tag_ != "VBN"
            or verb.dep_ not in ("advcl", "ROOT")
            or _inside(self.quotations, verb.idx)
            or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in verb.children)
        ):
            return
        cue_end = verb.idx + len(verb.text)
        content: tuple[int, int] | None = None
        for child in verb.rights:
            if child.dep_ in ("ccomp", "xcomp", "dobj"):
                content = _subtree_span(child)
                break
            if child.dep_ == "prep" and child.lower_ == "about":
                governed = _prep_object(child)
                if governed is not None:
                    cue_end = child.idx + len(child.text)
                    content = _subtree_span(governed)
                break
        if content is None:
            return
        cue_span = (verb.idx, cue_end)
        self._make([content], verb, None, confidence=0.5, cue_span=cue_span)

    def _light_verb(self, verb: Token) -> None:
        """ "made the case that …", "took aim at the plan", "raised questions about the deal":
        a verb that says little joined to a noun that names a statement makes one cue."""
        nouns = _LIGHT_VERBS.get(verb.lemma_.lower())
        if (
            verb.pos_ != "VERB"
            or nouns is None
            or verb.i in self.used_cues
            or _inside(self.quotations, verb.idx)
            or _hypothetical(verb)
        ):
            return
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if noun is None or noun.lemma_.lower() not in nouns:
            return
        subject = _subject(verb)
        if subject is None or subject.lower_ in ("it", "there"):
            return
        found = _statement_noun_content(verb, noun)
        if found is None:
            return
        cue_end, content = found
        cue_span = (_cue_span(verb)[0], cue_end.idx + len(cue_end.text))
        self._make([content], verb, subject, confidence=0.5, cue_span=cue_span)

    def _reporter_of_conjunct(self, verb: Token) -> Token | None:
        """ "China said it was opposed to the test and warned Pyongyang": a cue verb the parser
        joined to the reported clause belongs to whoever reported it, not to its subject."""
        clause = verb.head
        if (
            verb.dep_ != "conj"
            or clause.dep_ != "ccomp"
            or clause.i > verb.i
            or any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
            or self.lexicon.get(clause.head) is None
        ):
            return None
        return next((c for c in clause.head.children if c.dep_ in ("nsubj", "csubj")), None)

    def _called_on(self, verb: Token) -> tuple[tuple[int, int], list[tuple[int, int]]] | None:
        """ "Axelrod called on Dean to apologize": the cue is "called on Dean", the content
        what Dean is asked to do."""
        if verb.lemma_.lower() != "call":
            return None
        on = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ == "on"), None)
        if on is None:
            return None
        target = next((c for c in on.children if c.dep_ == "pobj"), None)
        if target is None:
            return None
        candidates = [*verb.rights, *target.rights, *target.children]
        infinitive = next(
            (
                c
                for c in candidates
                if c.dep_ in ("xcomp", "advcl", "acl", "relcl")
                and c.i > target.i
                and any(a.tag_ == "TO" for a in c.children)
            ),
            None,
        )
        if infinitive is None:
            return None
        cue_end = target.right_edge.i if target.right_edge.i < infinitive.left_edge.i else target.i
        last = verb.doc[cue_end]
        return (
            (_cue_span(verb)[0], last.idx + len(last.text)),
            [_subtree_span(infinitive)],
        )

    def _agentless_passive(self, verb: Token) -> bool:
        """ "He was accused of fraud", "Turnout is expected to rise": a passive cue with no
        one named as its source reports its whole clause. True when one was made."""
        passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if (
            passive_subject is None
            or verb.tag_ != "VBN"
            or any(c.dep_ == "agent" for c in verb.children)
            or not any(
                c.dep_ in ("xcomp", "ccomp", "oprd")
                or (c.dep_ == "prep" and c.lower_ in ("of", "for", "as", "with"))
                for c in verb.rights
            )
        ):
            return False
        self._make(self._around_cue(verb, passive_subject), verb, None, confidence=0.5)
        return True

    def _around_cue(self, verb: Token, subject: Token) -> list[tuple[int, int]]:
        """A clause whose cue says whose it is not, as fragments without the cue and without
        what leads the sentence before the subject: "[While X,] others [appeared] ready …"."""
        start = _subtree_span(subject)[0]
        end = _subtree_span(verb)[1]
        for child in verb.rights:
            if child.dep_ == "conj" and any(c.dep_ in _SUBJECT_DEPS for c in child.children):
                # "His voice seemed weak, and people had to strain": a clause of its own.
                before = self.doc[child.left_edge.i - 1]
                while before.i > verb.i and (before.dep_ == "cc" or before.is_punct):
                    before = self.doc[before.i - 1]
                end = min(end, before.idx + len(before.text))
        cue_start, cue_end = _cue_span(verb)
        if not start < cue_start < cue_end < end:
            return [(start, end)]
        return [(start, cue_start), (cue_end, end)]

    def _evidential(self, verb: Token) -> None:
        """ "The plan seems too risky", "That looks unlikely": a judgement the text makes
        without saying whose; its clause is the content, the source unknown."""
        if verb.lemma_.lower() not in _EVIDENTIAL or verb.pos_ not in ("VERB", "AUX"):
            return
        if _inside(self.quotations, verb.idx) or verb.i in self.used_cues:
            return
        if not any(c.dep_ in ("nsubj", "csubj", "expl") for c in verb.children):
            return
        if not any(
            c.dep_ in ("xcomp", "acomp", "ccomp", "oprd")
            or (c.dep_ == "prep" and c.lower_ in ("like", "as"))
            for c in verb.rights
        ):
            return
        subject = next(c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl"))
        self._make(self._around_cue(verb, subject), verb, None, confidence=0.4)

    def _attitude(self, word: Token) -> None:
        """ "Democrats are afraid that …", "Graham has been critical of Trump": an attitude
        adjective, whose subject holds it and whose complement it is about."""
        if word.lower_ not in _ATTITUDES or word.pos_ not in ("ADJ", "VERB"):
            return
        if _inside(self.quotations, word.idx) or word.i in self.used_cues:
            return
        holder_of = word.head if word.dep_ in ("acomp", "xcomp") else word
        subject = next(
            (c for c in holder_of.children if c.dep_ in ("nsubj", "nsubjpass")), None
        ) or next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in ("it", "there"):
            return
        cue_start = min(word.idx, holder_of.idx) if holder_of is not word else word.idx
        for child in holder_of.lefts:
            if child.dep_ in ("aux", "auxpass", "neg") and child.i > subject.i:
                cue_start = min(cue_start, child.idx)
        cue_end = word.idx + len(word.text)
        content: tuple[int, int] | None = None
        for child in word.rights:
            if child.dep_ == "prep" and child.lower_ in _ATTITUDE_PREPOSITIONS:
                governed = _prep_object(child)
                if governed is not None:
                    cue_end = child.idx + len(child.text)
                    content = _subtree_span(governed)
                    break
            if child.dep_ in ("ccomp", "xcomp"):
                content = _subtree_span(child)
                break
        if content is None:
            content = self._that_clause(word)
        if content is None:
            return
        self._make([content], word, subject, confidence=0.5, cue_span=(cue_start, cue_end))

    def _cue_noun(self, token: Token) -> None:
        """ "Her claim that …", "the senator's warning that …": a reporting noun, its owner
        and its "that" clause."""
        if token.pos_ != "NOUN" or token.lemma_.lower() not in self.lexicon.nouns:
            return
        if _inside(self.quotations, token.idx):
            return
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        clause = next(
            (
                c
                for c in token.children
                if c.dep_ in ("acl", "ccomp", "appos")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            ),
            None,
        )
        if owner is None or clause is None:
            return
        self._make([_subtree_span(clause)], token, owner, confidence=0.6)

    def _content(self, verb: Token, cue: Cue) -> list[tuple[int, int]]:
        for child in verb.children:
            before = child.dep_ == "ccomp" or (
                # "Language unclear on who is covered, experts say."
                child.dep_ == "dep"
                and self.doc[child.right_edge.i + 1].text == ","
                and all(c.dep_ in ("punct", "npadvmod", "advmod") for c in verb.rights)
            )
            if before and child.i < verb.i and verb.i > verb.sent.start:
                # "…, the source added.": what comes before the cue clause is the content.
                clause_start = min(t.idx for t in verb.subtree if t.i > child.right_edge.i)
                return [(verb.sent.start_char, clause_start)]
            if child.dep_ == "ccomp" or (cue.frame == "clause" and _unmarked_clause(verb, child)):
                start, end = _subtree_span(child)
                # "said Trump has respect … and his comment was frustration": the parser often
                # hangs the second reported clause on the cue verb as a conjunct.
                for conj in verb.rights:
                    if (
                        conj.dep_ == "conj"
                        and conj.i > child.i
                        and self.lexicon.get(conj) is None
                        and any(c.dep_ in _SUBJECT_DEPS for c in conj.children)
                    ):
                        end = max(end, _subtree_span(conj)[1])
                end = self._through_sentence(verb, end)
                return [(start, self._without_trailing_clause(child, start, end))]
        if verb.dep_ == "parataxis" and len(list(verb.subtree)) <= _SHORT_CUE_CLAUSE:
            # "…, he believes." and "But, he said, officials should be vigilant."
            start, end = _subtree_span(verb.head)
            cue_start, cue_end = _subtree_span(verb)
            return [(start, cue_start), (cue_end, end)]
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in verb.children
        ):
            # "Hawaii, as one adviser pointed out, rarely gets two hurricanes": the clause
            # around the "as" clause is what it reports.
            start, end = _subtree_span(verb.head)
            cue_start, cue_end = _subtree_span(verb)
            return [(start, cue_start), (cue_end, end)]
        that = self._that_clause(verb)
        if that is not None:
            return [that]
        if cue.kind == "speech" and verb.i + 1 < len(self.doc):
            # "said so", "said as much": a word standing for what was said before.
            nxt = self.doc[verb.i + 1]
            if nxt.lower_ == "so" and nxt.head.i == verb.i:
                return [(nxt.idx, nxt.idx + len(nxt.text))]
            if nxt.lower_ == "as" and verb.i + 2 < len(self.doc):
                much = self.doc[verb.i + 2]
                if much.lower_ == "much" and much.head.i == verb.i:
                    return [(nxt.idx, much.idx + len(much.text))]
        if cue.frame != "object" and cue.kind != "speech":
            return []
        parts = []
        for child in verb.rights:
            if cue.prepositions is not None:
                if (
                    child.dep_ == "prep"
                    and child.lower_ in cue.prepositions
                    and not _is_time_phrase(child)
                ):
                    # "saw the comment as a dig": the object goes with its "as" phrase.
                    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.i < child.i]
                    parts += [_without_aside(c) for c in objects] + [_without_aside(child)]
                elif child.dep_ == "dobj" and any(
                    c.dep_ == "prep" and c.lower_ in cue.prepositions for c in child.children
                ):
                    parts.append(_without_aside(child))  # the parser hung "as a dig" on it
            elif child.dep_ in _OBJECT_DEPS or (
                child.dep_ == "prep"
                and child.lower_ in _OBJECT_PREPOSITIONS
                and not _is_time_phrase(child)
            ):
                parts.append(_without_aside(child))
        if not parts:
            return []
        end = max(p[1] for p in parts)
        for child in verb.rights:
            # "wants to triple X, grow Y and create Z": the parser hangs the other things
            # wanted on the cue verb; an infinitive or gerund without a subject of its own
            # continues the list.
            if (
                child.dep_ in ("conj", "dep")
                and child.idx >= end
                and child.tag_ in ("VB", "VBG")
                and self.lexicon.get(child) is None
                and not any(c.dep_ in _SUBJECT_DEPS for c in child.children)
            ):
                end = _without_aside(child)[1]
        return [(min(p[0] for p in parts), end)]

    def _without_trailing_clause(self, clause: Token, start: int, end: int) -> int:
        """Where a reported clause ends before another cue closing it, as a participle or a
        conjunct: "the deal was fair, arguing that …" and "it was opposed to the test and
        warned Pyongyang" report only what comes first; the second cue has its own."""
        inside = [t for t in self.doc[clause.left_edge.i : clause.sent.end] if t.idx < end]
        words = [t for t in inside if not t.is_punct]
        if not words:
            return end
        last = words[-1]
        for token in inside:
            if token.i <= clause.left_edge.i + 1 or token.right_edge.i < last.i:
                continue
            before = self.doc[token.left_edge.i - 1]
            if any(c.dep_ in _SUBJECT_DEPS for c in token.children):
                continue
            if self.lexicon.get(token) is None:
                continue
            if token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "xcomp", "conj"):
                if before.text == ",":
                    return before.idx
            elif token.dep_ == "conj" and token.pos_ == "VERB":
                joint = before if before.dep_ == "cc" or before.text == "," else None
                if joint is not None and self.doc[joint.i - 1].text == ",":
                    joint = self.doc[joint.i - 1]
                if joint is not None:
                    return joint.idx
        return end

    def _through_sentence(self, verb: Token, end: int) -> int:
        """Reported clauses run to the end of their sentence unless another cue takes over:
        "pointed out that one shooting may have more than one victim, so thousands…"."""
        sentence = verb.sent
        rest = [t for t in sentence if t.idx >= end]
        if any(self.lexicon.get(t) is not None or t.text in (";", ":") for t in rest):
            return end
        if any(t.lower_ in ("while", "whereas") for t in rest[:2]):
            return end
        if any(t.head.i == verb.i and t.dep_ in _CUE_CLAUSE_DEPS for t in rest):
            return end  # "tweeted that …, and encouraged …": the rest is the cue's own clause
        return max(end, sentence.end_char)

    def _that_clause(self, verb: Token) -> tuple[int, int] | None:
        """A "that" clause the parser hung elsewhere ("tweeted in the early hours that…")."""
        for token in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + _CUE_WINDOW)]:
            head = token.head
            complementiser = token.dep_ == "mark" or not any(
                c.dep_ in _SUBJECT_DEPS and c.i < token.i for c in head.children
            )
            if (
                token.lower_ == "that"
                and head.i > token.i
                and head.pos_ in ("VERB", "AUX")
                and complementiser
            ):
                return token.idx, head.right_edge.idx + len(head.right_edge.text)
            if self.lexicon.get(token) is not None or token.text in ".;":
                return None
        return None

    def _speaker_colons(self) -> None:
        """Transcripts and headlines: "PENCE: Well, look…", "Pence: Flowers won't attend"."""
        for paragraph in self.paragraphs:
            lead = len(self.text[paragraph.start : paragraph.end]) - len(
                self.text[paragraph.start : paragraph.end].lstrip('"“ ')
            )
            begin = paragraph.start + lead
            head = self.text[begin : min(paragraph.end, begin + 60)]
            colon = head.find(":")
            if colon <= 0:
                continue
            name = head[:colon]
            words = name.split()
            if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
                continue
            if not _is_speaker_label(name, self.text[begin + colon + 1 : paragraph.end]):
                continue
            if any(a.content_span.start <= begin + colon < a.content_span.end for a in self.found):
                continue
            source = _token_at(self.doc, begin + len(name) - 1)
            start = begin + colon + 1
            if source is None or self.text[start : paragraph.end].strip() == "":
                continue
            # A headline's "Poll: …", "Pence: …" names its source whatever the model saw.
            if (
                paragraph.role != "title"
                and source.ent_type_ not in ("PERSON", "ORG")
                and not name.isupper()
            ):
                continue
            self._make(
                [(start, paragraph.end)],
                None,
                None,
                confidence=0.6,
                cue_span=(begin + colon, begin + colon + 1),
                source_at=(begin, begin + colon),
            )
            self.claimed.update(
                i for i, q in enumerate(self.quotations) if q.start == paragraph.start
            )

    def _headline(self) -> None:
        """ "Sanders Vows To Eliminate Tax Breaks", "Flynn says Trump 'absolutely right'": a
        headline's reporting verb, written in title case the parser often takes for a name;
        the words before it are the source and the words after it the content."""
        for paragraph in self.paragraphs:
            if paragraph.role != "title":
                continue
            if any(paragraph.start <= a.content_span.start < paragraph.end for a in self.found):
                continue
            tokens = [t for t in self.doc if paragraph.start <= t.idx < paragraph.end]
            for position, token in enumerate(tokens[1:-1], start=1):
                title_case_verb = (
                    token.text[0].isupper()
                    and token.lower_.endswith("s")
                    and token.lower_[:-1] in self.lexicon.verbs
                )
                if not title_case_verb and self.lexicon.get(token) is None:
                    continue
                before = tokens[:position]
                comma = max((i for i, t in enumerate(before) if t.text == ","), default=-1)
                source_tokens = before[comma + 1 :]
                if not source_tokens or not any(t.pos_ in ("PROPN", "NOUN") for t in source_tokens):
                    break
                rest = tokens[position + 1 :]
                if not rest:
                    break
                content = (rest[0].idx, rest[-1].idx + len(rest[-1].text))
                start = source_tokens[0].idx
                end = source_tokens[-1].idx + len(source_tokens[-1].text)
                self._make([content], token, None, confidence=0.6, source_at=(start, end))
                break

    def _without_overlaps(self) -> list[Attribution]:
        """Keep one attribution per content (nested ones stay); the first found wins a tie."""
        kept: list[Attribution] = []
        for attribution in self.found:
            span = attribution.content_span
            clash = False
            for other in kept:
                o = other.content_span
                overlap = min(span.end, o.end) - max(span.start, o.start)
                if overlap > 0.8 * max(span.end - span.start, o.end - o.start):
                    clash = True
                    break
            if not clash:
                kept.append(attribution)
        return sorted(kept, key=lambda a: a.content_span.start)


def attribute(article: Article, resources: Resources) -> Article:
    """Fill ``quotes`` with the article's attributions (speakers not yet resolved)."""
    if article.parsed is None:
        raise ValueError("the article has not been parsed")
    return article.with_updates(quotes=_Finder(article, resources.cues).run())
