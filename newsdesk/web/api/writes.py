"""The API's one write: ``POST /api/articles`` ingests an article, behind the server's token.

The posted article goes the way ``newsdesk ingest`` takes a JSON Lines record: it is read as
one (text, or HTML whose main text is extracted), refused when it is no English prose, found
when its text was stored before, else analysed by the pipeline and stored in its story. One
thread does every write, so writes come one at a time, over one read-write connection, with a
pipeline loaded on the first write.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from newsdesk.corpus.sitechrome import SiteChromeLearner
from newsdesk.corpus.stories import StoryIndex
from newsdesk.errors import NewsdeskError
from newsdesk.lang.detect import looks_english
from newsdesk.model import Article, site_of
from newsdesk.pipeline import Pipeline
from newsdesk.readers.jsonl import record_to_article
from newsdesk.readers.limits import prose_problem
from newsdesk.resources import Resources
from newsdesk.store import Added, Store, input_hash, open_store
from newsdesk.web.api.params import problems, real_date
from newsdesk.web.state import WebSettings, token_matches

writes = APIRouter()


class PostedArticle(BaseModel):
    """An article to ingest: ``text`` or ``html`` (one of them), and what is known of it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, min_length=1, description="The article as plain text.")
    html: str | None = Field(
        None, min_length=1, description="The article's page; its main text is extracted."
    )
    url: str | None = Field(None, max_length=2000, description="Where it was published.")
    title: str | None = Field(None, max_length=1000, description="Its headline.")
    published: Annotated[str | None, AfterValidator(real_date)] = Field(
        None, description="Its publication date, YYYY-MM-DD.", json_schema_extra={"format": "date"}
    )
    outlet: str | None = Field(None, max_length=200, description="Who published it.")

    @model_validator(mode="after")
    def one_body(self) -> PostedArticle:
        """Exactly one of ``text`` and ``html``."""
        if (self.text is None) == (self.html is None):
            raise ValueError("give the article as text or as html (one of them)")
        return self


class Ingested(BaseModel):
    """The stored article: its id, and whether this request stored it (false: its text was
    stored before)."""

    id: int
    new: bool


class ArticleWriter:
    """Every write of one server, on one thread: a read-write store and a pipeline, both
    opened on the first write and closed with the server."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsdesk-writer")
        self._store: Store | None = None
        self._pipeline: Pipeline | None = None

    async def add(self, posted: PostedArticle) -> Added:
        """Ingest one article on the writing thread, after any write before it."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.thread, self._add, posted)

    def _add(self, posted: PostedArticle) -> Added:
        record = posted.model_dump(exclude_none=True)
        body = posted.text or posted.html or ""
        article = record_to_article(record, posted.url or f"posted:{input_hash(body)[:16]}")
        problem = prose_problem(article.original, article.source)
        if problem is not None:
            raise problem
        if not looks_english(article.original):
            raise NewsdeskError("ND015", f"{article.source}: not English; not stored")
        store = self._opened()
        found = store.seen(article)
        if found is not None:
            return found
        analysed = self._analysed(store, article)
        run = store.start_run()
        added = StoryIndex(store).add(analysed)
        store.finish_run(run, int(added.new), int(not added.new), 0)
        return added

    def _opened(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db)
        return self._store

    def _analysed(self, store: Store, article: Article) -> Article:
        """The article through the pipeline, with its site's chrome as learned by ingest runs."""
        if self._pipeline is None:
            self._pipeline = Pipeline(resources=Resources())
        learner = SiteChromeLearner()
        for site, key in store.known_site_chrome():
            learner.add_known(site, key)
        article.site_chrome = learner.chrome(site_of(article))
        analysed = self._pipeline.run(article)
        failed = [error for error in analysed.errors if error.stage == "repair"]
        if failed:
            raise NewsdeskError("ND035", f"cannot analyse this article: {failed[0].message}")
        return analysed

    def close(self) -> None:
        """Close the store on its thread and end the thread."""
        if self._store is not None:
            self.thread.submit(self._store.close).result()
        self.thread.shutdown(wait=True)


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused (413) once it grows over ``limit`` bytes."""
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"model": Ingested, "description": "Its text was stored before: that article's id."},
    **problems(401, 413, 422),
}
_BODY = {
    "required": True,
    "content": {"application/json": {"schema": PostedArticle.model_json_schema()}},
}


@writes.post(
    "/articles",
    status_code=201,
    responses=_RESPONSES,
    openapi_extra={"requestBody": _BODY},
)
async def add_article(
    request: Request,
    response: Response,
    authorization: Annotated[str | None, Header(description="Bearer and the token.")] = None,
) -> Ingested:
    """Ingest one article (JSON: ``text`` or ``html``, and ``url``, ``title``,
    ``published``, ``outlet``) as ``newsdesk ingest`` would; 201 with its id, or 200 with
    the id of the article stored before with the same text. Needs the server's token."""
    settings: WebSettings = request.app.state.settings
    if not token_matches(settings, authorization):
        raise HTTPException(
            401,
            str(NewsdeskError("ND034", "writing needs the server's token (Bearer)")),
            headers={"WWW-Authenticate": "Bearer"},
        )
    raw = await _body(request, settings.max_body_bytes)
    try:
        posted = PostedArticle.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(_located(exc.errors())) from None
    writer: ArticleWriter = request.app.state.writer
    try:
        added = await writer.add(posted)
    except NewsdeskError as exc:
        raise HTTPException(422, str(exc)) from None
    response.status_code = 201 if added.new else 200
    return Ingested(id=added.article_id, new=added.new)


def _located(errors: Any) -> list[dict[str, Any]]:
    """Validation errors placed in the body, as FastAPI places its own."""
    return [{**error, "loc": ("body", *error.get("loc", ()))} for error in errors]
