"""Shared fixtures: the reference data beside the project, and one pipeline per test session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsdesk.pipeline import Pipeline
from newsdesk.resources import Resources

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_TEXT = SHARED / "seed" / "000_1b27264206c10d7d.txt"
SEED_GOLD = SHARED / "seed" / "gold.json"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev"


def require_shared(path: Path) -> Path:
    """Skip the calling test, saying why, when reference data beside the project is absent."""
    if not path.exists():
        pytest.skip(f"needs {path} (the ../shared reference data is not beside this checkout)")
    return path


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()


@pytest.fixture(scope="session")
def pipeline(resources: Resources) -> Pipeline:
    return Pipeline(resources=resources)


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(require_shared(SEED_GOLD).read_text("utf-8"))
    return gold


@pytest.fixture(scope="session")
def seed_text() -> str:
    return require_shared(SEED_TEXT).read_text("utf-8")
