"""HTML pages: the main text by trafilatura (precision first, comments left out), with title,
date and URL from the page; newsdesk's repair runs on what it extracts."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from newsdesk.errors import InputError
from newsdesk.readers.pagemeta import clean_title, declared_site_names, pick_site_name


@dataclass(frozen=True)
class ExtractedPage:
    """What an HTML page holds as an article."""

    title: str | None
    body: str
    published: str | None
    url: str | None
    author: str | None = None
    # The site's own name from its metadata (og:site_name and the like), when usable.
    site_name: str | None = None

    def as_text(self) -> str:
        """Title and body as plain text: the title first, one paragraph per block of the page
        (trafilatura gives a block a line; newsdesk separates paragraphs by blank lines)."""
        body = "\n\n".join(line.strip() for line in self.body.splitlines() if line.strip())
        if self.title and not body.startswith(self.title):
            return f"{self.title}\n\n{body}"
        return body


# Fewer words than this is a menu or a label ("Home"), not an article, however short.
_MIN_WORDS = 5


def extract_page(html: str, source: str, url: str | None = None) -> ExtractedPage:
    """Extract the article of one HTML page; raise InputError when it has no main text."""
    try:
        tree = trafilatura.load_html(html)
    except Exception:  # trafilatura parses it again below and says what is wrong
        tree = None
    declared = declared_site_names(tree) if tree is not None else []
    document = trafilatura.bare_extraction(
        tree if tree is not None else html,
        url=url,
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
    )
    body = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if len(body.split()) < _MIN_WORDS:
        raise InputError("ND010", f"{source}: HTML without article text")
    raw_site, site = pick_site_name([*declared, getattr(document, "sitename", None)])
    title = getattr(document, "title", None)
    return ExtractedPage(
        title=clean_title(title if isinstance(title, str) else None, site, raw_site),
        body=body,
        published=getattr(document, "date", None) or None,
        url=url or getattr(document, "url", None) or None,
        author=getattr(document, "author", None) or None,
        site_name=site,
    )
