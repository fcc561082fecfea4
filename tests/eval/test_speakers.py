"""The speaker scorer on hand-made gold, and CI's gates on PolNeAR dev and our train sample."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.eval.floors import check_floors
from newsdesk.eval.speakers import (
    GoldSpeaker,
    SpeakerMatcher,
    data_hash,
    evaluate_speakers,
    mention_kind,
    read_speaker_gold,
)
from newsdesk.model import Attribution, Span
from newsdesk.pipeline import Pipeline
from newsdesk.resources import Resources
from tests.conftest import ROOT, SHARED, require_shared

DATA = Path(__file__).resolve().parent.parent / "data"
POLNEAR = SHARED / "data" / "polnear"
TEXT = (
    "Mayor quits\n\n"
    "Mayor Ana Ruiz said the bridge would close. She added that it was unsafe.\n\n"
    "Officials said repairs would take a year.\n"
)
ANN = (
    "T1\tSource 13 27\tMayor Ana Ruiz\n"
    "T2\tCue 28 32\tsaid\n"
    "T3\tContent 33 55\tthe bridge would close\n"
    "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    "T4\tSource 57 60\tShe\n"
    "T5\tCue 61 66\tadded\n"
    "T6\tContent 67 85\tthat it was unsafe\n"
    "E2\tAttribution:T5 Source:T4 Cue:T5 Content:T6\n"
    "T7\tSource 88 97\tOfficials\n"
    "T8\tCue 98 102\tsaid\n"
    "T9\tContent 103 127\trepairs would take a year\n"
    "E3\tAttribution:T8 Source:T7 Cue:T8 Content:T9\n"
)


def gold(mention: str, speaker: str, kind: str = "person") -> GoldSpeaker:
    return GoldSpeaker("a", "a_x.ann", "E1", mention, speaker, kind, "high")


def found(speaker: str | None, kind: str | None) -> Attribution:
    span = Span(0, 1)
    return Attribution("indirect", "x", (span,), "said", span, "x", span, speaker, kind)


def test_mention_kinds() -> None:
    assert mention_kind("she", "Ana Ruiz", "person") == "pronoun"
    assert mention_kind("who", "Ana Ruiz", "person") == "relative pronoun"
    assert mention_kind("Mayor Ana Ruiz", "Ana Ruiz", "person") == "name"
    assert mention_kind("Ms. Ruiz", "Ana Ruiz", "person") == "surname"
    assert mention_kind("the mayor", "Ana Ruiz", "person") == "title"
    assert mention_kind("a source", "ANONYMOUS", "anonymous") == "description"
    assert mention_kind("The Post", "The New York Post", "organisation") == "surname"


def test_speakers_match_as_a_reader_would_count_them() -> None:
    matcher = SpeakerMatcher(Resources().gazetteer)
    assert matcher.same(gold("he", "Joseph Biden"), found("Joseph R. Biden Jr.", "person"))
    assert not matcher.same(gold("he", "Joseph Biden"), found("Jill Biden", "person"))
    assert matcher.same(
        gold("GOP", "Republicans", "organisation"), found("Republican Party", "organisation")
    )
    assert matcher.same(gold("a source", "ANONYMOUS", "anonymous"), found("source", "anonymous"))
    assert not matcher.same(gold("a source", "ANONYMOUS", "anonymous"), found("Ana Ruiz", "person"))
    pair = gold("they", "Ana Ruiz and Bo Lind", "organisation")
    assert matcher.same(pair, found("Bo Lind and Ana Ruiz", "group"))
    assert not matcher.same(pair, found("Ana Ruiz", "person"))
    poll = gold("the poll", "DOCUMENT: Quinnipiac University poll", "document")
    assert matcher.same(poll, found("Quinnipiac poll", "document"))
    assert not matcher.same(poll, found("Quinnipiac poll", "organisation"))
    voters = gold("many voters", "younger black voters", "organisation")
    assert matcher.same(voters, found("black voters", "group"))


def test_a_small_corpus_is_scored_and_gated_from_the_cli(tmp_path: Path) -> None:
    corpus = tmp_path / "dev"
    (corpus / "text").mkdir(parents=True)
    (corpus / "attributions").mkdir()
    (corpus / "text" / "bridge.txt").write_text(TEXT, "utf-8")
    (corpus / "attributions" / "bridge_a1.ann").write_text(ANN, "utf-8")
    rows = [
        {"relation": "E1", "source_mention": "Mayor Ana Ruiz", "speaker": "Ana Ruiz"},
        {"relation": "E2", "source_mention": "She", "speaker": "Ana Ruiz"},
        {"relation": "E3", "source_mention": "Officials", "speaker": "ANONYMOUS"},
    ]
    gold_file = tmp_path / "dev-speakers.jsonl"
    with gold_file.open("w", encoding="utf-8") as out:
        for row, kind in zip(rows, ("person", "person", "anonymous"), strict=True):
            record = {"name": "bridge", "ann": "bridge_a1.ann", "source_tid": "T1"}
            record |= row | {"speaker_type": kind, "confidence": "high"}
            out.write(json.dumps(record) + "\n")
    scores = evaluate_speakers(read_speaker_gold(gold_file), corpus, Pipeline())
    assert (scores.gold, scores.found) == (3, 3)
    assert scores.overall.right == 3, scores.confusions
    assert scores.by_kind["pronoun"].accuracy == 1.0
    floors = tmp_path / "floors.json"
    floors.write_text(
        json.dumps(
            {"data_sha256": data_hash(gold_file, corpus), "floors": {"speaker_accuracy": 1.01}}
        )
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsdesk",
            "eval",
            "speakers",
            str(gold_file),
            "--floors",
            str(floors),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 1
    assert "speaker_accuracy" in result.stderr and "below its floor" in result.stderr
    assert "mention pronoun" in result.stdout


@pytest.mark.parametrize(
    ("gold_file", "corpus", "floors"),
    [
        (POLNEAR / "dev-speakers.jsonl", POLNEAR / "dev", "speaker_floors.json"),
        (
            ROOT / "eval" / "speakers" / "polnear-train-speakers.jsonl",
            POLNEAR / "train",
            "speaker_floors_train.json",
        ),
    ],
)
def test_polnear_speakers_stay_above_their_floors(
    pipeline: Pipeline, gold_file: Path, corpus: Path, floors: str
) -> None:
    require_shared(corpus)
    scores = evaluate_speakers(read_speaker_gold(require_shared(gold_file)), corpus, pipeline)
    figures = scores.as_dict()
    print(json.dumps({k: v for k, v in figures.items() if k != "confusions"}, indent=1))
    assert check_floors(figures, DATA / floors, data_hash(gold_file, corpus)) == []
