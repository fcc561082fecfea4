"""What the store's read queries return: frozen rows of the corpus, typed.

Field order is the order a row is shown and written as JSON (:func:`as_dict`).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


def as_dict(row: Any) -> dict[str, Any]:
    """A row (or a row holding rows) as a plain dict in field order, for JSON."""
    result: dict[str, Any] = dataclasses.asdict(row)
    return result


@dataclass(frozen=True)
class SearchHit:
    """An article matching a full-text search, with a snippet around the match."""

    id: int
    title: str | None
    source: str
    published: str | None
    outlet: str | None
    snippet: str


@dataclass(frozen=True)
class QuoteRow:
    """An attributed statement: ``speaker`` is the corpus name, ``article_speaker`` the
    name its article gives."""

    speaker: str | None
    article_speaker: str | None
    kind: str
    cue: str
    content: str
    published: str | None
    outlet: str | None
    source: str


@dataclass(frozen=True)
class SpeakerRow:
    """A speaker under the corpus name, with counts and the names articles give them (most
    used first)."""

    speaker: str
    speaker_type: str | None
    statements: int
    articles: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class SpeakerStatements:
    """How many statements each speaker type has (``unresolved``: no resolved speaker)."""

    by_type: dict[str, int]

    @property
    def unresolved(self) -> int:
        """Statements whose speaker could not be resolved."""
        return self.by_type.get("unresolved", 0)


@dataclass(frozen=True)
class TimelineRow:
    """A dated event; ``speaker`` holds its attribution or, for a statement, makes it."""

    date: str
    date_source: str | None
    text: str
    speaker: str | None
    source: str


@dataclass(frozen=True)
class StoryRow:
    """A story told by several stored articles, with its origin (the earliest copy)."""

    story: int
    articles: int
    exact_copies: int
    origin_title: str | None
    origin: str
    origin_published: str | None


@dataclass(frozen=True)
class SiteChromeRow:
    """A line learned as a site's chrome and on how many of its stories it was seen."""

    site: str
    line: str
    pages: int
    learned_at: str


@dataclass(frozen=True)
class CorpusCounts:
    """How much the corpus holds."""

    articles: int
    statements: int
    speakers: int
    unresolved_statements: int
    stories_with_copies: int
    copies: int
    entities: int
    dated_events: int
    quarantined: int
    site_chrome_lines: int
    ingest_runs: int


@dataclass(frozen=True)
class Statement:
    """One statement of a speaker as the corpus summary shows it."""

    kind: str
    cue: str
    content: str
    published: str | None
    source: str


@dataclass(frozen=True)
class SpeakerSummary:
    """A top speaker of the corpus summary with the first of their statements."""

    speaker: str
    speaker_type: str | None
    statements: int
    articles: int
    names: tuple[str, ...]
    said: tuple[Statement, ...]


@dataclass(frozen=True)
class CorpusSummary:
    """What the corpus holds: counts, top speakers, stories told by several copies and a
    timeline."""

    counts: CorpusCounts
    speakers: tuple[SpeakerSummary, ...]
    stories: tuple[StoryRow, ...]
    timeline: tuple[TimelineRow, ...]


@dataclass(frozen=True)
class StoredQuote:
    """An attribution as stored with its article (offsets into the stored text)."""

    id: int
    kind: str
    content: str
    cue: str
    source: str | None
    speaker: str | None
    corpus_speaker: str | None
    speaker_type: str | None
    confidence: float | None
    fragment: bool
    start: int
    end: int
    # Where the source and the cue are, and the content's pieces (a quotation interrupted by
    # its attribution has two); None and the whole content span for rows stored before
    # newsdesk kept them.
    source_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    content_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class StoredMention:
    """A place in the text an entity is mentioned."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class StoredEntity:
    """An entity of an article under its canonical name, with its mentions."""

    id: int
    canonical: str
    type: str
    geonames_id: int | None
    country_code: str | None
    mentions: tuple[StoredMention, ...]


@dataclass(frozen=True)
class StoredDate:
    """A temporal expression with its type and value."""

    text: str
    type: str
    value: str | None
    end_value: str | None
    start: int
    end: int


@dataclass(frozen=True)
class StoredEvent:
    """A sentence reporting something happening, with its date, participants and places."""

    text: str
    trigger: str
    kind: str
    date: str | None
    date_source: str | None
    narrator: str
    speaker: str | None
    participants: tuple[str, ...]
    places: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class StoredRepair:
    """A change the repair stage made, with its span in the stored text."""

    kind: str
    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True)
class StoredRemoval:
    """Site chrome taken out of the text, with its span in the input."""

    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True)
class StoredParagraph:
    """A paragraph of the stored text with its role: title, lede or body."""

    start: int
    end: int
    role: str


@dataclass(frozen=True)
class StoredFlag:
    """Something a reader should know about a part of the text, such as an orphan fragment."""

    kind: str
    text: str
    start: int
    end: int
    note: str


@dataclass(frozen=True)
class StoredCopy:
    """Another input whose text was this article's, linked rather than stored."""

    source: str
    url: str | None
    published: str | None
    seen_at: str


@dataclass(frozen=True)
class ArticleRecord:
    """A stored article with everything stored about it."""

    id: int
    source: str
    url: str | None
    site: str | None
    title: str | None
    lede: str | None
    text: str
    published: str | None
    outlet: str | None
    ingested_at: str
    story_id: int | None
    errors: tuple[dict[str, Any], ...]
    repairs: tuple[StoredRepair, ...]
    removed: tuple[StoredRemoval, ...]
    quotes: tuple[StoredQuote, ...]
    entities: tuple[StoredEntity, ...]
    dates: tuple[StoredDate, ...]
    events: tuple[StoredEvent, ...]
    copies: tuple[StoredCopy, ...]
    paragraphs: tuple[StoredParagraph, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    flags: tuple[StoredFlag, ...] = ()


@dataclass(frozen=True)
class StoredSignature:
    """The MinHash signature stored for an article."""

    article_id: int
    shingles: int
    minhash: bytes


@dataclass(frozen=True)
class StatementRow:
    """An attributed statement with where it stands: its article and its span in the article's
    text; ``speaker`` is the corpus name, ``article_speaker`` the name its article gives."""

    id: int
    article_id: int
    speaker: str | None
    article_speaker: str | None
    speaker_type: str | None
    kind: str
    cue: str
    content: str
    start: int
    end: int
    published: str | None
    outlet: str | None
    source: str


@dataclass(frozen=True)
class ArticleRow:
    """A stored article as a list shows it: what it is, where it came from, its story and how
    many statements it holds."""

    id: int
    title: str | None
    source: str
    url: str | None
    published: str | None
    outlet: str | None
    story_id: int | None
    statements: int


@dataclass(frozen=True)
class EntityRow:
    """An entity across the corpus under its canonical name, with how often it is mentioned
    and in how many articles (GeoNames id and country for a place)."""

    canonical: str
    type: str
    geonames_id: int | None
    country_code: str | None
    mentions: int
    articles: int


@dataclass(frozen=True)
class EventRow:
    """A dated event with the article and the character span of the sentence reporting it."""

    date: str
    date_source: str | None
    kind: str
    text: str
    trigger: str
    speaker: str | None
    participants: tuple[str, ...]
    places: tuple[str, ...]
    article_id: int
    start: int
    end: int
    source: str


@dataclass(frozen=True)
class StorySummary:
    """A story: how many stored articles tell it, how many exact copies were linked to them,
    and its origin (the earliest copy)."""

    id: int
    articles: int
    exact_copies: int
    origin_id: int
    origin_title: str | None
    origin_source: str
    origin_published: str | None


@dataclass(frozen=True)
class StoryArticle:
    """One stored article of a story, with the exact copies linked to it."""

    id: int
    title: str | None
    source: str
    url: str | None
    published: str | None
    outlet: str | None
    origin: bool
    copies: tuple[StoredCopy, ...]


@dataclass(frozen=True)
class StoryDetail:
    """A story and its articles, origin first, then by publication date."""

    story: StorySummary
    articles: tuple[StoryArticle, ...]
