"""A large corpus for the web bench, made quickly from a few hundred really analysed articles.

Analysing 100,000 articles with the whole pipeline would take hours on this machine's two
cores. Instead the bundled samples and the first PolNeAR dev texts (when ../shared is beside
the checkout) go through the real pipeline once, and the store then receives varied copies of
those analyses: each copy gets a numbered closing sentence (so its text, and its content hash,
is its own), a publication date spread over two years, an outlet and speakers taken in turn
from the corpus's own, and a source of its own. Every annotation keeps its offsets, since the
text only grows at its end. The database is kept between runs in the system's temporary
folder, under a name that carries the article count and the store's schema version.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsdesk.model import Article, Paragraph, Span
from newsdesk.pipeline import Pipeline
from newsdesk.resources import Resources
from newsdesk.store import MIGRATIONS, open_store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
CACHE = Path(tempfile.gettempdir()) / "newsdesk-bench"
FIRST_DAY = dt.date(2023, 1, 1)
DAYS = 730  # two years of publication dates
# Outlets beside those the analysed texts name, so that filters by outlet select a fraction.
EXTRA_OUTLETS = tuple(f"Bench Outlet {number}" for number in range(1, 21))
# A copy's date steps through the two years by a stride prime to their length, so that
# neighbouring ids are far apart in time, as articles ingested from many feeds are.
DATE_STRIDE = 7919
# Raised whenever the copies change, so that a kept database made the old way is not reused.
GENERATION = 1


@dataclass(frozen=True)
class BenchCorpus:
    """A generated corpus database: where it is, how many articles it holds, and how long it
    took to build (None when an earlier run's file was reused)."""

    path: Path
    articles: int
    build_seconds: float | None


def template_paths(polnear_limit: int) -> list[Path]:
    """The texts analysed for real: every bundled sample and up to ``polnear_limit`` PolNeAR
    dev texts, in a fixed order."""
    paths = sorted(SAMPLES.rglob("*.txt"))
    if POLNEAR_DEV.is_dir():
        paths += sorted(POLNEAR_DEV.glob("*.txt"))[:polnear_limit]
    return paths


def analysed_templates(paths: list[Path]) -> list[Article]:
    """Each text analysed by the whole pipeline; those that failed a stage are left out."""
    pipeline = Pipeline(resources=Resources())
    originals = (Article(source=str(p), original=p.read_text("utf-8")) for p in paths)
    analysed = pipeline.run_many(originals, batch_size=32)
    return [dataclasses.replace(a, parsed=None) for a in analysed if not a.errors]


@dataclass(frozen=True)
class Rotation:
    """What the copies take in turn: outlets, and speaker names for each speaker type."""

    outlets: tuple[str, ...]
    speakers: dict[str | None, tuple[str, ...]]

    @classmethod
    def of(cls, templates: list[Article]) -> Rotation:
        """The outlets and speakers the analysed texts name, with the extra outlets."""
        outlets = sorted({a.outlet for a in templates if a.outlet}) + list(EXTRA_OUTLETS)
        by_type: dict[str | None, set[str]] = {}
        for article in templates:
            for quote in article.quotes:
                if quote.speaker:
                    by_type.setdefault(quote.speaker_type, set()).add(quote.speaker)
        return cls(tuple(outlets), {kind: tuple(sorted(v)) for kind, v in by_type.items()})

    def speaker(self, kind: str | None, number: int) -> str:
        """The speaker of this type the copy ``number`` gives its ``number``-th statement."""
        names = self.speakers[kind]
        return names[number % len(names)]


def varied_copy(template: Article, number: int, rotation: Rotation) -> Article:
    """Copy ``number`` of an analysed article: the same analysis, its own text ending, date,
    outlet, source and speakers."""
    closing = f"Bench note {number}: copy {number} of this report."
    start = len(template.text) + 2
    text = f"{template.text}\n\n{closing}"
    published = FIRST_DAY + dt.timedelta(days=number * DATE_STRIDE % DAYS)
    quotes = [
        dataclasses.replace(q, speaker=rotation.speaker(q.speaker_type, number + index))
        if q.speaker
        else q
        for index, q in enumerate(template.quotes)
    ]
    return dataclasses.replace(
        template,
        source=f"bench/{number:06d}/{Path(template.source).name}",
        original=f"{template.original}\n\n{closing}",
        text=text,
        published=published.isoformat(),
        outlet=rotation.outlets[number % len(rotation.outlets)],
        paragraphs=[*template.paragraphs, Paragraph(start, len(text), "body")],
        sentences=[*template.sentences, Span(start, len(text))],
        quotes=quotes,
    )


def copies(templates: list[Article], count: int) -> Iterator[Article]:
    """``count`` distinct articles made from the analysed ones, taken in turn."""
    rotation = Rotation.of(templates)
    for number in range(count):
        yield varied_copy(templates[number % len(templates)], number, rotation)


# Articles stored per transaction while building.
BATCH = 1000


def cached_path(count: int) -> Path:
    """Where a corpus of ``count`` articles is kept between runs."""
    return CACHE / f"web-{count}-schema{len(MIGRATIONS)}-gen{GENERATION}.db"


def build(path: Path, count: int, polnear_limit: int) -> None:
    """Analyse the templates and store ``count`` varied copies at ``path`` (a new file)."""
    templates = analysed_templates(template_paths(polnear_limit))
    if not templates:
        raise RuntimeError("no text could be analysed for the bench corpus")
    # Stored a thousand at a time, one transaction each: the file is new and private to
    # this run, so nothing waits on it, and a commit per article would triple the time.
    with open_store(path) as store:
        batch: list[Article] = []
        for article in copies(templates, count):
            batch.append(article)
            if len(batch) == BATCH:
                store.add_many(batch)
                batch = []
        store.add_many(batch)
        store.unify_speakers()


def bench_corpus(count: int, polnear_limit: int = 300) -> BenchCorpus:
    """The corpus of ``count`` articles: the kept file when an earlier run built it, else a
    new one (built under a temporary name, so that an interrupted build is never reused)."""
    path = cached_path(count)
    if path.exists():
        return BenchCorpus(path, count, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
    started = time.perf_counter()
    try:
        build(partial, count, polnear_limit)  # closing the store folds its WAL into the file
        partial.rename(path)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
    return BenchCorpus(path, count, time.perf_counter() - started)
