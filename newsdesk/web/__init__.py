"""The web front end: a JSON API under ``/api/`` and server-rendered pages over one store.

Optional: it needs the ``web`` extra (``pip install newsdesk[web]``). ``create_app`` builds the
ASGI application; ``newsdesk serve`` runs it on Uvicorn.
"""

from newsdesk.web.app import create_app
from newsdesk.web.state import WebSettings

__all__ = ["WebSettings", "create_app"]
