"""An article's stored text as HTML: paragraphs, statements coloured by speaker with their
source, cue and content marked, entity mentions linked, flagged stretches marked, and an
anchor where each event starts.

Every piece of article text is escaped as :func:`markupsafe.escape` would; only the tags built here
wrap it. Spans that cross one another are closed and reopened at the crossing, so the HTML is
always well nested; a statement's id stays on its first piece.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import zlib
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup

from newsdesk.store.rows import ArticleRecord, StoredQuote

# How many colours the speakers' palette has (classes sp0 .. sp7 in the style sheet).
PALETTE_SIZE = 8

# Nesting order of the kinds of span, outermost first.
FLAG, STATEMENT, PART, ENTITY = range(4)
# Where a span goes among those covering the same text: outermost first.
_NESTING_ORDER = operator.attrgetter("order")


def speaker_colour(name: str | None) -> str:
    """The palette class of a speaker: the same name always gets the same colour;
    ``sp-none`` for a statement whose speaker was not resolved."""
    if not name:
        return "sp-none"
    return f"sp{zlib.crc32(name.encode('utf-8')) % PALETTE_SIZE}"


@functools.lru_cache(maxsize=4096)  # the same names recur on every page
def page_link(kind: str, name: str) -> str:
    """The path of a speaker's or an entity's page (``kind`` ``speakers`` or ``entities``)."""
    return f"/{kind}/{quote(name, safe='')}"


def quote_speaker(statement: StoredQuote) -> str | None:
    """The name a statement's speaker goes by across the corpus, None when unresolved."""
    return statement.corpus_speaker or statement.speaker


class Span:
    """A stretch of text to wrap in a tag; ``first`` holds the attributes of its first
    piece, ``rest`` those of the pieces after a crossing; ``order`` puts the outermost first
    among the spans covering the same text."""

    __slots__ = ("end", "first", "level", "opened", "order", "rest", "start", "tag")

    def __init__(self, start: int, end: int, level: int, tag: str, first: str, rest: str) -> None:
        self.start = start
        self.end = end
        self.level = level
        self.tag = tag
        self.first = first
        self.rest = rest
        self.opened = False
        self.order = (level, start, -end)

    def open_tag(self) -> str:
        """The opening tag of this span's next piece."""
        attributes = self.rest if self.opened else self.first
        self.opened = True
        return f"<{self.tag} {attributes}>"

    def close_tag(self) -> str:
        """The closing tag."""
        return f"</{self.tag}>"


def _escaped(text: str) -> str:
    """``text`` with the characters HTML gives a meaning to written as references (the same
    as :func:`markupsafe.escape`, without making a Markup of each piece)."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )


@functools.lru_cache(maxsize=4096)  # the same kinds, types and entities recur
def _attrs(**values: str) -> str:
    """HTML attributes from keyword values (``class_`` is ``class``, ``data_x`` is
    ``data-x``), each value escaped."""
    return " ".join(
        f'{key.rstrip("_").replace("_", "-")}="{_escaped(value)}"' for key, value in values.items()
    )


def _statement_spans(statement: StoredQuote, paragraph: tuple[int, int]) -> list[Span]:
    """The statement's stretch (with its source and cue when they are in its paragraph) and
    its source, cue and content pieces."""
    speaker = quote_speaker(statement)
    colour = speaker_colour(speaker)
    pieces = [("content", s, e) for s, e in statement.content_spans]
    if statement.source_span:
        pieces.append(("source", *statement.source_span))
    if statement.cue_span:
        pieces.append(("cue", *statement.cue_span))
    near = [(s, e) for _, s, e in pieces if s >= paragraph[0] and e <= paragraph[1]]
    start = min([statement.start, *(s for s, _ in near)])
    end = max([statement.end, *(e for _, e in near)])
    more = _attrs(class_=f"statement-more {colour}", data_speaker=speaker or "")
    first = f'id="q{statement.id}" ' + _attrs(
        class_=f"statement {colour}", data_speaker=speaker or ""
    )
    spans = [Span(start, end, STATEMENT, "span", first, more)]
    for kind, s, e in pieces:
        attributes = _PART_ATTRIBUTES[kind]
        spans.append(Span(s, e, PART, "span", attributes, attributes))
    return spans


# The attributes of a statement's parts, by part.
_PART_ATTRIBUTES = {kind: _attrs(class_=kind) for kind in ("content", "source", "cue")}


def _spans(article: ArticleRecord) -> list[Span]:
    """Every span of the article's markup."""
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
    starts = [start for start, _ in paragraphs]
    spans: list[Span] = []
    for flag in article.flags:
        attributes = _attrs(class_=f"flag {flag.kind}", title=flag.note)
        spans.append(Span(flag.start, flag.end, FLAG, "span", attributes, attributes))
    for statement in article.quotes:
        found = bisect.bisect_right(starts, statement.start) - 1
        inside = found >= 0 and statement.start < paragraphs[found][1]
        home = paragraphs[found] if inside else (statement.start, statement.end)
        spans += _statement_spans(statement, home)
    spans += _entity_links(article)
    return [s for s in spans if s.end > s.start]


def _entity_links(article: ArticleRecord) -> list[Span]:
    """A link to its entity's page for every mention that no longer mention overlaps (a
    link cannot hold another: "the President of Kazakhstan" links once, to the person)."""
    mentions = sorted(
        ((m.start, m.end, entity) for entity in article.entities for m in entity.mentions),
        key=lambda item: (item[0], -item[1]),
    )
    links: list[Span] = []
    reach = -1
    for start, end, entity in mentions:
        if start < reach or end <= start:
            continue
        reach = end
        href = page_link("entities", entity.canonical)
        attributes = _attrs(class_=f"entity {entity.type.lower()}", href=href)
        links.append(Span(start, end, ENTITY, "a", attributes, attributes))
    return links


def _paragraph_html(
    text: str, bounds: tuple[int, int], inside: list[Span], anchors: dict[int, list[str]]
) -> str:
    """One paragraph's inner HTML: its text escaped, cut at every span edge, each cut
    wrapped in the spans covering it, outermost first. ``inside`` holds the spans that
    reach into the paragraph, ordered by start."""
    start, end = bounds
    beyond = end + 1  # past every cut of the paragraph
    edges = {start, end}
    for span in inside:
        edges.add(span.start if span.start > start else start)
        edges.add(span.end if span.end < end else end)
    edges.update(a for a in anchors if start <= a < end)
    html: list[str] = []
    stack: list[Span] = []
    covering: list[Span] = []
    nearest_end = beyond  # where the first of the covering spans ends
    waiting = 0  # spans of ``inside`` before this index have started covering
    next_start = inside[0].start if inside else beyond
    for left, right in itertools.pairwise(sorted(edges)):
        if nearest_end < right or next_start <= left:
            while next_start <= left:
                covering.append(inside[waiting])
                waiting += 1
                next_start = inside[waiting].start if waiting < len(inside) else beyond
            covering = [s for s in covering if s.end >= right]
            nearest_end = min([s.end for s in covering], default=beyond)
            wanted = sorted(covering, key=_NESTING_ORDER)
            keep, common = 0, min(len(stack), len(wanted))
            while keep < common and stack[keep] is wanted[keep]:
                keep += 1
            html += [span.close_tag() for span in reversed(stack[keep:])]
            html += [span.open_tag() for span in wanted[keep:]]
            stack = wanted
        if left in anchors:
            html += [f'<span class="anchor" id="{_escaped(a)}"></span>' for a in anchors[left]]
        html.append(_escaped(text[left:right]))
    html += [span.close_tag() for span in reversed(stack)]
    return "".join(html)


def _spans_by_paragraph(
    spans: list[Span], paragraphs: list[tuple[int, int, str]]
) -> list[list[Span]]:
    """For each paragraph, the spans that reach into it, ordered by start."""
    ordered = sorted(spans, key=lambda s: s.start)
    found: list[list[Span]] = [[] for _ in paragraphs]
    live: list[Span] = []  # spans begun before the paragraph's end, not ended before its start
    taken = 0
    for number in sorted(range(len(paragraphs)), key=lambda n: paragraphs[n][0]):
        start, end, _ = paragraphs[number]
        while taken < len(ordered) and ordered[taken].start < end:
            live.append(ordered[taken])
            taken += 1
        live = [s for s in live if s.end > start]
        found[number] = list(live)
    return found


@dataclass(frozen=True)
class MarkedParagraph:
    """A paragraph of the article as HTML with its role (title, lede or body)."""

    role: str
    html: Markup


def mark_up(article: ArticleRecord) -> list[MarkedParagraph]:
    """The article's paragraphs as HTML with its statements, entities, flags and event
    anchors (``e{n}``, n counting the article's events from 0) marked."""
    spans = _spans(article)
    anchors: dict[int, list[str]] = {}
    for number, event in enumerate(article.events):
        anchors.setdefault(event.start, []).append(f"e{number}")
    paragraphs = [(p.start, p.end, p.role) for p in article.paragraphs] or [
        (0, len(article.text), "body")
    ]
    reaching = _spans_by_paragraph(spans, paragraphs)
    return [
        MarkedParagraph(role, Markup(_paragraph_html(article.text, (s, e), inside, anchors)))
        for (s, e, role), inside in zip(paragraphs, reaching, strict=True)
    ]
