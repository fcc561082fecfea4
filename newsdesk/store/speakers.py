"""The stored corpus's speakers under their corpus-wide names (``quotes.corpus_speaker``).

The SQL side of :mod:`newsdesk.lang.speaker_names`: recomputing every statement's corpus name from
one GROUP BY over the distinct speakers, and the queries that list speakers by it. The
:class:`newsdesk.store.Store` methods ``unify_speakers``, ``speakers``,
``statements_by_type`` and ``unresolved`` call these.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from newsdesk.lang.speaker_names import corpus_names
from newsdesk.store.rows import SpeakerRow, SpeakerStatements


def unify(connection: sqlite3.Connection) -> int:
    """Recompute ``corpus_speaker`` for every statement, in one transaction: the distinct
    ``(speaker, speaker_type)`` pairs with their statement counts go through
    :func:`newsdesk.lang.speaker_names.corpus_names`, and only rows whose name changes are
    written. Return how many statements changed."""
    counts = connection.execute(
        "SELECT speaker, speaker_type, count(*) FROM quotes WHERE speaker IS NOT NULL "
        "GROUP BY speaker, speaker_type"
    ).fetchall()
    names = corpus_names(counts)
    with connection:  # rowcount, unlike total_changes, leaves out what triggers change
        cleared = connection.execute(
            "UPDATE quotes SET corpus_speaker = NULL "
            "WHERE speaker IS NULL AND corpus_speaker IS NOT NULL"
        ).rowcount
        renamed = connection.executemany(
            "UPDATE quotes SET corpus_speaker = ?1 "
            "WHERE speaker = ?2 AND speaker_type IS ?3 AND corpus_speaker IS NOT ?1",
            [(name, speaker, kind) for (speaker, kind), name in names.items()],
        ).rowcount
        return cleared + renamed


def speakers(
    connection: sqlite3.Connection,
    limit: int,
    types: tuple[str, ...] | None = None,
    offset: int = 0,
) -> list[SpeakerRow]:
    """The ``limit`` speakers with most statements (after the first ``offset``), by corpus
    name and type, with the names articles give them, most used first; only those of the
    given speaker ``types`` when given. Statements with no resolved speaker are not
    listed."""
    clause = ""
    params: tuple[Any, ...] = ()
    if types:
        clause = f"WHERE speaker_type IN ({', '.join('?' for _ in types)}) "
        params = tuple(types)
    cursor = connection.execute(  # the totals keep a missing type as ''
        "SELECT speaker, nullif(speaker_type, ''), statements, articles FROM speaker_totals "
        f"{clause}ORDER BY statements DESC, speaker, speaker_type LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    rows: list[SpeakerRow] = []
    for speaker, speaker_type, statements, articles in cursor.fetchall():
        names = connection.execute(
            "SELECT speaker FROM quotes WHERE corpus_speaker = ? AND speaker_type IS ? "
            "GROUP BY speaker ORDER BY count(*) DESC, speaker",
            (speaker, speaker_type),
        ).fetchall()
        rows.append(
            SpeakerRow(
                speaker, speaker_type, statements, articles, tuple(name for (name,) in names)
            )
        )
    return rows


def statements_by_type(connection: sqlite3.Connection) -> SpeakerStatements:
    """How many statements each speaker type has; ``unresolved`` counts those with no
    resolved speaker."""
    rows = connection.execute(
        "SELECT CASE WHEN speaker IS NULL THEN 'unresolved' ELSE coalesce(speaker_type, "
        "'unknown') END, count(*) FROM quotes GROUP BY 1"
    ).fetchall()
    return SpeakerStatements({str(kind): int(count) for kind, count in rows})


def unresolved(connection: sqlite3.Connection) -> int:
    """The number of statements whose speaker could not be resolved (``speaker`` NULL)."""
    query = "SELECT count(*) FROM quotes WHERE speaker IS NULL"
    return int(connection.execute(query).fetchone()[0])


def like_escape(text: str) -> str:
    r"""``text`` made literal for a LIKE pattern with ``ESCAPE '\'``: its ``%``, ``_`` and
    ``\`` match only themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
