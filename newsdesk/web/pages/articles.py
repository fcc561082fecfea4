"""An article's page (its text marked up, its statements, entities, repairs, flags and story)
and a story's page (its copies, origin first, and what differs between them)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from newsdesk.store import Store
from newsdesk.store.browse import StoryMember, story_members
from newsdesk.store.rows import ArticleRecord
from newsdesk.web.pages.markup import mark_up, quote_speaker, speaker_colour
from newsdesk.web.pages.render import StoreReader, not_found, render, stored_id

router = APIRouter()


@router.get("/articles/{key}", response_class=HTMLResponse)
async def article_page(request: Request, store: StoreReader, key: str) -> HTMLResponse:
    """One article, marked up: a news-sized article on the event loop (a few milliseconds,
    which a trip to a worker thread would only make slower), a long one on a worker thread."""
    article_id = stored_id(key)
    article = store.article(article_id) if article_id else None
    if article is None:
        return not_found(request, f"an article with id {key}")
    if len(article.text) > INLINE_CHARACTERS:
        return await run_in_threadpool(_article_page, request, store, article)
    return _article_page(request, store, article)


# Articles up to this many characters have their page built on the event loop.
INLINE_CHARACTERS = 50_000


def _article_page(request: Request, store: Store, article: ArticleRecord) -> HTMLResponse:
    members = story_members(store, article.story_id) if article.story_id else []
    statements = [(q, quote_speaker(q), speaker_colour(quote_speaker(q))) for q in article.quotes]
    context = {
        "article": article,
        "paragraphs": mark_up(article),
        "statements": statements,
        "entities": sorted(article.entities, key=lambda e: (e.type, e.canonical)),
        "story": [m for m in members if m.article_id != article.id],
    }
    return render(request, "article.html", context)


def _word_diff(before: str, after: str) -> Markup:
    """Two versions of a paragraph as one, words taken out in ``<del>``, words put in
    ``<ins>``, every word escaped."""
    old, new = before.split(), after.split()
    pieces: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            pieces.append(str(escape(" ".join(old[i1:i2]))))
            continue
        if i2 > i1:
            pieces.append(f"<del>{escape(' '.join(old[i1:i2]))}</del>")
        if j2 > j1:
            pieces.append(f"<ins>{escape(' '.join(new[j1:j2]))}</ins>")
    return Markup(" ".join(pieces))


@dataclass(frozen=True)
class Change:
    """A stretch where a copy differs from the origin: ``same`` counts paragraphs alike,
    otherwise ``lines`` shows the words taken out and put in."""

    same: int
    lines: tuple[Markup, ...]


def _paragraph_texts(article: ArticleRecord) -> list[str]:
    """The article's paragraphs as text."""
    if not article.paragraphs:
        return [p for p in article.text.split("\n\n") if p.strip()]
    return [article.text[p.start : p.end] for p in article.paragraphs]


def differences(origin: ArticleRecord, copy: ArticleRecord) -> list[Change]:
    """What differs between two copies of a story, paragraph by paragraph."""
    old, new = _paragraph_texts(origin), _paragraph_texts(copy)
    changes: list[Change] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            changes.append(Change(i2 - i1, ()))
            continue
        pairs = max(i2 - i1, j2 - j1)
        lines = tuple(
            _word_diff(
                old[i1 + n] if i1 + n < i2 else "",
                new[j1 + n] if j1 + n < j2 else "",
            )
            for n in range(pairs)
        )
        changes.append(Change(0, lines))
    return changes


@dataclass(frozen=True)
class StoryCopy:
    """A copy of a story with what differs from its origin (nothing for the origin)."""

    member: StoryMember
    article: ArticleRecord
    changes: tuple[Change, ...]


@router.get("/stories/{key}", response_class=HTMLResponse)
def story_page(request: Request, store: StoreReader, key: str) -> HTMLResponse:
    """A story's copies, origin first, each with what differs from the origin."""
    story_id = stored_id(key)
    members = story_members(store, story_id) if story_id else []
    records = [(m, store.article(m.article_id)) for m in members]
    found = [(m, a) for m, a in records if a is not None]
    if not found:
        return not_found(request, f"a story with id {key}")
    origin = found[0][1]
    copies = [
        StoryCopy(m, a, tuple(differences(origin, a)) if a is not origin else ()) for m, a in found
    ]
    return render(request, "story.html", {"story_id": story_id, "copies": copies})
