"""Everything the command line prints: the readable report of an analysed article, the
progress of ingest, batch and load runs, and query results as Rich tables or JSON Lines."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

import click
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from newsdesk.batch import BatchEvents, LoadEvents, Shard, ShardResult
from newsdesk.model import Article, Event
from newsdesk.store import CorpusSummary, SpeakerRow, SpeakerStatements, as_dict
from newsdesk.terminal import visible

_PREVIEW = 60


def _visible(snippet: str) -> str:
    """Show whitespace and emptiness explicitly in a short preview."""
    if snippet == "":
        return "∅"
    shown = visible(snippet.replace("\n", "⏎").replace("\t", "⇥"))
    if len(shown) > _PREVIEW:
        shown = shown[: _PREVIEW - 1] + "…"
    return shown if shown.strip() else f"«{shown}»"


def _repairs_table(article: Article) -> Table:
    table = Table(title="Repairs", title_justify="left", expand=False)
    table.add_column("kind", style="cyan", overflow="fold")
    table.add_column("at", justify="right")
    table.add_column("before", style="red")
    table.add_column("after", style="green")
    for repair in article.repairs:
        table.add_row(
            visible(repair.kind), str(repair.start), _visible(repair.before), _visible(repair.after)
        )
    return table


def _quotes_table(article: Article) -> Table:
    table = Table(title="Who said what", title_justify="left")
    table.add_column("speaker", style="bold")
    table.add_column("kind")
    table.add_column("cue", style="cyan")
    table.add_column("content", overflow="fold")
    for quote in article.quotes:
        speaker = quote.speaker or "?"
        if quote.source and quote.source != quote.speaker:
            speaker += f" ({quote.source})"
        content = quote.content if len(quote.content) <= 160 else quote.content[:159] + "…"
        kind = quote.kind + (" ⚠" if quote.fragment else "")
        table.add_row(visible(speaker), kind, visible(quote.cue), visible(content))
    return table


def _entities_line(article: Article) -> Text:
    line = Text("Entities: ", style="bold")
    for index, entity in enumerate(article.entities):
        if index:
            line.append("; ")
        line.append(visible(entity.canonical), style="bold")
        variants = sorted({m.text for m in entity.mentions} - {entity.canonical})
        detail = entity.type
        if entity.geonames_id:
            detail += f" {entity.geonames_id}"
        if variants:
            detail += ", as " + ", ".join(variants[:4])
        line.append(f" ({visible(detail)})", style="dim")
    return line


def _timeline(events: list[Event]) -> Table:
    table = Table(title="Timeline", title_justify="left")
    table.add_column("date", style="bold")
    table.add_column("what", overflow="fold")
    table.add_column("according to", style="dim")
    for event in sorted(events, key=lambda e: str(e.date)):
        date = str(event.date)
        if event.date_source == "publication":
            date += " (published)"
        elif event.date_source == "occasion":
            date += f" ({event.date_text or 'occasion'})"
        text = event.text
        participants = event.participants
        if event.kind == "statement" and participants:
            text = f"{participants[0]} {event.trigger}: {text}"
        table.add_row(
            visible(date),
            visible(text if len(text) <= 80 else text[:79] + "…"),
            visible(event.speaker or "outlet"),
        )
    return table


def render_article(article: Article) -> RenderableType:
    """Return a Rich renderable with the article's text and everything done to it."""
    parts: list[RenderableType] = []
    meta = Text()
    meta.append("source: ", style="bold")
    meta.append(visible(article.source))
    meta.append("   published: ", style="bold")
    meta.append(visible(article.published or "unknown"))
    meta.append("   outlet: ", style="bold")
    meta.append(visible(article.outlet or "unknown"))
    if article.outlet_evidence:
        meta.append(visible(f" ({'; '.join(article.outlet_evidence)})"), style="dim")
    parts.append(meta)
    if article.title:
        parts.extend([Text(""), Text(visible(article.title), style="bold underline")])
    if article.lede:
        parts.extend([Text(""), Text(visible(article.lede), style="italic")])
    for paragraph in article.body:
        parts.extend([Text(""), Text(visible(paragraph))])
    parts.append(Text(""))
    if not article.paragraphs and article.text:
        parts.append(Text(visible(article.text)))
    if article.repairs:
        counts = Counter(kind for r in article.repairs for kind in r.kind.split("+"))
        summary = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
        parts.append(Text(f"{len(article.repairs)} repairs: {summary}", style="bold cyan"))
        parts.append(_repairs_table(article))
    else:
        parts.append(Text("No repairs needed.", style="bold cyan"))
    for removed in article.removed:
        parts.append(
            Text.assemble(
                ("removed ", "bold red"),
                (f"[{removed.reason}] ", "red"),
                _visible(removed.text.strip()),
            )
        )
    for flag in article.flags:
        parts.append(
            Text.assemble(
                ("flag ", "bold yellow"),
                (f"[{flag.kind}] ", "yellow"),
                _visible(flag.text),
                (f" — {flag.note}", "dim"),
            )
        )
    if article.quotes:
        parts.append(_quotes_table(article))
    if article.entities:
        parts.append(_entities_line(article))
    dated = [e for e in article.events if e.date]
    if dated:
        parts.append(_timeline(dated))
    for error in article.errors:
        message = visible(f"error in stage {error.stage}: {error.message}")
        parts.append(Text(message, style="bold red"))
    heading = visible(article.title or article.source)
    return Panel(Group(*parts), title=Text(heading, style="bold"), title_align="left")


def print_article(article: Article, console: Console) -> None:
    """Print the text report of one article."""
    console.print(render_article(article))


class _RateColumn(ProgressColumn):
    """Inputs per second so far."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "…/s", style="progress.data.speed")


def ingest_progress(console: Console) -> Progress:
    """The progress display of an ingest run: inputs done, rate, time spent and left."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} inputs"),
        BarColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


class BatchProgress:
    """The progress of a batch run: one bar over every shard left to write, one per shard
    running (records done of those the first reading counted), and a line per shard done
    with its rate."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.overall = progress.add_task("all shards", total=None)
        self.shards: dict[int, Shard] = {}
        self.tasks: dict[int, TaskID] = {}
        self.reported: dict[int, int] = {}

    def events(self) -> BatchEvents:
        """The events of :func:`newsdesk.batch.run_batch` that drive this display."""
        return BatchEvents(on_plan=self.plan, on_progress=self.advance, on_shard=self.finish)

    def plan(self, shards: list[Shard], done: set[int]) -> None:
        """Set the overall total to the records of the shards left to write."""
        left = [shard for shard in shards if shard.index not in done]
        self.shards = {shard.index: shard for shard in left}
        self.progress.update(self.overall, total=sum(shard.records for shard in left))

    def advance(self, index: int, records: int) -> None:
        """Count ``records`` more done in shard ``index``."""
        if index not in self.tasks:
            shard = self.shards[index]
            self.tasks[index] = self.progress.add_task(visible(shard.name), total=shard.records)
        self.progress.advance(self.tasks[index], records)
        self.progress.advance(self.overall, records)
        self.reported[index] = self.reported.get(index, 0) + records

    def finish(self, result: ShardResult) -> None:
        """Close a shard's bar and print how it ended."""
        index = result.shard.index
        task = self.tasks.pop(index, None)
        if task is not None:
            self.progress.remove_task(task)
        name = visible(result.shard.name)
        counts = result.counts
        if counts is None:
            self.progress.console.print(f"{name}: not finished (see below)", style="red")
            return
        records = counts.articles + counts.quarantined
        self.progress.advance(self.overall, max(0, records - self.reported.pop(index, 0)))
        rate = counts.articles / counts.seconds if counts.seconds else 0.0
        self.progress.console.print(
            f"{name}: {counts.articles} articles, {counts.quarantined} quarantined, "
            f"{rate:.1f} articles/s"
        )


class LoadProgress:
    """The progress of loading a batch: records stored (or found stored, or quarantined)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task = progress.add_task("loading", total=None)

    def events(self) -> LoadEvents:
        """The events of :func:`newsdesk.batch.load_batch` that drive this display."""
        return LoadEvents(on_plan=self.plan, on_record=self.record)

    def plan(self, shards: list[Shard]) -> None:
        """Set the total to every shard's records."""
        self.progress.update(self.task, total=sum(shard.records for shard in shards))

    def record(self, shard: Shard) -> None:
        """Count one record done."""
        self.progress.advance(self.task)


def rows_table(title: str, rows: Sequence[dict[str, Any]], columns: list[str]) -> Table:
    """A table of the given columns of ``rows``, every value shown as safe text."""
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        # Text, not markup: stored text may hold brackets ("[Bridge]" snippets) Rich would eat.
        table.add_row(
            *(Text(visible("" if row.get(c) is None else str(row.get(c)))) for c in columns)
        )
    return table


def print_json_lines(rows: Sequence[dict[str, Any]]) -> None:
    """Print each row as one JSON object on its own line."""
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


def print_rows(title: str, rows: Sequence[Any], columns: list[str], output_format: str) -> None:
    """Print query rows: a table of ``columns`` (text) or one JSON object per row (json)."""
    plain = [as_dict(row) for row in rows]
    if output_format == "json":
        print_json_lines(plain)
    else:
        Console(highlight=False).print(rows_table(title, plain, columns))


def print_speakers(
    rows: Sequence[SpeakerRow],
    statements: SpeakerStatements,
    wanted: tuple[str, ...] | None,
    output_format: str,
) -> None:
    """Print the speakers and how many statements the types not listed (``wanted``) and
    those with no resolved speaker have."""
    by_type = statements.by_type
    if output_format == "json":
        summary = {"unresolved": statements.unresolved, "statements_by_type": by_type}
        print_json_lines([*(as_dict(row) for row in rows), summary])
        return
    shown = [{**as_dict(row), "names": " | ".join(row.names)} for row in rows]
    columns = ["speaker", "speaker_type", "statements", "articles", "names"]
    Console(highlight=False).print(rows_table("Speakers", shown, columns))
    others = [
        f"{count} by {kind} speakers"
        for kind, count in sorted(by_type.items())
        if kind != "unresolved" and (wanted is not None and kind not in wanted)
    ]
    if others:
        click.echo("also " + ", ".join(others) + " (see --type)")
    click.echo(f"unresolved: {statements.unresolved} statements with no resolved speaker")


def print_summary(summary: CorpusSummary, output_format: str) -> None:
    """Print the corpus summary: one JSON object (json) or its tables (text)."""
    report = as_dict(summary)
    if output_format == "json":
        click.echo(json.dumps(report, ensure_ascii=False))
        return
    console = Console(highlight=False)
    measures = [{"measure": k.replace("_", " "), "count": v} for k, v in report["counts"].items()]
    console.print(rows_table("Corpus", measures, ["measure", "count"]))
    rows = [
        {
            "speaker": s.speaker,
            "statements": s.statements,
            "said": "\n".join(f"{q.cue}: {q.content}" for q in s.said),
        }
        for s in summary.speakers
    ]
    console.print(rows_table("Top speakers", rows, ["speaker", "statements", "said"]))
    story_columns = ["articles", "exact_copies", "origin_published", "origin_title"]
    console.print(rows_table("Stories told by several copies", report["stories"], story_columns))
    console.print(rows_table("Timeline", report["timeline"], ["date", "text", "speaker"]))
