"""Speed of newsdesk's pipeline, reported against spaCy alone measured in the same run.

Texts: the PolNeAR dev articles from ../shared (or the bundled samples when it is absent).
"spaCy alone" is the plain model with its default components over the same texts
(``nlp.pipe``); "whole pipeline" is every stage, batched as ``analyze`` runs them. The two run
in turns, several rounds, in this one process on one core (run with OMP_NUM_THREADS=1).

Times are CPU seconds of this process: on a machine shared with other work they move far less
than wall-clock times, which are printed beside them. The figure is the ratio of the fastest
rounds (and, steadier when other work comes and goes, the median of each round's own
ratio: a round's two runs follow each other). Each stage is timed inside the pipeline's own
runs; "beyond spaCy" is what it adds to spaCy's time (for the parse stage, its time less
spaCy alone's).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import spacy

from newsdesk.model import Article
from newsdesk.pipeline import STAGES, Pipeline, Stage
from newsdesk.resources import DEFAULT_SPACY_MODEL, Resources

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
ROUNDS = 3
BATCH = 32


def load_texts() -> tuple[str, list[str]]:
    """Return a label for the corpus and its texts."""
    if POLNEAR_DEV.is_dir():
        paths = sorted(POLNEAR_DEV.glob("*.txt"))
        label = f"PolNeAR dev ({len(paths)} articles)"
    else:
        paths = sorted((ROOT / "samples").glob("*.txt"))
        label = f"bundled samples ({len(paths)} articles; ../shared is absent)"
    return label, [p.read_text("utf-8") for p in paths]


@dataclass
class Clock:
    """CPU and wall seconds of one measured thing, one entry per round."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    def time(self, work: Callable[[], object]) -> None:
        """Run ``work`` once and record how long it took."""
        cpu, wall = time.process_time(), time.perf_counter()
        work()
        self.cpu.append(time.process_time() - cpu)
        self.wall.append(time.perf_counter() - wall)


@dataclass
class StageClocks:
    """CPU seconds spent in each stage during the current round."""

    seconds: dict[str, float] = field(default_factory=dict)

    def timed(self, stage: Stage) -> Stage:
        """``stage`` with its functions adding their CPU time to this round's total."""

        def clock(function: Callable[..., Any]) -> Callable[..., Any]:
            def run(*args: Any) -> Any:
                started = time.process_time()
                try:
                    return function(*args)
                finally:
                    spent = time.process_time() - started
                    self.seconds[stage.name] = self.seconds.get(stage.name, 0.0) + spent

            return run

        batch = clock(stage.run_batch) if stage.run_batch is not None else None
        return replace(stage, run=clock(stage.run), run_batch=batch)


def _row(name: str, seconds: float, spacy_seconds: float, count: int) -> str:
    return (
        f"{name:<34}{seconds:>9.3f}{seconds / spacy_seconds:>10.1%}"
        f"{count / seconds if seconds > 0 else float('inf'):>13.1f}"
    )


def _spread(values: Sequence[float]) -> str:
    return " ".join(f"{v:.3f}" for v in values)


def main() -> int:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="rounds of each measure")
    options = parser.parse_args()
    label, texts = load_texts()
    count = len(texts)
    characters = sum(len(t) for t in texts)
    resources = Resources()
    clocks = StageClocks()
    pipeline = Pipeline([clocks.timed(stage) for stage in STAGES], resources)
    plain_nlp = spacy.load(DEFAULT_SPACY_MODEL)

    def spacy_alone() -> None:
        for _ in plain_nlp.pipe(texts, batch_size=BATCH):
            pass

    def whole_pipeline() -> None:
        articles = (Article(source=str(i), original=t) for i, t in enumerate(texts))
        for _ in pipeline.run_many(articles, batch_size=BATCH):
            pass

    whole_pipeline()  # load models and warm caches before timing anything
    spacy_alone()
    spacy_clock, pipeline_clock = Clock(), Clock()
    per_round: list[dict[str, float]] = []
    for _ in range(options.rounds):
        spacy_clock.time(spacy_alone)
        clocks.seconds = {}
        pipeline_clock.time(whole_pipeline)
        per_round.append(clocks.seconds)

    spacy_seconds = min(spacy_clock.cpu)
    pipeline_seconds = min(pipeline_clock.cpu)
    stages = per_round[pipeline_clock.cpu.index(pipeline_seconds)]
    print(f"corpus: {label}, {characters:,} characters; one process, one core")
    print(f"best of {options.rounds} rounds, CPU seconds; % of spaCy alone's time")
    print(f"{'measure':<34}{'seconds':>9}{'% spaCy':>10}{'articles/s':>13}")
    print(_row("spaCy alone (nlp.pipe)", spacy_seconds, spacy_seconds, count))
    print(_row("whole newsdesk pipeline", pipeline_seconds, spacy_seconds, count))
    print("time beyond spaCy per stage, best pipeline round (articles/s: the stage alone)")
    for stage in STAGES:
        spent = stages.get(stage.name, 0.0)
        beyond = spent - spacy_seconds if stage.name == "parse" else spent
        name = "  parse, less spaCy alone" if stage.name == "parse" else f"  {stage.name}"
        print(_row(name, beyond, spacy_seconds, count))
    runner = pipeline_seconds - sum(stages.values())
    print(f"{'  runner (batching, bookkeeping)':<34}{runner:>9.3f}{runner / spacy_seconds:>10.1%}")
    beyond_all = pipeline_seconds - spacy_seconds
    print(f"{'  all stages':<34}{beyond_all:>9.3f}{beyond_all / spacy_seconds:>10.1%}")
    ratios = [p / s for p, s in zip(pipeline_clock.cpu, spacy_clock.cpu, strict=True)]
    wall_ratios = [p / s for p, s in zip(pipeline_clock.wall, spacy_clock.wall, strict=True)]
    print(f"whole pipeline / spaCy alone: {pipeline_seconds / spacy_seconds:.3f}x the time")
    print(f"  median of the rounds' own ratios: {statistics.median(ratios):.3f}x")
    print(f"  per round, CPU:  {_spread(ratios)}")
    print(f"  per round, wall: {_spread(wall_ratios)}")
    print(f"  spaCy alone CPU s:    {_spread(spacy_clock.cpu)}")
    print(f"  whole pipeline CPU s: {_spread(pipeline_clock.cpu)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
