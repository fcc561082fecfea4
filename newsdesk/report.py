"""The readable text report of an analysed article, rendered with Rich."""

from __future__ import annotations

from collections import Counter

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsdesk.model import Article, Event
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
