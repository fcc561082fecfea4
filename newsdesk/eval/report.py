"""Tables of evaluation figures for the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from newsdesk.eval.attribution import ROLES, AttributionScores
from newsdesk.eval.time import TimeScores


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


def print_time_scores(scores: TimeScores, console: Console) -> None:
    """Print strict, relaxed and value precision, recall and F1 per TIMEX type."""
    table = Table(title=f"Dates and times, {scores.documents} TimeML documents")
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
