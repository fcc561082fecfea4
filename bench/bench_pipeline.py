"""Speed of newsdesk's stages, reported against spaCy alone measured in the same run.

Texts: the PolNeAR dev articles from ../shared (or the bundled samples when it is absent).
Everything runs in this one process on one core; each figure is the best of several rounds.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from newsdesk.model import Article
from newsdesk.pipeline import Pipeline
from newsdesk.resources import DEFAULT_SPACY_MODEL, Resources
from newsdesk.stages.attribution import attribute
from newsdesk.stages.dates import find_dates
from newsdesk.stages.entities import find_entities
from newsdesk.stages.repair import repair_text
from newsdesk.stages.speakers import resolve_speakers

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
ROUNDS = 3


def load_texts() -> tuple[str, list[str]]:
    """Return a label for the corpus and its texts."""
    if POLNEAR_DEV.is_dir():
        paths = sorted(POLNEAR_DEV.glob("*.txt"))
        label = f"PolNeAR dev ({len(paths)} articles)"
    else:
        paths = sorted((ROOT / "samples").glob("*.txt"))
        label = f"bundled samples ({len(paths)} articles; ../shared is absent)"
    return label, [p.read_text("utf-8") for p in paths]


def best_time(work: Callable[[], object], rounds: int = ROUNDS) -> float:
    """Seconds the fastest of ``rounds`` runs of ``work`` took."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    """Measure and print the figures."""
    label, texts = load_texts()
    count = len(texts)
    characters = sum(len(t) for t in texts)
    resources = Resources()
    pipeline = Pipeline(resources=resources)
    plain_nlp = spacy.load(DEFAULT_SPACY_MODEL)

    def repair_only() -> None:
        for text in texts:
            repair_text(text, resources)

    def spacy_alone() -> None:
        for _ in plain_nlp.pipe(texts, batch_size=32):
            pass

    def whole_pipeline() -> None:
        articles = (Article(source=str(i), original=t) for i, t in enumerate(texts))
        for _ in pipeline.run_many(articles, batch_size=32):
            pass

    whole_pipeline()  # load models and warm caches before timing anything
    spacy_alone()
    later = ("entities", "attribution", "speakers", "events")
    upto_parse = Pipeline([s for s in pipeline.stages if s.name not in later], resources)
    parsed = list(
        upto_parse.run_many(Article(source=str(i), original=t) for i, t in enumerate(texts))
    )

    # The speakers stage reads the entities stage's people, as in the whole pipeline.
    with_entities = [find_entities(article, resources) for article in parsed]

    def attribution_only() -> None:
        for article in with_entities:
            resolve_speakers(attribute(article, resources), resources)

    def entities_only() -> None:
        for article in parsed:
            find_entities(article, resources)

    def dates_only() -> None:
        for article in parsed:
            find_dates(article.text, None)

    repair_seconds = best_time(repair_only)
    spacy_seconds = best_time(spacy_alone)
    pipeline_seconds = best_time(whole_pipeline)
    attribution_seconds = best_time(attribution_only)
    entities_seconds = best_time(entities_only)
    dates_seconds = best_time(dates_only)

    print(f"corpus: {label}, {characters:,} characters; one process, one core")
    print(f"{'measure':<34}{'seconds':>10}{'articles/s/core':>18}")
    for name, seconds in (
        ("repair stage alone", repair_seconds),
        ("spaCy alone (nlp.pipe)", spacy_seconds),
        ("attribution + speakers stages", attribution_seconds),
        ("entities stage", entities_seconds),
        ("date normaliser", dates_seconds),
        ("whole newsdesk pipeline", pipeline_seconds),
    ):
        print(f"{name:<34}{seconds:>10.3f}{count / seconds:>18.1f}")
    print(f"whole pipeline / spaCy alone: {pipeline_seconds / spacy_seconds:.3f}x the time")
    print(f"repair / spaCy alone:         {repair_seconds / spacy_seconds:.3f}x the time")
    print(f"attribution / spaCy alone:    {attribution_seconds / spacy_seconds:.3f}x the time")
    print(f"entities / spaCy alone:       {entities_seconds / spacy_seconds:.3f}x the time")
    print(f"dates / spaCy alone:          {dates_seconds / spacy_seconds:.3f}x the time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
