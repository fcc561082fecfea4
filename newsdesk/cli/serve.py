"""``newsdesk serve``: the web pages and the HTTP API over a corpus database, on Uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from newsdesk.cli.options import DB_OPTION
from newsdesk.errors import NewsdeskError


@click.command(name="serve")
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    envvar="NEWSDESK_TOKEN",
    help="Accept writes (POST /api/articles) from requests bearing this token; without it "
    "the server only reads, and opens the database read-only.",
)
def serve_command(db_path: Path, host: str, port: int, token: str | None) -> None:
    """Serve the corpus in a browser and as a JSON API (needs the web extra)."""
    try:
        import uvicorn

        from newsdesk.web import WebSettings, create_app
    except ImportError as exc:
        raise NewsdeskError(
            "ND031", f"the web extra is not installed ({exc.name}): pip install 'newsdesk[web]'"
        ) from None
    app = create_app(WebSettings(db=db_path, token=token or None))
    click.echo(f"newsdesk: serving {db_path} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
