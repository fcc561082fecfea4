"""A batch's output directory: its manifest, the site chrome, and one directory per shard,
written under a temporary name and renamed when whole.

``DIR/batch.json`` names the inputs, the options and each shard's directory; it is written
once the site chrome is learned, so a re-run of the same inputs reuses it and a run of other
inputs into the same directory is refused (ND038). A shard's directory
``DIR/shards/NNNNN-name`` exists only whole: its files are written to
``DIR/shards/.NNNNN-name.partial-PID``, ``_DONE.json`` last, and the directory renamed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsdesk.batch.tables import arrow_schema
from newsdesk.errors import NewsdeskError

MANIFEST = "batch.json"
SITE_CHROME = "site_chrome.parquet"
DONE = "_DONE.json"
_FORMAT = 1


@dataclass(frozen=True)
class Shard:
    """One input of a batch: its place in the input list, the input, its output directory's
    name, and how many records (articles and unreadable inputs) the first reading found."""

    index: int
    input: str
    name: str
    records: int


@dataclass(frozen=True)
class ShardCounts:
    """What a finished shard holds: articles analysed and stored in it, inputs quarantined,
    the seconds its analysis took, when it started (seconds since the epoch) and the CPU
    seconds its worker spent on it."""

    articles: int
    quarantined: int
    seconds: float
    started: float = 0.0
    cpu_seconds: float = 0.0


def shard_name(index: int, path: str) -> str:
    """The directory name of a shard: its number and a tidy form of its input's name."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(path).name or "input").strip("._")[:60]
    return f"{index:05d}-{base or 'input'}"


@dataclass(frozen=True)
class BatchDir:
    """The output directory of one batch."""

    root: Path

    @property
    def shards_dir(self) -> Path:
        """Where the shards' directories are."""
        return self.root / "shards"

    def shard_dir(self, shard: Shard) -> Path:
        """The directory of a finished shard."""
        return self.shards_dir / shard.name

    def done(self, shard: Shard) -> ShardCounts | None:
        """The counts of a shard written whole, or None when it is not (yet) done."""
        try:
            data = json.loads((self.shard_dir(shard) / DONE).read_text("utf-8"))
            return ShardCounts(
                int(data["articles"]),
                int(data["quarantined"]),
                float(data["seconds"]),
                float(data.get("started", 0.0)),
                float(data.get("cpu_seconds", 0.0)),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def partial_dir(self, shard: Shard) -> Path:
        """A fresh temporary directory for writing a shard in this process."""
        path = self.shards_dir / f".{shard.name}.partial-{os.getpid()}"
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    def clear_partials(self) -> int:
        """Remove what runs stopped midway left behind; return how many shards it was."""
        stale = list(self.shards_dir.glob(".*.partial-*")) if self.shards_dir.exists() else []
        for path in stale:
            shutil.rmtree(path, ignore_errors=True)
        unfinished = [
            p for p in self.shards_dir.glob("[0-9]*") if p.is_dir() and not (p / DONE).exists()
        ]
        for path in unfinished:
            shutil.rmtree(path, ignore_errors=True)
        return len(stale) + len(unfinished)

    def commit(self, partial: Path, shard: Shard, counts: ShardCounts) -> None:
        """Mark a shard's written files done and give them the shard's name; a shard another
        worker finished first is kept and this copy dropped."""
        (partial / DONE).write_text(json.dumps(asdict(counts)), "utf-8")
        try:
            partial.rename(self.shard_dir(shard))
        except OSError:
            if self.done(shard) is None:
                raise
            shutil.rmtree(partial, ignore_errors=True)

    def read_manifest(self) -> dict[str, Any] | None:
        """The manifest of the batch in this directory, or None when there is none."""
        path = self.root / MANIFEST
        if not path.exists():
            return None
        try:
            data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise NewsdeskError("ND039", f"{path}: not a batch manifest: {exc}") from None
        return data

    def write_manifest(
        self, inputs: list[str], settings: dict[str, Any], shards: list[Shard]
    ) -> None:
        """Write the manifest whole (under a temporary name, then renamed)."""
        data = {
            "format": _FORMAT,
            "inputs": inputs,
            "settings": settings,
            "shards": [asdict(shard) for shard in shards],
        }
        self.root.mkdir(parents=True, exist_ok=True)
        temporary = self.root / f".{MANIFEST}.{os.getpid()}"
        temporary.write_text(json.dumps(data, indent=1, ensure_ascii=False), "utf-8")
        temporary.replace(self.root / MANIFEST)

    def shards(self) -> list[Shard]:
        """The shards the manifest lists, in input order; ND039 when there is no manifest."""
        data = self.read_manifest()
        if data is None:
            raise NewsdeskError(
                "ND039", f"{self.root}: not a batch output directory (no {MANIFEST})"
            )
        try:
            return [Shard(**shard) for shard in data["shards"]]
        except (KeyError, TypeError) as exc:
            raise NewsdeskError("ND039", f"{self.root / MANIFEST}: malformed: {exc}") from None


class TableWriter:
    """Writes one table's rows to a Parquet file in row groups, so a shard of any size is
    written in flat memory; the file exists (possibly empty) once closed."""

    def __init__(self, path: Path, table: str, rows_per_group: int = 1024) -> None:
        self.path = path
        self.schema = arrow_schema(table)
        self.rows: list[dict[str, Any]] = []
        self.rows_per_group = rows_per_group
        self._writer = pq.ParquetWriter(path, self.schema)

    def add(self, rows: list[dict[str, Any]]) -> None:
        """Queue rows (dicts by column name) for the file."""
        self.rows.extend(rows)
        if len(self.rows) >= self.rows_per_group:
            self.flush()

    def flush(self) -> None:
        """Write the queued rows as one row group."""
        if self.rows:
            self._writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        """Write what is queued and close the file."""
        self.flush()
        self._writer.close()


def read_rows(path: Path, table: str) -> Iterator[dict[str, Any]]:
    """The rows of one table's Parquet file, as dicts by column name, in file order."""
    handle = pq.ParquetFile(path)
    names = [field.name for field in arrow_schema(table)]
    for batch in handle.iter_batches(columns=names):
        yield from batch.to_pylist()


def write_table(path: Path, table: str, rows: list[dict[str, Any]]) -> None:
    """Write one small table whole."""
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(table)), path)
