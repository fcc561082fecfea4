"""``newsdesk serve``: the web pages and the HTTP API over a corpus database, on Uvicorn."""

from __future__ import annotations

import os
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
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes: more than one answers on several cores at once.",
)
def serve_command(db_path: Path, host: str, port: int, token: str | None, workers: int) -> None:
    """Serve the corpus in a browser and as a JSON API (needs the web extra)."""
    try:
        import uvicorn

        from newsdesk.web import WebSettings, create_app
        from newsdesk.web.app import DB_VARIABLE, TOKEN_VARIABLE, settle_for_serving
    except ImportError as exc:
        raise NewsdeskError(
            "ND031", f"the web extra is not installed ({exc.name}): pip install 'newsdesk[web]'"
        ) from None
    app = create_app(WebSettings(db=db_path, token=token or None))  # refuses a bad file now
    click.echo(f"newsdesk: serving {db_path} on http://{host}:{port}/", err=True)
    if workers == 1:
        app.router.add_event_handler("startup", settle_for_serving)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    # Each worker process builds its own app from the environment it inherits.
    os.environ[DB_VARIABLE] = str(db_path.resolve())
    if token:
        os.environ[TOKEN_VARIABLE] = token
    uvicorn.run(
        "newsdesk.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
