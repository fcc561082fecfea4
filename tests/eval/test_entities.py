"""Entity evaluation on our own labelled cases and the seed gold."""

from __future__ import annotations

from pathlib import Path

from newsdesk.eval.entities import evaluate_entities, read_cases
from newsdesk.pipeline import Pipeline
from tests.conftest import SEED_GOLD, require_shared

CASES = Path(__file__).resolve().parent.parent.parent / "eval" / "entities" / "cases.json"


def test_own_cases(pipeline: Pipeline) -> None:
    figures = evaluate_entities(read_cases(CASES), pipeline).as_dict()
    assert figures["entity_recall"] == 1.0
    assert figures["entity_precision"] >= 0.9
    assert figures["geonames_id_accuracy"] == 1.0
    assert figures["mention_recall"] >= 0.9


def test_seed_gold(pipeline: Pipeline) -> None:
    figures = evaluate_entities(read_cases(require_shared(SEED_GOLD)), pipeline).as_dict()
    assert figures["entity_recall"] == 1.0
    assert figures["geonames_id_accuracy"] == 1.0
