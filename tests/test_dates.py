"""The date normaliser on expressions written for these tests."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.dates import find_dates

ANCHOR = dt.date(2022, 1, 10)  # a Monday


def values(text: str, anchor: dt.date | None = ANCHOR) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The riots began on January 2.", [("January 2", "2022-01-02")]),
        ("It happened on Aug. 7, 1998.", [("Aug. 7, 1998", "1998-08-07")]),
        ("Talks resumed yesterday.", [("yesterday", "2022-01-09")]),
        ("Prices rose last week.", [("last week", "2022-W01")]),
        ("The vote was on Friday.", [("Friday", "2022-01-07")]),
        ("The vote will be on Friday.", [("Friday", "2022-01-14")]),
        ("Profits fell in the third quarter.", [("the third quarter", "2021-Q3")]),
        ("They met two days ago.", [("two days ago", "2022-01-08")]),
        ("since the beginning of this year", [("since the beginning of this year", "2022-01-01")]),
        ("He spoke at 10:35 a.m. Friday.", [("10:35 a.m. Friday", "2022-01-07T10:35")]),
        ("Growth was slow in the 1990s.", [("the 1990s", "199X")]),
        ("It rains daily.", [("daily", "P1D")]),
        ("The siege lasted five years.", [("five years", "P5Y")]),
    ],
)
def test_expressions_and_values(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_coordinated_days_are_one_range() -> None:
    [mention] = find_dates("On January 5 and 6, the conflict escalated.", ANCHOR)
    assert (mention.text, mention.value, mention.end_value) == (
        "January 5 and 6",
        "2022-01-05",
        "2022-01-06",
    )
    [spanned] = find_dates("Talks ran from 5 to 7 January.", ANCHOR)
    assert (spanned.text, spanned.value, spanned.end_value) == (
        "5 to 7 January",
        "2022-01-05",
        "2022-01-07",
    )


def test_without_an_anchor_no_year_is_invented() -> None:
    assert values("The riots began on January 2.", None) == [("January 2", "XXXX-01-02")]
    assert values("Talks resumed yesterday.", None) == [("yesterday", None)]
    assert values("It happened on Aug. 7, 1998.", None) == [("Aug. 7, 1998", "1998-08-07")]


@pytest.mark.parametrize(
    "text",
    [
        "We will decide, and we know why.",
        "It is used by up to 70% of motorists.",
        "Prices may rise. You may go.",
        "Jan Kowalski and April Smith spoke.",
        "The fall of Alma-Ata would open the way.",
        "He paid $1999 for 2000 shares, 1,998 in all.",
    ],
)
def test_things_that_are_not_dates(text: str) -> None:
    assert find_dates(text, ANCHOR) == []


@given(st.text(alphabet="wemay 0123456789%,.:pm", max_size=40))
def test_pronouns_numbers_and_percentages_never_become_dates(text: str) -> None:
    for mention in find_dates(text, ANCHOR):
        assert mention.type in ("DATE", "DURATION", "TIME")
        if mention.type == "TIME":  # "10 am": a clock time of 1 to 12
            assert 1 <= int(re.match(r"\d+", mention.text).group()) <= 12  # type: ignore[union-attr]
        assert "%" not in mention.text
        assert mention.text.strip().lower() not in ("we", "may", "me")
