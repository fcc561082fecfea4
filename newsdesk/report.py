"""The readable text report of an analysed article, rendered with Rich."""

from __future__ import annotations

from collections import Counter

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsdesk.model import Article

_PREVIEW = 60


def _visible(snippet: str) -> str:
    """Show whitespace and emptiness explicitly in a short preview."""
    if snippet == "":
        return "∅"
    shown = snippet.replace("\n", "⏎").replace("\t", "⇥")
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
            repair.kind, str(repair.start), _visible(repair.before), _visible(repair.after)
        )
    return table


def render_article(article: Article) -> RenderableType:
    """Return a Rich renderable with the article's text and everything done to it."""
    parts: list[RenderableType] = []
    meta = Text()
    meta.append("source: ", style="bold")
    meta.append(article.source)
    meta.append("   published: ", style="bold")
    meta.append(article.published or "unknown")
    meta.append("   outlet: ", style="bold")
    meta.append(article.outlet or "unknown")
    if article.outlet_evidence:
        meta.append(f" ({'; '.join(article.outlet_evidence)})", style="dim")
    parts.append(meta)
    if article.title:
        parts.extend([Text(""), Text(article.title, style="bold underline")])
    if article.lede:
        parts.extend([Text(""), Text(article.lede, style="italic")])
    for paragraph in article.body:
        parts.extend([Text(""), Text(paragraph)])
    parts.append(Text(""))
    if not article.paragraphs and article.text:
        parts.append(Text(article.text))
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
    for error in article.errors:
        parts.append(Text(f"error in stage {error.stage}: {error.message}", style="bold red"))
    heading = article.title or article.source
    return Panel(Group(*parts), title=Text(heading, style="bold"), title_align="left")


def print_article(article: Article, console: Console) -> None:
    """Print the text report of one article."""
    console.print(render_article(article))
