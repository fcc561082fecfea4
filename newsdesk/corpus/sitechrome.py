"""Site chrome learned by repetition: lines that recur across many pages of one site.

Share bars, comment forms, newsletter prompts and section banners are written once in a
site's template and so appear, word for word, on page after page. Ingest counts each short
line per site on distinct stories and, once a line recurs on enough of them, hands it to the
repair stage with every article of that site, which removes it like any other chrome.

What counts as a site: the host of the article's URL (``www.`` dropped); for a file without
a URL, the directory it lies in. Copies of one story (the same page twice, an updated
version: pages whose text was mostly on the site before) are counted once, so a story's own
sentences do not look like chrome.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsdesk.model import Article, site_of
from newsdesk.stages.repair.chrome import line_key

# Defaults: a line is chrome once it is on at least this many distinct stories of a site, and
# on at least this share of the site's stories.
DEFAULT_MIN_PAGES = 3
DEFAULT_MIN_SHARE = 0.1
# Counting stays within this many distinct lines; past it, lines seen once are forgotten.
_MAX_COUNTED_LINES = 200_000
# Lines already seen on a site are remembered in a fixed-size bit set (32 MB; a false
# positive only makes a page look more like a copy, which is the safe side). A page whose
# text was mostly on the site before is a copy of a story already counted.
_SEEN_BITS = 1 << 28
_SEEN_HASHES = 3
_COPY_SHARE = 0.5


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


@dataclass
class _SeenStories:
    """A Bloom filter of (site, line) pairs already seen."""

    bits: bytearray = field(default_factory=lambda: bytearray(_SEEN_BITS // 8))

    def _positions(self, value: int) -> list[int]:
        return [((value >> (i * 21)) ^ (value * (i + 1))) % _SEEN_BITS for i in range(_SEEN_HASHES)]

    def __contains__(self, value: int) -> bool:
        return all(self.bits[p >> 3] >> (p & 7) & 1 for p in self._positions(value))

    def add(self, value: int) -> None:
        for p in self._positions(value):
            self.bits[p >> 3] |= 1 << (p & 7)


@dataclass(frozen=True)
class PageLines:
    """What the learner reads of one page: its site, each non-empty line's mark (a hash of
    the site and the line) and length in order, and the candidate lines by key (the first
    line with each key). Small, so that pages can be read in parallel and counted in order."""

    site: str
    lines: tuple[tuple[int, int], ...]
    keys: tuple[tuple[str, str], ...]


def page_lines(article: Article) -> PageLines | None:
    """What the learner counts of an article's page; None when it has no site."""
    site = site_of(article)
    if site is None:
        return None
    raw_lines = [line.strip() for line in article.original.splitlines() if line.strip()]
    marks = tuple((_digest(f"{site}\n{line}"), len(line)) for line in raw_lines)
    keys: dict[str, str] = {}
    for line in raw_lines:
        key = line_key(line)
        if key is not None and key not in keys:
            keys[key] = line
    return PageLines(site, marks, tuple(keys.items()))


@dataclass
class SiteChromeLearner:
    """Counts recurring short lines per site and says which of them are chrome."""

    min_pages: int = DEFAULT_MIN_PAGES
    min_share: float = DEFAULT_MIN_SHARE
    pages: Counter[str] = field(default_factory=Counter)
    lines: dict[str, Counter[str]] = field(default_factory=dict)
    examples: dict[tuple[str, str], str] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=dict)
    _seen: _SeenStories | None = None  # made on the first page counted
    _counted: int = 0
    # Chrome per site as last worked out; a page counted for the site drops its entry.
    _chrome: dict[str, frozenset[str]] = field(default_factory=dict)

    def add_known(self, site: str, key: str) -> None:
        """Treat a line learned in an earlier run as chrome of ``site``."""
        self.known.setdefault(site, set()).add(key)
        self._chrome.pop(site, None)

    def observe(self, article: Article) -> None:
        """Count the candidate lines of one page, unless it is a copy of a story counted."""
        page = page_lines(article)
        if page is not None:
            self.observe_page(page)

    def observe_page(self, page: PageLines) -> None:
        """Count one page's lines, as :func:`page_lines` gives them (see :meth:`observe`);
        pages must come in the order of the inputs for the result to be the same."""
        site = page.site
        if self._seen is None:
            self._seen = _SeenStories()
        total = sum(length for _, length in page.lines)
        seen = 0
        for mark, length in page.lines:
            if mark in self._seen:
                seen += length
            else:
                self._seen.add(mark)
        if not total or seen / total >= _COPY_SHARE:
            return  # most of it was on the site before: another copy of a story counted
        self.pages[site] += 1
        self._chrome.pop(site, None)
        counter = self.lines.setdefault(site, Counter())
        for key, line in page.keys:
            if key not in counter:
                self._counted += 1
                self.examples[(site, key)] = line
            counter[key] += 1
        if self._counted > _MAX_COUNTED_LINES:
            self._forget_rare()

    def _forget_rare(self) -> None:
        self._chrome.clear()
        for site, counter in self.lines.items():
            for key in [k for k, n in counter.items() if n == 1]:
                del counter[key]
                self.examples.pop((site, key), None)
        self._counted = sum(len(c) for c in self.lines.values())

    def threshold(self, site: str) -> int:
        """How many distinct stories of ``site`` a line must be on to be chrome."""
        return max(self.min_pages, math.ceil(self.min_share * self.pages[site]))

    def chrome(self, site: str | None) -> frozenset[str]:
        """The keys of the lines that are chrome of ``site`` as counted so far."""
        if site is None or self.min_pages <= 0:
            return frozenset()
        if site not in self._chrome:
            needed = self.threshold(site)
            counter = self.lines.get(site, Counter())
            learned = {key for key, n in counter.items() if n >= needed}
            self._chrome[site] = frozenset(learned | self.known.get(site, set()))
        return self._chrome[site]

    def learned(self) -> Iterable[tuple[str, str, str, int]]:
        """``(site, key, example line, pages)`` for every line counted as chrome this run."""
        for site, counter in self.lines.items():
            needed = self.threshold(site)
            for key, n in counter.items():
                if n >= needed and self.min_pages > 0:
                    yield site, key, self.examples.get((site, key), key), n
