"""``newsdesk eval``: scores against public gold data, with CI's floors as an exit code."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from newsdesk.pipeline import Pipeline
from newsdesk.resources import Resources
from newsdesk.terminal import visible

EXIT_SOME_FAILED = 1


def _error(message: str, code: str = "ND026") -> None:
    """One error line with its code: ND026 for gold data missing or in another form, ND027
    for a score below its floor."""
    click.echo(f"newsdesk: error: {visible(message)} [{code}]", err=True)


@click.group(name="eval")
def evaluate() -> None:
    """Score newsdesk against public gold data (precision, recall, F1)."""


def _format_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The --format option (text or json), described by ``help_text``."""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )


def _print_figures(figures: dict[str, Any], output_format: str, width: int) -> None:
    """Print figures as one JSON object, or one ``name value`` line each."""
    if output_format == "json":
        click.echo(json.dumps(figures))
        return
    for name, value in figures.items():
        click.echo(f"{name:{width}} {value}")


def _gate_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options every gated evaluation takes: --format and --floors."""
    command = click.option(
        "--floors",
        "floors_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="JSON file of minimum scores (and the data's sha256); exit 1 when one is below.",
    )(command)
    return _format_option("text: a table; json: one object with every figure.")(command)


def _report_and_gate(
    figures: dict[str, Any],
    print_table: Callable[[Console], None],
    output_format: str,
    floors_file: Path | None,
    data_hash: Callable[[], str],
) -> None:
    """Print the figures, then exit 1 if any is below its pinned floor."""
    from newsdesk.eval.floors import check_floors

    if output_format == "json":
        click.echo(json.dumps(figures))
    else:
        print_table(Console(highlight=False))
    if floors_file is not None:
        problems = check_floors(figures, floors_file, data_hash())
        for problem in problems:
            _error(problem, "ND027")
        if problems:
            sys.exit(EXIT_SOME_FAILED)


@evaluate.command(name="attribution")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_gate_options
def evaluate_attribution_command(
    directory: Path, output_format: str, floors_file: Path | None
) -> None:
    """Score attributions on PolNeAR-style data: DIRECTORY/text/*.txt, DIRECTORY/attributions/*.ann.

    Prints precision, recall and F1 per role (source, cue, content), for exact spans and for
    overlap (shared tokens at least half of the longer span), and how many gold attributions
    were found at all.
    """
    from newsdesk.eval.attribution import corpus_hash, evaluate_attribution, read_corpus
    from newsdesk.eval.report import print_attribution_scores

    documents = read_corpus(directory)
    if not documents:
        _error(f"{directory}: no text/*.txt with attributions/*.ann found")
        sys.exit(EXIT_SOME_FAILED)
    scores = evaluate_attribution(documents, Pipeline())
    _report_and_gate(
        scores.as_dict(),
        lambda console: print_attribution_scores(scores, console),
        output_format,
        floors_file,
        lambda: corpus_hash(directory),
    )


@evaluate.command(name="time")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--split",
    is_flag=True,
    help="Also score each folder below DIRECTORY on its own (TimeBank, AQUAINT).",
)
@click.option(
    "--errors",
    "error_class",
    type=click.Choice(["missed", "spurious", "wrong_value", "wrong_span", "wrong_type"]),
    help="List the errors of this class, with the words around each.",
)
@click.option(
    "--type",
    "timex_type",
    type=click.Choice(["DATE", "TIME", "DURATION", "SET"]),
    help="With --errors: only errors of this TIMEX type.",
)
@click.option(
    "--limit", default=40, show_default=True, help="With --errors: list at most this many."
)
@_gate_options
def evaluate_time_command(
    directory: Path,
    split: bool,
    error_class: str | None,
    timex_type: str | None,
    limit: int,
    output_format: str,
    floors_file: Path | None,
) -> None:
    """Score dates and times on TimeML data: every DIRECTORY/**/*.tml (TempEval-3).

    Prints strict span, relaxed span and value precision, recall and F1, overall and per
    TIMEX type (DATE, TIME, DURATION, SET, and DATE+TIME together), then the errors per type
    and class: missed (a gold expression nothing overlaps), spurious (found, not in the gold),
    wrong value, wrong span and wrong type (matched, but different). An expression can be
    wrong in more than one way.
    """
    from newsdesk.eval.attribution import corpus_hash
    from newsdesk.eval.report import print_time_errors, print_time_scores
    from newsdesk.eval.time import evaluate_time, read_timeml, split_of

    documents = read_timeml(directory)
    if not documents:
        _error(f"{directory}: no .tml files found")
        sys.exit(EXIT_SOME_FAILED)
    scores = evaluate_time(documents)
    figures: dict[str, Any] = scores.as_dict()
    for (group, error_kind), count in sorted(scores.error_counts().items()):
        figures[f"errors_{error_kind}_{group}"] = count
    parts = sorted({split_of(d, directory) for d in documents}) if split else []
    split_scores = {
        part: evaluate_time([d for d in documents if split_of(d, directory) == part])
        for part in parts
    }
    for part, part_scores in split_scores.items():
        figures.update({f"{part}/{k}": v for k, v in part_scores.as_dict().items()})

    def print_tables(console: Console) -> None:
        print_time_scores(scores, console)
        for part, part_scores in split_scores.items():
            print_time_scores(part_scores, console, part)
        print_time_errors(scores, console, error_class, timex_type, limit)

    _report_and_gate(
        figures, print_tables, output_format, floors_file, lambda: corpus_hash(directory)
    )


@evaluate.command(name="speakers")
@click.argument(
    "gold_file",
    required=False,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--corpus",
    "corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The texts and .ann files the gold describes (default: dev-speakers.jsonl -> dev/).",
)
@click.option("--confusions", default=40, show_default=True, help="Show this many wrong speakers.")
@_gate_options
def evaluate_speakers_command(
    gold_file: Path | None,
    corpus: Path | None,
    confusions: int,
    output_format: str,
    floors_file: Path | None,
) -> None:
    """Score resolved speakers on hand-resolved gold (PolNeAR's dev-speakers.jsonl by default).

    Each gold attribution is matched to a found one by content overlap; prints speaker accuracy
    overall, on mentions that need resolution (all but full names), per speaker type and per
    mention kind (name, surname, title, pronoun, relative pronoun, description), and the
    statements whose speaker was wrong.
    """
    from newsdesk.eval.report import print_speaker_scores
    from newsdesk.eval.speakers import (
        corpus_for,
        data_hash,
        evaluate_speakers,
        read_speaker_gold,
    )

    if gold_file is None:
        gold_file = Path("../shared/data/polnear/dev-speakers.jsonl")
        if not gold_file.exists():
            _error(f"{gold_file}: not found; give the speaker gold file")
            sys.exit(EXIT_SOME_FAILED)
    directory = corpus or corpus_for(gold_file)
    if not (directory / "text").is_dir() or not (directory / "attributions").is_dir():
        _error(f"{directory}: no text/ and attributions/ for the gold; give --corpus")
        sys.exit(EXIT_SOME_FAILED)
    try:
        rows = read_speaker_gold(gold_file)
    except (ValueError, KeyError) as exc:
        _error(f"{gold_file}: not speaker gold ({exc})")
        sys.exit(EXIT_SOME_FAILED)
    scores = evaluate_speakers(rows, directory, Pipeline())
    _report_and_gate(
        scores.as_dict(),
        lambda console: print_speaker_scores(scores, console, confusions),
        output_format,
        floors_file,
        lambda: data_hash(gold_file, directory),
    )


@evaluate.command(name="entities")
@click.argument(
    "gold_files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@_format_option("text: one line per figure; json: one object.")
def evaluate_entities_command(gold_files: tuple[Path, ...], output_format: str) -> None:
    """Score entities on labelled cases: the seed's gold.json, eval/entities/cases.json, ...

    Prints entity precision, recall and F1 (same type and canonical name), GeoNames id
    accuracy and mention recall. With no file, scores the cases shipped in eval/entities.
    """
    from newsdesk.eval.entities import evaluate_entities, read_cases

    files = list(gold_files) or sorted(Path("eval/entities").glob("*.json"))
    if not files:
        _error("no gold files given and none in eval/entities")
        sys.exit(EXIT_SOME_FAILED)
    cases = [case for path in files for case in read_cases(path)]
    figures = evaluate_entities(cases, Pipeline()).as_dict()
    _print_figures(figures, output_format, 24)


@evaluate.command(name="extraction")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_format_option("text: one line per figure; json: one object.")
def evaluate_extraction_command(directory: Path, output_format: str) -> None:
    """Score main-text extraction on the article-extraction-benchmark: DIRECTORY/html/*.html.gz
    and DIRECTORY/ground-truth.json.

    Prints the benchmark's precision, recall and F1 (4-gram shingles of word tokens, averaged
    over pages).
    """
    from newsdesk.eval.extraction import evaluate_extraction

    if not (directory / "ground-truth.json").exists():
        _error(f"{directory}: no ground-truth.json")
        sys.exit(EXIT_SOME_FAILED)
    figures = evaluate_extraction(directory, Resources()).as_dict()
    _print_figures(figures, output_format, 10)


@evaluate.command(name="repair")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--seed", default=0, show_default=True, help="Seed of the damage generator.")
@click.option("--failures", default=20, show_default=True, help="Show this many failed texts.")
@_gate_options
def evaluate_repair_command(
    directory: Path, seed: int, failures: int, output_format: str, floors_file: Path | None
) -> None:
    """Score repair on damaged copies of clean texts: every DIRECTORY/*.txt (or text/*.txt).

    Each text is damaged as scraping and machine translation do (translated quotation marks,
    Russian attribution dashes, a closing mark alone on its line, HTML entities whole and
    broken, mojibake including the lossy kind, hard wraps, site chrome; references escaped
    twice or by number, leftover HTML tags, invisible characters, text misread twice or as
    Latin-1, half-straight quotation pairs, spaces before punctuation, repeated paragraphs and
    more chrome), the same way for the same seed. Prints the share of texts whose repaired copy
    has the same words as the repaired clean text, overall and per kind of damage, and where
    failed texts part.
    """
    from newsdesk.eval.damage import evaluate_repair, read_texts, texts_hash
    from newsdesk.eval.report import print_repair_scores

    texts = read_texts(directory)
    if not texts:
        _error(f"{directory}: no .txt files found")
        sys.exit(EXIT_SOME_FAILED)
    scores = evaluate_repair(texts, Resources(), seed)
    _report_and_gate(
        scores.as_dict(),
        lambda console: print_repair_scores(scores, console, failures),
        output_format,
        floors_file,
        lambda: texts_hash(texts, seed),
    )
