"""The outlet stage: which outlet published the article, from its URL and its own words.

Evidence is self-reference: the site's chrome ("Subscribe to Twitter RBC"), a dateline
("MOSCOW (Reuters) -"), a copyright line, "broadcast by RBK", the article's URL, or the site's
name in the page's own metadata (og:site_name), recorded as ``site name: CNBC``. A name the
article merely cites ("The New York Post reports") is not evidence of who published it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from newsdesk.lang import DEFAULT_LANGUAGE, table_text
from newsdesk.model import Article
from newsdesk.resources import Resources

_NAME = r"(?P<name>[A-Z][\w.&/-]*(?:\s+[A-Z][\w.&/-]*){0,4})"
# (pattern, weight): chrome and datelines speak for the publisher; a broadcast credit is weaker.
_CUES: tuple[tuple[re.Pattern[str], int], ...] = (
    (
        re.compile(
            r"\bsubscribe to\s+(?:us\s+on\s+|our\s+)?"
            r"(?:(?:Twitter|X|Telegram|Facebook|YouTube|VK|Instagram|WhatsApp|channel|newsletter)"
            r"\s+(?:(?:channel|account|page)\s+)?(?:of\s+)?)?" + _NAME,
            re.IGNORECASE,
        ),
        3,
    ),
    (re.compile(r"\bfollow\s+" + _NAME + r"\s+on\s+", re.IGNORECASE), 3),
    (re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:[-–]\d{4})?\s+)?" + _NAME, re.IGNORECASE), 3),
    (
        re.compile(
            r"^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*\(" + _NAME + r"\)\s*[-—–]",
            re.MULTILINE,
        ),
        3,
    ),
    (re.compile(r"\b(?:broadcast|streamed|aired)\s+(?:live\s+)?(?:by|on)\s+" + _NAME), 1),
)


_STRONG = 3
# The page's metadata outweighs a guess from the text (a broadcast credit, an unknown name in
# chrome) but not a dateline, a copyright line or a known domain.
_SITE_NAME_WEIGHT = 2
_NAME_END = re.compile(r"[.,;:!?]$")


def _leading_name(phrase: str) -> tuple[str, str] | None:
    """The capitalised words a phrase starts with, as ``(name, name)``, or None."""
    words: list[str] = []
    for word in phrase.split()[:4]:
        if not word[0].isupper():
            break
        words.append(word.rstrip(".,;:!?"))
        if _NAME_END.search(word):
            break
    if not words:
        return None
    name = " ".join(words)
    return name, name


@dataclass(frozen=True)
class OutletTable:
    """Known outlets: canonical names by alias and by web domain."""

    by_alias: dict[str, str]
    by_domain: dict[str, str]

    @classmethod
    def parse(cls, text: str) -> OutletTable:
        """Build a table from ``canonical<TAB>aliases<TAB>domains`` lines."""
        by_alias: dict[str, str] = {}
        by_domain: dict[str, str] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            canonical, _, rest = line.partition("\t")
            aliases, _, domains = rest.partition("\t")
            by_alias[canonical] = canonical
            for alias in filter(None, aliases.split("|")):
                by_alias[alias.strip()] = canonical
            for domain in filter(None, domains.split("|")):
                by_domain[domain.strip().lower()] = canonical
        return cls(by_alias, by_domain)

    @classmethod
    def load_default(cls, language: str = DEFAULT_LANGUAGE) -> OutletTable:
        """Return the table shipped for ``language`` (``newsdesk/lang/en/outlets.tsv``)."""
        return cls.parse(table_text("outlets.tsv", language))

    @classmethod
    def load(cls, path: Path) -> OutletTable:
        """Return the table in a user's file."""
        return cls.parse(path.read_text("utf-8"))

    def from_url(self, url: str) -> str | None:
        """Return the outlet whose domain serves ``url``, if known."""
        host = (urlparse(url).hostname or "").lower()
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            _, _, host = host.partition(".")
        return None

    def from_name(self, phrase: str) -> tuple[str, str] | None:
        """Return ``(outlet, alias)`` for the alias at the start of ``phrase``, longest first."""
        words = phrase.split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size]).rstrip(".,;:")
            if candidate in self.by_alias:
                return self.by_alias[candidate], candidate
        return None


def detect_outlet(
    text: str, chrome: list[str], source: str, table: OutletTable, site_name: str | None = None
) -> tuple[str | None, list[str]]:
    """Return the outlet that published an article and the phrases that say so; ``site_name``
    is the name the page's metadata gives its site, if any."""
    scores: dict[str, int] = defaultdict(int)
    evidence: dict[str, list[str]] = defaultdict(list)
    if source.startswith(("http://", "https://")):
        outlet = table.from_url(source)
        if outlet:
            scores[outlet] += 5
            evidence[outlet].append(source)
    if site_name:
        known = table.by_alias.get(site_name) or table.by_alias.get(f"The {site_name}")
        if known is None and "." in site_name and " " not in site_name:
            known = table.from_url(f"http://{site_name}")  # "Express.co.uk"
        named = known or site_name
        scores[named] += _SITE_NAME_WEIGHT
        evidence[named].append(f"site name: {site_name}")
    for passage in [*chrome, text]:
        for pattern, weight in _CUES:
            for match in pattern.finditer(passage):
                found = table.from_name(match.group("name"))
                if found is None and weight >= _STRONG:
                    # Chrome names its own site even when the table does not know it.
                    found = _leading_name(match.group("name"))
                    weight = 1
                if found is None:
                    continue
                outlet, alias = found
                scores[outlet] += weight
                phrase_end = match.start("name") + len(alias)
                if passage[phrase_end : phrase_end + 1] == ")":
                    phrase_end += 1  # a dateline's "(Interfax)"
                phrase = passage[match.start() : phrase_end].strip()
                if phrase not in evidence[outlet]:
                    evidence[outlet].append(phrase)
    if not scores:
        return None, []
    best = max(scores, key=lambda name: (scores[name], -len(evidence[name])))
    return best, evidence[best]


def outlet_table(resources: Resources) -> OutletTable:
    """The table of known outlets, their aliases and web domains, loaded once per process."""
    return resources.cached("outlets", lambda: OutletTable.load_default(resources.language))


def outlet(article: Article, resources: Resources) -> Article:
    """Fill ``outlet`` and ``outlet_evidence`` (left as they are when already known)."""
    if article.outlet:
        return article
    chrome = [r.text for r in article.removed]
    name, evidence = detect_outlet(
        article.text,
        chrome,
        article.url or article.source,
        outlet_table(resources),
        article.site_name,
    )
    return article.with_updates(outlet=name, outlet_evidence=evidence)
