"""Export the corpus tables as JSON Lines, CSV or Parquet (readable by pandas, polars, DuckDB)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from newsdesk.store.connection import Store

# What each exportable table holds, joined with its article's source and date where useful.
QUERIES = {
    "articles": "SELECT id, source, title, lede, text, published, outlet, ingested_at "
    "FROM articles ORDER BY id",
    "quotes": "SELECT q.id, q.article_id, a.source, a.published, a.outlet, q.speaker, "
    "q.corpus_speaker, q.speaker_type, q.speaker_evidence, q.kind, q.cue, q.source AS mention, "
    'q.content, q.confidence, q.fragment, q.start, q."end" '
    "FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY q.id",
    "entities": "SELECT e.id, e.article_id, e.canonical, e.type, e.geonames_id, e.country_code, "
    "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions "
    "FROM entities e ORDER BY e.id",
    "events": "SELECT article_id, date, date_source, kind, trigger, text, narrator, speaker, "
    'participants, places, start, "end" FROM events ORDER BY article_id, start',
    "dates": 'SELECT article_id, text, type, value, end_value, start, "end" FROM dates '
    "ORDER BY article_id, start",
}
FORMATS = ("jsonl", "csv", "parquet")


def export_table(store: Store, table: str, fmt: str, out: Path) -> int:
    """Write one table to ``out`` in ``fmt``; return the number of rows written."""
    if table not in QUERIES:
        raise ValueError(f"cannot export {table!r}: choose one of {', '.join(QUERIES)}")
    cursor = store.connection.execute(QUERIES[table])
    columns = [d[0] for d in cursor.description]
    rows = cursor.fetchall()
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False))
                handle.write("\n")
    elif fmt == "csv":
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(rows)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        data: dict[str, list[Any]] = {c: [row[i] for row in rows] for i, c in enumerate(columns)}
        pq.write_table(pa.table(data), out)
    else:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return len(rows)
