"""HTML and embed tags left in scraped text: ``<a href="…">``, ``<tweet author="…">``, ``</p>``.

A tag goes and what it wrapped stays. Only well-formed tags are taken: an element name HTML
uses, or any name with attributes as embeds have (and then its closing tag), so ``x < y > z``
and ``the <unknown> token`` are left alone.
"""

from __future__ import annotations

import re

from newsdesk.stages.repair.edits import Edit

# Elements seen in scraped article text; any other name counts only with attributes.
_HTML_ELEMENTS = frozenset(
    {"a", "abbr", "b", "blockquote", "br", "cite", "code", "div", "em", "figcaption",
     "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img", "li", "ol",
     "p", "q", "s", "small", "span", "strong", "sub", "sup", "table", "td", "th", "tr", "u",
     "ul"}
)  # fmt: skip
# Elements that break a line where they stand: between two words or sentences they leave a space.
_BREAKING = frozenset(
    {"blockquote", "br", "div", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
     "hr", "li", "ol", "p", "table", "td", "th", "tr", "ul"}
)  # fmt: skip
_ATTRIBUTE = r"""\s+[A-Za-z_:][-A-Za-z0-9_:.]*(?:\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|[^\s"'=<>`]+))?"""
_TAG = re.compile(
    rf"</?(?P<name>[A-Za-z][A-Za-z0-9-]{{0,30}})(?P<attributes>(?:{_ATTRIBUTE})*)\s*/?>"
)


def find_markup_edits(text: str) -> list[Edit]:
    """Edits removing the HTML and embed tags in ``text``; a tag that breaks the line leaves a
    space where its removal would join two words or sentences."""
    edits = []
    known = set(_HTML_ELEMENTS)  # and the embeds opened with attributes, for their closing tags
    for match in _TAG.finditer(text):
        name = match.group("name").lower()
        if match.group("attributes"):
            known.add(name)
        elif name not in known:
            continue
        before = text[match.start() - 1] if match.start() > 0 else " "
        after = text[match.end()] if match.end() < len(text) else " "
        joins = not before.isspace() and not after.isspace() and name in _BREAKING
        edits.append(Edit(match.start(), match.end(), " " if joins else "", "markup"))
    return edits
