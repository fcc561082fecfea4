"""Paragraphs, headline, byline and lede of a plain-text article, and flags for orphan
fragments."""

from __future__ import annotations

import re

from newsdesk.model import Article, Flag, Paragraph
from newsdesk.resources import Resources
from newsdesk.stages.byline import clean_author
from newsdesk.stages.datelines import DATELINE
from newsdesk.stages.outlet import outlet_table

_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MAX_TITLE_CHARS = 250
_MAX_TITLE_WORDS = 35
# A first paragraph this short is a headline even with a full stop ("Virginian could make
# history. Again."); up to the second limit, if it is a single sentence.
_SHORT_TITLE_WORDS = 12
_MAX_SENTENCE_TITLE_WORDS = 20
# "By Ron Lieber", "By JAMES B. STEWART and JANE DOE": the first name given is the author.
_BYLINE = re.compile(r"By\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4})(?:\s*(?:,|and\b|&).*)?$")
_INNER_SENTENCE_END = re.compile(r"[a-z]{2}[.!?][”’\"']?\s+[A-Z]")
# Short words a headline in title case leaves in lower case.
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    ]
)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each paragraph: blocks between blank lines, then lines.

    Inside a block, a line break starts a new paragraph unless the line before it ends
    without sentence punctuation and the next begins in lower case (hard-wrapped text).
    """
    spans: list[tuple[int, int]] = []
    position = 0
    for block_match in [*_BLOCK_BREAK.finditer(text), None]:
        block_end = block_match.start() if block_match else len(text)
        block = text[position:block_end]
        line_start = position
        current_start: int | None = None
        previous_line = ""
        for line in block.split("\n"):
            stripped = line.strip()
            line_end = line_start + len(line)
            if stripped:
                lead = line_start + (len(line) - len(line.lstrip()))
                trail = line_start + len(line.rstrip())
                joins = (
                    current_start is not None
                    and not _SENTENCE_END.search(previous_line)
                    and stripped[0].islower()
                )
                if joins and spans:
                    spans[-1] = (spans[-1][0], trail)
                else:
                    spans.append((lead, trail))
                    current_start = lead
                previous_line = stripped
            line_start = line_end + 1
        position = block_match.end() if block_match else len(text)
    return spans


def looks_like_title(paragraph: str) -> bool:
    """True when a first paragraph reads as a headline rather than a sentence of the story."""
    # "MOSCOW, March 3 (Interfax) -", "WASHINGTON (AP) —": a dateline opens the story itself.
    if "\n" in paragraph or len(paragraph) > _MAX_TITLE_CHARS or DATELINE.match(paragraph):
        return False
    words = _WORD.findall(paragraph)
    first = paragraph.lstrip("“\"‘'«")[:1]
    if not words or len(words) > _MAX_TITLE_WORDS or not (first.isupper() or first.isdigit()):
        return False
    if not _SENTENCE_END.search(paragraph) or len(words) <= _SHORT_TITLE_WORDS:
        return True
    if len(words) <= _MAX_SENTENCE_TITLE_WORDS and not _INNER_SENTENCE_END.search(paragraph):
        return True
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    capitalised = sum(1 for w in major if w[0].isupper())
    return len(major) >= 3 and capitalised / len(major) >= 0.7


def _first_quote_mark(paragraph: str) -> str | None:
    for char in paragraph:
        if char in "“”":
            return char
    return None


def byline_author(paragraph: str) -> str | None:
    """The author a byline names ("By JAMES B. STEWART" -> "James B. Stewart"), or None
    when the paragraph is not a byline."""
    match = _BYLINE.match(paragraph.strip())
    if match is None:
        return None
    name = match.group(1)
    return name.title() if name.isupper() else name


def structure(article: Article, resources: Resources) -> Article:
    """Split the repaired text into paragraphs with roles, find the author (a person's name
    from the page's metadata or a byline, nothing else), and flag orphan fragments."""
    text = article.text
    spans = split_paragraphs(text)
    paragraphs: list[Paragraph] = []
    flags = [f for f in article.flags if f.kind not in ("orphan_fragment", "fragment_start")]
    first_body = 0
    outlets = [*outlet_table(resources).by_alias, article.site_name or ""]
    author = clean_author(article.author, outlets)
    if len(spans) >= 2 and looks_like_title(text[spans[0][0] : spans[0][1]]):
        paragraphs.append(Paragraph(spans[0][0], spans[0][1], "title"))
        first_body = 1
    if len(spans) > first_body + 1:
        byline = byline_author(text[spans[first_body][0] : spans[first_body][1]])
        if byline is not None:
            paragraphs.append(Paragraph(*spans[first_body], "byline"))
            author = author or clean_author(byline, outlets)
            first_body += 1
    for index, (start, end) in enumerate(spans[first_body:], start=first_body):
        role = "lede" if index == first_body else "body"
        paragraphs.append(Paragraph(start, end, role))
        paragraph = text[start:end]
        letters = paragraph.lstrip("“”\"'‘’ —–-…(")
        if role == "title" or not letters or not letters[0].islower():
            continue
        if _first_quote_mark(paragraph) == "”":
            flags.append(
                Flag(
                    "orphan_fragment",
                    paragraph,
                    start,
                    end,
                    "begins in lower case and closes a quotation it never opened: the start "
                    "was probably lost; kept as it is",
                )
            )
        else:
            flags.append(
                Flag(
                    "fragment_start",
                    paragraph,
                    start,
                    end,
                    "begins in lower case: its start may have been lost",
                )
            )
    return article.with_updates(paragraphs=paragraphs, flags=flags, author=author)
