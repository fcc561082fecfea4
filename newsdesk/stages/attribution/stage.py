"""The attribution stage: find who said, believes or found what, on the parsed text.

Rules over the spaCy parse, in the order citron and PolNeAR split the task: a cue (a reporting
verb, "according to", a speaker's colon), its content (a quotation, a complement clause, an
object) and its source (the cue's subject). Quotations come first: each is tied to the cue
just after its closing mark (``…,” Tokayev said``) or just before its opening one
(``He said: “…``); a quotation that fills its paragraph with no cue continues the previous
speaker. Then every remaining cue verb with a subject and a complement gives an indirect (or,
when the complement holds a quotation, mixed) attribution. Speakers are resolved by the
speakers stage that follows.

The finder is three layers: ``_attribution_base`` (the state and how a find is recorded),
``_attribution_clauses`` (the rules over cue words and their clauses) and this module (the
quotation rules and the order everything runs in); ``_attribution_syntax`` holds the word
lists and parse helpers they share.
"""

from __future__ import annotations

import bisect
import dataclasses

from spacy.attrs import IDX, LOWER, POS, TAG
from spacy.tokens import Doc, Token

from newsdesk.model import Article, Attribution, Paragraph, Span
from newsdesk.resources import Resources
from newsdesk.stages.attribution.clauses import ClauseRules
from newsdesk.stages.attribution.participles import can_speak
from newsdesk.stages.attribution.quotations import Quotation, cue_lexicon
from newsdesk.stages.attribution.syntax import (
    CUE_WINDOW,
    DASH_SIGNATURE,
    PEOPLE_NOUNS,
    SHORT_CUE_CLAUSE,
    inside_quotation,
    is_speaker_label,
    noun_phrase,
    opens_set_phrase,
    subtree_span,
    token_at,
)
from newsdesk.stages.parse import tokens_where, tokens_where_any

# The rules tried at each word look for a verb, a reporting noun or an attitude adjective;
# any other word (by the tagger's part of speech and tag) they pass over at once.
_CUE_POS = ("VERB", "AUX", "NOUN", "ADJ")
_CUE_TAGS = ("VBD", "VBZ", "VBP", "VBG", "VBN")


def _cue_word_candidates(doc: Doc) -> list[Token]:
    """The tokens of ``doc`` that may be a cue word, in order."""
    return tokens_where_any(doc, (POS, _CUE_POS), (TAG, _CUE_TAGS))


def _between(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens of an ordered list whose index is at least ``start`` and below ``end``."""
    first = bisect.bisect_left(tokens, start, key=_index)
    return tokens[first : bisect.bisect_left(tokens, end, lo=first, key=_index)]


def _index(token: Token) -> int:
    return token.i


class _Finder(ClauseRules):
    """Finds the attributions of one parsed article: quotations first, then cue words."""

    def run(self) -> list[Attribution]:
        for index, quotation in enumerate(self.quotations):
            if index not in self.claimed:
                self._quotation(index, quotation)
        self._speaker_colons()
        self._floating()
        words = _cue_word_candidates(self.doc)
        positions = [token.i for token in words]
        according = tokens_where(self.doc, LOWER, ["according"])
        ins = [token for token in tokens_where(self.doc, LOWER, ["in"]) if token.dep_ == "prep"]
        for sentence in self.doc.sents:
            self._according_to(sentence, _between(according, sentence.start, sentence.end - 1))
            self._in_source(sentence, _between(ins, sentence.start, sentence.end))
            first = bisect.bisect_left(positions, sentence.start)
            last = bisect.bisect_left(positions, sentence.end)
            for token in words[first:last]:
                if token.i not in self.used_cues:
                    self._question_put(token)
                    self._light_verb(token)
                    if token.i not in self.used_cues:
                        self._cue_verb(token)
                    self._cue_noun(token)
                    self._evidential(token)
                    self._attitude(token)
        self._headline()
        return self._without_overlaps()

    def _quotation(self, index: int, quotation: Quotation) -> None:
        cue = self._cue_after(quotation) if quotation.closed else None
        after = cue is not None
        if cue is None and quotation.opened:
            cue = self._cue_before(quotation)
        if cue is None and quotation.opened:
            cue = self._cue_in_previous_paragraph(quotation)
        if cue is not None and opens_set_phrase(cue):
            cue = None  # "That said, the mayor says the plan “…”": the cue is "says"
        if cue is None:
            if not self._introduced_by_colon(index, quotation):
                self._signed(index, quotation)
            return
        span = (quotation.start, quotation.end)
        if (
            after
            and not self._opens_sentence(quotation)
            and not any(
                child.dep_ == "ccomp" and subtree_span(child)[0] < quotation.start
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
                start, end = subtree_span(child)
                if start < quotation.start and end >= quotation.start:
                    span = (start, max(end, quotation.end))
        spans = [span]
        if after and span[1] == quotation.end:
            # "“Q1,” X said. “Q2.”" and "Golf is ''a thin business,'' X said. ''Q2.''".
            spans += self._continuations(index, cue)
        source = self._source_of(cue) or self._subject_of_closed_clause(cue, after)
        source_at = None
        if source is None:
            source_at = self._name_after_cue(cue, after)
        if source is None and source_at is None and after:
            closer = token_at(self.doc, quotation.end - 1)
            if closer is not None:
                source_at = noun_phrase(self.doc[closer.i + 1 : cue.i])
        self._make(spans, cue, source, fragment=not quotation.opened, source_at=source_at)

    def _name_after_cue(self, cue: Token, after: bool) -> tuple[int, int] | None:
        """The speaker of an inverted cue the parse gives no subject: the name just after it
        ("“…,” added a state official.", "Continued Stone: “…”")."""
        if not after and cue.dep_ != "amod":
            return None
        for token in cue.doc[cue.i + 1 : cue.i + 6]:
            if token.is_punct:
                continue
            if token.pos_ not in ("PROPN", "NOUN") or token.dep_ == "compound":
                if token.pos_ in ("DET", "ADJ", "PROPN", "NOUN"):
                    continue
                return None
            named = (
                token.ent_type_ in ("PERSON", "ORG", "NORP")
                or token.pos_ == "PROPN"
                or token.lemma_.lower() in PEOPLE_NOUNS
            )
            start = max(token.left_edge.i, cue.i + 1)
            if not named or start > cue.i + 2:
                return None
            return cue.doc[start].idx, token.idx + len(token.text)
        return None

    def _subject_of_closed_clause(self, cue: Token, after: bool) -> Token | None:
        """The speaker of a participle that closes a clause the parse did not join it to:
        "Flea shared the news last week, writing “…”"."""
        if after or cue.tag_ != "VBG" or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
            return None
        for token in reversed(cue.doc[cue.sent.start : cue.i]):
            if token.pos_ in ("VERB", "AUX"):
                subject = next(
                    (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None
                )
                if subject is not None:
                    return subject
        return None

    def _opens_sentence(self, quotation: Quotation) -> bool:
        """True when only space or punctuation precedes the quotation in its sentence."""
        opener = token_at(self.doc, quotation.start)
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
        colon = token_at(self.doc, earlier[-1].end - 1)
        if colon is None:
            return None
        for token in reversed(self.doc[max(colon.sent.start, colon.i - CUE_WINDOW) : colon.i]):
            if self.lexicon.get(token) is not None and token.i not in self.used_cues:
                return token
        return None

    def _introduced_by_colon(self, index: int, quotation: Quotation) -> bool:
        """ "From the report: “…”", "Here is Jones in 2015: “…”": a quotation that a colon
        opens, after a name or a text with no cue verb; the name is its source. True when
        recorded."""
        before = self.text[: quotation.start].rstrip()
        if not quotation.opened or not before.endswith(":"):
            return False
        colon = token_at(self.doc, len(before) - 1)
        if colon is None or colon.i == colon.sent.start:
            return False
        noun = self.doc[colon.i - 1]
        while (
            noun.dep_ in ("pobj", "nummod", "npadvmod")
            and noun.head.dep_ == "prep"
            and noun.head.head.pos_ in ("PROPN", "NOUN")
        ):
            noun = noun.head.head  # "Jones in 2015:"
        if noun.dep_ == "compound":
            noun = noun.head
        if noun.pos_ not in ("PROPN", "NOUN") or noun.i >= colon.i:
            return False
        lead = self.doc[colon.sent.start : noun.left_edge.i]
        named = noun.ent_type_ in ("PERSON", "ORG")
        if not named and (
            any(t.pos_ in ("VERB", "AUX") for t in lead) or not can_speak(noun, self.nouns)
        ):
            return False
        self.claimed.add(index)
        first = noun
        while first.i > max(colon.sent.start, noun.left_edge.i):
            if self.doc[first.i - 1].pos_ == "PUNCT":
                break  # "HEADLINE - Jane Roe:": the name only
            first = self.doc[first.i - 1]
        self._make(
            [(quotation.start, quotation.end)],
            None,
            None,
            "direct",
            0.6,
            cue_span=(colon.idx, colon.idx + 1),
            source_at=(first.idx, noun.idx + len(noun.text)),
        )
        return True

    def _signed(self, index: int, quotation: Quotation) -> None:
        """A quotation signed with a dash and a name at the end of its paragraph."""
        paragraph = self._paragraph_of(quotation.start)
        if paragraph is None or not quotation.closed:
            return
        tail = self.text[quotation.end : paragraph.end]
        match = DASH_SIGNATURE.match(tail)
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
        closer = token_at(self.doc, quotation.end - 1)
        if closer is None:
            return None
        sentence_end = closer.sent.end
        if closer.i + 1 == sentence_end and sentence_end < len(self.doc):
            # "“…will you pledge?” he asks.": the parser may end the sentence at the mark.
            following = self.doc[sentence_end]
            short = following.sent
            if following.is_lower or following.is_space:
                sentence_end = following.sent.end
            elif len(short) <= SHORT_CUE_CLAUSE and any(
                self.lexicon.get(t) is not None for t in short
            ):
                sentence_end = short.end  # "“…?” Graham asked.": a cue sentence of its own
        # The subject between the quotation and its verb can be long ("…,” Michael McFaul, a
        # senior fellow at the Hoover Institution, said.); what lies between is checked below.
        for token in self.doc[closer.i + 1 : min(closer.i + 1 + 3 * CUE_WINDOW, sentence_end)]:
            if token.idx >= quotation.end and inside_quotation(self.quotations, token.idx):
                return None
            cue = self.lexicon.get(token)
            if cue is not None and token.i not in self.used_cues:
                between = self.doc[closer.i + 1 : token.i]
                subject = self._source_of(token)
                allowed = {t.i for t in subject.subtree} if subject is not None else set()
                if all(t.is_punct or t.i in allowed or t.head == token for t in between):
                    return token
                if subject is None and noun_phrase(between) is not None:
                    return token  # "“…,” Flynn, a top surrogate, said" parsed apart
                return None
            if token.pos_ in ("VERB",) and token.dep_ not in ("aux", "auxpass"):
                return None
        return None

    def _cue_before(self, quotation: Quotation) -> Token | None:
        opener = token_at(self.doc, quotation.start)
        if opener is None:
            return None
        sentence_start = opener.sent.start
        window = self.doc[max(sentence_start, opener.i - CUE_WINDOW) : opener.i]
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
            if self._join_previous(quotation, paragraph):
                continue
            self._make([(quotation.start, quotation.end)], None, None, "direct", 0.5)

    def _join_previous(self, quotation: Quotation, paragraph: Paragraph) -> bool:
        """A paragraph of quotation right after a paragraph whose last statement was a direct
        or mixed quotation goes on with that statement. True when joined."""
        before = [p for p in self.paragraphs if p.end <= paragraph.start]
        if not before:
            return False
        previous = before[-1]
        candidates = [
            (index, a)
            for index, a in enumerate(self.found)
            if previous.start <= a.content_span.end <= previous.end and a.cue_span is not None
        ]
        if not candidates:
            return False
        index, last = max(candidates, key=lambda pair: pair[1].content_span.end)
        if last.kind == "indirect":
            return False
        joined = (*last.content_spans, Span(quotation.start, quotation.end))
        self.found[index] = dataclasses.replace(
            last,
            content_spans=joined,
            content=" … ".join(self.text[s.start : s.end] for s in joined),
        )
        return True

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
            if not is_speaker_label(name, self.text[begin + colon + 1 : paragraph.end]):
                continue
            if any(a.content_span.start <= begin + colon < a.content_span.end for a in self.found):
                continue
            source = token_at(self.doc, begin + len(name) - 1)
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
        starts: list[int] | None = None
        for paragraph in self.paragraphs:
            if paragraph.role != "title":
                continue
            if any(paragraph.start <= a.content_span.start < paragraph.end for a in self.found):
                continue
            if starts is None:
                starts = self.doc.to_array(IDX).tolist() if len(self.doc) else []
            # The tokens that start inside the paragraph (token starts only grow).
            first = bisect.bisect_left(starts, paragraph.start)
            tokens = list(self.doc[first : bisect.bisect_left(starts, paragraph.end, lo=first)])
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
        # Kept spans by start, to compare each new one only with those it can overlap.
        starts: list[int] = []
        spans: list[tuple[int, int]] = []
        longest = 0
        for attribution in self.found:
            span = attribution.content_span
            low = bisect.bisect_left(starts, span.start - longest)
            high = bisect.bisect_left(starts, span.end)
            clash = any(
                min(span.end, end) - max(span.start, start)
                > 0.8 * max(span.end - span.start, end - start)
                for start, end in spans[low:high]
            )
            if not clash:
                kept.append(attribution)
                at = bisect.bisect_left(starts, span.start)
                starts.insert(at, span.start)
                spans.insert(at, (span.start, span.end))
                longest = max(longest, span.end - span.start)
        return sorted(kept, key=lambda a: a.content_span.start)


def attribute(article: Article, resources: Resources) -> Article:
    """Fill ``quotes`` with the article's attributions (speakers not yet resolved)."""
    if article.parsed is None:
        raise ValueError("the article has not been parsed")
    finder = _Finder(article, cue_lexicon(resources), resources.speaker_nouns)
    return article.with_updates(quotes=finder.run())
