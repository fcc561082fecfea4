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


def unexpected(code: str, source: str, doing: str, exc: Exception) -> InputError:
    """The error for a record that raised what no reader, stage or store expected: the record
    is quarantined with it and the run goes on."""
    reason = str(exc).splitlines()[0] if str(exc) else ""
    return InputError(code, f"{source}: {doing}: {type(exc).__name__}: {reason}"[:500])


class StoreError(NewsdeskError):
    """The corpus database cannot be used: not SQLite, corrupt, from a newer newsdesk, locked
    by another writer, read-only where writing is needed, or on a full disk."""
