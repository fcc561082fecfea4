"""Repair on clean, professionally edited news changes only what it should, and says so."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from newsdesk.resources import Resources
from newsdesk.stages.repair import repair_text
from tests.conftest import POLNEAR_DEV, require_shared

PINNED = Path(__file__).parent / "data" / "polnear_dev_repairs.json"
HOW_TO_UPDATE = "update tests/data/polnear_dev_repairs.json and say why"


def test_changes_to_clean_text_are_pinned_by_kind(resources: Resources) -> None:
    texts = sorted((require_shared(POLNEAR_DEV) / "text").glob("*.txt"))
    assert len(texts) == 84
    repairs: Counter[str] = Counter()
    removed: Counter[str] = Counter()
    for path in texts:
        original = path.read_text("utf-8")
        result = repair_text(original, resources)
        for change in result.repairs:
            assert result.text[change.start : change.end] == change.after
            repairs.update(change.kind.split("+"))
        removed.update(r.reason for r in result.removed)
    pinned = json.loads(PINNED.read_text("utf-8"))
    expected_repairs = {kind: entry["count"] for kind, entry in pinned["repairs"].items()}
    expected_removed = {kind: entry["count"] for kind, entry in pinned["removed"].items()}
    assert dict(repairs) == expected_repairs, HOW_TO_UPDATE
    assert dict(removed) == expected_removed, HOW_TO_UPDATE
