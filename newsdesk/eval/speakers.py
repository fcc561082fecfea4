"""Speaker evaluation: does each statement carry the speaker a careful reader would give it?

The gold is a JSON Lines file (PolNeAR's ``dev-speakers.jsonl``): one row per annotated
attribution, naming its article and annotator file, the ``E`` relation, the source mention as
written and the speaker it refers to, resolved by hand from the whole article, with its type.

Each gold attribution is matched to a found one by content overlap, as ``eval attribution``
matches (shared word tokens at least half of the longer span, one to one); speaker accuracy is
counted over the matched ones. How a found speaker is compared with the gold one:

- people: the same name once case, punctuation, initials, suffixes (Jr., II) and titles are
  set aside; first names may be spelling variants;
- several people (``A and B``): the same people, in any order;
- organisations and groups: the same name once determiners, quantifiers (``many``, ``some``)
  and possessives are set aside, with the gazetteer's aliases applied to both (``GOP``,
  ``Republicans`` and ``Republican Party`` are one party); a group named by a common noun also
  matches a fuller or shorter description with the same head (``voters``, ``many voters``);
- documents: a document that shares a content word with the gold title;
- anonymous sources: any anonymous speaker; unknown: an unknown one.

Mention kinds, from the gold mention and speaker: ``name`` (the mention gives the full name),
``surname`` (a part of a person's name, or a short form of an organisation's), ``title`` (a role
word without the name), ``pronoun``, ``relative pronoun`` and ``description`` (any other noun
phrase). Every kind but ``name`` needs resolution.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.eval.attribution import RoleScore as _RoleScore
from newsdesk.eval.attribution import corpus_hash, parse_ann, predicted_spans, score_role
from newsdesk.lang.gazetteer import Gazetteer
from newsdesk.lang.names import TITLES, similar_names
from newsdesk.model import Article, Attribution
from newsdesk.pipeline import Pipeline
from newsdesk.stages.outlet import outlet_table
from newsdesk.stages.structure import byline_author

MENTION_KINDS = ("name", "surname", "title", "pronoun", "relative pronoun", "description")
SPEAKER_TYPES = ("person", "organisation", "document", "anonymous", "unknown")
_PRONOUNS = frozenset(
    "he she it they i we you him her them me us his hers its their theirs our my your".split()
)
_RELATIVES = frozenset({"who", "whom", "which", "that", "whose"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_DETERMINERS = frozenset(
    """the a an some many most few several all both other others fellow any every each
    these those this that such""".split()
)
_STOPWORDS = frozenset("of the a an and in on for to by with from at s".split())
_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class GoldSpeaker:
    """One hand-resolved attribution from the speaker gold."""

    article: str
    ann: str
    relation: str
    mention: str
    speaker: str
    speaker_type: str
    confidence: str

    @property
    def kind(self) -> str:
        """How the text names the speaker: one of :data:`MENTION_KINDS`."""
        return mention_kind(self.mention, self.speaker, self.speaker_type)


def read_speaker_gold(path: Path) -> list[GoldSpeaker]:
    """Read the speaker gold, one JSON object per line."""
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        rows.append(
            GoldSpeaker(
                data["name"],
                data["ann"],
                data["relation"],
                data["source_mention"],
                data["speaker"],
                data["speaker_type"],
                data.get("confidence", "high"),
            )
        )
    return rows


def corpus_for(gold_path: Path) -> Path:
    """The corpus directory a speaker gold file describes: ``dev-speakers.jsonl`` -> ``dev``."""
    return gold_path.parent / gold_path.name.split("-speakers")[0].split(".")[0]


def data_hash(gold_path: Path, corpus: Path) -> str:
    """A sha256 over the gold file and the corpus it describes."""
    digest = hashlib.sha256(gold_path.read_bytes())
    digest.update(corpus_hash(corpus).encode())
    return digest.hexdigest()


def _words(text: str) -> list[str]:
    text = re.sub(r"['’]s\b", "", text)
    return [w.lower().strip("-") for w in _WORD.findall(text) if w.strip("-")]


def mention_kind(mention: str, speaker: str, speaker_type: str) -> str:
    """Classify a gold mention as one of :data:`MENTION_KINDS`."""
    words = _words(mention)
    if not words:
        return "description"
    if words[-1] in _RELATIVES and (len(words) == 1 or mention.rstrip(" ,").count(",") > 0):
        return "relative pronoun"
    if len(words) == 1 and words[0] in _PRONOUNS:
        return "pronoun"
    name = [w for w in _words(speaker) if len(w) > 1 and w not in _SUFFIXES]
    proper = speaker[:1].isupper() and speaker_type in ("person", "organisation")
    if proper and name and _contains([w for w in words if len(w) > 1], name):
        return "name"
    capitalised = {
        w
        for token in re.findall(r"[\w’'.-]+", mention)
        if token[:1].isupper()
        for w in _words(token)
        if w not in _HONORIFICS and w not in _DETERMINERS and w not in _PRONOUNS and w != "one"
    }
    if proper and capitalised & set(name):
        return "surname"
    if any(w in TITLES or w.rstrip("s") in TITLES for w in words):
        return "title"
    if proper and capitalised:
        return "surname"
    return "description"


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _person_key(name: str) -> list[str]:
    return [
        w
        for w in _words(name)
        if len(w) > 1 and w not in _SUFFIXES and w not in _HONORIFICS and w not in TITLES
    ]


def _same_person(gold: str, found: str) -> bool:
    a, b = _person_key(gold), _person_key(found)
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) != len(b) or a[-1] != b[-1]:
        return False
    return all(similar_names(x, y) for x, y in zip(a[:-1], b[:-1], strict=True))


def _people(name: str) -> list[str]:
    return [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", name) if p.strip()]


class SpeakerMatcher:
    """Decides whether a found speaker is the gold one (see the module's rules)."""

    def __init__(
        self, gazetteer: Gazetteer | None = None, outlets: dict[str, str] | None = None
    ) -> None:
        self.gazetteer = gazetteer
        self.outlets = outlets or {}

    def _group_key(self, name: str) -> list[str]:
        name = re.sub(r"['’]s?$", "", name.strip())
        words = name.split()
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        name = " ".join(words)
        if self.gazetteer is not None:
            known = self.gazetteer.known(name) or self.gazetteer.known(name[:1].upper() + name[1:])
            if known is not None:
                name = known.canonical
        name = self.outlets.get(name, name)
        return [w for w in _words(name) if w not in _DETERMINERS]

    def same(self, gold: GoldSpeaker, found: Attribution) -> bool:
        """True when the found attribution names the gold speaker."""
        kind, name = found.speaker_type or "unknown", found.speaker or ""
        if gold.speaker_type == "anonymous":
            return kind == "anonymous"
        if gold.speaker == "UNKNOWN":
            return kind == "unknown"
        if gold.speaker.startswith("DOCUMENT:"):
            title = set(_words(gold.speaker.split(":", 1)[1])) - _STOPWORDS
            found_words = {w.rstrip("s") for w in _words(name)} - _STOPWORDS
            return kind == "document" and bool({w.rstrip("s") for w in title} & found_words)
        gold_people = _people(gold.speaker)
        if gold.speaker_type == "person" or (
            len(gold_people) > 1 and all(p[:1].isupper() for p in gold_people)
        ):
            found_people = _people(name)
            if len(found_people) != len(gold_people):
                return False
            return all(any(_same_person(g, f) for f in found_people) for g in gold_people)
        a, b = self._group_key(gold.speaker), self._group_key(name)
        if not a or not b or kind in ("anonymous", "document", "person"):
            return False
        if a == b:
            return True
        common_noun = not gold.speaker.split()[-1][:1].isupper()
        return common_noun and a[-1] == b[-1] and (set(a) <= set(b) or set(b) <= set(a))


@dataclass
class Tally:
    """Right answers out of those counted."""

    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, correct: bool) -> None:
        self.total += 1
        self.right += int(correct)


@dataclass
class Confusion:
    """One gold attribution whose found speaker is not the gold one."""

    article: str
    mention: str
    kind: str
    gold: str
    gold_type: str
    found: str | None
    found_type: str | None
    found_source: str | None


@dataclass
class SpeakerScores:
    """Speaker accuracy over the gold attributions whose content was found."""

    gold: int = 0
    found: int = 0
    overall: Tally = field(default_factory=Tally)
    resolution: Tally = field(default_factory=Tally)
    high_confidence: Tally = field(default_factory=Tally)
    type_accuracy: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    by_kind: dict[str, Tally] = field(default_factory=dict)
    confusions: list[Confusion] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Every figure as plain data (for JSON and the floors check)."""
        figures: dict[str, Any] = {
            "gold_attributions": self.gold,
            "found_attributions": self.found,
            "speaker_accuracy": round(self.overall.accuracy, 4),
            "resolution_accuracy": round(self.resolution.accuracy, 4),
            "high_confidence_accuracy": round(self.high_confidence.accuracy, 4),
            "speaker_type_accuracy": round(self.type_accuracy.accuracy, 4),
        }
        for prefix, table in (("type", self.by_type), ("kind", self.by_kind)):
            for name, tally in sorted(table.items()):
                key = name.replace(" ", "_")
                figures[f"{prefix}_{key}_accuracy"] = round(tally.accuracy, 4)
                figures[f"{prefix}_{key}_count"] = tally.total
        figures["confusions"] = [vars(c) for c in self.confusions]
        return figures


def _type_matches(gold_type: str, found_type: str | None) -> bool:
    if gold_type == "organisation":
        return found_type in ("organisation", "group")
    return gold_type == found_type


def analysed_articles(
    rows: list[GoldSpeaker],
    corpus: Path,
    pipeline: Pipeline,
    published: dict[str, str] | None = None,
    authors: dict[str, str] | None = None,
) -> dict[str, Article]:
    """Run the pipeline over the articles the gold rows come from, by annotator file."""
    first: dict[str, GoldSpeaker] = {}
    for row in rows:
        first.setdefault(row.ann, row)
    anns = sorted(first)
    articles = (
        Article(
            source=first[ann].article,
            original=(corpus / "text" / f"{first[ann].article}.txt").read_text("utf-8"),
            published=(published or {}).get(first[ann].article),
            author=(authors or {}).get(first[ann].article),
        )
        for ann in anns
    )
    return dict(zip(anns, pipeline.run_many(articles), strict=True))


def score_speakers(
    rows: list[GoldSpeaker],
    corpus: Path,
    articles: dict[str, Article],
    gazetteer: Gazetteer,
    outlets: dict[str, str] | None = None,
) -> SpeakerScores:
    """Score the speakers of analysed articles (by annotator file) against the gold rows."""
    matcher = SpeakerMatcher(gazetteer, outlets)
    scores = SpeakerScores(gold=len(rows))
    for ann, article in articles.items():
        golds = parse_ann((corpus / "attributions" / ann).read_text("utf-8"))
        with_content = [g for g in golds if "content" in g.roles]
        predicted = predicted_spans(article)["content"]
        matched = score_role(
            article.original,
            predicted,
            [g.roles["content"] for g in with_content],
            _RoleScore(),
            _RoleScore(),
        )
        found_for = {with_content[g].relation: article.quotes[p] for p, g in matched}
        for row in (r for r in rows if r.ann == ann):
            found = found_for.get(row.relation)
            if found is None:
                continue
            scores.found += 1
            correct = matcher.same(row, found)
            scores.overall.add(correct)
            if row.kind != "name":
                scores.resolution.add(correct)
            if row.confidence == "high":
                scores.high_confidence.add(correct)
            scores.type_accuracy.add(_type_matches(row.speaker_type, found.speaker_type))
            scores.by_type.setdefault(row.speaker_type, Tally()).add(correct)
            scores.by_kind.setdefault(row.kind, Tally()).add(correct)
            if not correct:
                scores.confusions.append(
                    Confusion(
                        row.article,
                        row.mention,
                        row.kind,
                        row.speaker,
                        row.speaker_type,
                        found.speaker,
                        found.speaker_type,
                        found.source,
                    )
                )
    return scores


def evaluate_speakers(rows: list[GoldSpeaker], corpus: Path, pipeline: Pipeline) -> SpeakerScores:
    """Run the pipeline over the gold's articles (with the publication dates and authors of
    the corpus's metadata, when it has some) and score the speakers of matched statements."""
    published, authors = corpus_metadata(corpus)
    articles = analysed_articles(rows, corpus, pipeline, published, authors)
    resources = pipeline.resources
    return score_speakers(
        rows, corpus, articles, resources.gazetteer, outlet_table(resources).by_alias
    )


def corpus_metadata(corpus: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Each article's publication date and author from PolNeAR's ``metadata.tsv`` beside
    the corpus (``By RON LIEBER`` -> Ron Lieber)."""
    metadata = corpus.parent / "metadata.tsv"
    if not metadata.exists():
        return {}, {}
    lines = metadata.read_text("utf-8").splitlines()
    header = lines[0].split("\t")
    if "filename" not in header:
        return {}, {}
    name = header.index("filename")
    date = header.index("publication_date") if "publication_date" in header else None
    author = header.index("author") if "author" in header else None
    dates: dict[str, str] = {}
    authors: dict[str, str] = {}
    for line in lines[1:]:
        cells = line.split("\t")
        if len(cells) != len(header):
            continue
        if date is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", cells[date]):
            dates[cells[name]] = cells[date]
        if author is not None:
            byline = byline_author(cells[author])
            if byline is not None:
                authors[cells[name]] = byline
    return dates, authors
