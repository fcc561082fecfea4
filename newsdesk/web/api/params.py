"""What every API list shares: its page (``limit``, ``offset``, ``count``), its answer shaped
``{"items", "next", "total"}``, dates as YYYY-MM-DD, words to search for, the error answer, and
the server's limits written into ``/openapi.json``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from pydantic import AfterValidator, BaseModel, Field

from newsdesk.errors import NewsdeskError
from newsdesk.web.state import WebSettings, server_settings

Row = TypeVar("Row")

DEFAULT_PAGE_SIZE = 50
# Far past any corpus, and inside SQLite's integer range once a page size is added.
MAX_OFFSET = 2**40
# The largest id SQLite can store (a signed 64-bit integer).
MAX_ID = 2**63 - 1


class Page(BaseModel, Generic[Row]):
    """One page of a list."""

    items: list[Row]
    next: str | None = Field(description="The URL of the next page; null on the last one.")
    total: int | None = Field(
        description="How many items the whole list holds; computed only when the request "
        "asks with count=true, else null."
    )


class Problem(BaseModel):
    """Why a request was not answered: a message, with a code (ND0xx) when it has one."""

    detail: str


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers a route documents, each shaped as :class:`Problem`."""
    described = {
        400: "A search the index cannot read.",
        401: "No token, or not the server's.",
        404: "No such record.",
        413: "The request body is over the server's limit.",
        422: "A parameter or body out of its bounds or malformed.",
    }
    return {status: {"model": Problem, "description": described[status]} for status in statuses}


@dataclass(frozen=True)
class Paging:
    """Which page a request asks for, and the URL it asked with (for the next page's)."""

    limit: int
    offset: int
    count: bool
    url: str


def refuse(name: str, message: str, value: object = None) -> RequestValidationError:
    """A 422 answer naming the query parameter at fault."""
    return RequestValidationError(
        [{"loc": ("query", name), "msg": message, "type": "value_error", "input": value}]
    )


async def paging(
    request: Request,
    settings: Annotated[WebSettings, Depends(server_settings)],
    limit: Annotated[int, Query(ge=1, description="Items per page.")] = DEFAULT_PAGE_SIZE,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
    count: Annotated[
        bool, Query(description="Also count the whole list (the answer's total).")
    ] = False,
) -> Paging:
    """The page a request asks for; a limit over the server's page size is refused (422)."""
    if limit > settings.max_page_size:
        raise refuse("limit", f"at most {settings.max_page_size} items a page", limit)
    return Paging(limit, offset, count, str(request.url))


PageOf = Annotated[Paging, Depends(paging)]


def page(rows: list[Row], asked: Paging, total: Callable[[], int]) -> Page[Row]:
    """The answer for ``rows``, fetched with one row more than the page holds to know
    whether a next page exists; ``total`` is called only when the request asked for it."""
    following = None
    if len(rows) > asked.limit:
        following = _with_offset(asked.url, asked.offset + asked.limit)
    return Page[Row](
        items=rows[: asked.limit], next=following, total=total() if asked.count else None
    )


def _with_offset(url: str, offset: int) -> str:
    from starlette.datastructures import URL

    return str(URL(url).include_query_params(offset=offset))


async def bounded_text(
    request: Request, settings: Annotated[WebSettings, Depends(server_settings)]
) -> None:
    """Refuse (422) any query parameter longer than the server's ``max_query_chars``."""
    for name, value in request.query_params.multi_items():
        if len(value) > settings.max_query_chars:
            raise refuse(name, f"longer than {settings.max_query_chars} characters")


def real_date(value: str | None) -> str | None:
    """``value`` when it is a date written YYYY-MM-DD; a ValueError otherwise."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("a date is written YYYY-MM-DD")
    dt.date.fromisoformat(value)  # a ValueError for 2024-02-30
    return value


def _date_query(description: str) -> Any:
    return Query(description=description, json_schema_extra={"format": "date"})


Since = Annotated[
    str | None,
    _date_query("The first day included, YYYY-MM-DD."),
    AfterValidator(real_date),
]
Until = Annotated[
    str | None,
    _date_query("The last day included, YYYY-MM-DD."),
    AfterValidator(real_date),
]

# Characters and forms of the full-text query language this API does not take: it searches
# for words as written, and says so rather than quietly ignoring what was meant.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A column filter names one of the indexed columns; any other colon ("Rotterdam: strike",
# "10:30") is punctuation between words.
_SYNTAX = re.compile(
    r"[*^{}]|\bNEAR\s*\(|\b(?:title|text|content|speaker)\s*:|^\s*[-+]", re.IGNORECASE
)


def search_words(query: str) -> str:
    """``query`` when it is words to search for; else a coded error (400, ND032) saying what
    is wrong: a control character, query syntax (``*``, ``^``, ``NEAR(``, a column filter, an
    unbalanced quotation mark or bracket), or no word at all."""
    if _CONTROL.search(query):
        raise NewsdeskError("ND032", "a search cannot hold control characters")
    unbalanced = query.count('"') % 2 or query.count("(") != query.count(")")
    if _SYNTAX.search(query) or unbalanced:
        raise NewsdeskError(
            "ND032",
            "search for words as written: wildcards, NEAR, column filters and unbalanced "
            "quotation marks or brackets are not taken (OR and NOT between words are)",
        )
    if not re.search(r"[^\W_]", query):
        raise NewsdeskError("ND032", "nothing to search for: the search holds no word")
    return query


def document_limits(app: FastAPI, settings: WebSettings) -> None:
    """Write the server's limits into ``/openapi.json``: the largest page size on every
    ``limit`` and the longest query text on every text parameter."""

    def schema() -> dict[str, Any]:
        if app.openapi_schema is None:
            described = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            for operation in _operations(described):
                for parameter in operation.get("parameters", []):
                    _bound(parameter, settings)
            app.openapi_schema = described
        return app.openapi_schema

    app.openapi = schema  # type: ignore[method-assign]


def _operations(described: dict[str, Any]) -> list[dict[str, Any]]:
    return [op for path in described.get("paths", {}).values() for op in path.values()]


def _bound(parameter: dict[str, Any], settings: WebSettings) -> None:
    if parameter.get("in") != "query":
        return
    schema = parameter.get("schema", {})
    if parameter.get("name") == "limit":
        schema["maximum"] = settings.max_page_size
    for option in [schema, *schema.get("anyOf", [])]:
        if option.get("type") == "string":
            option["maxLength"] = settings.max_query_chars
