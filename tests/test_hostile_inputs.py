"""Hostile and odd inputs, each beside a good article in the same run: the good one is stored,
the bad one quarantined with its code (or read right), no traceback, no hang."""

from __future__ import annotations

import gzip
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.corpus.ingest import IngestOptions, IngestSummary, ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store
from tests.cli.test_cli import newsdesk

GOOD = (
    "Tram line opens in the old town\n\n"
    "The new tram line through the old town opened on Saturday, two months late, the "
    "transport office said. “It was worth the wait,” the mayor told passengers.\n"
)


def _run(
    tmp_path: Path, pipeline: Pipeline, make: Callable[[Path], None]
) -> tuple[IngestSummary, dict[str, str], list[str]]:
    """Ingest a directory holding the good article and what ``make`` puts beside it."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, "utf-8")
    make(inputs)
    with open_store(tmp_path / "corpus.db") as store:
        summary = ingest([str(inputs)], store, pipeline)
        quarantined = dict(store.connection.execute("SELECT source, reason FROM quarantine"))
        stored = [row[0] for row in store.connection.execute("SELECT source FROM articles")]
    assert str(inputs / "good.txt") in stored, (quarantined, summary.problems)
    return summary, quarantined, stored


def _reason(quarantined: dict[str, str], name: str) -> str:
    found = [reason for source, reason in quarantined.items() if name in source]
    assert found, quarantined
    return found[0]


def test_json_lines_with_lone_surrogates_deep_nesting_and_huge_numbers(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    def make(inputs: Path) -> None:
        lines = [
            '{"text": "Council votes\\n\\nThe council said the \\ud800 vote was close."}',
            '{"text": "x", "nested": ' + "[" * 50_000 + "]" * 50_000 + "}",
            '{"text": "Budget passes", "n": ' + "9" * 20_000 + "}",
            json.dumps({"text": GOOD.replace("tram", "ferry")}),
        ]
        (inputs / "feed.jsonl").write_text("\n".join(lines) + "\n", "utf-8")

    summary, quarantined, stored = _run(tmp_path, pipeline, make)
    assert "[ND012]" in _reason(quarantined, "feed.jsonl:2")
    assert "[ND012]" in _reason(quarantined, "feed.jsonl:3")
    assert f"{tmp_path / 'inputs' / 'feed.jsonl'}:1" in stored  # the surrogate became U+FFFD
    assert f"{tmp_path / 'inputs' / 'feed.jsonl'}:4" in stored
    assert all("[ND" in problem for problem in summary.problems)


def test_a_json_line_over_the_size_limit_is_refused_without_reading_it_whole(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, "utf-8")
    big = json.dumps({"text": "word " * 300_000})
    (inputs / "big.jsonl").write_text(big + "\n" + json.dumps({"text": GOOD}) + "\n", "utf-8")
    with open_store(tmp_path / "corpus.db") as store:
        ingest([str(inputs)], store, pipeline, IngestOptions(max_bytes=100_000))
        quarantined = dict(store.connection.execute("SELECT source, reason FROM quarantine"))
        stored = [row[0] for row in store.connection.execute("SELECT source FROM articles")]
    assert "line too large" in _reason(quarantined, "big.jsonl:1")
    assert f"{inputs / 'big.jsonl'}:2" in stored or str(inputs / "good.txt") in stored


def test_a_file_name_that_is_not_utf8_is_stored_with_a_replacement_character(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    def make(inputs: Path) -> None:
        name = os.path.join(os.fsencode(inputs), b"bus\xff.txt")
        with open(name, "wb") as handle:
            handle.write(GOOD.replace("tram", "bus").encode())

    _, _, stored = _run(tmp_path, pipeline, make)
    assert any(source.endswith("bus\ufffd.txt") for source in stored)


def test_gzip_bombs_devices_and_pipes_are_refused_without_reading_them(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    def make(inputs: Path) -> None:
        with gzip.open(inputs / "bomb.txt.gz", "wb", compresslevel=9) as handle:
            block = b"a" * (1 << 20)
            for _ in range(200):  # 200 MB of text in a few hundred kilobytes
                handle.write(block)
        os.symlink("/dev/zero", inputs / "zero.txt")
        os.mkfifo(inputs / "pipe.txt")

    _, quarantined, _ = _run(tmp_path, pipeline, make)
    assert "[ND004]" in _reason(quarantined, "bomb.txt.gz")
    assert "[ND016]" in _reason(quarantined, "zero.txt")
    assert "[ND016]" in _reason(quarantined, "pipe.txt")


def test_encodings_and_gzip_by_content(tmp_path: Path, pipeline: Pipeline) -> None:
    latin = (
        "Café owners protest\n\nThe café owners of the old town said on Monday that the new "
        "rules on terraces were unfair to every small business in the square."
    )

    def make(inputs: Path) -> None:
        (inputs / "wide.txt").write_bytes(
            b"\xff\xfe" + GOOD.replace("tram", "ferry").encode("utf-16-le")
        )
        (inputs / "western.txt").write_bytes(latin.encode("latin-1"))
        with gzip.open(inputs / "packed.txt.gz", "wt", encoding="utf-8") as handle:
            handle.write(GOOD.replace("tram", "cable car"))

    _, quarantined, _ = _run(tmp_path, pipeline, make)
    assert quarantined == {}
    with open_store(tmp_path / "corpus.db") as store:
        texts = {
            Path(source).name: text
            for source, text in store.connection.execute("SELECT source, text FROM articles")
        }
    assert "ferry line" in texts["wide.txt"]
    assert "café owners" in texts["western.txt"]
    assert "cable car line" in texts["packed.txt.gz"]


def test_empty_archives_and_feeds_say_so(tmp_path: Path, pipeline: Pipeline) -> None:
    def make(inputs: Path) -> None:
        (inputs / "empty.warc").write_bytes(b"")
        (inputs / "fake.warc.gz").write_bytes(b"WARC/1.0\r\nnot gzip and not a record")
        (inputs / "empty.rss").write_text("", "utf-8")

    _, quarantined, _ = _run(tmp_path, pipeline, make)
    assert "[ND013]" in _reason(quarantined, "empty.warc")
    assert "[ND013]" in _reason(quarantined, "fake.warc.gz")
    assert "[ND014]" in _reason(quarantined, "empty.rss")


def test_escape_sequences_from_articles_never_reach_the_terminal(tmp_path: Path) -> None:
    article = tmp_path / "title\x1b]0;owned\x07.txt"
    article.write_text(
        "Harbour \x1b]0;retitled\x07 news\n\nThe harbour master said \x1b[31mred\x1b[0m "
        "flags were up, officials said on Monday.\n",
        "utf-8",
    )
    missing = tmp_path / "gone\x1b[2J.txt"
    result = newsdesk("analyze", str(article), str(missing))
    assert "\x1b" not in result.stdout and "\x1b" not in result.stderr
    assert "\\x1b" in result.stdout and "\\x1b" in result.stderr
    assert "[ND001]" in result.stderr


def test_bad_table_files_stop_once_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(GOOD, "utf-8")
    offices = tmp_path / "offices.tsv"
    offices.write_text("# office holders\nMayor of Oslo\tAna Ruiz\tlast spring\t\n", "utf-8")
    result = newsdesk("analyze", "--offices", str(offices), str(tmp_path / "story.txt"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.count("newsdesk: error:") == 1
    assert f"{offices}:2:" in result.stderr and "[ND019]" in result.stderr


def test_databases_that_cannot_be_used_get_a_message_and_stay_untouched(
    tmp_path: Path,
) -> None:
    not_sqlite = tmp_path / "notes.db"
    not_sqlite.write_bytes(b"these are my notes, not a database\n" * 10)
    before = not_sqlite.read_bytes()
    result = newsdesk("search", "tram", "--db", str(not_sqlite))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "[ND023]" in result.stderr and not_sqlite.read_bytes() == before

    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as connection:
        connection.execute("PRAGMA user_version = 999")
    result = newsdesk("summary", "--db", str(newer))
    assert result.returncode == 1 and "[ND024]" in result.stderr

    result = newsdesk("quotes", "--db", str(newer), "--limit", str(2**70))
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_a_read_only_store_answers_queries(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "corpus.db"
    (tmp_path / "story.txt").write_text(GOOD, "utf-8")
    with open_store(db) as store:
        ingest([str(tmp_path / "story.txt")], store, pipeline)
    with open_store(db, read_only=True) as store:
        assert [row.title for row in store.search("tram", 5)] == ["Tram line opens in the old town"]
        with pytest.raises(sqlite3.OperationalError):
            store.connection.execute("DELETE FROM articles")


def test_floods_of_marks_are_refused_and_long_blank_runs_repaired(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    def make(inputs: Path) -> None:
        (inputs / "marks.txt").write_text("Title\n\nThe mayor said " + "“!?([" * 20_000, "utf-8")
        (inputs / "blank.txt").write_text(
            GOOD.replace("tram", "bus").replace("\n\n", "\n" * 200_000 + " " * 100_000 + "\n\n"),
            "utf-8",
        )

    _, quarantined, _ = _run(tmp_path, pipeline, make)
    assert "[ND025]" in _reason(quarantined, "marks.txt")
    assert str(tmp_path / "inputs" / "blank.txt") not in quarantined
    with open_store(tmp_path / "corpus.db") as store:
        (text,) = store.connection.execute(
            "SELECT text FROM articles WHERE source LIKE '%blank.txt'"
        ).fetchone()
    assert text.startswith("Tram line opens in the old town\n\nThe new bus line")


def test_a_run_without_spaces_is_parsed_in_pieces_with_the_text_unchanged(
    pipeline: Pipeline,
) -> None:
    from newsdesk.model import Article

    text = "Title\n\nThe mayor said " + "!?([" * 2_000 + " it was fine."
    article = pipeline.run(Article(source="t", original=text))
    assert not article.errors
    assert article.parsed.text == article.text
    assert max(len(token) for token in article.parsed) <= 50


def test_eval_error_lines_carry_their_code(tmp_path: Path) -> None:
    result = newsdesk("eval", "attribution", str(tmp_path))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no text/*.txt" in result.stderr and "[ND026]" in result.stderr


def _measured(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> tuple[int, str, int]:
    """Run the CLI; its exit code, its errors and its peak resident memory in MB (the largest
    of its own and its worker processes')."""
    with tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdesk", *args],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, "COLUMNS": "100", **(env or {})},
        )
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                raise AssertionError(f"newsdesk {' '.join(args)} took over {timeout} s")
            time.sleep(0.2)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        return process.returncode, errors.read(), usage.ru_maxrss // 1024


def test_a_one_line_dump_is_refused_at_once_and_a_long_article_parsed_in_bounded_memory(
    tmp_path: Path,
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD, "utf-8")
    sentence = "The council met on Monday and the mayor said the budget would pass. "
    (inputs / "dump.txt").write_text(sentence * 15_000, "utf-8")  # 1 MB on one line
    paragraphs = "\n\n".join(sentence * 8 for _ in range(300))  # 160,000 characters
    (inputs / "long.txt").write_text("A very long report\n\n" + paragraphs, "utf-8")
    db = tmp_path / "corpus.db"
    code, stderr, peak = _measured("ingest", str(inputs), "--db", str(db), timeout=300)
    assert code == 1 and "Traceback" not in stderr, stderr
    assert "dump.txt" in stderr and "[ND028]" in stderr
    # The long article is parsed in pieces, one at a time: about 0.5 GB over the model's own
    # memory for a piece, however long the article.
    assert peak < 1_500, f"peak resident memory {peak} MB"
    with sqlite3.connect(db) as connection:
        stored = {row[0] for row in connection.execute("SELECT source FROM articles")}
    assert stored == {str(inputs / "good.txt"), str(inputs / "long.txt")}


def test_a_full_disk_ends_the_run_with_a_message_and_keeps_what_was_stored(
    tmp_path: Path,
) -> None:
    db = tmp_path / "corpus.db"
    (tmp_path / "first.txt").write_text(GOOD, "utf-8")
    assert newsdesk("ingest", str(tmp_path / "first.txt"), "--db", str(db)).returncode == 0
    more = tmp_path / "more"
    more.mkdir()
    for number in range(30):
        (more / f"story{number}.txt").write_text(GOOD.replace("tram", f"tram {number}") * 30)

    def small_disk() -> None:  # files may grow to 300 KB: as a disk that fills up
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (db.stat().st_size + 300_000,) * 2)

    result = subprocess.run(
        [sys.executable, "-m", "newsdesk", "ingest", str(more), "--db", str(db)],
        preexec_fn=small_disk,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "[ND020]" in result.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        sources = {row[0] for row in connection.execute("SELECT source FROM articles")}
    assert str(tmp_path / "first.txt") in sources


def test_a_writer_locked_out_too_long_says_so_while_readers_go_on(tmp_path: Path) -> None:
    db = tmp_path / "corpus.db"
    (tmp_path / "first.txt").write_text(GOOD, "utf-8")
    (tmp_path / "second.txt").write_text(GOOD.replace("tram", "ferry"), "utf-8")
    assert newsdesk("ingest", str(tmp_path / "first.txt"), "--db", str(db)).returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        holder.execute("UPDATE articles SET outlet = outlet")
        reader = newsdesk("search", "tram", "--db", str(db))
        assert reader.returncode == 0 and "Tram line opens" in reader.stdout
        code, stderr, _ = _measured(
            "ingest",
            str(tmp_path / "second.txt"),
            "--db",
            str(db),
            env={"NEWSDESK_BUSY_TIMEOUT": "1"},
        )
        assert code == 1 and "Traceback" not in stderr, stderr
        assert "[ND021]" in stderr
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert newsdesk("ingest", str(tmp_path / "second.txt"), "--db", str(db)).returncode == 0
