"""An article's stored text as HTML: paragraphs, statements coloured by speaker with their
source, cue and content marked, entity mentions linked, flagged stretches marked, and an
anchor where each event starts.

Every piece of article text goes through :func:`markupsafe.escape`; only the tags built here
wrap it. Spans that cross one another are closed and reopened at the crossing, so the HTML is
always well nested; a statement's id stays on its first piece.
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup, escape

from newsdesk.store.rows import ArticleRecord, StoredQuote

# How many colours the speakers' palette has (classes sp0 .. sp7 in the style sheet).
PALETTE_SIZE = 8

# Nesting order of the kinds of span, outermost first.
FLAG, STATEMENT, PART, ENTITY = range(4)


def speaker_colour(name: str | None) -> str:
    """The palette class of a speaker: the same name always gets the same colour;
    ``sp-none`` for a statement whose speaker was not resolved."""
    if not name:
        return "sp-none"
    return f"sp{zlib.crc32(name.encode('utf-8')) % PALETTE_SIZE}"


def page_link(kind: str, name: str) -> str:
    """The path of a speaker's or an entity's page (``kind`` ``speakers`` or ``entities``)."""
    return f"/{kind}/{quote(name, safe='')}"


def quote_speaker(statement: StoredQuote) -> str | None:
    """The name a statement's speaker goes by across the corpus, None when unresolved."""
    return statement.corpus_speaker or statement.speaker


@dataclass
class Span:
    """A stretch of text to wrap in a tag; ``first`` holds the attributes of its first
    piece, ``rest`` those of the pieces after a crossing."""

    start: int
    end: int
    level: int
    tag: str
    first: str
    rest: str
    opened: bool = field(default=False)

    def open_tag(self) -> str:
        """The opening tag of this span's next piece."""
        attributes = self.rest if self.opened else self.first
        self.opened = True
        return f"<{self.tag} {attributes}>"

    def close_tag(self) -> str:
        """The closing tag."""
        return f"</{self.tag}>"


def _attrs(**values: str) -> str:
    """HTML attributes from keyword values (``class_`` is ``class``, ``data_x`` is
    ``data-x``), each value escaped."""
    return " ".join(
        f'{key.rstrip("_").replace("_", "-")}="{escape(value)}"' for key, value in values.items()
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
    common = {"class_": f"statement {colour}", "data_speaker": speaker or ""}
    spans = [
        Span(
            start,
            end,
            STATEMENT,
            "span",
            _attrs(id=f"q{statement.id}", **common),
            _attrs(class_=f"statement-more {colour}", data_speaker=speaker or ""),
        )
    ]
    for kind, s, e in pieces:
        attributes = _attrs(class_=kind)
        spans.append(Span(s, e, PART, "span", attributes, attributes))
    return spans


def _spans(article: ArticleRecord) -> list[Span]:
    """Every span of the article's markup."""
    paragraphs = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
    spans: list[Span] = []
    for flag in article.flags:
        attributes = _attrs(class_=f"flag {flag.kind}", title=flag.note)
        spans.append(Span(flag.start, flag.end, FLAG, "span", attributes, attributes))
    for statement in article.quotes:
        home = next(
            (p for p in paragraphs if p[0] <= statement.start < p[1]),
            (statement.start, statement.end),
        )
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
    text: str, bounds: tuple[int, int], spans: list[Span], anchors: dict[int, list[str]]
) -> str:
    """One paragraph's inner HTML: its text escaped, cut at every span edge, each cut
    wrapped in the spans covering it, outermost first."""
    start, end = bounds
    inside = [s for s in spans if s.start < end and s.end > start]
    cuts = sorted(
        {start, end, *(max(start, min(end, p)) for s in inside for p in (s.start, s.end))}
    )
    cuts += [a for a in anchors if start <= a < end and a not in cuts]
    cuts.sort()
    html: list[str] = []
    stack: list[Span] = []
    for left, right in itertools.pairwise(cuts):
        wanted = sorted(
            (s for s in inside if s.start <= left and s.end >= right),
            key=lambda s: (s.level, s.start, -s.end),
        )
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] is wanted[keep]:
            keep += 1
        html += [span.close_tag() for span in reversed(stack[keep:])]
        html += [span.open_tag() for span in wanted[keep:]]
        stack = wanted
        html += [
            f'<span class="anchor" id="{escape(name)}"></span>' for name in anchors.get(left, [])
        ]
        html.append(str(escape(text[left:right])))
    html += [span.close_tag() for span in reversed(stack)]
    return "".join(html)


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
    return [
        MarkedParagraph(role, Markup(_paragraph_html(article.text, (s, e), spans, anchors)))
        for s, e, role in paragraphs
    ]
