"""Attribution rules that read the parse around a cue word: a reporting verb and its
subject and complement, "according to", "in the poll", light verbs ("made the case that"),
attitudes ("is afraid that"), reporting nouns ("her claim that") and the judgements the text
makes without a source ("seems unlikely")."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsdesk.stages.attribution.base import FinderBase
from newsdesk.stages.attribution.participles import gerund_cue_span, participle_owner
from newsdesk.stages.attribution.quotations import Cue
from newsdesk.stages.attribution.syntax import (
    ASPECTUAL,
    ATTITUDE_PREPOSITIONS,
    ATTITUDES,
    CUE_CLAUSE_DEPS,
    CUE_PREPOSITIONS,
    CUE_WINDOW,
    EVIDENTIAL,
    LIGHT_VERBS,
    OBJECT_DEPS,
    OBJECT_PREPOSITIONS,
    SHORT_CUE_CLAUSE,
    SOURCE_NOUNS,
    SUBJECT_DEPS,
    TOPIC_PREPOSITIONS,
    TRIM,
    VERBAL_ONLY,
    VIEW_NOUNS,
    between_people,
    cue_extent,
    hypothetical,
    inside_quotation,
    is_time_phrase,
    only_addressed,
    passive_object,
    prep_object,
    statement_noun_content,
    subtree_span,
    unmarked_clause,
    without_aside,
)


class ClauseRules(FinderBase):
    """The rules over cue words and their clauses; see :class:`FinderBase` for the state."""

    def _according_to(self, sentence: SpacySpan, words: list[Token]) -> None:
        """ "according to X": X is the source of the rest of the sentence; ``words`` are the
        sentence's tokens "according" (but its last)."""
        for token in words:
            if token.nbor(1).lower_ != "to":
                continue
            to = token.nbor(1)
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if not objects:
                continue
            source = objects[0]
            phrase_start = token.idx
            phrase_end = source.right_edge.idx + len(source.right_edge.text)
            if inside_quotation(self.quotations, phrase_start):
                continue
            start, end = sentence.start_char, sentence.end_char
            spans = [(start, phrase_start), (phrase_end, end)]
            spans = [s for s in spans if self.text[s[0] : s[1]].strip(TRIM + ". ")]
            self._make(spans, None, source, cue_span=(token.idx, to.idx + len(to.text)))

    def _in_source(self, sentence: SpacySpan, words: list[Token]) -> None:
        """ "In the new poll, Clinton leads by four", "Sanders trails in every survey", "In
        his words, …": a phrase naming where a claim comes from or whose view it is; the rest
        of the sentence is the content. ``words`` are the sentence's prepositions "in"."""
        for token in words:
            source = next((c for c in token.children if c.dep_ == "pobj"), None)
            if source is None or inside_quotation(self.quotations, token.idx):
                continue
            head = token.head
            if self.lexicon.get(head) is not None or head.i in self.used_cues:
                continue  # "said in a statement": the cue verb has it
            if head.dep_ != "ROOT" or source.lemma_.lower() not in SOURCE_NOUNS:
                continue
            if source.lemma_.lower() in VIEW_NOUNS and not any(
                c.dep_ == "poss" for c in source.children
            ):
                continue  # "in view of", "in the eyes of the law"
            phrase_end_token = source.right_edge
            start, end = sentence.start_char, sentence.end_char
            phrase_start = token.idx
            phrase_end = phrase_end_token.idx + len(phrase_end_token.text)
            spans = [(start, phrase_start), (phrase_end, end)]
            spans = [s for s in spans if self.text[s[0] : s[1]].strip(TRIM + ". ")]
            if not spans:
                continue
            cue_span = (token.idx, token.idx + len(token.text))
            self._make(spans, None, source, confidence=0.5, cue_span=cue_span)
            return

    def _cue_verb(self, token: Token) -> None:
        cue = self.lexicon.get(token)
        if cue is None or inside_quotation(self.quotations, token.idx):
            return
        cue_span = None
        owned = False
        if token.tag_ == "VB" and any(c.tag_ == "TO" for c in token.children):
            head = token.head
            if token.dep_ not in ("xcomp", "advcl") or head.lemma_.lower() not in ASPECTUAL:
                return  # "wants to discuss", "refused to tell": nothing said yet
            # "went on to discuss", "appeared to suggest": said, in so many words.
            cue_span = (cue_extent(head)[0], cue_extent(token)[1])
        elif token.tag_ == "VBG":
            cue_span = gerund_cue_span(token)
        subject = self._statement_source(token)
        source_at = None
        if subject is None:
            subject, source_at, owned_cue = participle_owner(
                token, self.lexicon, self.nouns, self.quotations, self._source_of
            )
            cue_span = owned_cue or cue_span
            owned = True
        if subject is None:
            return
        called_on = self._called_on(token)
        if called_on is not None:
            cue_span, content = called_on
            self._make(content, token, subject, confidence=0.7, cue_span=cue_span)
            return
        content = self._content(token, cue)
        if not content and cue.frame == "object":
            passive = passive_object(token)
            if passive is not None:
                content = [subtree_span(passive)]
        if not content:
            return
        if cue_span is None and len(content) == 1:
            through = self._through_preposition(token, content[0])
            if through is not None:
                cue_span, content = through
        self._make(
            content,
            token,
            subject,
            confidence=0.6 if owned else 0.7,
            cue_span=cue_span,
            source_at=source_at,
        )

    def _statement_source(self, token: Token) -> Token | None:
        """Who a cue verb says made a statement; None when the verb reports none that this
        rule records (a hypothetical, an activity, no subject). A passive with no agent is
        recorded here as an attribution without a source, and also gives None."""
        if hypothetical(token):
            return None
        if token.lemma_.lower() == "continue" and any(
            c.dep_ == "xcomp" or c.tag_ == "VBG" for c in token.children
        ):
            return None  # "continue to ignore the fact that …": the verb continued is the cue
        subject = self._reporter_of_conjunct(token) or self._source_of(token)
        if subject is None and self._agentless_passive(token):
            return None
        if subject is None or subject.lower_ == "there":
            return None
        if token.lemma_.lower() == "talk" and subject.lower_ in ("i", "we", "you"):
            return None  # "we are talking about a coup": what the matter is, not a report
        if token.lemma_.lower() in VERBAL_ONLY and not between_people(token, subject):
            return None  # "Armed men attacked the city" is no statement
        return subject

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
            or lead.lower_ not in CUE_PREPOSITIONS
        ):
            return None
        governed = prep_object(lead)
        if governed is None:
            return None
        cue_span = (cue_extent(verb)[0], lead.idx + len(lead.text))
        return cue_span, [(subtree_span(governed)[0], content[1])]

    def _question_put(self, verb: Token) -> None:
        """ "Asked whether he would run, Ryan laughed", "When asked about the merger, …": a
        question put by someone the text does not name; the question is the content."""
        if (
            verb.lemma_.lower() != "ask"
            or verb.tag_ != "VBN"
            or verb.dep_ not in ("advcl", "ROOT")
            or inside_quotation(self.quotations, verb.idx)
            or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "aux") for c in verb.children)
        ):
            return
        cue_end = verb.idx + len(verb.text)
        content: tuple[int, int] | None = None
        for child in verb.rights:
            if child.dep_ in ("ccomp", "xcomp", "dobj"):
                content = subtree_span(child)
                break
            if child.dep_ == "prep" and child.lower_ == "about":
                governed = prep_object(child)
                if governed is not None:
                    cue_end = child.idx + len(child.text)
                    content = subtree_span(governed)
                break
        if content is None:
            return
        cue_span = (verb.idx, cue_end)
        self._make([content], verb, None, confidence=0.5, cue_span=cue_span)

    def _light_verb(self, verb: Token) -> None:
        """ "made the case that …", "took aim at the plan", "raised questions about the deal":
        a verb that says little joined to a noun that names a statement makes one cue."""
        nouns = LIGHT_VERBS.get(verb.lemma_.lower())
        if (
            verb.pos_ != "VERB"
            or nouns is None
            or verb.i in self.used_cues
            or inside_quotation(self.quotations, verb.idx)
            or hypothetical(verb)
        ):
            return
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if noun is None or noun.lemma_.lower() not in nouns:
            return
        subject = self._source_of(verb)
        if subject is None or subject.lower_ in ("it", "there"):
            return
        found = statement_noun_content(verb, noun)
        if found is None:
            return
        cue_end, content = found
        cue_span = (cue_extent(verb)[0], cue_end.idx + len(cue_end.text))
        self._make([content], verb, subject, confidence=0.5, cue_span=cue_span)

    def _reporter_of_conjunct(self, verb: Token) -> Token | None:
        """ "China said it was opposed to the test and warned Pyongyang": a cue verb the parser
        joined to the reported clause belongs to whoever reported it, not to its subject."""
        clause = verb.head
        if (
            verb.dep_ != "conj"
            or clause.dep_ != "ccomp"
            or clause.i > verb.i
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
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
            (cue_extent(verb)[0], last.idx + len(last.text)),
            [subtree_span(infinitive)],
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
        start = subtree_span(subject)[0]
        end = subtree_span(verb)[1]
        for child in verb.rights:
            if child.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
                # "His voice seemed weak, and people had to strain": a clause of its own.
                before = self.doc[child.left_edge.i - 1]
                while before.i > verb.i and (before.dep_ == "cc" or before.is_punct):
                    before = self.doc[before.i - 1]
                end = min(end, before.idx + len(before.text))
        cue_start, cue_end = cue_extent(verb)
        if not start < cue_start < cue_end < end:
            return [(start, end)]
        return [(start, cue_start), (cue_end, end)]

    def _evidential(self, verb: Token) -> None:
        """ "The plan seems too risky", "That looks unlikely": a judgement the text makes
        without saying whose; its clause is the content, the source unknown."""
        if verb.lemma_.lower() not in EVIDENTIAL or verb.pos_ not in ("VERB", "AUX"):
            return
        if inside_quotation(self.quotations, verb.idx) or verb.i in self.used_cues:
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
        if word.lower_ not in ATTITUDES or word.pos_ not in ("ADJ", "VERB"):
            return
        if inside_quotation(self.quotations, word.idx) or word.i in self.used_cues:
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
            if child.dep_ == "prep" and child.lower_ in ATTITUDE_PREPOSITIONS:
                governed = prep_object(child)
                if governed is not None:
                    cue_end = child.idx + len(child.text)
                    content = subtree_span(governed)
                    break
            if child.dep_ in ("ccomp", "xcomp"):
                content = subtree_span(child)
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
        if inside_quotation(self.quotations, token.idx):
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
        self._make([subtree_span(clause)], token, owner, confidence=0.6)

    def _content(self, verb: Token, cue: Cue) -> list[tuple[int, int]]:
        clause = self._clause_content(verb, cue)
        if clause is not None:
            return clause
        around = _around_aside(verb)
        if around is not None:
            return around
        that = self._that_clause(verb)
        if that is not None:
            return [that]
        if cue.kind == "speech":
            standing = self._word_for_what_was_said(verb)
            if standing is not None:
                return standing
        if cue.frame != "object" and cue.kind != "speech":
            return []
        return self._object_content(verb, cue)

    def _clause_content(self, verb: Token, cue: Cue) -> list[tuple[int, int]] | None:
        """The clause a cue verb reports, before it ("…, the source added.") or after it
        ("said that …"); None when it has none."""
        # "While he admitted X, she noted Y": with a clause after the cue, that one is reported.
        reports_after = any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i for c in verb.children)
        for child in verb.children:
            if child.i < verb.i and reports_after:
                continue
            before = child.i < verb.i and (
                child.dep_ == "ccomp"
                or (
                    # "Language unclear on who is covered, experts say."
                    child.dep_ == "dep"
                    and self.doc[child.right_edge.i + 1].text == ","
                    and all(c.dep_ in ("punct", "npadvmod", "advmod") for c in verb.rights)
                )
            )
            if before and verb.i > verb.sent.start:
                # "…, the source added.": what comes before the cue clause is the content.
                clause_start = min(t.idx for t in verb.subtree if t.i > child.right_edge.i)
                return [(verb.sent.start_char, clause_start)]
            if child.dep_ == "ccomp" or (cue.frame == "clause" and unmarked_clause(verb, child)):
                start, end = subtree_span(child)
                # "said Trump has respect … and his comment was frustration": the parser often
                # hangs the second reported clause on the cue verb as a conjunct.
                for conj in verb.rights:
                    if (
                        conj.dep_ == "conj"
                        and conj.i > child.i
                        and self.lexicon.get(conj) is None
                        and any(c.dep_ in SUBJECT_DEPS for c in conj.children)
                    ):
                        end = max(end, subtree_span(conj)[1])
                end = self._through_sentence(verb, end)
                return [(start, self._without_trailing_clause(child, start, end))]
        return None

    def _word_for_what_was_said(self, verb: Token) -> list[tuple[int, int]] | None:
        """ "said so", "said as much": a word standing for what was said before; None when
        the verb has none."""
        if verb.i + 1 >= len(self.doc):
            return None
        nxt = self.doc[verb.i + 1]
        if nxt.lower_ == "so" and nxt.head.i == verb.i:
            return [(nxt.idx, nxt.idx + len(nxt.text))]
        if nxt.lower_ == "as" and verb.i + 2 < len(self.doc):
            much = self.doc[verb.i + 2]
            if much.lower_ == "much" and much.head.i == verb.i:
                return [(nxt.idx, much.idx + len(much.text))]
        return None

    def _object_content(self, verb: Token, cue: Cue) -> list[tuple[int, int]]:
        """What a cue verb's objects and prepositional phrases say it is about, as one span;
        empty when it has none."""
        parts = []
        for child in verb.rights:
            if cue.prepositions is not None:
                if (
                    child.dep_ == "prep"
                    and child.lower_ in cue.prepositions
                    and not is_time_phrase(child)
                ):
                    # "saw the comment as a dig": the object goes with its "as" phrase.
                    objects = [c for c in verb.rights if c.dep_ == "dobj" and c.i < child.i]
                    parts += [without_aside(c) for c in objects] + [without_aside(child)]
                elif child.dep_ == "dobj" and any(
                    c.dep_ == "prep" and c.lower_ in cue.prepositions for c in child.children
                ):
                    parts.append(without_aside(child))  # the parser hung "as a dig" on it
            elif child.dep_ in OBJECT_DEPS or (
                child.dep_ == "prep"
                and child.lower_ in OBJECT_PREPOSITIONS
                and not is_time_phrase(child)
            ):
                parts.append(without_aside(child))
        if not parts or (len(parts) == 1 and only_addressed(verb, self.nouns)):
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
                and not any(c.dep_ in SUBJECT_DEPS for c in child.children)
            ):
                end = without_aside(child)[1]
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
            if any(c.dep_ in SUBJECT_DEPS for c in token.children):
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
        if any(t.head.i == verb.i and t.dep_ in CUE_CLAUSE_DEPS for t in rest):
            return end  # "tweeted that …, and encouraged …": the rest is the cue's own clause
        return max(end, sentence.end_char)

    def _that_clause(self, verb: Token) -> tuple[int, int] | None:
        """A "that" clause the parser hung elsewhere ("tweeted in the early hours that…")."""
        for token in verb.doc[verb.i + 1 : min(verb.sent.end, verb.i + CUE_WINDOW)]:
            head = token.head
            complementiser = token.dep_ == "mark" or not any(
                c.dep_ in SUBJECT_DEPS and c.i < token.i for c in head.children
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


def _around_aside(verb: Token) -> list[tuple[int, int]] | None:
    """The clause around a short cue clause set into it ("…, he believes.", "Hawaii, as one
    adviser pointed out, rarely …"), as the fragments either side; None for other verbs."""
    if verb.dep_ == "parataxis" and len(list(verb.subtree)) <= SHORT_CUE_CLAUSE:
        # "…, he believes." and "But, he said, officials should be vigilant."
        start, end = subtree_span(verb.head)
        cue_start, cue_end = subtree_span(verb)
        return [(start, cue_start), (cue_end, end)]
    if (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(
            # "as he discussed his plan": the "as" clause has its own content ("as one
            # critic put it" has not).
            (c.dep_ in OBJECT_DEPS and c.pos_ != "PRON")
            or (c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS and not is_time_phrase(c))
            for c in verb.rights
        )
    ):
        # "Hawaii, as one adviser pointed out, rarely gets two hurricanes": the clause
        # around the "as" clause is what it reports.
        start, end = subtree_span(verb.head)
        cue_start, cue_end = subtree_span(verb)
        return [(start, cue_start), (cue_end, end)]
    return None
