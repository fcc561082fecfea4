"""A temporal expression found in text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    """A temporal expression: its span, TimeML type and value (``end_value`` for ranges)."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    end_value: str | None = None

    def to_dict(self) -> dict[str, object]:
        """Return the mention as a JSON-ready dict."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "end_value": self.end_value,
        }
