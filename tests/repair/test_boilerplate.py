from __future__ import annotations

import pytest

from newsdesk.stages.repair.boilerplate import (
    boilerplate_reason,
    default_rules,
    find_boilerplate_lines,
    parse_rules,
)

RULES = default_rules()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Subscribe to Twitter RBC Receive news faster than anyone", "subscribe"),
        ("Leave a Reply", "comment_form"),
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        ("Read the rest here.", "read_more"),
        ("Share on Facebook", "social"),
        ("Facebook Twitter WhatsApp Email", "social"),
        ("We use cookies to improve your experience.", "cookies"),
        ("© 2022 Example Media. All rights reserved.", "copyright"),
        ("Advertisement", "advertisement"),
    ],
)
def test_chrome_lines_are_recognised(line: str, reason: str) -> None:
    assert boilerplate_reason(line, RULES) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Subscribers to the service complained about the price rise.",
        "The committee will read more than 400 submissions before it decides on the new "
        "rules for the city's markets, its chairman said on Monday after a long meeting.",
        "Copyright law was changed in 2019, the minister said.",
        "Comments by the minister drew criticism.",
        "He said he would leave a reply on the desk.",
        "Most read newspapers lost subscribers last year, the survey found.",
        "Trending topics on Twitter included the debate and the storm.",
        "The image copyright dispute went to court in May.",
        "Loading the trucks took the soldiers four hours.",
        "The article originally appeared to support the governor, he said.",
    ],
)
def test_story_sentences_are_not_chrome(line: str) -> None:
    assert boilerplate_reason(line, RULES) is None


def test_lines_are_found_with_their_line_breaks() -> None:
    text = "Story.\nLeave a Reply\nMore story."
    assert find_boilerplate_lines(text, RULES) == [(7, 21, "boilerplate:comment_form")]


def test_user_rules_are_parsed_and_bad_ones_named() -> None:
    rules = parse_rules("# mine\npromo\tbuy now.*\n")
    assert boilerplate_reason("Buy now and save", rules) == "promo"
    with pytest.raises(ValueError, match=r"rules\.tsv:1"):
        parse_rules("no tab here", "rules.tsv")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Photo: Reuters", "credit"),
        ("If you find a mistake, select it and press Ctrl + Enter", "report_error"),
        ("Tags: Russia, USA, Geneva", "tags"),
        ("Share:", "social"),
        ("Media playback is unsupported on your device", "media"),
        ("Image copyright Getty Images", "media"),
        ("Story continues below advertisement", "advertisement"),
        ("4 min read", "reading_time"),
        ("You may also like", "teaser"),
        ("Trending Now", "teaser"),
        ("Loading...", "teaser"),
        ("Sign in to comment", "comment_form"),
        ("By continuing to use this site you agree to our use of cookies.", "cookies"),
        ("This article originally appeared on Politico.", "syndication"),
    ],
)
def test_more_chrome(line: str, reason: str) -> None:
    assert boilerplate_reason(line, RULES) == reason


def test_a_photo_caption_sentence_is_not_a_credit() -> None:
    line = "Photos of the flooded villages show water up to the roofs of the houses."
    assert boilerplate_reason(line, RULES) is None
