"""The full-text index's two helpers every read module shares: a user's words as a query the
index cannot fail on, and running a query that holds a MATCH with its errors coded."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from newsdesk.errors import NewsdeskError


def fts_query(query: str) -> str:
    """A user's query as an FTS5 query that cannot fail on punctuation: words are matched
    as written; OR and NOT between words keep their meaning."""
    words = re.findall(r"[^\W_]+", query)
    terms: list[str] = []
    for word in words:
        if word in ("OR", "NOT") and terms and terms[-1] not in ("OR", "NOT"):
            terms.append(word)
        elif word not in ("OR", "NOT", "AND"):
            terms.append(f'"{word}"')
    while terms and terms[-1] in ("OR", "NOT"):
        terms.pop()
    return " ".join(terms) or '""'


def matching(connection: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> list[Any]:
    """The rows of a query that holds a full-text MATCH; a query the index cannot read is
    refused with a coded error (ND032) rather than a database error."""
    try:
        return connection.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "MATCH" in str(exc) or "syntax" in str(exc):
            raise NewsdeskError(
                "ND032", f"the search index cannot read this query: {exc}"
            ) from None
        raise
