"""The state an attribution finder keeps over one article, and how it records what it finds.

The finder is built in layers, each a class over the one before: this base (the article, the
cue lexicon, the attributions so far), the rules that read the parse around a cue word
(``_attribution_clauses``), and the quotation rules with the run order (``attribution``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsdesk.lang.speaker_nouns import SpeakerNouns
from newsdesk.model import Article, Attribution, Span
from newsdesk.stages.attribution.quotations import CueLexicon, find_quotations
from newsdesk.stages.attribution.syntax import (
    CLOSING,
    cue_extent,
    source_subject,
    subtree_span,
    token_at,
    trimmed,
)
from newsdesk.stages.datelines import after_dateline, datelines


class FinderBase:
    """Finds the attributions of one parsed article: state and the recording of a find."""

    def __init__(
        self, article: Article, lexicon: CueLexicon, nouns: SpeakerNouns | None = None
    ) -> None:
        self.text = article.text
        self.doc: Doc = article.parsed
        self.lexicon = lexicon
        self.nouns = nouns or SpeakerNouns({})
        self.quotations = find_quotations(self.text, article.paragraphs)
        self.paragraphs = article.paragraphs
        self.datelines = datelines(self.text, article.paragraphs)
        self.used_cues: set[int] = set()
        self.claimed: set[int] = set()  # quotations already part of an attribution
        self.found: list[Attribution] = []

    def _source_of(self, verb: Token) -> Token | None:
        """The subject that said what a cue verb reports (see :func:`source_subject`)."""
        return source_subject(verb, self.quotations, lambda t: self.lexicon.get(t) is not None)

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
        # A dateline opening the paragraph ("VIENNA — ", "(CNN) ") is neither said nor sayer.
        spans = [(after_dateline(self.datelines, a), b) for a, b in spans]
        spans = [s for s in (trimmed(self.text, a, b) for a, b in spans) if s[1] > s[0]]
        if spans:
            spans[-1] = (spans[-1][0], self._to_sentence_end(self._through_quotation(*spans[-1])))
        spans = [s for s in spans if any(ch.isalnum() for ch in self.text[s[0] : s[1]])]
        if not spans:
            return
        if cue is not None and cue_span is None:
            cue_span = cue_extent(cue)
        source_span = source_at
        if source_span is None and source is not None:
            start, end = subtree_span(source)
            for sibling in sorted(source.head.children, key=lambda t: abs(t.i - source.i)):
                # "His ex-wife agreed", "mused Blaze co-host Stu Burguiere": a hyphenated
                # word the parser split, its parts hung on the verb.
                left, right = subtree_span(sibling)
                hyphen = sibling.text == "-" or self.text[end - 1 : end] == "-"
                if sibling.dep_ == source.dep_ and right == start:
                    start = left
                elif left == end and (sibling.dep_ == source.dep_ or hyphen):
                    end = right
            start = min(after_dateline(self.datelines, start), end)
            source_span = trimmed(self.text, start, end, extra='"“”‘’')
        if source_at is not None and after_dateline(self.datelines, source_at[0]) > source_at[0]:
            start = min(after_dateline(self.datelines, source_at[0]), source_at[1])
            source_span = trimmed(self.text, start, source_at[1])
        if source_span is not None and source_span[1] <= source_span[0]:
            source_span = None
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

    def _through_quotation(self, start: int, end: int) -> int:
        """Where content ends that stops inside a quotation it opened: at the quotation's end
        ("described him as “a little desperate there, jumping in all the time”")."""
        for quotation in self.quotations:
            if start <= quotation.start < end < quotation.end and quotation.closed:
                return quotation.end
        return end

    def _to_sentence_end(self, end: int) -> int:
        """Take in a closing quotation mark (and the stop inside it) that ends the content."""
        token = token_at(self.doc, max(end - 1, 0))
        if token is None:
            return end
        sentence_end = token.sent.end_char
        closing = CLOSING.match(self.text, end, sentence_end)
        if closing is not None and closing.end() > end:
            return closing.end()
        colon = re.match(r"\s*:[ \t]*(?=[^\s\"“'‘])", self.text[end:sentence_end])
        if colon is not None and "\n" not in self.text[end:sentence_end]:
            # "hoped to win the states that share out delegates: Ohio, Illinois and Missouri":
            # what follows a colon in the same sentence spells out what came before it.
            return len(self.text[:sentence_end].rstrip())
        return end
