"""Reporting cues and quotations: the vocabulary and the quoted stretches attribution reads.

The cue lexicon (``newsdesk/lang/en/cues.tsv``) lists reporting verbs with their class and frame,
and reporting nouns; quotations are found paragraph by paragraph on the repaired text, where
the repair stage has already made quotation marks consistent.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from pathlib import Path

from spacy.tokens import Token

from newsdesk.lang import DEFAULT_LANGUAGE, table_text
from newsdesk.model import Paragraph
from newsdesk.resources import Resources

OPENERS = "“"
CLOSERS = "”"


@dataclass(frozen=True)
class Cue:
    """How a reporting verb behaves: its class and what its content can be."""

    kind: str  # speech, belief, finding, intent
    frame: str  # clause or object
    # When given, only phrases with these prepositions are content (no direct object):
    # "spoke about the tax code", not "spoke at a rally".
    prepositions: frozenset[str] | None = None


@dataclass(frozen=True)
class CueLexicon:
    """Reporting verbs by lemma."""

    verbs: dict[str, Cue]
    nouns: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, text: str) -> CueLexicon:
        """Build a lexicon from ``lemma<TAB>class<TAB>frame[<TAB>prep|prep]`` lines (frame
        ``noun`` for reporting nouns such as "claim")."""
        verbs = {}
        nouns = set()
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = [part.strip() for part in line.split("\t")]
            lemma, kind, frame = parts[:3]
            if frame == "noun":
                nouns.add(lemma)
            else:
                prepositions = frozenset(parts[3].split("|")) if len(parts) > 3 else None
                verbs[lemma] = Cue(kind, frame, prepositions)
        return cls(verbs, frozenset(nouns))

    @classmethod
    def load_default(cls, language: str = DEFAULT_LANGUAGE) -> CueLexicon:
        """Return the lexicon shipped for ``language`` (``newsdesk/lang/en/cues.tsv``)."""
        return cls.parse(table_text("cues.tsv", language))

    @classmethod
    def load(cls, path: Path) -> CueLexicon:
        """Return the lexicon in a user's file."""
        return cls.parse(path.read_text("utf-8"))

    @cached_property
    def _phrasal_verbs(self) -> frozenset[str]:
        """Every beginning of a multi-word entry that a space follows ("laid" of "laid
        out")."""
        return frozenset(
            entry[:index] for entry in self.verbs for index, c in enumerate(entry) if c == " "
        )

    def get(self, token: Token) -> Cue | None:
        """The cue a token is, if it is a reporting verb."""
        if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG"):
            return None
        lemma = token.lemma_.lower()
        # A phrasal verb is a cue of its own: "laid out", "fired back" (only a verb that
        # begins one of the lexicon's needs its particles looked at).
        for particle in token.children if lemma in self._phrasal_verbs else ():
            if particle.dep_ == "prt":
                phrasal = self.verbs.get(f"{lemma} {particle.lower_}")
                if phrasal is not None:
                    return phrasal
        found = self.verbs.get(lemma) or self.verbs.get(token.lower_)
        if found is None:
            # The lemmatizer errs on some verbs ("hopes", "hoping" → "hop"): try the form
            # without its inflection.
            for base in _bases(token.lower_):
                if base in self.verbs:
                    return self.verbs[base]
        return found


def cue_lexicon(resources: Resources) -> CueLexicon:
    """The reporting verbs the attribution stage looks for, loaded once per process."""
    return resources.cached("cues", lambda: CueLexicon.load_default(resources.language))


def _bases(word: str) -> list[str]:
    """Candidate base forms of an inflected verb: "hoping" gives "hop" and "hope"."""
    bases = []
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            bases.append(stem)
            if suffix in ("ing", "ed"):
                bases.append(stem + "e")
    return bases


@dataclass(frozen=True)
class Quotation:
    """Quoted text in a paragraph: ``start``/``end`` include the marks that are there."""

    start: int
    end: int
    opened: bool  # an opening mark starts it (False for an orphan's lost beginning)
    closed: bool  # a closing mark ends it (False when the paragraph ends first)


class Quotations(list[Quotation]):
    """Quotations in text order, which also tell in logarithmic time whether an offset lies
    inside one (the list is not changed once made)."""

    def __init__(self, quotations: Iterable[Quotation]) -> None:
        super().__init__(sorted(quotations, key=lambda q: q.start))
        self._starts = [q.start for q in self]
        self._reach = list(accumulate((q.end for q in self), max))

    def covers(self, offset: int) -> bool:
        """True when ``offset`` lies after a quotation's start and before its end."""
        before = bisect_left(self._starts, offset)  # the quotations that start before it
        return before > 0 and self._reach[before - 1] > offset


def find_quotations(text: str, paragraphs: list[Paragraph]) -> Quotations:
    """Return the quoted stretches of each paragraph, in text order."""
    quotations: list[Quotation] = []
    for paragraph in paragraphs:
        open_at: int | None = None
        straight_open: int | None = None
        for index in range(paragraph.start, paragraph.end):
            char = text[index]
            if char in OPENERS and open_at is None:
                open_at = index
            elif char in CLOSERS:
                if open_at is not None:
                    quotations.append(Quotation(open_at, index + 1, True, True))
                    open_at = None
                elif not quotations or quotations[-1].end <= paragraph.start:
                    # A closing mark with nothing opened in this paragraph: the quotation's
                    # start was lost (an orphan fragment).
                    quotations.append(Quotation(paragraph.start, index + 1, False, True))
            elif char == '"':
                if straight_open is None:
                    straight_open = index
                else:
                    quotations.append(Quotation(straight_open, index + 1, True, True))
                    straight_open = None
        for start in (open_at, straight_open):
            if start is not None:
                quotations.append(Quotation(start, paragraph.end, True, False))
    return Quotations(quotations)
