"""The one data model every stage, the store and the API share.

An :class:`Article` carries the input text as it arrived (``original``), the repaired text
(``text``) and every annotation as offsets into ``text``. ``offset_map`` maps those offsets back
to ``original``. Every record writes its JSON with ``to_dict`` and reads it back with
``from_dict``, key for key as its fields; ``newsdesk/schema/article.schema.json`` publishes that
JSON, and a test walks every record's fields against it.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, fields, replace
from importlib import resources
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's repaired text."""

    start: int
    end: int

    def text_in(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]


@dataclass(frozen=True)
class Repair:
    """One change made to the input: what was there (``before``) and what replaced it."""

    kind: str
    start: int
    end: int
    before: str
    after: str


@dataclass(frozen=True)
class Removed:
    """A stretch of the input left out of the repaired text, with the reason.

    ``start`` and ``end`` are offsets into the original input, since the text is gone from
    the repaired one.
    """

    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True)
class Flag:
    """Something a reader should know about a part of the text, such as an orphan fragment."""

    kind: str
    text: str
    start: int
    end: int
    note: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the repaired text with its role: ``title``, ``lede`` or ``body``."""

    start: int
    end: int
    role: str


@dataclass(frozen=True)
class OffsetSegment:
    """A changed stretch: ``text[start:end]`` replaced ``original[orig_start:orig_end]``.

    Everything between two segments is unchanged and shifts by a constant.
    """

    start: int
    end: int
    orig_start: int
    orig_end: int


@dataclass(frozen=True)
class SpeakerEvidence:
    """How a statement's speaker was resolved: the rule that decided, and the mention it
    followed (the antecedent of a pronoun, the name a title belongs to), with its place in
    the text when there is one."""

    rule: str
    mention: str | None = None
    start: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the evidence as a JSON-ready dict."""
        return {"rule": self.rule, "mention": self.mention, "start": self.start}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpeakerEvidence:
        """Build evidence from :meth:`to_dict` output."""
        return cls(data["rule"], data.get("mention"), data.get("start"))


# What a speaker can be. A group is several people or a body of people named by what they
# share ("Democrats", "31 percent of voters", "Trump and Clinton"); anonymous is someone the
# text leaves unnamed ("a source", "officials"); unknown is a source the text gives but
# newsdesk could not resolve (its speaker is then None).
SPEAKER_TYPES = ("person", "organisation", "group", "document", "anonymous", "unknown")


@dataclass(frozen=True)
class Attribution:
    """Who said (or believes, or found) what: one attributed statement.

    ``content_spans`` usually hold one span; a quotation interrupted by its attribution or
    continued over paragraphs has several. ``source`` is the mention in the text that names the
    speaker ("he", "the President of Kazakhstan"), None for a floating quotation that continues
    the previous speaker; ``speaker`` is that speaker's canonical name within the article.
    """

    kind: str  # direct, indirect or mixed
    content: str
    content_spans: tuple[Span, ...]
    cue: str
    cue_span: Span | None
    source: str | None
    source_span: Span | None
    speaker: str | None = None
    speaker_type: str | None = None  # one of SPEAKER_TYPES
    confidence: float = 0.5
    fragment: bool = False
    speaker_evidence: SpeakerEvidence | None = None

    @property
    def content_span(self) -> Span:
        """The stretch from the first content span's start to the last one's end."""
        return Span(self.content_spans[0].start, self.content_spans[-1].end)

    def to_dict(self) -> dict[str, Any]:
        """Return the attribution as a JSON-ready dict."""
        return {
            "kind": self.kind,
            "content": self.content,
            "content_spans": [asdict(s) for s in self.content_spans],
            "cue": self.cue,
            "cue_span": asdict(self.cue_span) if self.cue_span else None,
            "source": self.source,
            "source_span": asdict(self.source_span) if self.source_span else None,
            "speaker": self.speaker,
            "speaker_type": self.speaker_type,
            "confidence": self.confidence,
            "fragment": self.fragment,
            "speaker_evidence": (
                self.speaker_evidence.to_dict() if self.speaker_evidence is not None else None
            ),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        """Build an attribution from :meth:`to_dict` output."""
        cue_span = data.get("cue_span")
        source_span = data.get("source_span")
        evidence = data.get("speaker_evidence")
        return cls(
            kind=data["kind"],
            content=data["content"],
            content_spans=tuple(Span(**s) for s in data["content_spans"]),
            cue=data["cue"],
            cue_span=Span(**cue_span) if cue_span else None,
            source=data.get("source"),
            source_span=Span(**source_span) if source_span else None,
            speaker=data.get("speaker"),
            speaker_type=data.get("speaker_type"),
            confidence=data.get("confidence", 0.5),
            fragment=data.get("fragment", False),
            speaker_evidence=SpeakerEvidence.from_dict(evidence) if evidence else None,
        )


@dataclass(frozen=True)
class Mention:
    """One place where an entity is named: the words as the text has them, and their span."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """Return the mention as a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        """Build a mention from :meth:`to_dict` output."""
        return cls(**data)


@dataclass(frozen=True)
class Entity:
    """A person, organisation, place or group (``type`` PERSON, ORG, PLACE or NORP) under its
    canonical name, with every mention in the text; places carry their GeoNames id and
    country code."""

    canonical: str
    type: str
    geonames_id: int | None
    country_code: str | None
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return the entity as a JSON-ready dict."""
        return {**asdict(self), "mentions": [m.to_dict() for m in self.mentions]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        """Build an entity from :meth:`to_dict` output."""
        return cls(**{**data, "mentions": tuple(Mention.from_dict(m) for m in data["mentions"])})


@dataclass(frozen=True)
class DateMention:
    """A temporal expression: its span, TimeML type (DATE, TIME, DURATION or SET) and value
    (``end_value`` for ranges)."""

    text: str
    start: int
    end: int
    type: str
    value: str | None
    end_value: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the mention as a JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DateMention:
        """Build a date mention from :meth:`to_dict` output."""
        return cls(**data)


@dataclass(frozen=True)
class Event:
    """A sentence that reports something happening: its main verb (``trigger``), whether it
    is a ``statement`` or an ``occurrence``, its date and where that came from (``text``;
    ``occasion``, the dated occasion a statement was made at; or ``publication``), who took
    part, where, and who tells it (``outlet`` or ``attribution``,
    with that attribution's ``speaker``)."""

    text: str
    start: int
    end: int
    trigger: str
    kind: str
    date: str | None
    date_text: str | None
    date_source: str | None
    precision: str | None
    participants: tuple[str, ...]
    places: tuple[str, ...]
    narrator: str
    speaker: str | None

    def to_dict(self) -> dict[str, Any]:
        """Return the event as a JSON-ready dict."""
        data = asdict(self)
        data["participants"] = list(self.participants)
        data["places"] = list(self.places)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Build an event from :meth:`to_dict` output."""
        lists = {"participants": tuple(data["participants"]), "places": tuple(data["places"])}
        return cls(**{**data, **lists})


@dataclass(frozen=True)
class StageError:
    """Why a stage could not process an article."""

    stage: str
    message: str


@dataclass
class Article:
    """A news article as it moves through the pipeline.

    Stages return a new ``Article`` with their fields filled (see ``newsdesk.pipeline``).
    ``parsed`` holds the spaCy ``Doc`` for later stages in the same process; it is neither
    serialised nor pickled.
    """

    source: str
    original: str
    text: str = ""
    published: str | None = None
    url: str | None = None
    # Who wrote it, from the page's metadata or a byline ("By Ron Lieber"): the "I" of a
    # column outside quotations.
    author: str | None = None
    # Lines of the article's site learned as chrome during ingest (see newsdesk.corpus.sitechrome):
    # an input to the repair stage, not part of the analysis.
    site_chrome: frozenset[str] = field(default_factory=frozenset, repr=False, compare=False)
    # The site's name in the page's own metadata (og:site_name and the like): evidence for the
    # outlet stage, which records it in ``outlet_evidence``; not serialised itself.
    site_name: str | None = field(default=None, repr=False, compare=False)
    outlet: str | None = None
    outlet_evidence: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    offset_map: list[OffsetSegment] = field(default_factory=list)
    quotes: list[Attribution] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    completed: list[str] = field(default_factory=list)
    errors: list[StageError] = field(default_factory=list)
    parsed: Any = field(default=None, repr=False, compare=False)

    # --- derived views -------------------------------------------------------------------

    def _paragraph_text(self, role: str) -> str | None:
        for paragraph in self.paragraphs:
            if paragraph.role == role:
                return self.text[paragraph.start : paragraph.end]
        return None

    @property
    def title(self) -> str | None:
        """The headline, when the text has one."""
        return self._paragraph_text("title")

    @property
    def lede(self) -> str | None:
        """The opening paragraph of the story, after the headline."""
        return self._paragraph_text("lede")

    @property
    def body(self) -> list[str]:
        """The paragraphs after the lede."""
        return [self.text[p.start : p.end] for p in self.paragraphs if p.role == "body"]

    @property
    def failed(self) -> bool:
        """True when any stage raised on this article."""
        return bool(self.errors)

    def to_original(self, offset: int) -> int:
        """Map an offset into ``text`` to the matching offset into ``original``.

        An offset inside a changed stretch maps to the start of what that stretch replaced.
        """
        starts = [segment.start for segment in self.offset_map]
        index = bisect_right(starts, offset) - 1
        if index < 0:
            return offset
        segment = self.offset_map[index]
        if offset < segment.end:
            return segment.orig_start
        return segment.orig_end + (offset - segment.end)

    def with_updates(self, **changes: Any) -> Article:
        """Return a copy of this article with the given fields replaced."""
        return replace(self, **changes)

    # --- pickling: the spaCy Doc stays in its process ------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["parsed"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)

    # --- JSON ----------------------------------------------------------------------------

    def to_dict(self, include_original: bool = False) -> dict[str, Any]:
        """Return the article as a JSON-ready dict following the published schema."""
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "title": self.title,
            "lede": self.lede,
            "text": self.text,
            "published": self.published,
            "outlet": self.outlet,
            "outlet_evidence": list(self.outlet_evidence),
            "paragraphs": [asdict(p) for p in self.paragraphs],
            "sentences": [asdict(s) for s in self.sentences],
            "repairs": [asdict(r) for r in self.repairs],
            "removed": [asdict(r) for r in self.removed],
            "flags": [asdict(f) for f in self.flags],
            "offset_map": [asdict(s) for s in self.offset_map],
            "quotes": [q.to_dict() for q in self.quotes],
            "entities": [e.to_dict() for e in self.entities],
            "dates": [d.to_dict() for d in self.dates],
            "events": [e.to_dict() for e in self.events],
            "completed": list(self.completed),
            "errors": [asdict(e) for e in self.errors],
        }
        if include_original:
            data["original"] = self.original
        return data

    def to_json(self, include_original: bool = False, indent: int | None = None) -> str:
        """Return the article as one JSON document."""
        return json.dumps(self.to_dict(include_original), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Build an article from a dict produced by :meth:`to_dict`."""
        return cls(
            source=data["source"],
            original=data.get("original", ""),
            text=data["text"],
            published=data.get("published"),
            url=data.get("url"),
            author=data.get("author"),
            outlet=data.get("outlet"),
            outlet_evidence=list(data.get("outlet_evidence", [])),
            paragraphs=[Paragraph(**p) for p in data.get("paragraphs", [])],
            sentences=[Span(**s) for s in data.get("sentences", [])],
            repairs=[Repair(**r) for r in data.get("repairs", [])],
            removed=[Removed(**r) for r in data.get("removed", [])],
            flags=[Flag(**f) for f in data.get("flags", [])],
            offset_map=[OffsetSegment(**s) for s in data.get("offset_map", [])],
            quotes=[Attribution.from_dict(q) for q in data.get("quotes", [])],
            entities=[Entity.from_dict(e) for e in data.get("entities", [])],
            dates=[DateMention.from_dict(d) for d in data.get("dates", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            completed=list(data.get("completed", [])),
            errors=[StageError(**e) for e in data.get("errors", [])],
        )

    @classmethod
    def from_json(cls, document: str) -> Article:
        """Build an article from one JSON document produced by :meth:`to_json`."""
        return cls.from_dict(json.loads(document))


def site_of(article: Article) -> str | None:
    """The site an article comes from: its URL's host, else the directory of its file."""
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return host.removeprefix("www.")
    source = article.source
    if not source or source.startswith("<"):
        return None
    if "://" in source:
        host = urlsplit(source).hostname
        return host.removeprefix("www.") if host else None
    container = re.sub(r"(?:@\d+|:\d+|#\d+)$", "", source)
    parent = str(PurePath(container).parent)
    return f"dir:{parent}"


def article_schema() -> dict[str, Any]:
    """Return the JSON Schema that every serialised article follows."""
    text = resources.files("newsdesk").joinpath("schema/article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
