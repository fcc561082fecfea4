"""newsdesk's errors: one base class with a short code users can search the docs for."""

from __future__ import annotations


class NewsdeskError(Exception):
    """A problem newsdesk can explain in one line; ``code`` is stable across releases."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{message} [{code}]")
        self.code = code
        self.message = message


class InputError(NewsdeskError):
    """An input that cannot be read as an article (missing, binary, empty, undecodable...)."""


class StoreError(NewsdeskError):
    """The corpus database cannot be used: not SQLite, corrupt, from a newer newsdesk, locked
    by another writer, read-only where writing is needed, or on a full disk."""
