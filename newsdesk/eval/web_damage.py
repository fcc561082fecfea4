"""More kinds of damage for the repair evaluation: what scraped pages and machine translation
leave in news text besides the kinds ``damage.py`` began with.

Each damager takes a clean text and a seeded random generator and returns the damaged text:
references escaped twice or written as numbers, HTML tags the scraper kept, invisible
characters inside words, text misread twice or as Latin-1, a quotation pair with one straight
mark, spaces a translator put before punctuation, a paragraph scraped twice, and more lines of
site chrome.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

# Characters a CMS writes as references, and the forms a page double-escapes or numbers them in.
_REFERENCES = {
    "—": ("&amp;mdash;", "&#x2014;", "&amp;#8212;", "&#X2014;"),
    "–": ("&amp;ndash;", "&#8211;", "&#x2013;"),
    "’": ("&amp;#8217;", "&#x2019;", "&amp;rsquo;", "&#8217;"),
    "‘": ("&amp;#8216;", "&#x2018;"),
    "“": ("&amp;ldquo;", "&#x201C;", "&amp;#8220;"),
    "”": ("&amp;rdquo;", "&#x201d;", "&amp;#8221;"),
    '"': ("&quot;", "&amp;quot;", "&#34;"),
    "'": ("&#39;", "&#039;", "&apos;"),
    "&": ("&amp;amp;", "&#38;"),
    "é": ("&eacute;", "&#233;", "&amp;eacute;"),
}
_REFERENCED = re.compile("[" + re.escape("".join(_REFERENCES)) + "]")
_INLINE_TAGS = (
    ("<em>", "</em>"),
    ("<strong>", "</strong>"),
    ("<i>", "</i>"),
    ("<b>", "</b>"),
    ('<span class="highlight">', "</span>"),
    ('<a href="https://www.example.com/news/2016/09/story.html?ref=inline&amp;src=body">', "</a>"),
    ('<a href="/politics/" title="Politics" target="_blank">', "</a>"),
)
# One to four words, not the name inside a reference ("&amp;quot;"): a tag never splits one.
_WORD_RUN = re.compile(r"(?<![&#;<=/\w])[A-Za-z][\w’']*(?: [A-Za-z][\w’']*){0,3}\b(?!;)")
_SENTENCE_GAP = re.compile(r"(?<=[.!?”]) (?=[A-Z“])")
_LONG_WORD = re.compile(r"\b[a-z]{4,}[a-z]{4,}\b")
# Characters a page carries without showing them: zero-width space, word joiner, byte order
# mark; soft hyphens (raw or as a reference) go inside long words at a syllable-like break.
_INVISIBLE = ("\u200b", "\u2060", "\ufeff")
_SOFT_HYPHENS = ("\xad", "&shy;", "&#173;")
_SPACE = re.compile(r"(?<=\w) (?=\w)")
_CURLY_PAIR = re.compile(r"“([^“”\n]{1,400})”")
# "word , word", "word ." and French-style no-break spaces before "?!:;".
_PUNCT_AFTER_WORD = re.compile(r"(?<=[A-Za-z”)])(?=[,;:!?]\s|\.(?:\s|$)(?!\.))")
_PARENS = re.compile(r"\(([^()\n]{1,80})\)")
_POSSESSIVE = re.compile(r"(?<=[A-Za-z])(?=['’]s\b)")
_CHROME = (
    "Image copyright Getty Images",
    "Media playback is unsupported on your device",
    "Story continues below advertisement",
    "Scroll down for video",
    "Listen to this article",
    "4 min read",
    "Recommended for you",
    "You may also like",
    "Most Read",
    "Trending Now",
    "Embed from Getty Images",
    "Loading...",
    "Share this:",
    "Read more: Five things to watch in tonight's debate",
    "By continuing to use this site you agree to our use of cookies.",
    "This article originally appeared on our partner site.",
    "Sign in to comment",
    "Print this article",
    "Back to top",
    "Report an error",
)


def _entity_escaped(text: str, rng: random.Random) -> str:
    """Characters written as references escaped twice (``&amp;mdash;``) or by number
    (``&#x2014;``, ``&amp;#8217;``), straight marks as ``&quot;`` and ``&#39;``."""
    return _REFERENCED.sub(
        lambda m: rng.choice(_REFERENCES[m.group()]) if rng.random() < 0.6 else m.group(), text
    )


def _html_tags(text: str, rng: random.Random) -> str:
    """Tags a scraper kept: paragraphs wrapped in ``<p>``, ``<br>`` between sentences,
    emphasis and links around a few words."""

    def inline(match: re.Match[str]) -> str:
        if rng.random() >= 0.08:
            return match.group()
        opening, closing = rng.choice(_INLINE_TAGS)
        return f"{opening}{match.group()}{closing}"

    def paragraph(text: str) -> str:
        text = _WORD_RUN.sub(inline, text)
        text = _SENTENCE_GAP.sub(
            lambda m: rng.choice(("<br>", "<br/>", " <br /> ")) if rng.random() < 0.1 else " ",
            text,
        )
        return f"<p>{text}</p>" if rng.random() < 0.5 else text

    return "\n\n".join(paragraph(p) for p in text.split("\n\n"))


def _invisible(text: str, rng: random.Random) -> str:
    """Zero-width spaces, word joiners and soft hyphens inside words, and no-break spaces
    between them, as pages carry them invisibly."""

    def soft_hyphen(match: re.Match[str]) -> str:
        word = match.group()
        if rng.random() >= 0.1:
            return word
        cut = rng.randint(3, len(word) - 3)
        return word[:cut] + rng.choice(_SOFT_HYPHENS) + word[cut:]

    pieces = text.split(" ")
    for _ in range(rng.randint(1, 4)):
        index = rng.randrange(len(pieces))
        word = pieces[index]
        at = rng.randint(0, len(word))
        pieces[index] = word[:at] + rng.choice(_INVISIBLE) + word[at:]
    text = _LONG_WORD.sub(soft_hyphen, " ".join(pieces))
    return _SPACE.sub(lambda m: "\xa0" if rng.random() < 0.03 else " ", text)


def _decode_as_browser(data: bytes) -> str:
    """``data`` read as Windows-1252 the way browsers do: a byte that code page lacks becomes
    the C1 control of the same number."""
    return "".join(
        chr(byte) if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([byte]).decode("cp1252")
        for byte in data
    )


def _misread_paragraphs(
    text: str, rng: random.Random, misread: Callable[[str], str], share: float = 0.8
) -> str:
    return "\n\n".join(
        misread(p) if not p.isascii() and rng.random() < share else p for p in text.split("\n\n")
    )


def _mojibake_double(text: str, rng: random.Random) -> str:
    """UTF-8 read as Windows-1252 twice (``â€™`` became ``Ã¢â‚¬â„¢``), paragraph by paragraph."""
    return _misread_paragraphs(
        text, rng, lambda p: _decode_as_browser(_decode_as_browser(p.encode()).encode())
    )


def _mojibake_latin1(text: str, rng: random.Random) -> str:
    """UTF-8 read as Latin-1, paragraph by paragraph: the bytes 0x80-0x9F became C1 controls
    (``â\\x80\\x99`` for ``’``)."""
    return _misread_paragraphs(text, rng, lambda p: p.encode().decode("latin-1"))


def _quote_mix(text: str, rng: random.Random) -> str:
    """One mark of a typographic quotation pair left straight, as a CMS's smart quotes miss
    one after a tag or a dash."""

    def pair(match: re.Match[str]) -> str:
        if rng.random() >= 0.5:
            return match.group()
        if rng.random() < 0.5:
            return f'"{match.group(1)}”'
        return f'“{match.group(1)}"'

    return _CURLY_PAIR.sub(pair, text)


def _mt_spacing(text: str, rng: random.Random) -> str:
    """A translator's spaces: before commas, full stops and other marks (some no-break or
    narrow no-break, French style), inside brackets, and before ``'s``."""
    space = rng.choice((" ", " ", "\xa0", "\u202f"))
    text = _PUNCT_AFTER_WORD.sub(lambda m: space if rng.random() < 0.3 else "", text)
    text = _PARENS.sub(lambda m: f"( {m.group(1)} )" if rng.random() < 0.5 else m.group(), text)
    return _POSSESSIVE.sub(lambda m: " " if rng.random() < 0.3 else "", text)


def _repeated_paragraph(text: str, rng: random.Random) -> str:
    """A paragraph scraped twice: the lede again as the body's first paragraph (the page's
    summary and its story), or another paragraph of the story repeated right after itself."""
    paragraphs = text.split("\n\n")
    candidates = [i for i, p in enumerate(paragraphs) if len(p.split()) >= 8]
    if not candidates:
        return text
    index = candidates[0] if rng.random() < 0.5 else rng.choice(candidates)
    paragraphs.insert(index + 1, paragraphs[index])
    return "\n\n".join(paragraphs)


def insert_lines(text: str, rng: random.Random, lines: tuple[str, ...]) -> str:
    """``text`` with one to three of ``lines`` put between (or after) its paragraphs."""
    paragraphs = text.split("\n\n")
    for _ in range(rng.randint(1, 3)):
        paragraphs.insert(rng.randint(1, len(paragraphs)), rng.choice(lines))
    return "\n\n".join(paragraphs)


def _chrome_extra(text: str, rng: random.Random) -> str:
    """One to three lines of other site chrome: media notices, reading times, teasers,
    consent lines."""
    return insert_lines(text, rng, _CHROME)


WEB_DAMAGERS: dict[str, Callable[[str, random.Random], str]] = {
    "entity_escaped": _entity_escaped,
    "html_tags": _html_tags,
    "invisible": _invisible,
    "mojibake_double": _mojibake_double,
    "mojibake_latin1": _mojibake_latin1,
    "quote_mix": _quote_mix,
    "mt_spacing": _mt_spacing,
    "repeated_paragraph": _repeated_paragraph,
    "chrome_extra": _chrome_extra,
}
WEB_SHARE = {
    "entity_escaped": 0.35,
    "html_tags": 0.35,
    "invisible": 0.35,
    "mojibake_double": 0.2,
    "mojibake_latin1": 0.2,
    "quote_mix": 0.35,
    "mt_spacing": 0.35,
    "repeated_paragraph": 0.3,
    "chrome_extra": 0.35,
}
