"""Date and time evaluation against TimeML gold (TempEval-3 TimeBank and AQUAINT).

For every ``.tml`` file: the document creation time is the anchor, the text is the ``<TEXT>``
element with its tags removed, and the gold expressions are its ``TIMEX3`` elements. Scores:
strict span (same offsets), relaxed span (overlapping offsets) and value (relaxed span and the
same normalised value, see :func:`same_value`), each as precision, recall and F1, overall and
per TIMEX type.
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


@dataclass
class TimeScores:
    """Counts per measure (strict, relaxed, value) and per type (ALL, DATE, ..., DATE+TIME)."""

    counts: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    documents: int = 0

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


def score_document(
    document: TimeDocument, predicted: list[DateMention], scores: TimeScores
) -> None:
    """Add one document's counts to ``scores``."""
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
            continue
        used.add(best)
        mention = predicted[best]
        groups = set(_groups(gold.type)) & set(_groups(mention.type)) | {"ALL"}
        for group in groups:
            scores.counts[("relaxed", group)].matched += 1
            if (mention.start, mention.end) == (gold.start, gold.end):
                scores.counts[("strict", group)].matched += 1
            if same_value(mention.value, gold.value):
                scores.counts[("value", group)].matched += 1


def evaluate_time(documents: list[TimeDocument]) -> TimeScores:
    """Run the date normaliser over TimeML documents and score it."""
    scores = TimeScores()
    for document in documents:
        score_document(document, find_dates(document.text, document.anchor), scores)
    return scores
