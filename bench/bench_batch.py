"""Speed and memory of ``newsdesk batch``: articles per second with one and two local worker
processes and with one and two Ray actors on the same shards (the ratio is the figure; the
start of Ray and of the workers is reported apart), and a worker's peak memory as its input
grows.

Articles are made by recombining the paragraphs of the bundled samples and, when ../shared
is beside the checkout, of the PolNeAR texts. ``--quick`` measures a small corpus (a few
minutes); the full run measures 1,000 articles per engine and memory from 1,000 to 20,000
articles (about an hour on two cores).

A rate "in work" counts the time from the first shard's start to the last one's end; "with
every worker busy" divides the shards' own time among the workers (what the pool would do
were no worker ever idle or late to start); "per CPU-second" divides by the CPU time the
workers spent, which other load on the machine does not change. A worker's start (its models
loading) and Ray's start come before all of these and are shown apart.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsdesk.batch import BatchOptions, run_batch
from newsdesk.batch.layout import BatchDir, ShardCounts
from newsdesk.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
SITES = 5


def paragraph_pool() -> tuple[str, list[str]]:
    """The paragraphs articles are made of, and where they come from."""
    paths = sorted((ROOT / "samples").glob("*.txt"))
    label = "bundled samples"
    if POLNEAR.is_dir():
        paths += sorted(POLNEAR.glob("*/text/*.txt"))
        label += " and PolNeAR"
    else:
        label += " (../shared is absent: no PolNeAR)"
    pool = []
    for path in paths:
        for paragraph in path.read_text("utf-8").split("\n\n"):
            text = " ".join(paragraph.split())
            if 80 <= len(text) <= 1200:
                pool.append(text)
    return label, pool


def write_shards(directory: Path, shards: int, per_shard: int, seed: int = 7) -> list[str]:
    """JSON Lines shards of made-up articles: a title and five to nine paragraphs each."""
    _, pool = paragraph_pool()
    chooser = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    inputs = []
    for shard in range(shards):
        path = directory / f"shard-{shard:03d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for number in range(per_shard):
                body = chooser.sample(pool, chooser.randint(5, 9))
                title = body[0].split(".")[0][:90]
                record = {
                    "url": f"https://site{number % SITES}.example/{shard}/{number}",
                    "published": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}",
                    "title": title,
                    "text": "\n\n".join(body),
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        inputs.append(str(path))
    return inputs


def _shard_counts(out: Path) -> list[ShardCounts]:
    batch = BatchDir(out)
    return [c for c in (batch.done(s) for s in batch.shards()) if c is not None]


def measure(inputs: list[str], engine: str, workers: int, scratch: Path) -> dict[str, Any]:
    """One batch run's figures."""
    out = Path(tempfile.mkdtemp(dir=scratch))
    options = BatchOptions(engine=engine, workers=workers, site_chrome_pages=0)
    began = time.time()
    summary = run_batch(inputs, out / "out", Pipeline(), options)
    counts = _shard_counts(out / "out")
    articles = sum(c.articles for c in counts)
    first = min(c.started for c in counts)
    in_work = max(c.started + c.seconds for c in counts) - first
    busy = sum(c.seconds for c in counts) / workers
    return {
        "engine": engine,
        "workers": workers,
        "articles": articles,
        "rate_in_work": articles / in_work,
        "rate_busy": articles / busy,
        "rate_cpu": articles / sum(c.cpu_seconds for c in counts),
        "rate_overall": articles / (summary.analysis_seconds + summary.startup_seconds),
        "worker_start": first - began - summary.first_pass_seconds - summary.startup_seconds,
    }


def _line(figures: dict[str, Any]) -> str:
    return (
        f"  {figures['engine']:5} x{figures['workers']}: {figures['articles']} articles, "
        f"{figures['rate_in_work']:.2f} articles/s in work ({figures['rate_busy']:.2f} with "
        f"every worker busy), {figures['rate_overall']:.2f} overall, "
        f"{figures['rate_cpu']:.2f} per CPU-second; worker start {figures['worker_start']:.1f} s"
    )


def throughput(inputs: list[str], engine: str, rounds: int, scratch: Path) -> list[float]:
    """Rates with one and two workers, alternated over ``rounds``; returns the ratios."""
    ratios: list[float] = []
    busy: list[float] = []
    for _ in range(rounds):
        one = measure(inputs, engine, 1, scratch)
        two = measure(inputs, engine, 2, scratch)
        print(_line(one))
        print(_line(two))
        ratios.append(two["rate_in_work"] / one["rate_in_work"])
        busy.append(two["rate_busy"] / one["rate_busy"])
    spread = ", ".join(f"{r:.2f}" for r in ratios)
    busy_spread = ", ".join(f"{r:.2f}" for r in busy)
    print(
        f"  {engine}: 2 workers / 1 worker = {spread} in work, {busy_spread} with every "
        f"worker busy (per round); load {os.getloadavg()}"
    )
    return ratios


def ray_throughput(inputs: list[str], rounds: int, scratch: Path) -> list[float]:
    """The same with Ray actors on a cluster started here (its start timed apart)."""
    try:
        from newsdesk.batch.cluster import ray_session
    except ImportError:
        print("  ray: not installed (pip install 'newsdesk[ray]'): skipped")
        return []
    with ray_session() as startup:
        print(f"  ray: cluster started in {startup:.1f} s")
        return throughput(inputs, "ray", rounds, scratch)


def memory_child(articles: int, scratch: Path) -> None:
    """In a process of its own: one worker over one shard of ``articles``; prints the peak
    memory (MB) of the worker and of this driving process."""
    inputs = write_shards(scratch / "memory", 1, articles, seed=articles)
    run_batch(inputs, scratch / "out", Pipeline(), BatchOptions(workers=1))
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    driver = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"articles": articles, "worker_mb": worker, "driver_mb": driver}))


def memory(sizes: list[int], scratch: Path) -> None:
    """Peak memory of one worker as its input grows, each size in a fresh process."""
    for size in sizes:
        began = time.perf_counter()
        command = [sys.executable, __file__, "--memory", str(size), "--scratch", str(scratch)]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        figures = json.loads(result.stdout.strip().splitlines()[-1])
        print(
            f"  {size:6d} articles: worker peak {figures['worker_mb']:.0f} MB, driver peak "
            f"{figures['driver_mb']:.0f} MB ({time.perf_counter() - began:.0f} s)"
        )


def main() -> int:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small corpus: a few minutes")
    parser.add_argument("--memory", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--scratch", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--skip-memory", action="store_true", help="throughput only")
    parser.add_argument(
        "--engines", default="local,ray", help="engines to measure (default: local,ray)"
    )
    args = parser.parse_args()
    if args.memory:
        memory_child(args.memory, args.scratch / f"m{args.memory}")
        return 0
    shards, per_shard, rounds = (4, 40, 2) if args.quick else (8, 125, 2)
    sizes = [250, 1000] if args.quick else [1000, 5000, 20000]
    label, pool = paragraph_pool()
    print(f"batch bench: articles made of {len(pool)} paragraphs of the {label}")
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as directory:
        scratch = Path(directory)
        inputs = write_shards(scratch / "shards", shards, per_shard)
        print(f"throughput on {shards} shards of {per_shard} articles:")
        engines = args.engines.split(",")
        if "local" in engines:
            throughput(inputs, "local", rounds, scratch)
        if "ray" in engines:
            ray_throughput(inputs, rounds, scratch)
        if not args.skip_memory:
            print("peak memory of one local worker over one shard:")
            memory(sizes, scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
