"""The pipeline: newsdesk's stages in the order they run, and the runner that drives them.

Each stage is a pure function of one :class:`~newsdesk.model.Article` and the process's
:class:`~newsdesk.resources.Resources`; it declares what it needs and what it adds. A stage
that raises marks that article failed with the reason, later stages that need its output are
skipped for that article, and every other article goes on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsdesk.errors import NewsdeskError
from newsdesk.model import Article, StageError
from newsdesk.resources import Resources
from newsdesk.stages.attribution import attribute
from newsdesk.stages.dates import normalise_dates
from newsdesk.stages.entities import find_entities
from newsdesk.stages.events import find_events
from newsdesk.stages.outlet import outlet
from newsdesk.stages.parse import parse, parse_batch
from newsdesk.stages.repair import repair
from newsdesk.stages.repair.boilerplate import parse_rules
from newsdesk.stages.speakers import resolve_speakers
from newsdesk.stages.structure import structure

_ALIAS_TYPES = frozenset({"PERSON", "ORG", "NORP", "PLACE"})

StageFunction = Callable[[Article, Resources], Article]
BatchFunction = Callable[[Sequence[Article], Resources], list[Article]]


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: ``run`` reads ``requires`` and adds ``provides``."""

    name: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    run: StageFunction
    run_batch: BatchFunction | None = None


def _table_lines(path: Path) -> list[tuple[int, list[str]]]:
    try:
        text = path.read_text("utf-8")
    except UnicodeDecodeError:
        raise NewsdeskError("ND019", f"{path}: not UTF-8") from None
    except OSError as exc:
        raise NewsdeskError("ND019", f"{path}: cannot read: {exc.strerror or exc}") from None
    return [
        (number, line.split("\t"))
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def check_table_files(
    boilerplate_file: Path | None, alias_files: tuple[Path, ...], office_files: tuple[Path, ...]
) -> None:
    """Raise NewsdeskError (ND019) naming the file and line of the first bad row in a user's
    ``--boilerplate``, ``--aliases`` or ``--offices`` file, before any article is analysed."""
    if boilerplate_file is not None:
        try:
            parse_rules(boilerplate_file.read_text("utf-8"), str(boilerplate_file))
        except UnicodeDecodeError:
            raise NewsdeskError("ND019", f"{boilerplate_file}: not UTF-8") from None
        except ValueError as exc:
            raise NewsdeskError("ND019", str(exc)) from None
    for path in alias_files:
        for number, cells in _table_lines(path):
            if len(cells) < 2 or cells[0].strip() not in _ALIAS_TYPES or not cells[1].strip():
                raise NewsdeskError(
                    "ND019",
                    f"{path}:{number}: expected 'type<TAB>canonical<TAB>id<TAB>alias|alias' "
                    f"with type one of {', '.join(sorted(_ALIAS_TYPES))}",
                )
    for path in office_files:
        for number, cells in _table_lines(path):
            dates_ok = len(cells) >= 3 and _iso_date(cells[2])
            end_ok = len(cells) < 4 or not cells[3].strip() or _iso_date(cells[3])
            if len(cells) < 3 or not cells[0].strip() or not cells[1].strip():
                dates_ok = False
            if not dates_ok or not end_ok:
                raise NewsdeskError(
                    "ND019",
                    f"{path}:{number}: expected 'office<TAB>holder<TAB>from<TAB>to' with "
                    "dates as YYYY-MM-DD (to may be empty)",
                )


# The stage list. Data flows one way, top to bottom.
STAGES: tuple[Stage, ...] = (
    Stage("repair", ("original",), ("text", "repairs", "removed", "offset_map"), repair),
    Stage("structure", ("text", "site_name"), ("paragraphs", "author", "flags"), structure),
    Stage("outlet", ("text", "removed", "site_name"), ("outlet", "outlet_evidence"), outlet),
    Stage("dates", ("text",), ("dates",), normalise_dates),
    Stage("parse", ("text", "paragraphs"), ("parsed", "sentences"), parse, parse_batch),
    Stage("entities", ("parsed",), ("entities",), find_entities),
    Stage("attribution", ("parsed", "paragraphs"), ("quotes",), attribute),
    Stage(
        "speakers",
        ("parsed", "quotes", "entities", "author"),
        ("quotes.speaker", "quotes.speaker_type", "quotes.speaker_evidence"),
        resolve_speakers,
    ),
    Stage(
        "events",
        ("parsed", "quotes", "quotes.speaker", "entities", "dates"),
        ("events",),
        find_events,
    ),
)

# What an article has before any stage runs.
INPUT_FIELDS = ("original", "source", "published", "url", "site_chrome", "site_name")


def check_order(stages: Sequence[Stage]) -> None:
    """Raise ValueError unless every stage's requirements are provided by stages before it."""
    available = set(INPUT_FIELDS)
    names = set()
    for stage in stages:
        missing = [need for need in stage.requires if need not in available]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {missing} that no earlier stage provides")
        if stage.name in names:
            raise ValueError(f"stage {stage.name!r} appears twice")
        names.add(stage.name)
        available.update(stage.provides)


def _describe(exc: BaseException) -> str:
    message = str(exc).strip()
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class Pipeline:
    """Runs stages over articles, one at a time or in batches, capturing failures per article."""

    def __init__(
        self, stages: Sequence[Stage] = STAGES, resources: Resources | None = None
    ) -> None:
        check_order(stages)
        self.stages = tuple(stages)
        self.resources = resources if resources is not None else Resources()

    def _ready(self, article: Article, stage: Stage) -> bool:
        """True when no failed stage of this article provides something ``stage`` needs."""
        if not article.errors:
            return True
        failed = {error.stage for error in article.errors}
        lost = {p for s in self.stages if s.name in failed for p in s.provides}
        return not lost.intersection(stage.requires)

    def _run_one(self, stage: Stage, article: Article) -> Article:
        if not self._ready(article, stage):
            return article
        try:
            result = stage.run(article, self.resources)
        except Exception as exc:  # a stage's bug must not take the batch down
            errors = [*article.errors, StageError(stage.name, _describe(exc))]
            return article.with_updates(errors=errors)
        return result.with_updates(completed=[*result.completed, stage.name])

    def run(self, article: Article) -> Article:
        """Run every stage over one article and return the result."""
        for stage in self.stages:
            article = self._run_one(stage, article)
        return article

    def run_many(self, articles: Iterable[Article], batch_size: int = 64) -> Iterable[Article]:
        """Run every stage over articles in batches, yielding results in input order."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> list[Article]:
        for stage in self.stages:
            if stage.run_batch is None or len(batch) == 1:
                batch = [self._run_one(stage, article) for article in batch]
                continue
            ready = [i for i, article in enumerate(batch) if self._ready(article, stage)]
            try:
                done = stage.run_batch([batch[i] for i in ready], self.resources)
            except Exception:
                # Find the article that broke the batch by running them one at a time.
                batch = [self._run_one(stage, article) for article in batch]
                continue
            for index, result in zip(ready, done, strict=True):
                batch[index] = result.with_updates(completed=[*result.completed, stage.name])
        return batch
