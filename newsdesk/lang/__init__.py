"""Language data: people's names, places and offices, and the word tables stages read.

Each language's tables sit in a folder of their own (``en/`` today); a loader asks for a
table by language and name, so a second language's tables can sit beside English.
"""

from __future__ import annotations

from importlib import resources

DEFAULT_LANGUAGE = "en"


def table_text(name: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Return the text of the shipped table ``name`` (such as ``cues.tsv``) of ``language``."""
    return resources.files("newsdesk").joinpath(f"lang/{language}/{name}").read_text("utf-8")
