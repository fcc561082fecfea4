"""A page's own metadata made safe to use: the site's name (``og:site_name``, a publisher in
JSON-LD, ``application-name``, as trafilatura reports it) and a headline without the site's
name or a section label around it.

Web pages are hostile: metadata may be very long, carry markup or entities, be a domain name
or a slogan. Whatever cannot be read as a plain name is dropped, never guessed at.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

# Longer than this, a "site name" is a slogan or a description.
_MAX_SITE_CHARS = 60
_MAX_SITE_WORDS = 6
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
# "www.example.co.uk", "https://news.example.com/": a host, not a name.
_DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\d?\.)?(?P<label>[\w-]+(?:\.[\w-]+)*?)"
    r"\.(?:com|net|org|info|co|io|news|tv|fm|us|uk|ca|au|in|ru|de|fr|it|es|co\.uk|com\.au)/?$",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|•|·|»)\s+")
# A headline's kicker or the section the site files it under ("Opinion | ...", "... | Editorial").
SECTION_LABELS = frozenset(
    {
        "analysis",
        "breaking",
        "breaking news",
        "comment",
        "commentary",
        "editorial",
        "exclusive",
        "explainer",
        "live",
        "news",
        "opinion",
        "review",
        "update",
        "video",
        "watch",
    }
)
# Longer than this, a "headline" is left alone.
_MAX_TITLE_CHARS = 1000
_MINOR = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"})
_KICKER = re.compile(r"^(?P<kicker>[^:\"“”‘’'|]{2,40}):\s+(?P<rest>\S.*)$")


def _plain(value: str) -> str:
    """Text without tags, entities or runs of white space."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value))).strip()


def _domain_name(value: str) -> str | None:
    """A domain kept as a name only when the site styles it as one ("Space.com", "Phys.org"):
    a bare host ("jpost.com", "https://www.x.com") gives nothing, as its name's case and
    spacing cannot be known."""
    match = _DOMAIN.match(value)
    if match is None or value.lower().startswith(("http://", "https://", "www.")):
        return None
    label = match.group("label")
    if "." in label or not any(c.isupper() for c in label):
        return None
    return value.rstrip("/")


def site_name(raw: object) -> str | None:
    """The site's name from a metadata value, or None when the value is not a usable name
    (empty, too long, markup only, a bare lowercase domain, a year or a copyright line)."""
    if not isinstance(raw, str):
        return None
    value = _plain(raw[: _MAX_SITE_CHARS * 4])
    if _DOMAIN.match(value) or value.lower().startswith(("http://", "https://", "www.")):
        return _domain_name(value)
    # "LinkNaija | Nigeria's popular news platform": the name comes first.
    value = _SEPARATORS.split(value)[0].strip(" _-|:")
    words = value.split()
    if not words or len(value) > _MAX_SITE_CHARS or len(words) > _MAX_SITE_WORDS:
        return None
    if not any(c.isalpha() for c in value) or value.lower().startswith(("copyright", "©")):
        return None
    if not (value[0].isupper() or value[0].isdigit()):
        return None
    return value


def pick_site_name(candidates: list[object]) -> tuple[object, str | None]:
    """The first usable site name among metadata values, best first, with the raw value it
    came from; a name styled as a domain ("Spokesman.com") only when no other is usable."""
    fallback: tuple[object, str | None] = (None, None)
    for raw in candidates:
        name = site_name(raw)
        if name and not _DOMAIN.match(name):
            return raw, name
        if name and fallback[1] is None:
            fallback = (raw, name)
    return fallback


def _squash(value: str) -> str:
    """A name compared loosely: letters and digits only, lower case, no leading article."""
    lowered = value.lower().removeprefix("the ")
    return re.sub(r"[\W_]+", "", lowered)


def _site_part(part: str, site: str | None) -> bool:
    """True when a headline's segment is the site's name, a domain, or a section label."""
    squashed = _squash(part)
    if not squashed:
        return True
    if len(part) > _MAX_SITE_CHARS * 2:
        return False  # a headline's words, not a name; and never a slow match
    if part.strip().lower() in SECTION_LABELS or _DOMAIN.match(part.strip()):
        return True
    if site:
        name = _squash(site)
        return bool(name) and (squashed == name or squashed.removesuffix("com") == name)
    return False


def _kicker(prefix: str, rest: str) -> bool:
    """True when the words before a headline's colon are a kicker ("Snooze cruise") or a
    section label ("Opinion"), not a name that speaks ("Anthony Lynn") nor a claim followed
    by who makes it ("Sham debunked: White House")."""
    words = prefix.split()
    if not words or len(words) > 3 or not rest[:1].isupper():
        return False
    if prefix.strip().lower() in SECTION_LABELS:
        return True
    if not words[0][:1].isupper() or len(rest.split()) < max(4, len(words) + 1):
        return False
    later = [w for w in words[1:] if w.lower() not in _MINOR]
    return any(w[:1].islower() for w in later)


def _strip_raw_site(value: str, raw_site: str) -> str:
    """``value`` without the site's metadata value (slogan included) at its start or end."""
    for match in _SEPARATORS.finditer(value):
        if _squash(value[match.end() :]) == raw_site:
            return value[: match.start()]
    if _squash(value).startswith(raw_site):
        for match in re.finditer(r"(?:\s+(?:\||-|–|—|::|•|·|»)|:)\s+", value):
            if _squash(value[: match.start()]) == raw_site:
                return value[match.end() :]
    return value


def clean_title(title: str | None, site: str | None = None, raw_site: object = None) -> str | None:
    """A headline without the site's name or a section label around it ("... | Al Bawaba",
    "Opinion | ...") and without a kicker before a colon ("Snooze cruise: ..."); ``site`` is
    the site's name, ``raw_site`` the metadata value it came from."""
    if not title:
        return None
    value = _plain(title)
    if len(value) > _MAX_TITLE_CHARS:
        return value  # not a headline: left as it is
    if isinstance(raw_site, str) and len(raw_site) <= _MAX_SITE_CHARS * 4:
        squashed = _squash(_plain(raw_site))
        if squashed and squashed != _squash(value):
            value = _strip_raw_site(value, squashed) or value
    while True:
        breaks = list(_SEPARATORS.finditer(value))
        if not breaks:
            break
        if _site_part(value[breaks[-1].end() :], site):
            value = value[: breaks[-1].start()]
        elif _site_part(value[: breaks[0].start()], site):
            value = value[breaks[0].end() :]
        else:
            break
    kicker = _KICKER.match(value)
    if kicker and _kicker(kicker.group("kicker"), kicker.group("rest")):
        rest = kicker.group("rest").strip()
        value = rest[0].upper() + rest[1:]
    return value or None


# JSON-LD blocks longer than this are not read for a publisher's name.
_MAX_JSON_LD_CHARS = 200_000
_MAX_JSON_DEPTH = 6


def _publisher_names(data: object, depth: int = 0) -> list[str]:
    """Names of publishers in parsed JSON-LD (``"publisher": {"name": ...}``), outermost first."""
    if depth > _MAX_JSON_DEPTH:
        return []
    found: list[str] = []
    if isinstance(data, list):
        for item in data[:50]:
            found.extend(_publisher_names(item, depth + 1))
    elif isinstance(data, dict):
        publisher = data.get("publisher")
        for entry in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                found.append(entry["name"])
            elif isinstance(entry, str):
                found.append(entry)
        for value in data.values():
            if isinstance(value, (dict, list)):
                found.extend(_publisher_names(value, depth + 1))
    return found


def declared_site_names(tree: Any) -> list[str]:
    """The names a parsed page gives its site, best first: ``og:site_name``, a publisher in
    JSON-LD, ``application-name``. Values are raw; :func:`site_name` makes one safe."""
    names: list[str] = []
    try:
        names.extend(tree.xpath('//meta[@property="og:site_name"]/@content')[:2])
        for script in tree.xpath('//script[@type="application/ld+json"]')[:10]:
            text = script.text or ""
            if len(text) <= _MAX_JSON_LD_CHARS:
                try:
                    names.extend(_publisher_names(json.loads(text)))
                except ValueError:
                    continue
        names.extend(tree.xpath('//meta[@name="application-name"]/@content')[:2])
    except Exception:  # a hostile tree gives no names, never an error
        return []
    return [str(name) for name in names if isinstance(name, str)]
