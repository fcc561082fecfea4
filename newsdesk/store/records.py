"""An analysed article as the rows the store keeps of it, column by column.

One mapping from the model to the tables serves every writer: the store inserts these rows
(:func:`newsdesk.store.writes.add_record`) and the batch pipeline writes the same rows to
Parquet files, so a batch loaded later is stored exactly as ingest stores it. No SQL here.

Ids are local to the record: ``articles.id`` is 0 and every annotation's ``article_id`` is 0;
``entities.id`` counts the article's entities from 0 and ``mentions.entity_id`` names one of
them. Columns the store decides from the whole corpus (``story_id``, ``corpus_speaker``) are
None until the record is stored.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from newsdesk.model import Article, site_of

Row = dict[str, Any]

# The tables that hold an article's annotations, in the order they are written.
CHILD_TABLES = ("repairs", "removed", "flags", "quotes", "entities", "mentions", "dates", "events")


def input_hash(original: str) -> str:
    """The hash of an input exactly as it arrived (to skip analysing it twice)."""
    return hashlib.sha256(original.encode("utf-8", errors="surrogatepass")).hexdigest()


def content_hash(text: str) -> str:
    """The hash that identifies an article's text: case, spacing and punctuation ignored."""
    words = re.findall(r"\w+", text.lower())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


@dataclass
class ArticleRows:
    """One analysed article as store rows: its ``articles`` row and, per annotation table,
    its rows (see the module's note on ids)."""

    article: Row
    children: dict[str, list[Row]] = field(default_factory=dict)

    def rows(self, table: str) -> list[Row]:
        """The record's rows of one annotation table (none when it has none)."""
        return self.children.get(table, [])


def _span_pair(span: Any) -> tuple[int | None, int | None]:
    return (span.start, span.end) if span is not None else (None, None)


def _quote_rows(article: Article) -> list[Row]:
    rows = []
    for quote in article.quotes:
        span = quote.content_span
        evidence = quote.speaker_evidence
        source_start, source_end = _span_pair(quote.source_span)
        cue_start, cue_end = _span_pair(quote.cue_span)
        rows.append(
            {
                "article_id": 0,
                "kind": quote.kind,
                "content": quote.content,
                "cue": quote.cue,
                "source": quote.source,
                "speaker": quote.speaker,
                "speaker_type": quote.speaker_type,
                "confidence": quote.confidence,
                "fragment": int(quote.fragment),
                "start": span.start,
                "end": span.end,
                "speaker_evidence": (
                    json.dumps(evidence.to_dict()) if evidence is not None else None
                ),
                "corpus_speaker": None,
                "source_start": source_start,
                "source_end": source_end,
                "cue_start": cue_start,
                "cue_end": cue_end,
                "content_spans": json.dumps([[s.start, s.end] for s in quote.content_spans]),
            }
        )
    return rows


def _entity_rows(article: Article) -> tuple[list[Row], list[Row]]:
    entities: list[Row] = []
    mentions: list[Row] = []
    for number, entity in enumerate(article.entities):
        entities.append(
            {
                "id": number,
                "article_id": 0,
                "canonical": entity.canonical,
                "type": entity.type,
                "geonames_id": entity.geonames_id,
                "country_code": entity.country_code,
            }
        )
        mentions.extend(
            {"entity_id": number, "text": m.text, "start": m.start, "end": m.end}
            for m in entity.mentions
        )
    return entities, mentions


def _article_row(article: Article, ingested_at: str) -> Row:
    return {
        "id": 0,
        "content_hash": content_hash(article.text or article.original),
        "source": article.source,
        "title": article.title,
        "lede": article.lede,
        "text": article.text,
        "published": article.published,
        "outlet": article.outlet,
        "ingested_at": ingested_at,
        "errors": json.dumps([e.__dict__ for e in article.errors]),
        "story_id": None,
        "input_hash": input_hash(article.original),
        "url": article.url,
        "site": site_of(article),
        "paragraphs": json.dumps([[p.start, p.end, p.role] for p in article.paragraphs]),
        "sentences": json.dumps([[s.start, s.end] for s in article.sentences]),
    }


def article_rows(article: Article, ingested_at: str) -> ArticleRows:
    """The rows the store keeps of an analysed article, stamped ``ingested_at``."""
    entities, mentions = _entity_rows(article)
    children: dict[str, list[Row]] = {
        "repairs": [
            {"article_id": 0, "kind": r.kind, "start": r.start, "end": r.end}
            | {"before": r.before, "after": r.after}
            for r in article.repairs
        ],
        "removed": [
            {"article_id": 0, "text": r.text, "reason": r.reason, "start": r.start, "end": r.end}
            for r in article.removed
        ],
        "flags": [
            {"article_id": 0, "kind": f.kind, "text": f.text, "start": f.start, "end": f.end}
            | {"note": f.note}
            for f in article.flags
        ],
        "quotes": _quote_rows(article),
        "entities": entities,
        "mentions": mentions,
        "dates": [
            {"article_id": 0, "text": d.text, "type": d.type, "value": d.value}
            | {"end_value": d.end_value, "start": d.start, "end": d.end}
            for d in article.dates
        ],
        "events": [
            {
                "article_id": 0,
                "text": e.text,
                "trigger": e.trigger,
                "kind": e.kind,
                "date": e.date,
                "date_source": e.date_source,
                "narrator": e.narrator,
                "speaker": e.speaker,
                "participants": json.dumps(e.participants),
                "places": json.dumps(e.places),
                "start": e.start,
                "end": e.end,
            }
            for e in article.events
        ],
    }
    return ArticleRows(_article_row(article, ingested_at), children)
