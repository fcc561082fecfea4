"""A page's own metadata: the site's name made safe, headlines without the site around them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.readers.html import extract_page
from newsdesk.readers.pagemeta import clean_title, pick_site_name, site_name

ARTICLE = """<p>The harbour authority closed the northern pier on Tuesday after divers found
that storms had loosened several of its wooden piles, a spokesman said.</p>
<p>“Nobody should walk on it until the repairs are done,” the harbour master told reporters,
adding that work would start in spring.</p>"""


def page(head: str) -> str:
    return f"<html><head>{head}</head><body><article>{ARTICLE}</article></body></html>"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Harbour Gazette", "Harbour Gazette"),
        ("  Harbour &amp; Coast <b>Weekly</b> ", "Harbour & Coast Weekly"),
        ("Quayside | The port's favourite news source since 1902", "Quayside"),
        ("Pier.com", "Pier.com"),
        ("quayside.example.com", None),
        ("https://www.quayside.com", None),
        ("www.quayside.com", None),
        ("Copyright 2014", None),
        ("2014", None),
        ("", None),
        ("   ", None),
        ("the port news of a small town that writes far too much about itself in its name", None),
        (None, None),
        (42, None),
    ],
)
def test_site_name_is_a_name_or_nothing(raw: object, expected: str | None) -> None:
    assert site_name(raw) == expected


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Pier closes after storm | Harbour Gazette", "Harbour Gazette", "Pier closes after storm"),
        (
            "Pier closes after storm - The Harbour Gazette",
            "Harbour Gazette",
            "Pier closes after storm",
        ),
        ("Opinion | Fix the pier now", None, "Fix the pier now"),
        ("Fix the pier now | Editorial", None, "Fix the pier now"),
        ("Pier closes after storm - quayside.com", None, "Pier closes after storm"),
        (
            "Salty dogs: Harbour seals return to the old pier",
            None,
            "Harbour seals return to the old pier",
        ),
        ("Exclusive: Harbour master plans new pier", None, "Harbour master plans new pier"),
        # A capitalised name before the colon speaks; a claim before it is followed by who makes it.
        ("Ana Silva: “We will rebuild the pier”", None, "Ana Silva: “We will rebuild the pier”"),
        ("Pier repairs overdue: Harbour Board", None, "Pier repairs overdue: Harbour Board"),
        ("Pier closes after storm | Lisbon", "Harbour Gazette", "Pier closes after storm | Lisbon"),
        ("Harbour Gazette", "Harbour Gazette", "Harbour Gazette"),
        ("", None, None),
    ],
)
def test_headline_loses_the_site_around_it(
    title: str, site: str | None, expected: str | None
) -> None:
    assert clean_title(title, site) == expected


def test_raw_site_value_with_slogan_is_stripped_from_the_headline() -> None:
    raw = "Quayside | Port news daily"
    title = "Quayside | Port news daily: Pier closes after the storm"
    assert clean_title(title, site_name(raw), raw) == "Pier closes after the storm"


def test_page_metadata_gives_site_name_and_clean_title() -> None:
    extracted = extract_page(
        page(
            "<title>Pier closes after storm | Harbour Gazette</title>"
            '<meta property="og:site_name" content="Harbour Gazette">'
        ),
        "p.html",
    )
    assert extracted.site_name == "Harbour Gazette"
    assert extracted.title == "Pier closes after storm"


def test_junk_site_name_is_dropped() -> None:
    extracted = extract_page(
        page('<meta property="og:site_name" content="https://www.harbourgazette.com">'), "p.html"
    )
    assert extracted.site_name is None


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=80)))
def test_metadata_cleaning_never_fails(raw: str, site: str | None) -> None:
    name = site_name(raw)
    assert name is None or (0 < len(name) <= 60 and "<" not in name.replace("&lt;", ""))
    title = clean_title(raw, site, site)
    assert title is None or title.strip()


def test_og_site_name_outranks_a_bare_host_and_json_ld_fills_in() -> None:
    og = page(
        '<meta property="og:site_name" content=" The Harbour Gazette | gazette.example.com ">'
    )
    assert extract_page(og, "p.html").site_name == "The Harbour Gazette"
    json_ld = page(
        '<meta property="og:site_name" content="https://www.harbourgazette.com">'
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"publisher": {"@type": "Organization", "name": "Harbour Gazette"}}</script>'
    )
    assert extract_page(json_ld, "p.html").site_name == "Harbour Gazette"
    broken = page('<script type="application/ld+json">{"publisher": [[[</script>')
    assert extract_page(broken, "p.html").site_name is None


def test_a_name_styled_as_a_domain_only_when_nothing_better() -> None:
    assert pick_site_name(["Pier.com", "The Pier Review"]) == ("The Pier Review", "The Pier Review")
    assert pick_site_name(["pier.com", "Pier.com"]) == ("Pier.com", "Pier.com")
    assert pick_site_name([None, "", 3]) == (None, None)


def test_hostile_lengths_are_quick_and_harmless() -> None:
    long_host = "a." * 5000 + "com"
    assert site_name(long_host) is None
    title = "Pier closes | " + "b" * 20000 + ".com"
    assert clean_title(title, "Pier") == title
    assert clean_title("Pier closes | " + "x" * 150, None) == "Pier closes | " + "x" * 150
