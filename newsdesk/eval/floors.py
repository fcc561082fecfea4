"""Pinned minimum scores: CI's evaluation gate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def check_floors(figures: dict[str, Any], floors_file: Path, data_hash: str) -> list[str]:
    """Return one message per score below its floor, or for data that is not what was pinned."""
    pinned = json.loads(floors_file.read_text("utf-8"))
    problems = []
    if pinned.get("data_sha256") and pinned["data_sha256"] != data_hash:
        problems.append(
            f"{floors_file}: the evaluation data changed (sha256 {data_hash}, pinned "
            f"{pinned['data_sha256']}); re-measure and re-pin the floors"
        )
    for name, floor in pinned["floors"].items():
        value = figures.get(name)
        if value is None:
            problems.append(f"{floors_file}: no figure named {name!r}")
        elif value < floor:
            problems.append(f"{name} = {value:.4f} is below its floor {floor:.4f}")
    return problems
