"""Date and time evaluation against TimeML gold (TempEval-3 TimeBank and AQUAINT).

For every ``.tml`` file: the document creation time is the anchor, the text is the ``<TEXT>``
element with its tags removed, and the gold expressions are its ``TIMEX3`` elements. Scores:
strict span (same offsets), relaxed span (overlapping offsets) and value (relaxed span and the
same normalised value, see :func:`same_value`), each as precision, recall and F1, overall and
per TIMEX type. Every difference from the gold is also kept as a :class:`TimeError` of one
class (missed, spurious, wrong value, wrong span, wrong type) so that the next family of errors
can be listed and counted.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsdesk.model import DateMention
from newsdesk.stages.dates import find_dates

TYPES = ("DATE", "TIME", "DURATION", "SET")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    """One annotated expression in the tag-free text."""

    start: int
    end: int
    type: str
    value: str


@dataclass
class TimeDocument:
    """A TimeML document: its plain text, anchor date and gold expressions."""

    name: str
    text: str
    anchor: dt.date | None
    timexes: list[GoldTimex]


def parse_timeml(content: str, name: str = "<tml>") -> TimeDocument:
    """Read a TimeML document: strip the tags of ``<TEXT>`` and keep TIMEX3 offsets."""
    anchor = None
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", content, re.DOTALL)
    if dct:
        anchor = dt.date.fromisoformat(dct.group(1))
    body_match = re.search(r"<TEXT>(.*)</TEXT>", content, re.DOTALL)
    body = body_match.group(1) if body_match else ""
    pieces: list[str] = []
    length = 0
    cursor = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes = []
    for tag in _TAG.finditer(body):
        piece = html.unescape(body[cursor : tag.start()])
        pieces.append(piece)
        length += len(piece)
        cursor = tag.end()
        closing, kind, attributes = tag.group(1), tag.group(2), tag.group(3)
        if kind != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTRIBUTE.findall(attributes)))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(body[cursor:]))
    return TimeDocument(name, "".join(pieces), anchor, timexes)


def read_timeml(directory: Path) -> list[TimeDocument]:
    """Read every ``.tml`` file below ``directory``."""
    return [
        parse_timeml(path.read_text("utf-8"), str(path))
        for path in sorted(directory.rglob("*.tml"))
    ]


@dataclass
class Counts:
    """Predicted, gold and matched counts for one measure."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0

    def f1(self) -> float:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0


ERROR_CLASSES = ("missed", "spurious", "wrong_value", "wrong_span", "wrong_type")


@dataclass(frozen=True)
class TimeError:
    """One difference from the gold: its class, the gold type (the predicted type for a
    spurious one), what the gold and the normaliser say, and the words around it."""

    error_class: str
    type: str
    document: str
    gold_text: str
    gold_value: str
    found_text: str
    found_value: str
    context: str


@dataclass
class TimeScores:
    """Counts per measure (strict, relaxed, value) and per type (ALL, DATE, ..., DATE+TIME),
    and every error."""

    counts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    documents: int = 0
    errors: list[TimeError] = field(default_factory=list)

    def error_counts(self) -> dict[tuple[str, str], int]:
        """How many errors of each (type, class)."""
        tally: dict[tuple[str, str], int] = defaultdict(int)
        for error in self.errors:
            tally[(error.type, error.error_class)] += 1
        return dict(tally)

    def as_dict(self) -> dict[str, float | int]:
        """Flat figures: ``value_f1_DATE+TIME``, ``relaxed_precision_ALL``, ..."""
        result: dict[str, float | int] = {"documents": self.documents}
        for (measure, group), counts in sorted(self.counts.items()):
            result[f"{measure}_precision_{group}"] = round(counts.precision(), 4)
            result[f"{measure}_recall_{group}"] = round(counts.recall(), 4)
            result[f"{measure}_f1_{group}"] = round(counts.f1(), 4)
        return result


def _groups(timex_type: str) -> list[str]:
    groups = ["ALL", timex_type]
    if timex_type in ("DATE", "TIME"):
        groups.append("DATE+TIME")
    return groups


_SHORT_WEEK = re.compile(r"-W(\d)(?!\d)")


def same_value(predicted: str | None, gold: str) -> bool:
    """True when two TimeML values name the same time. Only spelling differences count as
    the same: part of the gold writes week numbers unpadded ("2000-W7" for "2000-W07")."""
    if predicted is None:
        return False
    return _SHORT_WEEK.sub(r"-W0\1", predicted) == _SHORT_WEEK.sub(r"-W0\1", gold)


_CONTEXT = 40


def _context(text: str, start: int, end: int) -> str:
    """The expression with the words around it on one line, the expression in brackets."""
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def _pair_errors(
    document: TimeDocument, gold: GoldTimex, mention: DateMention | None
) -> list[TimeError]:
    """The errors of one gold expression and the mention matched to it (None: missed)."""
    text = document.text
    gold_text = text[gold.start : gold.end]
    if mention is None:
        context = _context(text, gold.start, gold.end)
        return [
            TimeError("missed", gold.type, document.name, gold_text, gold.value, "", "", context)
        ]
    classes = []
    if not same_value(mention.value, gold.value):
        classes.append("wrong_value")
    if (mention.start, mention.end) != (gold.start, gold.end):
        classes.append("wrong_span")
    if mention.type != gold.type:
        classes.append("wrong_type")
    start, end = min(gold.start, mention.start), max(gold.end, mention.end)
    return [
        TimeError(
            error_class,
            gold.type,
            document.name,
            gold_text,
            gold.value,
            mention.text,
            f"{mention.type} {mention.value}",
            _context(text, start, end),
        )
        for error_class in classes
    ]


def score_document(
    document: TimeDocument, predicted: list[DateMention], scores: TimeScores
) -> None:
    """Add one document's counts and errors to ``scores``."""
    scores.documents += 1
    for mention in predicted:
        for group in _groups(mention.type):
            for measure in ("strict", "relaxed", "value"):
                scores.counts[(measure, group)].predicted += 1
    for gold in document.timexes:
        for group in _groups(gold.type):
            for measure in ("strict", "relaxed", "value"):
                scores.counts[(measure, group)].gold += 1
    used: set[int] = set()
    for gold in document.timexes:
        best = None
        for index, mention in enumerate(predicted):
            if index in used or mention.end <= gold.start or gold.end <= mention.start:
                continue
            best = index
            break
        if best is None:
            scores.errors.extend(_pair_errors(document, gold, None))
            continue
        used.add(best)
        scores.errors.extend(_pair_errors(document, gold, predicted[best]))
        mention = predicted[best]
        groups = set(_groups(gold.type)) & set(_groups(mention.type)) | {"ALL"}
        for group in groups:
            scores.counts[("relaxed", group)].matched += 1
            if (mention.start, mention.end) == (gold.start, gold.end):
                scores.counts[("strict", group)].matched += 1
            if same_value(mention.value, gold.value):
                scores.counts[("value", group)].matched += 1
    scores.errors.extend(_spurious(document, predicted, used))


def _spurious(
    document: TimeDocument, predicted: list[DateMention], used: set[int]
) -> list[TimeError]:
    """The predicted mentions no gold expression was matched to."""
    return [
        TimeError(
            "spurious",
            mention.type,
            document.name,
            "",
            "",
            mention.text,
            f"{mention.type} {mention.value}",
            _context(document.text, mention.start, mention.end),
        )
        for index, mention in enumerate(predicted)
        if index not in used
    ]


def evaluate_time(documents: list[TimeDocument]) -> TimeScores:
    """Run the date normaliser over TimeML documents and score it."""
    scores = TimeScores()
    for document in documents:
        score_document(document, find_dates(document.text, document.anchor), scores)
    return scores


def split_of(document: TimeDocument, directory: Path) -> str:
    """The part of the data a document belongs to: its first folder below ``directory``
    (TimeBank, AQUAINT), or "." for a document directly in it."""
    parts = Path(document.name).relative_to(directory).parts
    return parts[0] if len(parts) > 1 else "."
