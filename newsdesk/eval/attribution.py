"""Attribution evaluation against PolNeAR-style gold: text files plus brat ``.ann`` files.

Scores per role (source, cue, content): exact-span and overlap precision, recall and F1.
Overlap: a predicted span matches a gold span of the same role when their shared word tokens
are at least half of the longer one's; matching is one-to-one. Each annotator's file is scored
as a document of its own, so an article with two annotators counts twice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.model import Article
from newsdesk.pipeline import Pipeline

ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+|[^\w\s]")
# A span ("T12\tSource 10 20;25 30\ttext") or event ("E3\tAttribution:T1 Source:T2") line;
# other lines continue an earlier line's text, which may hold a newline.
_SPAN_LINE = re.compile(r"T\d+\t\S+ \d+ \d+(?:;\d+ \d+)*(?:\t|$)")
_EVENT_LINE = re.compile(r"E\d+\t")


@dataclass(frozen=True)
class GoldSpan:
    """One role's span; ``fragments`` hold the pieces of a discontinuous span."""

    fragments: tuple[tuple[int, int], ...]

    @property
    def outer(self) -> tuple[int, int]:
        return self.fragments[0][0], self.fragments[-1][1]


@dataclass
class GoldAttribution:
    """One annotated attribution: its spans by role (a role may be missing) and its ``E`` id."""

    roles: dict[str, GoldSpan] = field(default_factory=dict)
    relation: str = ""


@dataclass
class Document:
    """A text with one annotator's attributions."""

    name: str
    text: str
    attributions: list[GoldAttribution]


def parse_ann(content: str) -> list[GoldAttribution]:
    """Parse brat standoff: ``T`` spans and the ``E`` lines that link them into attributions."""
    spans: dict[str, tuple[str, GoldSpan]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in content.splitlines():
        if _SPAN_LINE.match(line):
            ident, _, rest = line.partition("\t")
            header = rest.split("\t", 1)[0]
            label, _, offsets = header.partition(" ")
            fragments = []
            for piece in offsets.split(";"):
                start, end = piece.split()
                fragments.append((int(start), int(end)))
            spans[ident] = (label.lower(), GoldSpan(tuple(sorted(fragments))))
        elif _EVENT_LINE.match(line):
            relation, _, rest = line.partition("\t")
            arguments = [
                (role, ident) for role, _, ident in (a.partition(":") for a in rest.split())
            ]
            events.append((relation, arguments))
    attributions = []
    for relation, arguments in events:
        gold = GoldAttribution(relation=relation)
        for role, ident in arguments:
            role = role.lower()
            if role in ROLES and ident in spans:
                gold.roles[role] = spans[ident][1]
        if gold.roles:
            attributions.append(gold)
    return attributions


def read_corpus(directory: Path) -> list[Document]:
    """Read ``text/NAME.txt`` with every ``attributions/NAME_ANNOTATOR.ann`` beside it."""
    texts = {path.stem: path for path in sorted((directory / "text").glob("*.txt"))}
    documents = []
    for ann in sorted((directory / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        if name not in texts:
            continue
        text = texts[name].read_text("utf-8")
        documents.append(Document(ann.stem, text, parse_ann(ann.read_text("utf-8"))))
    return documents


def corpus_hash(directory: Path) -> str:
    """A sha256 over the corpus files' names and bytes, to tell when the gold data changed."""
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".ann", ".tml"):
            digest.update(path.relative_to(directory).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _tokens(text: str, fragments: Iterable[tuple[int, int]]) -> set[int]:
    found: set[int] = set()
    for start, end in fragments:
        found.update(m.start() for m in _WORD.finditer(text, start, end))
    return found


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass
class RoleScore:
    """Counts for one role under one matching rule."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class AttributionScores:
    """Exact and overlap scores per role, and how many gold attributions were found at all."""

    exact: dict[str, RoleScore] = field(default_factory=lambda: {r: RoleScore() for r in ROLES})
    overlap: dict[str, RoleScore] = field(default_factory=lambda: {r: RoleScore() for r in ROLES})
    gold_attributions: int = 0
    found_attributions: int = 0
    documents: int = 0

    def as_dict(self) -> dict[str, object]:
        """Return the scores as plain data (for JSON and the floors check)."""
        result: dict[str, object] = {
            "documents": self.documents,
            "gold_attributions": self.gold_attributions,
            "found_attributions": self.found_attributions,
        }
        for rule, table in (("exact", self.exact), ("overlap", self.overlap)):
            for role, score in table.items():
                result[f"{rule}_{role}_precision"] = round(score.precision, 4)
                result[f"{rule}_{role}_recall"] = round(score.recall, 4)
                result[f"{rule}_{role}_f1"] = round(score.f1, 4)
        return result


def predicted_spans(article: Article) -> dict[str, list[tuple[int, ...]]]:
    """Each attribution's spans by role, mapped back to offsets in the original text."""

    def back(start: int, end: int) -> tuple[int, int]:
        return article.to_original(start), article.to_original(end - 1) + 1

    roles: dict[str, list[tuple[int, ...]]] = {role: [] for role in ROLES}
    for quote in article.quotes:
        if quote.source_span is not None:
            roles["source"].append(back(quote.source_span.start, quote.source_span.end))
        if quote.cue_span is not None:
            roles["cue"].append(back(quote.cue_span.start, quote.cue_span.end))
        content: list[int] = []
        for span in quote.content_spans:
            content.extend(back(span.start, span.end))
        roles["content"].append(tuple(content))
    return roles


def score_role(
    text: str,
    predicted: list[tuple[int, ...]],
    gold: list[GoldSpan],
    exact: RoleScore,
    overlap: RoleScore,
) -> list[tuple[int, int]]:
    """Update the counts for one role of one document; return overlap-matched (pred, gold)."""
    predicted_fragments = [list(zip(p[::2], p[1::2], strict=True)) for p in predicted]
    for score in (exact, overlap):
        score.predicted += len(predicted)
        score.gold += len(gold)
    gold_outer = [_stripped(text, *g.outer) for g in gold]
    used: set[int] = set()
    for fragments in predicted_fragments:
        outer = _stripped(text, fragments[0][0], fragments[-1][1])
        for index, candidate in enumerate(gold_outer):
            if index not in used and candidate == outer:
                used.add(index)
                exact.matched += 1
                break
    pairs = []
    for p_index, fragments in enumerate(predicted_fragments):
        p_tokens = _tokens(text, fragments)
        for g_index, gold_span in enumerate(gold):
            g_tokens = _tokens(text, gold_span.fragments)
            longer = max(len(p_tokens), len(g_tokens))
            shared = len(p_tokens & g_tokens)
            if longer and shared >= 0.5 * longer:
                pairs.append((shared / longer, p_index, g_index))
    matched: list[tuple[int, int]] = []
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    for _, p_index, g_index in sorted(pairs, reverse=True):
        if p_index not in taken_p and g_index not in taken_g:
            taken_p.add(p_index)
            taken_g.add(g_index)
            matched.append((p_index, g_index))
    overlap.matched += len(matched)
    return matched


def evaluate_attribution(
    documents: list[Document], pipeline: Pipeline, published: dict[str, str] | None = None
) -> AttributionScores:
    """Run the pipeline over the documents' texts and score its attributions against gold."""
    scores = AttributionScores()
    articles = (
        Article(source=doc.name, original=doc.text, published=(published or {}).get(doc.name))
        for doc in documents
    )
    for document, article in zip(documents, pipeline.run_many(articles), strict=True):
        scores.documents += 1
        predicted = predicted_spans(article)
        for role in ROLES:
            gold = [g.roles[role] for g in document.attributions if role in g.roles]
            matched = score_role(
                document.text, predicted[role], gold, scores.exact[role], scores.overlap[role]
            )
            if role == "content":
                scores.gold_attributions += len(gold)
                scores.found_attributions += len(matched)
    return scores
