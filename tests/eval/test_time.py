"""The TimeML reader and scorer, and CI's gate on TempEval-3."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.eval.attribution import corpus_hash
from newsdesk.eval.floors import check_floors
from newsdesk.eval.time import evaluate_time, parse_timeml, read_timeml
from tests.conftest import SHARED, require_shared

FLOORS = Path(__file__).resolve().parent.parent / "data" / "time_floors.json"
TEMPEVAL = SHARED / "data" / "tempeval3"
DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-10" functionInDocument="CREATION_TIME">
20220110</TIMEX3></DCT>
<TEXT>
Riots began on <TIMEX3 tid="t1" type="DATE" value="2022-01-02">January 2</TIMEX3> &amp; \
grew <TIMEX3 tid="t2" type="DATE" value="2022-01-09">yesterday</TIMEX3>, \
after <TIMEX3 tid="t3" type="DURATION" value="P3D">three days</TIMEX3> of calm.
</TEXT>
</TimeML>
"""


def test_timeml_tags_are_stripped_and_offsets_kept() -> None:
    document = parse_timeml(DOCUMENT)
    assert str(document.anchor) == "2022-01-10"
    assert [document.text[t.start : t.end] for t in document.timexes] == [
        "January 2",
        "yesterday",
        "three days",
    ]
    assert "&" in document.text


def test_scores_on_a_small_document() -> None:
    scores = evaluate_time([parse_timeml(DOCUMENT)])
    figures = scores.as_dict()
    assert figures["value_f1_DATE"] == 1.0
    assert figures["value_f1_DURATION"] == 1.0
    assert figures["strict_f1_ALL"] == 1.0


def test_tempeval_scores_stay_above_their_floors() -> None:
    directory = require_shared(TEMPEVAL)
    figures = evaluate_time(read_timeml(directory)).as_dict()
    print(json.dumps(figures, indent=1))
    assert check_floors(figures, FLOORS, corpus_hash(directory)) == []


ERRORS_DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-10">20220110</TIMEX3></DCT>
<TEXT>
Talks began <TIMEX3 tid="t1" type="DATE" value="2022-01-02">January 2</TIMEX3> and were \
held again <TIMEX3 tid="t2" type="DATE" value="2022-01-08">yesterday</TIMEX3>, after \
<TIMEX3 tid="t3" type="DURATION" value="P3D">nearly three days</TIMEX3> of calm and a \
<TIMEX3 tid="t4" type="DATE" value="PAST_REF">bygone</TIMEX3> truce, on Monday.
</TEXT>
</TimeML>
"""


def test_every_error_has_its_class_and_type() -> None:
    scores = evaluate_time([parse_timeml(ERRORS_DOCUMENT)])
    found = {(e.error_class, e.type, e.gold_text or e.found_text) for e in scores.errors}
    assert found == {
        ("wrong_value", "DATE", "yesterday"),  # the gold says the 8th; the 9th it is
        ("missed", "DATE", "bygone"),
        ("spurious", "DATE", "Monday"),
    }
    assert scores.error_counts()[("DATE", "missed")] == 1
    [wrong] = [e for e in scores.errors if e.error_class == "wrong_value"]
    assert (wrong.gold_value, wrong.found_value) == ("2022-01-08", "DATE 2022-01-09")
    assert "[yesterday]" in wrong.context


def test_eval_time_lists_errors_of_one_class_and_scores_each_folder(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsdesk.cli import cli

    for part in ("TimeBank", "AQUAINT"):
        (tmp_path / part).mkdir()
        (tmp_path / part / "doc.tml").write_text(ERRORS_DOCUMENT, "utf-8")
    arguments = ["eval", "time", str(tmp_path), "--split", "--errors", "missed", "--type", "DATE"]
    result = CliRunner().invoke(cli, arguments, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "in AQUAINT" in result.output and "in TimeBank" in result.output
    assert "missed DATE (2; first 40)" in result.output
    assert "[bygone]" in result.output
    as_json = CliRunner().invoke(cli, [*arguments[:4], "--split", "--format", "json"])
    figures = json.loads(as_json.output)
    assert figures["errors_missed_DATE"] == 2
    assert figures["TimeBank/value_f1_DURATION"] == 1.0
