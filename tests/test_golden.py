"""Golden outputs: ``newsdesk analyze --format json`` on the bundled samples and the seed.

The outputs kept in ``tests/golden/`` are what the analysis gave when they were written; any
change to them, byte for byte, fails here. A change meant to alter results rewrites them with
``NEWSDESK_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and shows the difference in its
commit. The seed belongs to the shared reference data, so only a digest of its output is kept.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_TEXT, require_shared

GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ROOT / "samples"
UPDATE = os.environ.get("NEWSDESK_UPDATE_GOLDEN") == "1"
# One run as a user without dates would make it, one with a publication date to anchor
# relative dates against.
RUNS = {"undated": (), "dated": ("--published", "2024-06-01")}


def _analyse(*args: str) -> str:
    """Return what ``newsdesk analyze --format json`` prints for ``args``."""
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "analyze", "--format", "json", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _check(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, "utf-8")
    expected = path.read_text("utf-8")
    assert actual == expected, f"analysis output differs from {path.relative_to(ROOT)}"


@pytest.mark.parametrize("run", sorted(RUNS))
def test_samples_output_is_unchanged(run: str) -> None:
    actual = _analyse("samples", *RUNS[run])
    assert actual.count("\n") == len(list(SAMPLES.rglob("*.txt")))
    _check(GOLDEN / f"samples-{run}.jsonl", actual)


@pytest.mark.parametrize("run", sorted(RUNS))
def test_seed_output_is_unchanged(run: str) -> None:
    seed = require_shared(SEED_TEXT)
    # The path as given is the article's source: relative, so every checkout gives the same.
    actual = _analyse(os.path.relpath(seed, ROOT), *RUNS[run])
    assert '"quotes": [{' in actual  # the seed's statements are there to be compared
    digest = hashlib.sha256(actual.encode("utf-8")).hexdigest() + "\n"
    _check(GOLDEN / f"seed-{run}.sha256", digest)
