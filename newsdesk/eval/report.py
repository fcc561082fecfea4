"""Tables of evaluation figures for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsdesk.eval.attribution import ROLES, AttributionScores
from newsdesk.eval.damage import DAMAGE_KINDS, RepairScores
from newsdesk.eval.speakers import MENTION_KINDS, SPEAKER_TYPES, SpeakerScores
from newsdesk.eval.time import ERROR_CLASSES, TYPES, TimeScores
from newsdesk.terminal import visible


def print_attribution_scores(scores: AttributionScores, console: Console) -> None:
    """Print per-role precision, recall and F1, exact and overlap."""
    table = Table(title=f"Attribution, {scores.documents} annotated documents")
    for column in ("role", "match", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(column, justify="left" if column in ("role", "match") else "right")
    for rule, results in (("exact", scores.exact), ("overlap", scores.overlap)):
        for role in ROLES:
            score = results[role]
            table.add_row(
                role,
                rule,
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.f1:.3f}",
                str(score.predicted),
                str(score.gold),
            )
    console.print(table)
    share = scores.found_attributions / scores.gold_attributions if scores.gold_attributions else 0
    console.print(
        f"gold attributions found (content overlap): {scores.found_attributions} of "
        f"{scores.gold_attributions} ({share:.1%})"
    )


def print_time_scores(scores: TimeScores, console: Console, part: str = "") -> None:
    """Print strict, relaxed and value precision, recall and F1 per TIMEX type (of one
    ``part`` of the data when given)."""
    where = f" in {visible(part)}" if part else ""
    table = Table(title=f"Dates and times, {scores.documents} TimeML documents{where}")
    for column in ("type", "measure", "precision", "recall", "F1", "predicted", "gold"):
        table.add_column(column, justify="left" if column in ("type", "measure") else "right")
    for group in ("ALL", "DATE+TIME", "DATE", "TIME", "DURATION", "SET"):
        for measure in ("strict", "relaxed", "value"):
            counts = scores.counts.get((measure, group))
            if counts is None:
                continue
            table.add_row(
                group,
                measure,
                f"{counts.precision():.3f}",
                f"{counts.recall():.3f}",
                f"{counts.f1():.3f}",
                str(counts.predicted),
                str(counts.gold),
            )
    console.print(table)


def print_time_errors(
    scores: TimeScores,
    console: Console,
    error_class: str | None = None,
    timex_type: str | None = None,
    limit: int = 40,
) -> None:
    """Print the errors per TIMEX type and class, then, when ``error_class`` is given, up to
    ``limit`` errors of that class (and ``timex_type``) with the words around each."""
    tally = scores.error_counts()
    table = Table(title="Errors per type and class (gold type; found type when spurious)")
    table.add_column("type")
    for name in ERROR_CLASSES:
        table.add_column(name.replace("_", " "), justify="right")
    for group in TYPES:
        table.add_row(group, *(str(tally.get((group, name), 0)) for name in ERROR_CLASSES))
    console.print(table)
    if error_class is None:
        return
    chosen = [
        e
        for e in scores.errors
        if e.error_class == error_class and (timex_type is None or e.type == timex_type)
    ]
    listing = Table(
        title=f"{error_class} {timex_type or 'all types'} ({len(chosen)}; first {limit})"
    )
    for column in ("document", "gold", "found", "context"):
        listing.add_column(column)
    for e in chosen[:limit]:
        listing.add_row(
            escape(visible(e.document.rsplit("/", 1)[-1])),
            escape(visible(f"{e.gold_text} = {e.gold_value}" if e.gold_text else "")),
            escape(visible(f"{e.found_text} = {e.found_value}" if e.found_text else "")),
            escape(visible(e.context)),
        )
    console.print(listing)


def print_speaker_scores(scores: SpeakerScores, console: Console, confusions: int = 40) -> None:
    """Print speaker accuracy overall, per speaker type and mention kind, and the confusions."""
    table = Table(title=f"Speakers, {scores.found} of {scores.gold} gold statements found")
    for column in ("measure", "accuracy", "right", "counted"):
        table.add_column(column, justify="left" if column == "measure" else "right")
    rows = [
        ("all found statements", scores.overall),
        ("mentions that need resolution", scores.resolution),
        ("high-confidence gold", scores.high_confidence),
        ("speaker type", scores.type_accuracy),
    ]
    rows += [(f"type {t}", scores.by_type[t]) for t in SPEAKER_TYPES if t in scores.by_type]
    rows += [(f"mention {k}", scores.by_kind[k]) for k in MENTION_KINDS if k in scores.by_kind]
    for label, tally in rows:
        table.add_row(label, f"{tally.accuracy:.3f}", str(tally.right), str(tally.total))
    console.print(table)
    if not confusions or not scores.confusions:
        return
    wrong = Table(title=f"Wrong speakers ({len(scores.confusions)}; first {confusions})")
    for column in ("article", "mention", "kind", "gold", "found"):
        wrong.add_column(column)
    for c in scores.confusions[:confusions]:
        wrong.add_row(
            c.article[:28],
            c.mention[:40],
            c.kind,
            f"{c.gold} ({c.gold_type})",
            f"{c.found} ({c.found_type})",
        )
    console.print(wrong)


def print_repair_scores(scores: RepairScores, console: Console, failures: int) -> None:
    """Print the share of damaged texts repaired word for word, per kind of damage, and the
    first ``failures`` texts that were not, with where they part from the clean text."""
    table = Table(title=f"Repair of damaged copies, {scores.texts} texts")
    for column in ("damage", "texts", "token-identical"):
        table.add_column(column, justify="left" if column == "damage" else "right")
    figures = scores.as_dict()
    table.add_row("all", str(scores.texts), f"{figures['token_identical']:.3f}")
    for kind in DAMAGE_KINDS:
        if scores.damaged_by[kind]:
            share = figures[f"token_identical_{kind}"]
            table.add_row(kind, str(scores.damaged_by[kind]), f"{share:.3f}")
    console.print(table)
    for name, got, want in scores.failures[:failures]:
        console.print(f"{visible(name)}: repaired {visible(got)!r}, clean {visible(want)!r}")
