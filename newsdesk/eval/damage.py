"""Damage clean news text the way scraping and machine translation do, and measure repair.

Each text gets a reproducible mix (chosen by a seed and the text's name) of: the quotation
marks of machine translation from Russian (``“ Armed … tragedy ''``, ``'', — he said``, ``« … »``),
a closing mark left alone on its line, HTML entities whole and broken by a space
(``& mdash;``), mojibake (UTF-8 read as Windows-1252, including its lossy kind where a byte that
code page lacks became U+FFFD), hard wraps inside paragraphs, and lines of site chrome; and the
kinds of ``web_damage.py``. The
score is the share of texts whose repaired damaged version has the same words (whitespace-
separated tokens) as the repaired clean one.
"""

from __future__ import annotations

import hashlib
import random
import re
import textwrap
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.eval.web_damage import WEB_DAMAGERS, WEB_SHARE, insert_lines
from newsdesk.resources import Resources
from newsdesk.stages.repair import repair_text

# The first kinds, drawn as they always were, then those of ``web_damage``, drawn apart so
# that adding a kind there leaves the draws of these alone.
FIRST_KINDS = (
    "dash_attribution",
    "mt_quotes",
    "lone_closer",
    "entities",
    "mojibake",
    "hard_wrap",
    "chrome",
)
DAMAGE_KINDS = FIRST_KINDS + tuple(WEB_DAMAGERS)
# The order damage is done in, the order a page goes through it: quotation marks and spacing
# as the translator left them, then the page's markup, then its encoding, then the scraper's
# wrapping and chrome.
_ORDER = (
    "quote_mix",
    "mt_quotes",
    "dash_attribution",
    "lone_closer",
    "mt_spacing",
    "repeated_paragraph",
    "invisible",
    "entities",
    "entity_escaped",
    "html_tags",
    "mojibake",
    "mojibake_double",
    "mojibake_latin1",
    "hard_wrap",
    "chrome",
    "chrome_extra",
)
# A text is misread in one way only.
_MISREADINGS = ("mojibake", "mojibake_double", "mojibake_latin1")
_SHARE = {
    "mt_quotes": 0.5,
    "dash_attribution": 0.4,
    "lone_closer": 0.25,
    "entities": 0.5,
    "mojibake": 0.4,
    "hard_wrap": 0.4,
    "chrome": 0.5,
    **WEB_SHARE,
}
_PAIR = re.compile(r"“([^“”\n]{1,400})”")
_COMMA_CLOSE = re.compile(r",” (?=\w)")
_PARAGRAPH_END_QUOTE = re.compile(r"([.!?,]) ?(”|''|»)(?=\n|$)")
_ENTITIES = {
    "—": ("&mdash;", "& mdash;", "&#8212;"),
    "–": ("&ndash;", "& ndash;"),
    "’": ("&rsquo;", "&#8217;", "& rsquo;"),
    "“": ("&ldquo;", "& ldquo;"),
    "”": ("&rdquo;", "& rdquo;"),
    "&": ("&amp;", "& amp;"),
    "«": ("& laquo;",),
    "»": ("& raquo;",),
}
# Web chrome that scraped pages carry between and around paragraphs.
_CHROME = (
    "Advertisement",
    "Share this article",
    "Share on Facebook | Twitter | Email",
    "Follow us on Twitter",
    "Sign up for our newsletter to get the day's top stories",
    "Read more: the latest from our politics desk",
    "Related Articles",
    "Click here to subscribe",
    "Photo: staff photographer",
    "© 2016 All rights reserved.",
    "Leave a comment",
    "We use cookies to improve your experience on this site.",
    "Tags: politics, election",
    "Continue reading below",
)
# Bytes that Windows-1252 has no character for: a decoder replaces them (the lossy kind) or a
# Latin-1 decoder keeps them as C1 controls.
_UNDEFINED_CP1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _mt_quotes(text: str, rng: random.Random) -> str:
    """Quotation pairs as machine translation from Russian leaves them."""

    def pair(match: re.Match[str]) -> str:
        inner = match.group(1)
        style = rng.choice(("spaced", "tight_apostrophes", "guillemets"))
        if style == "spaced":
            return f"“ {inner} ''"
        if style == "tight_apostrophes":
            return f"“{inner}''"
        return f"«{inner}»"

    return _PAIR.sub(pair, text)


def _dash_attribution(text: str, rng: random.Random) -> str:
    """``…,” said X`` as the Russian ``…”, — said X``."""
    return _COMMA_CLOSE.sub(lambda m: "”, — " if rng.random() < 0.7 else m.group(0), text)


def _lone_closer(text: str, rng: random.Random) -> str:
    """A paragraph's final closing mark pushed onto a line of its own."""
    return _PARAGRAPH_END_QUOTE.sub(
        lambda m: f"{m.group(1)}\n{m.group(2)}" if rng.random() < 0.5 else m.group(0), text
    )


def _entities(text: str, rng: random.Random) -> str:
    """Characters written as HTML references, some broken by a space."""
    return "".join(
        rng.choice(_ENTITIES[char]) if char in _ENTITIES and rng.random() < 0.6 else char
        for char in text
    )


def _mojibake(text: str, rng: random.Random) -> str:
    """UTF-8 read as Windows-1252, paragraph by paragraph; bytes that code page lacks become
    U+FFFD (lossy) or C1 controls."""
    lossy = rng.random() < 0.5

    def misread(paragraph: str) -> str:
        if paragraph.isascii() or rng.random() < 0.2:
            return paragraph
        out = []
        for byte in paragraph.encode("utf-8"):
            if byte in _UNDEFINED_CP1252:
                out.append("\ufffd" if lossy else chr(byte))
            else:
                out.append(bytes([byte]).decode("cp1252"))
        return "".join(out)

    return "\n\n".join(misread(p) for p in text.split("\n\n"))


def _hard_wrap(text: str, rng: random.Random) -> str:
    """Paragraphs broken into lines of 60 to 80 characters."""
    width = rng.randint(60, 80)
    return "\n\n".join(
        textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
        if len(p) > width
        else p
        for p in text.split("\n\n")
    )


def _chrome(text: str, rng: random.Random) -> str:
    """One to three lines of site chrome put between paragraphs."""
    return insert_lines(text, rng, _CHROME)


_DAMAGERS: dict[str, Callable[[str, random.Random], str]] = {
    "mt_quotes": _mt_quotes,
    "dash_attribution": _dash_attribution,
    "lone_closer": _lone_closer,
    "entities": _entities,
    "mojibake": _mojibake,
    "hard_wrap": _hard_wrap,
    "chrome": _chrome,
    **WEB_DAMAGERS,
}


def damage(text: str, name: str, seed: int = 0) -> tuple[str, list[str]]:
    """A damaged version of ``text`` and the kinds of damage it got, the same every time for
    the same ``name`` and ``seed``."""
    rng = random.Random(zlib.crc32(f"{seed}:{name}".encode()))
    first = [kind for kind in FIRST_KINDS if rng.random() < _SHARE[kind]] or [
        rng.choice(FIRST_KINDS)
    ]
    web_rng = random.Random(zlib.crc32(f"{seed}:{name}:web".encode()))
    chosen = set(first) | {kind for kind in WEB_DAMAGERS if web_rng.random() < _SHARE[kind]}
    misread = [kind for kind in _MISREADINGS if kind in chosen]
    chosen -= set(misread[1:])
    kinds = [kind for kind in _ORDER if kind in chosen]
    for kind in kinds:
        text = _DAMAGERS[kind](text, web_rng if kind in WEB_DAMAGERS else rng)
    return text, kinds


@dataclass
class RepairScores:
    """How many damaged texts repair gave back word for word, overall and per damage kind."""

    texts: int = 0
    identical: int = 0
    damaged_by: Counter[str] = field(default_factory=Counter)
    failed_by: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, float | int]:
        """The figures, flat: ``token_identical`` and ``token_identical_<kind>``."""
        figures: dict[str, float | int] = {
            "texts": self.texts,
            "token_identical": round(self.identical / self.texts, 4) if self.texts else 0.0,
        }
        for kind in DAMAGE_KINDS:
            if self.damaged_by[kind]:
                share = 1 - self.failed_by[kind] / self.damaged_by[kind]
                figures[f"token_identical_{kind}"] = round(share, 4)
        return figures


def _first_difference(got: list[str], want: list[str]) -> tuple[str, str]:
    """The first few words where two token lists part."""
    index = next(
        (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
        min(len(got), len(want)),
    )
    return " ".join(got[index : index + 6]), " ".join(want[index : index + 6])


def evaluate_repair(
    texts: Iterable[tuple[str, str]], resources: Resources, seed: int = 0
) -> RepairScores:
    """Damage each ``(name, clean text)``, repair both versions and compare their words."""
    scores = RepairScores()
    for name, clean in texts:
        damaged, kinds = damage(clean, name, seed)
        want = repair_text(clean, resources).text.split()
        got = repair_text(damaged, resources).text.split()
        scores.texts += 1
        scores.damaged_by.update(kinds)
        if got == want:
            scores.identical += 1
            continue
        scores.failed_by.update(kinds)
        scores.failures.append((name, *_first_difference(got, want)))
    return scores


def texts_hash(texts: list[tuple[str, str]], seed: int) -> str:
    """sha256 of the texts (names and contents, in order) and the seed: what a floor was
    measured on."""
    digest = hashlib.sha256(str(seed).encode())
    for name, text in texts:
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()


def read_texts(directory: Path) -> list[tuple[str, str]]:
    """``(file name, text)`` for every ``*.txt`` under ``directory`` (or its ``text/``)."""
    folder = directory / "text" if (directory / "text").is_dir() else directory
    return [(path.name, path.read_text("utf-8")) for path in sorted(folder.glob("*.txt"))]
