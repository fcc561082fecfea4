"""The author is a person's name or nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.model import Article
from newsdesk.resources import Resources
from newsdesk.stages.byline import clean_author
from newsdesk.stages.structure import structure

OUTLETS = ("Harbour Gazette", "The Quayside Post", "AP", "Reuters")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Marta Okafor", "Marta Okafor"),
        ("MARTA OKAFOR", "Marta Okafor"),
        ("Marta Okafor News reporter", "Marta Okafor"),
        ("Marta Okafor; Senior Writer", "Marta Okafor"),
        ("Marta Okafor is a reporter for the paper", "Marta Okafor"),
        ("Marta Okafor Published", "Marta Okafor"),
        ("Marta Okafor Tuesday; March", "Marta Okafor"),
        ("Marta Okafor, 12 March 2024", "Marta Okafor"),
        ("Marta Okafor marta@gazette.example", "Marta Okafor"),
        ("Marta Okafor @martaokafor", "Marta Okafor"),
        ("Analysis by Marta Okafor", "Marta Okafor"),
        ("MARTA OKAFOR; LEO BRANDT Harbour Gazette", "Marta Okafor"),
        ("Leo Brandt Harbour Gazette", "Leo Brandt"),
        ("Leo Brandt and Marta Okafor", "Leo Brandt"),
        ("Jan van der Berg", "Jan van der Berg"),
        ("Al Brandt", "Al Brandt"),
        ("Harbour Gazette", None),
        ("Quayside Post Staff", None),
        ("QUAYSIDE POST STAFF MARCH", None),
        ("Harbour wire services Published", None),
        ("Staff Reports", None),
        ("Editorial Board", None),
        ("Admin", None),
        ("The Associated Press", None),
        ("AP", None),
        ("REUTERS", None),
        ("the harbour desk", None),
        ("", None),
        (None, None),
    ],
)
def test_author_is_a_name_or_nothing(raw: str | None, expected: str | None) -> None:
    assert clean_author(raw, OUTLETS) == expected


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=300))
def test_author_cleaning_never_fails(raw: str) -> None:
    name = clean_author(raw, OUTLETS)
    assert name is None or (name.strip() == name and 0 < len(name.split()) <= 5)


def test_structure_cleans_metadata_author_and_byline() -> None:
    text = "Pier closes after storm\n\nBy LEO BRANDT, Harbour Gazette\n\nThe pier closed.\n\nMore."
    article = Article(source="t", original=text, text=text, author="Harbour Gazette Staff")
    done = structure(article, Resources())
    assert done.author == "Leo Brandt"
    site = Article(
        source="t", original=text, text=text, author="Quayside Weekly", site_name="Quayside Weekly"
    )
    assert structure(site, Resources()).author == "Leo Brandt"


@pytest.mark.parametrize("name", ["June Carter", "Theresa May", "Jan Novak", "April Ryan"])
def test_names_that_are_also_dates_stay(name: str) -> None:
    assert clean_author(name) == name
