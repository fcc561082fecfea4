"""The attribution scorer on hand-made gold, and CI's gate on PolNeAR dev."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsdesk.eval.attribution import (
    GoldSpan,
    RoleScore,
    corpus_hash,
    evaluate_attribution,
    parse_ann,
    read_corpus,
    score_role,
)
from newsdesk.eval.floors import check_floors
from newsdesk.pipeline import Pipeline
from tests.conftest import POLNEAR_DEV, require_shared

FLOORS = Path(__file__).resolve().parent.parent / "data" / "attribution_floors.json"
TEXT = "Officials said the bridge would close. “It is unsafe,” the mayor said.\n"
ANN = (
    "T1\tSource 0 9\tOfficials\n"
    "T2\tCue 10 14\tsaid\n"
    "T3\tContent 15 37\tthe bridge would close\n"
    "T4\tAttribution 10 14\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 39 46;47 54\t“It is unsafe,”\n"
    "T6\tSource 55 64\tthe mayor\n"
    "E2\tAttribution:T4 Content:T5 Source:T6\n"
)


def test_brat_attributions_are_linked_by_role() -> None:
    first, second = parse_ann(ANN)
    assert first.roles["source"] == GoldSpan(((0, 9),))
    assert first.roles["content"] == GoldSpan(((15, 37),))
    assert "cue" not in second.roles
    assert second.roles["content"].fragments == ((39, 46), (47, 54))


def test_a_span_text_running_over_lines_is_not_read_as_a_span() -> None:
    # brat keeps a discontinuous span's text with its newline; the next line is its rest.
    ann = (
        "T1\tSource 0 9\tOfficials\n"
        "T2\tContent 15 20;21 37\tThe first line\n"
        "The second line, starting with a T\n"
        "T3\tCue 10 14\tsaid\n"
        "E1\tAttribution:T3 Source:T1 Content:T2 Cue:T3\n"
        "Every line, even this one\n"
    )
    (attribution,) = parse_ann(ann)
    assert attribution.roles["content"].fragments == ((15, 20), (21, 37))
    assert attribution.roles["cue"] == GoldSpan(((10, 14),))


def test_exact_and_overlap_matching() -> None:
    exact, overlap = RoleScore(), RoleScore()
    gold = [GoldSpan(((15, 37),)), GoldSpan(((39, 53),))]
    # One span exact, one sharing most tokens, one unrelated.
    predicted = [(15, 37), (39, 52), (0, 9)]
    matched = score_role(TEXT, predicted, gold, exact, overlap)
    assert (exact.matched, overlap.matched) == (1, 2)
    assert sorted(matched) == [(0, 0), (1, 1)]
    assert (exact.predicted, exact.gold) == (3, 2)
    assert round(overlap.precision, 3) == 0.667 and overlap.recall == 1.0


def test_pipeline_scores_on_a_small_corpus_and_the_cli_gate(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "bridge.txt").write_text(TEXT, "utf-8")
    (tmp_path / "attributions" / "bridge_a1.ann").write_text(ANN, "utf-8")
    scores = evaluate_attribution(read_corpus(tmp_path), Pipeline())
    assert scores.documents == 1 and scores.gold_attributions == 2
    assert scores.overlap["content"].matched == 2
    assert scores.overlap["source"].f1 == 1.0
    floors = tmp_path / "floors.json"
    floors.write_text(
        json.dumps({"data_sha256": corpus_hash(tmp_path), "floors": {"overlap_cue_f1": 0.99}})
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsdesk",
            "eval",
            "attribution",
            str(tmp_path),
            "--floors",
            str(floors),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "overlap_cue_f1" in result.stderr and "below its floor" in result.stderr
    assert "content" in result.stdout and "overlap" in result.stdout


def test_polnear_dev_scores_stay_above_their_floors(pipeline: Pipeline) -> None:
    directory = require_shared(POLNEAR_DEV)
    scores = evaluate_attribution(read_corpus(directory), pipeline)
    figures = scores.as_dict()
    print(json.dumps(figures, indent=1))
    assert check_floors(figures, FLOORS, corpus_hash(directory)) == []
