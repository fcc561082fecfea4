"""The command line, run as a user runs it: a real subprocess on real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from newsdesk import article_schema

ROOT = Path(__file__).resolve().parents[2]


def newsdesk(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-m", "newsdesk", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(
        "Bridge closes for repairs\n\nThe old bridge closed on Monday, & mdash; officials "
        "said.\n\nLeave a Reply\n",
        "utf-8",
    )
    return path


def test_json_output_follows_the_schema(article_file: Path) -> None:
    result = newsdesk("analyze", str(article_file), "--format", "json", "--published", "2024-05-06")
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    data = json.loads(line)
    jsonschema.validate(data, article_schema())
    assert data["source"] == str(article_file)
    assert data["title"] == "Bridge closes for repairs"
    assert data["published"] == "2024-05-06"
    assert "—" in data["text"] and "Leave a Reply" not in data["text"]
    assert data["removed"][0]["reason"] == "boilerplate:comment_form"
    [quote] = data["quotes"]
    assert (quote["cue"], quote["source"], quote["speaker_type"]) == (
        "said",
        "officials",
        "anonymous",
    )
    assert quote["content"] == "The old bridge closed on Monday"
    assert [(d["text"], d["value"]) for d in data["dates"]] == [("Monday", "2024-05-06")]
    [event] = data["events"]
    assert (event["kind"], event["date"], event["date_source"]) == (
        "statement",
        "2024-05-06",
        "publication",
    )


def test_text_report_shows_what_was_repaired(article_file: Path) -> None:
    result = newsdesk("analyze", str(article_file))
    assert result.returncode == 0, result.stderr
    assert "Bridge closes for repairs" in result.stdout
    assert "entity" in result.stdout
    assert "removed [boilerplate:comment_form] Leave a Reply" in result.stdout


def test_stdin_is_read_with_dash() -> None:
    result = newsdesk("analyze", "-", "--format", "json", stdin=b"Hello world.\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["source"] == "<stdin>"


def test_bad_inputs_each_get_one_line_and_the_rest_go_on(
    tmp_path: Path, article_file: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le café de la gare a rouvert ses portes à Montréal.".encode("cp1252"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.write(b"word " * (50 * 1024 * 1024 // 5))
    no_articles = tmp_path / "nothing"
    no_articles.mkdir()
    (no_articles / "notes.bin").write_bytes(b"x")
    missing = tmp_path / "missing.txt"
    result = newsdesk(
        "analyze",
        str(missing),
        str(no_articles),
        str(binary),
        str(empty),
        str(huge),
        str(latin),
        str(article_file),
        "--format",
        "json",
    )
    assert result.returncode == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 5, result.stderr
    expected = [
        (missing, "no such file"),
        (no_articles, "no articles in directory"),
        (binary, "binary data"),
        (empty, "empty"),
        (huge, "file too large"),
    ]
    for line, (path, problem) in zip(errors, expected, strict=True):
        assert str(path) in line and problem in line, line
        assert "Traceback" not in line
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["source"] for o in outputs] == [str(latin), str(article_file)]
    assert "café" in outputs[0]["text"]


def test_directory_input_and_exit_codes(tmp_path: Path, article_file: Path) -> None:
    result = newsdesk("analyze", str(article_file.parent), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 1
    usage = newsdesk("analyze", str(article_file), "--published", "10/01/2022")
    assert usage.returncode == 2
    assert "YYYY-MM-DD" in usage.stderr
    assert newsdesk("analyze").returncode == 2


def test_corpus_commands(tmp_path: Path, article_file: Path) -> None:
    db = tmp_path / "corpus.db"
    missing = tmp_path / "missing.txt"
    first = newsdesk(
        "ingest", str(article_file), str(missing), "--db", str(db), "--published", "2024-05-06"
    )
    assert first.returncode == 1
    assert "1 added, 0 already stored, 1 quarantined" in first.stdout
    assert "missing.txt: no such file" in first.stderr
    again = newsdesk("ingest", str(article_file), "--db", str(db))
    assert again.returncode == 0 and "0 added, 1 already stored" in again.stdout

    def rows(*args: str) -> list[dict[str, object]]:
        result = newsdesk(*args, "--db", str(db), "--format", "json")
        assert result.returncode == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines()]

    [hit] = rows("search", "bridge")
    assert hit["title"] == "Bridge closes for repairs" and "[bridge]" in str(hit["snippet"])
    assert [q["speaker"] for q in rows("quotes")] == ["officials"]
    assert rows("speakers", "--type", "all")[0]["speaker"] == "officials"
    # Unnamed officials are no person or organisation: counted after the list, not in it.
    assert rows("speakers")[-1]["statements_by_type"] == {"anonymous": 1}
    assert [e["date"] for e in rows("timeline")] == ["2024-05-06"]
    [summary] = rows("summary")
    assert summary["counts"]["articles"] == 1 and summary["counts"]["quarantined"] == 1
    assert summary["speakers"] == []
    assert [e["date"] for e in summary["timeline"]] == ["2024-05-06"]
    overview = newsdesk("summary", "--db", str(db))
    assert overview.returncode == 0 and "Top speakers" in overview.stdout
    table = newsdesk("search", "bridge", "--db", str(db))
    assert "1 articles for 'bridge'" in table.stdout
    absent = newsdesk("speakers", "--db", str(tmp_path / "none.db"))
    assert absent.returncode == 1 and "no such database" in absent.stderr


def test_export_command(tmp_path: Path, article_file: Path) -> None:
    db = tmp_path / "corpus.db"
    assert newsdesk("ingest", str(article_file), "--db", str(db)).returncode == 0
    out = tmp_path / "quotes.csv"
    result = newsdesk(
        "export", "--db", str(db), "--table", "quotes", "--format", "csv", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert "1 quotes rows (csv)" in result.stdout
    assert out.read_text("utf-8").splitlines()[0].startswith("id,article_id,source")


@pytest.fixture()
def speakers_db(tmp_path: Path) -> Path:
    """A corpus stored without the NLP pipeline: Trump under three names, two Obamas, a
    statement with no resolved speaker and a name with a literal %."""
    from newsdesk.store import open_store
    from tests.store.test_store import said, store_run

    db = tmp_path / "speakers.db"
    with open_store(db) as store:
        store_run(
            store,
            said("a.txt", ("Trump", "person"), ("Barack Obama", "person"), (None, "unknown")),
            said("b.txt", ("Donald Trump", "person"), ("Michelle Obama", "person")),
            said("c.txt", ("Donald J. Trump", "person"), ("Donald J. Trump", "person")),
            said("d.txt", ("Obama", "person"), ("Club 100% Green", "organisation")),
        )
    return db


def run_cli(*args: str) -> str:
    """Run a newsdesk command in this process (click's runner); return its output."""
    from click.testing import CliRunner

    from newsdesk.cli import cli

    result = CliRunner().invoke(cli, list(args), env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    return result.output


def test_speakers_are_listed_by_corpus_name_and_unresolved_apart(speakers_db: Path) -> None:
    lines = run_cli("speakers", "--db", str(speakers_db), "--format", "json").splitlines()
    rows = [json.loads(line) for line in lines]
    assert rows[-1]["unresolved"] == 1
    assert rows[-1]["statements_by_type"] == {"organisation": 1, "person": 7, "unresolved": 1}
    trump = rows[0]
    assert (trump["speaker"], trump["statements"], trump["articles"]) == ("Donald J. Trump", 4, 3)
    assert trump["names"] == ["Donald J. Trump", "Donald Trump", "Trump"]
    assert {r["speaker"] for r in rows[1:-1]} == {
        "Barack Obama",
        "Michelle Obama",
        "Obama",
        "Club 100% Green",
    }
    text = run_cli("speakers", "--db", str(speakers_db))
    assert "Donald J. Trump" in text and "Donald Trump | Trump" in text
    assert text.rstrip().endswith("unresolved: 1 statements with no resolved speaker")


def test_quotes_by_speaker_match_corpus_and_article_names(speakers_db: Path) -> None:
    def speakers(*args: str) -> list[tuple[str, str]]:
        output = run_cli("quotes", "--db", str(speakers_db), "--format", "json", *args)
        rows = [json.loads(line) for line in output.splitlines()]
        return sorted((row["speaker"], row["article_speaker"]) for row in rows)

    assert speakers("--speaker", "Trump") == [
        ("Donald J. Trump", "Donald J. Trump"),
        ("Donald J. Trump", "Donald J. Trump"),
        ("Donald J. Trump", "Donald Trump"),
        ("Donald J. Trump", "Trump"),
    ]
    assert speakers("--speaker", "%") == [("Club 100% Green", "Club 100% Green")]
    assert speakers("--speaker", "_") == []
    assert speakers("--speaker", "obama") == [
        ("Barack Obama", "Barack Obama"),
        ("Michelle Obama", "Michelle Obama"),
        ("Obama", "Obama"),
    ]
    text = run_cli("quotes", "--db", str(speakers_db), "--speaker", "Donald Trump")
    assert "Donald J. Trump" in text and "1 statements" in text


def test_summary_names_top_speakers_by_corpus_name(speakers_db: Path) -> None:
    output = run_cli("summary", "--db", str(speakers_db), "--format", "json")
    report = json.loads(output)
    top = report["speakers"][0]
    assert top["speaker"] == "Donald J. Trump" and top["statements"] == 4
    assert len(top["said"]) == 2
    assert report["counts"]["unresolved_statements"] == 1
    assert report["counts"]["speakers"] == 5
