"""The API's reads: search, statements, speakers, articles, entities, the timeline, stories
and counts, each over the store's typed queries, each list paged the same way."""

from __future__ import annotations

import html
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from newsdesk.errors import NewsdeskError
from newsdesk.store import (
    ArticleFilter,
    ArticleRecord,
    ArticleRow,
    CorpusCounts,
    EntityRow,
    EventFilter,
    EventRow,
    SpeakerRow,
    StatementFilter,
    StatementRow,
    Store,
    StoryDetail,
    StorySummary,
)
from newsdesk.web.api.params import (
    MAX_ID,
    Page,
    PageOf,
    Since,
    Until,
    bounded_text,
    page,
    problems,
    search_words,
)
from newsdesk.web.state import reader

reads = APIRouter(dependencies=[Depends(bounded_text)])

# Up to this offset, a page of the newest statements is read on the event loop.
INLINE_OFFSET = 1_000

StoreReader = Annotated[Store, Depends(reader)]
Text = Annotated[str | None, Query()]

# The marks the store puts around matched words: Unicode noncharacters, kept for a program's
# own use, so article text does not hold them.
_OPEN, _CLOSE = "\ufdd0", "\ufdd1"


class SearchResult(BaseModel):
    """An article matching a search."""

    id: int
    title: str | None
    source: str
    published: str | None
    outlet: str | None
    snippet_html: str = Field(
        description="The text around the match as HTML: the article's text escaped, then "
        "each matched word wrapped in <mark>...</mark>; ' … ' stands where text was cut."
    )


def _marked(snippet: str) -> str:
    """The snippet escaped for HTML, its matches then marked."""
    escaped = html.escape(snippet, quote=True)
    return escaped.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")


def _not_found(what: str, key: int) -> HTTPException:
    return HTTPException(404, str(NewsdeskError("ND033", f"no {what} with id {key}")))


@reads.get("/search", responses=problems(400, 422))
def search(
    store: StoreReader,
    asked: PageOf,
    q: Annotated[str, Query(min_length=1, description="Words to search for.")],
) -> Page[SearchResult]:
    """Articles whose title or text hold the words of ``q``, best match first. Words are
    matched as written; OR and NOT between two words keep their meaning."""
    words = search_words(q)
    hits = store.search(words, asked.limit + 1, asked.offset, marks=(_OPEN, _CLOSE))
    results = [
        SearchResult(
            id=hit.id,
            title=hit.title,
            source=hit.source,
            published=hit.published,
            outlet=hit.outlet,
            snippet_html=_marked(hit.snippet),
        )
        for hit in hits
    ]
    return page(results, asked, lambda: store.search_total(words))


@reads.get("/quotes", responses=problems(400, 422))
async def quotes(
    store: StoreReader,
    asked: PageOf,
    since: Since = None,
    until: Until = None,
    speaker: Annotated[str | None, Query(description="Part of the speaker's name.")] = None,
    outlet: Annotated[str | None, Query(description="The outlet, as stored.")] = None,
    q: Annotated[str | None, Query(description="Words the statement or its speaker holds.")] = None,
    kind: Annotated[
        str | None, Query(description="The attribution kind: direct, indirect, mixed, ...")
    ] = None,
) -> Page[StatementRow]:
    """Statements with their speaker, cue, content and place in their article, newest
    articles first, then in the order of the text."""
    wanted = StatementFilter(
        speaker, outlet, since, until, search_words(q) if q is not None else None, kind
    )

    def answer() -> Page[StatementRow]:
        rows = store.statements(wanted, asked.limit + 1, asked.offset)
        return page(rows, asked, lambda: store.statement_total(wanted))

    # The newest statements, unfiltered and not counted, walk an index and stop at the page's
    # end: answered on the event loop. A filter or a count may scan: a worker thread, so the
    # loop goes on serving meanwhile.
    if wanted == StatementFilter() and not asked.count and asked.offset <= INLINE_OFFSET:
        return answer()
    return await run_in_threadpool(answer)


@reads.get("/speakers", responses=problems(422))
def speakers(
    store: StoreReader,
    asked: PageOf,
    speaker_type: Annotated[
        str | None,
        Query(alias="type", description="Only speakers of this type (person, organisation, ...)."),
    ] = None,
) -> Page[SpeakerRow]:
    """Speakers under their corpus names, most statements first, with how many statements
    and articles each has and the names the articles give them."""
    types = (speaker_type,) if speaker_type else None
    rows = store.speakers(asked.limit + 1, types, asked.offset)
    return page(rows, asked, lambda: store.speaker_total(types))


@reads.get("/articles", responses=problems(422))
def articles(
    store: StoreReader,
    asked: PageOf,
    since: Since = None,
    until: Until = None,
    outlet: Annotated[str | None, Query(description="The outlet, as stored.")] = None,
    story: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only the articles of this story.")
    ] = None,
) -> Page[ArticleRow]:
    """Stored articles, newest first (undated last)."""
    wanted = ArticleFilter(outlet, since, until, story)
    rows = store.articles(wanted, asked.limit + 1, asked.offset)
    return page(rows, asked, lambda: store.article_total(wanted))


@reads.get("/articles/{article_id}", responses=problems(404, 422))
def article(store: StoreReader, article_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> ArticleRecord:
    """One article with everything stored about it: its text, repairs, removed chrome,
    statements with their spans, entities and mentions, dates, events, copies, paragraphs,
    sentences and flags (every span an offset into ``text``)."""
    found = store.article(article_id)
    if found is None:
        raise _not_found("article", article_id)
    return found


@reads.get("/entities", responses=problems(422))
def entities(
    store: StoreReader,
    asked: PageOf,
    entity_type: Annotated[
        str | None,
        Query(alias="type", description="Only entities of this type (PERSON, ORG, PLACE, ...)."),
    ] = None,
    q: Annotated[str | None, Query(description="Part of the canonical name.")] = None,
) -> Page[EntityRow]:
    """Entities under their canonical names, reported in most articles first, with their
    mention and article counts and, for places, GeoNames id and country."""
    rows = store.entities(entity_type, q, asked.limit + 1, asked.offset)
    return page(rows, asked, lambda: store.entity_total(entity_type, q))


@reads.get("/timeline", responses=problems(422))
def timeline(
    store: StoreReader,
    asked: PageOf,
    since: Since = None,
    until: Until = None,
    entity: Annotated[
        str | None, Query(description="Part of the name of a participant or a place.")
    ] = None,
    place: Annotated[str | None, Query(description="Part of the name of a place.")] = None,
    speaker: Annotated[
        str | None, Query(description="Part of the name of whoever says it.")
    ] = None,
) -> Page[EventRow]:
    """Dated events in date order, each with its article and the character span of its
    sentence in the article's text."""
    wanted = EventFilter(entity, place, speaker, since, until)
    rows = store.events(wanted, asked.limit + 1, asked.offset)
    return page(rows, asked, lambda: store.event_total(wanted))


@reads.get("/stories", responses=problems(422))
def stories(
    store: StoreReader,
    asked: PageOf,
    min_copies: Annotated[
        int,
        Query(ge=1, le=MAX_ID, description="Only stories told by at least this many copies."),
    ] = 2,
) -> Page[StorySummary]:
    """Stories (near copies of one text), largest first, with their origin."""
    rows = store.story_list(min_copies, asked.limit + 1, asked.offset)
    return page(rows, asked, lambda: store.story_total(min_copies))


@reads.get("/stories/{story_id}", responses=problems(404, 422))
def story(store: StoreReader, story_id: Annotated[int, Path(ge=1, le=MAX_ID)]) -> StoryDetail:
    """One story with its articles, the origin first, each with the exact copies linked
    to it."""
    found = store.story(story_id)
    if found is None:
        raise _not_found("story", story_id)
    return found


@reads.get("/counts")
def counts(store: StoreReader) -> CorpusCounts:
    """How much the corpus holds: articles, statements, speakers, stories, events."""
    return store.overview()
