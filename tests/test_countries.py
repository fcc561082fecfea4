"""The country table: countries by name and by adjective."""

from __future__ import annotations

from newsdesk.lang.countries import countries


def test_a_country_is_found_by_its_name_and_by_its_adjectives() -> None:
    table = countries()
    assert table.country("Kenya") == table.country("Kenyan") == "Kenya"
    assert table.adjective("Kenya") == "Kenyan"
    assert table.country("kenyan") is None  # a name is capitalised
    assert table.country("us") is None  # the pronoun, not the country


def test_the_longest_name_wins_in_a_run_of_words() -> None:
    table = countries()
    assert table.named_in("the South Sudanese army chief".split()) == ["South Sudan"]
    assert table.named_in("Irish and Danish officials".split()) == ["Ireland", "Denmark"]
    assert table.named_in("the foreign ministry".split()) == []
