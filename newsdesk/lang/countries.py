"""Countries by the words that name them in a phrase: their names ("Russia's") and their
adjectives ("the Russian foreign ministry"), from the shipped table ``country_adjectives.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsdesk.lang import DEFAULT_LANGUAGE, table_text

# The longest country name or adjective of the table, in words ("Papua New Guinean").
_MAX_WORDS = 4


@dataclass(frozen=True)
class Countries:
    """The countries a language's table knows, by name and by adjective."""

    by_word: dict[str, str]  # a country's name or adjective, lower-cased -> the country
    adjectives: dict[str, str]  # a country -> its usual adjective

    def country(self, words: str) -> str | None:
        """The country ``words`` name ("Russia", "Russian", "U.S."), or None; a name is
        capitalised, so "us" is no country."""
        if not words[:1].isupper():
            return None
        return self.by_word.get(words.strip().lower())

    def adjective(self, country: str) -> str | None:
        """The usual adjective of ``country`` ("Russia" -> "Russian")."""
        return self.adjectives.get(country)

    def named_in(self, words: list[str]) -> list[str]:
        """The countries a run of words names, longest names first ("South Korean
        defence ministry" -> South Korea, not Sudan or Korea)."""
        found = []
        index = 0
        while index < len(words):
            for size in range(min(_MAX_WORDS, len(words) - index), 0, -1):
                country = self.country(" ".join(words[index : index + size]))
                if country is not None:
                    found.append(country)
                    index += size
                    break
            else:
                index += 1
        return found


@lru_cache(maxsize=4)
def countries(language: str = DEFAULT_LANGUAGE) -> Countries:
    """The countries of ``language``'s table (read once per process)."""
    by_word: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for line in table_text("country_adjectives.tsv", language).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, forms = line.split("\t")
        names = [form.strip() for form in forms.split("|") if form.strip()]
        adjectives[country] = names[0]
        for name in (country, *names):
            by_word.setdefault(name.lower(), country)
    return Countries(by_word, adjectives)
