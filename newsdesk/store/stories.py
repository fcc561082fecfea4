"""The rows the corpus's near-copy matching (:mod:`newsdesk.corpus.stories`) reads: stored
MinHash signatures and the story of a stored article. The story an article joins is written
with the article (:func:`newsdesk.store.writes.add_article`)."""

from __future__ import annotations

import sqlite3

from newsdesk.store.rows import StoredSignature


def signatures(connection: sqlite3.Connection) -> list[StoredSignature]:
    """Every stored MinHash signature, by article id."""
    rows = connection.execute(
        "SELECT article_id, shingles, minhash FROM signatures ORDER BY article_id"
    ).fetchall()
    return [StoredSignature(int(a), int(s), bytes(m)) for a, s, m in rows]


def story_of(connection: sqlite3.Connection, article_id: int) -> tuple[int, str | None] | None:
    """The story a stored article belongs to and its publication date; None when it has no
    story (or is not stored)."""
    row = connection.execute(
        "SELECT story_id, published FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None or row[0] is None:
        return None
    return int(row[0]), row[1]
