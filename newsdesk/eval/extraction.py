"""Main-text extraction evaluation on the article-extraction-benchmark (HTML pages + gold text).

The benchmark's metric: 4-gram shingles of ``\\w+`` tokens per page (counted, case kept),
precision and recall per page from the shared, extra and missing shingles, both averaged over
pages, and F1 of the two averages. A page where neither side has a shingle scores 1.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsdesk.errors import InputError
from newsdesk.readers.html import extract_page
from newsdesk.resources import Resources
from newsdesk.stages.repair import repair_text

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """The counted ``size``-grams of a text's word tokens."""
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(max(0, len(tokens) - size + 1)))


def page_scores(predicted: str, gold: str) -> tuple[float, float]:
    """Precision and recall of one page's extracted text against its gold text."""
    expected, found = shingles(gold), shingles(predicted)
    shared = sum((expected & found).values())
    extra = sum((found - expected).values())
    missing = sum((expected - found).values())
    if shared + extra + missing == 0:
        return 1.0, 1.0
    precision = shared / (shared + extra) if shared + extra else 0.0
    recall = shared / (shared + missing) if shared + missing else 0.0
    return precision, recall


@dataclass
class ExtractionScores:
    """Macro-averaged precision and recall over pages, and their F1."""

    pages: int
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The figures as plain data."""
        return {
            "pages": self.pages,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def extract_text(html: str, source: str, resources: Resources) -> str:
    """The main text newsdesk takes from a page: trafilatura's, then repaired."""
    try:
        page = extract_page(html, source)
    except InputError:
        return ""
    return repair_text(page.body, resources).text


def evaluate_extraction(directory: Path, resources: Resources) -> ExtractionScores:
    """Score newsdesk's main-text extraction on the benchmark in ``directory``."""
    truth = json.loads((directory / "ground-truth.json").read_text("utf-8"))
    precision_sum = recall_sum = 0.0
    for item, gold in truth.items():
        path = directory / "html" / f"{item}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        precision, recall = page_scores(
            extract_text(html, str(path), resources), gold["articleBody"]
        )
        precision_sum += precision
        recall_sum += recall
    pages = len(truth)
    return ExtractionScores(pages, precision_sum / pages, recall_sum / pages)
