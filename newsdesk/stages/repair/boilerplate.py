"""Site chrome (subscribe prompts, share bars, comment forms, cookie notices) by phrase."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newsdesk.lang import DEFAULT_LANGUAGE, table_text
from newsdesk.resources import Resources

_MAX_WORDS = 40


@dataclass(frozen=True)
class BoilerplateRule:
    """A whole-line pattern for one kind of site chrome."""

    reason: str
    pattern: re.Pattern[str]


def parse_rules(text: str, origin: str = "<rules>") -> tuple[BoilerplateRule, ...]:
    """Parse ``reason<TAB>regex`` lines (``#`` comments and blank lines skipped)."""
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        reason, sep, expression = line.partition("\t")
        if not sep or not reason.strip() or not expression.strip():
            raise ValueError(f"{origin}:{number}: expected 'reason<TAB>regular expression'")
        try:
            pattern = re.compile(rf"(?:{expression.strip()})", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{origin}:{number}: bad regular expression: {exc}") from exc
        rules.append(BoilerplateRule(reason.strip(), pattern))
    return tuple(rules)


def default_rules(language: str = DEFAULT_LANGUAGE) -> tuple[BoilerplateRule, ...]:
    """Return the rules shipped for ``language`` (``newsdesk/lang/en/boilerplate.tsv``)."""
    data = table_text("boilerplate.tsv", language)
    return parse_rules(data, f"newsdesk/lang/{language}/boilerplate.tsv")


def load_rules(path: Path) -> tuple[BoilerplateRule, ...]:
    """Return the rules in a user's file of the same format."""
    return parse_rules(path.read_text("utf-8"), str(path))


def boilerplate_reason(line: str, rules: tuple[BoilerplateRule, ...]) -> str | None:
    """Return why ``line`` is site chrome, or None when it is not."""
    stripped = line.strip()
    if not stripped or len(stripped.split()) > _MAX_WORDS:
        return None
    for rule in rules:
        if rule.pattern.fullmatch(stripped):
            return rule.reason
    return None


def find_boilerplate_lines(
    text: str, rules: tuple[BoilerplateRule, ...]
) -> list[tuple[int, int, str]]:
    """Return ``(start, end, reason)`` for each chrome line, its line break included."""
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        reason = boilerplate_reason(line, rules)
        if reason is not None:
            found.append((offset, offset + len(line), f"boilerplate:{reason}"))
        offset += len(line)
    return found


def boilerplate_rules(resources: Resources) -> tuple[BoilerplateRule, ...]:
    """Shipped site-chrome rules, after the user's own when ``resources`` names a file."""

    def build() -> tuple[BoilerplateRule, ...]:
        rules = default_rules(resources.language)
        if resources.boilerplate_file is not None:
            rules = load_rules(resources.boilerplate_file) + rules
        return rules

    return resources.cached("boilerplate", build)
