"""The date normaliser on expressions written for these tests."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdesk.stages.dates import find_dates

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
        # A clause that goes on in the past, an event named in the possessive: looking back.
        ("A service planned for Saturday was canceled.", [("Saturday", "2022-01-08")]),
        ("They would appeal Wednesday's ruling.", [("Wednesday", "2022-01-05")]),
        ("Shares rose ahead of Tuesday's vote.", [("Tuesday", "2022-01-11")]),
        ("Profits fell in the third quarter.", [("the third quarter", "2021-Q3")]),
        ("They met two days ago.", [("two days ago", "2022-01-08")]),
        ("since the beginning of this year", [("since the beginning of this year", "2022-01-01")]),
        ("He spoke at 10:35 a.m. Friday.", [("10:35 a.m. Friday", "2022-01-07T10:35")]),
        ("Growth was slow in the 1990s.", [("the 1990s", "199")]),
        ("It rains daily.", [("daily", "P1D")]),
        ("The siege lasted five years.", [("five years", "P5Y")]),
        # A weekday with its date: the year in which that date falls on that weekday.
        ("The editorial ran on Friday, Oct. 22.", [("Friday, Oct. 22", "2021-10-22")]),
        ("Polls open on Tuesday, Jan. 4.", [("Tuesday, Jan. 4", "2022-01-04")]),
        ("It closed in June last year.", [("June last year", "2021-06")]),
        ("It opens in March next year.", [("March next year", "2023-03")]),
        ("He will resign in March for health reasons.", [("March", "2022-03")]),
        ("Sales in this year's third quarter", [("this year's third quarter", "2022-Q3")]),
        ("compared with the 1988 second quarter", [("the 1988 second quarter", "1988-Q2")]),
        ("They met on Wednesday night.", [("Wednesday night", "2022-01-05")]),
        ("He spoke Friday morning.", [("Friday morning", "2022-01-07")]),
        ("He will arrive as soon as Tuesday.", [("Tuesday", "2022-01-11")]),
        ("He said the talks would resume Thursday.", [("Thursday", "2022-01-13")]),
        # A weekday a wait lasts until lies ahead, unless the sentence looks back on it.
        ("The ruling was postponed until Thursday.", [("Thursday", "2022-01-13")]),
        ("They have until 9 a.m. EST Friday to sign.", [("9 a.m. EST Friday", "2022-01-14T09:00")]),
        ("Until Thursday, police had not named him.", [("Thursday", "2022-01-06")]),
        ("It was not until Friday that he spoke.", [("Friday", "2022-01-07")]),
        ("Work starts the week of March 6.", [("the week of March 6", "2022-W09")]),
        ("It was nineteen ninety-six.", [("nineteen ninety-six", "1996")]),
        ("by the year two thousand", [("the year two thousand", "2000")]),
        (
            "in the winter of nineteen ninety-four",
            [("the winter of nineteen ninety-four", "1994-WI")],
        ),
        ("Over the summer, rivals cut prices.", [("summer", "2022-SU")]),
        ("Demand will last well into the fall.", [("fall", "2022-FA")]),
        # Named days: the occurrence nearest the publication date.
        ("They met on Thanksgiving Day.", [("Thanksgiving Day", "2021-11-25")]),
        ("The party is planned for Easter.", [("Easter", "2022-04-17")]),
        ("It fell on Christmas Day 1998.", [("Christmas Day 1998", "1998-12-25")]),
        ("after Election Day", [("Election Day", "2021-11-02")]),
        ("Protests went on over the weekend.", [("the weekend", "2022-W01-WE")]),
        ("They will march next weekend.", [("next weekend", "2022-W02-WE")]),
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


def test_dates_that_refer_back_take_the_earlier_date() -> None:
    text = (
        "Farkas was promoted on May 22, 1995, and the following year he became minister. "
        "He left on Oct. 23, 1998. Earlier that day he had met the mayor, and he flew home "
        "the next morning."
    )
    assert values(text)[1:] == [
        ("the following year", "1996"),
        ("Oct. 23, 1998", "1998-10-23"),
        ("Earlier that day", "1998-10-23"),
        ("the next morning", "1998-10-24"),
    ]
    # With no earlier date to refer to, nothing is guessed.
    assert values("Earlier that day he had met the mayor.") == []


def test_without_an_anchor_no_year_is_invented() -> None:
    assert values("The riots began on January 2.", None) == [("January 2", "XXXX-01-02")]
    assert values("Talks resumed yesterday.", None) == [("yesterday", None)]
    assert values("It happened on Aug. 7, 1998.", None) == [("Aug. 7, 1998", "1998-08-07")]
    assert values("They met on Thanksgiving Day.", None) == [("Thanksgiving Day", "XXXX-XX-XX")]
    assert values("They met on Wednesday night.", None) == [("Wednesday night", "XXXX-WXX-3")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The siege lasted nearly two years.", [("nearly two years", "DURATION", "P2Y")]),
        # TimeML leaves out "over" before a placed stretch, "only", and "the" before an
        # adjective.
        ("Prices rose over the past two years.", [("the past two years", "DURATION", "P2Y")]),
        ("It lasted only six months.", [("six months", "DURATION", "P6M")]),
        ("the 14-day waiting period", [("14-day", "DURATION", "P14D")]),
        ("the third-quarter loss", [("third-quarter", "DATE", "2021-Q3")]),
        ("Hate groups grew over the past year.", [("the past year", "DATE", "2021")]),
        ("Costs will be halved by the end of 1990.", [("the end of 1990", "DATE", "1990")]),
        ("It may change in the future.", [("the future", "DATE", "FUTURE_REF")]),
        ("Last Friday's announcement was a surprise.", [("Last Friday", "DATE", "2022-01-07")]),
        ("Prices rose in the past two months.", [("the past two months", "DURATION", "P2M")]),
        ("He spoke for more than an hour.", [("more than an hour", "DURATION", "PT1H")]),
        ("It takes half an hour.", [("half an hour", "DURATION", "PT30M")]),
        ("They lived there for 2 1/2 years.", [("2 1/2 years", "DURATION", "P2Y6M")]),
        ("Talks could take a few months.", [("a few months", "DURATION", "PXM")]),
        ("The feud has gone on for years.", [("years", "DURATION", "PXY")]),
        ("Rates will fall in the coming weeks.", [("the coming weeks", "DURATION", "PXW")]),
        ("a two-year contract", [("two-year", "DURATION", "P2Y")]),
        ("their third day-long meeting", [("day-long", "DURATION", "P1D")]),
        ("a decades-long feud", [("decades-long", "DURATION", "PXY")]),
        ("Prices rose in recent months.", [("recent months", "DURATION", "PXM")]),
        ("in recent weeks and months", [("recent weeks and months", "DATE", "PAST_REF")]),
        ("down 4.5% from the previous Friday", [("the previous Friday", "DATE", "2021-12-31")]),
        ("Three days later, they left.", [("Three days", "DURATION", "P3D")]),
        ("The board meets every Monday.", [("every Monday", "SET", "XXXX-WXX-1")]),
        ("The march is held each July.", [("each July", "SET", "XXXX-07")]),
        ("It is published twice a year.", [("twice a year", "SET", "P1Y")]),
        ("The paper appears weekly.", [("weekly", "SET", "P1W")]),
        ("Such rallies are held here annually.", [("annually", "SET", "P1Y")]),
        (
            "Flights leave on Monday and Tuesday nights.",
            [("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")],
        ),
        ("She left at 4 in the morning.", [("4 in the morning", "TIME", "2022-01-10T04:00")]),
        ("By mid-afternoon, it was over.", [("mid-afternoon", "TIME", "2022-01-10TAF")]),
        ("Traders bought in the morning.", [("the morning", "TIME", "2022-01-10TMO")]),
        # A time with no day takes the day of the sentence before when its own names none.
        (
            "Hopes were dashed Friday. Dealers bought in the morning.",
            [("Friday", "DATE", "2022-01-07"), ("the morning", "TIME", "2022-01-07TMO")],
        ),
        ("It ended late last night.", [("late last night", "TIME", "2022-01-09TNI")]),
        # "overnight" is the night before the day reported on.
        ("Shares fell on overnight losses.", [("overnight", "TIME", "2022-01-09TNI")]),
        (
            "Shares closed lower Friday. They were hit by overnight losses in New York.",
            [("Friday", "DATE", "2022-01-07"), ("overnight", "TIME", "2022-01-06TNI")],
        ),
        (
            "The blast occurred at 10:35 a.m. (0735 GMT) Friday.",
            [("10:35 a.m.", "TIME", "2022-01-07T10:35"), ("Friday", "DATE", "2022-01-07")],
        ),
        ("Current rules allow it.", [("Current", "DATE", "PRESENT_REF")]),
        ("after the recent sale of the unit", [("recent", "DATE", "PAST_REF")]),
        ("in the near future", [("the near future", "DATE", "FUTURE_REF")]),
        # "one day" after a modal is some time to come; "for one day" is a length.
        ("Islam will one day be the largest.", [("one day", "DATE", "FUTURE_REF")]),
        ("The strike lasted one day.", [("one day", "DURATION", "P1D")]),
        ("at the then current market price", [("then current", "DATE", "PAST_REF")]),
        ("It will be repaid at a later date.", [("a later date", "DATE", "FUTURE_REF")]),
        # A day counted from the start of something, said to be today, is the anchor's day.
        ("It's the second day of an offensive.", [("the second day", "DATE", "2022-01-10")]),
        ("The post-1959 politics split families.", [("post-1959", "DATE", "1959")]),
        ("He vowed to act on his first day in office.", []),
        (
            "Sales in 1989 is a record; 1990 was worse.",
            [("1989", "DATE", "1989"), ("1990", "DATE", "1990")],
        ),
        ("In the past, it failed.", [("the past", "DATE", "PAST_REF")]),
        ("The expiry was Friday evening.", [("Friday evening", "TIME", "2022-01-07TEV")]),
        ("Profit rose in fiscal 1998.", [("fiscal 1998", "DATE", "1998")]),
        ("Sales fell in the first half of 1990.", [("the first half of 1990", "DATE", "1990-H1")]),
        ("a temple of the 11th century", [("the 11th century", "DATE", "10")]),
        ("Music of the nineties", [("the nineties", "DATE", "199")]),
        ("The group split in mid-1996.", [("mid-1996", "DATE", "1996")]),
        (
            "the year ended Sept. 30",
            [("the year", "DURATION", "P1Y"), ("Sept. 30", "DATE", "2021-09-30")],
        ),
    ],
)
def test_durations_sets_times_and_references(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(m.text, m.type, m.value) for m in find_dates(text, ANCHOR)] == expected


def test_no_year_is_invented_without_an_anchor() -> None:
    text = (
        "Yesterday, two days ago and last week; on Friday night, at 10 p.m. Tuesday, on "
        "January 2 and in March; this year, the third quarter, the first half, next summer, "
        "Christmas, the weekend, current rules, for three years, every Monday. In 1998 it "
        "was fiscal 1997, the 1990s and mid-1996."
    )
    given = set(re.findall(r"(?:19|20)\d\d", text))
    mentions = find_dates(text, None)
    assert len(mentions) > 15
    for mention in mentions:
        years = set(re.findall(r"(?:19|20)\d\d", mention.value or ""))
        assert years <= given, (mention.text, mention.value)


@pytest.mark.parametrize(
    "text",
    [
        "We will decide, and we know why.",
        "A 6-year-old boy, 52 years old, earns $2 million a year on four flights a week.",
        "Iraq imports about three-quarters of its food.",
        "It is used by up to 70% of motorists.",
        "Prices may rise. You may go.",
        "Jan Kowalski and April Smith spoke.",
        "The fall of Alma-Ata would open the way.",
        "He paid $1999 for 2000 shares, 1,998 in all.",
        "Assets were little changed at 2.46 billion guilders.",
        "The index shed 47 points to close at 2082.1 on the day.",
        "Flights were cut due to the strike, the union said.",
        "For the people of Poland, high noon has come.",
        "The plant would make about 10,000 units annually and pay C$17.9 million annually.",
        "Protesters joined the annual March for Life and the March of the Mothers.",
        'Baker said on ABC\'s "This Week" and on CBS\'s "60 Minutes" that USA Today erred.',
        "The quarter-to-quarter comparison and month-over-month gains were strong.",
        "Guards watch the clinic 24 hours a day and three days a week.",
        "Elian is for today's youth what the blockade was; in today's world it differs.",
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


@pytest.mark.parametrize(
    ("year", "sunday"),
    [(1998, "1998-04-12"), (2000, "2000-04-23"), (2022, "2022-04-17"), (2024, "2024-03-31")],
)
def test_easter_sunday(year: int, sunday: str) -> None:
    from newsdesk.stages.dates.holidays import easter

    assert easter(year).isoformat() == sunday


def test_a_year_earlier_in_a_quarterly_report_is_a_quarter() -> None:
    anchor = dt.date(1989, 11, 2)
    # The report names its quarter in the sentence before: that quarter, a year back.
    text = (
        "Ralston posted fourth-quarter profit of $45.2 million. That compared with "
        "$84.9 million a year earlier."
    )
    assert [(m.text, m.value) for m in find_dates(text, anchor)][-1] == (
        "a year earlier",
        "1988-Q4",
    )
    # A quarter spoken of as to come is not the one reported on: the last quarter ended.
    text = (
        "The quake will mean a fourth-quarter charge. Earnings in the latest quarter fell "
        "from $6.1 million a year ago."
    )
    assert [(m.text, m.value) for m in find_dates(text, anchor)][-1] == ("a year ago", "1988-Q3")
    # With no quarter in the sentence or the one before, the year.
    text = "Wages rose. The gain left them 3.8 percent higher than a year earlier."
    assert values(text, anchor) == [("a year earlier", "1988")]
    text = "It moved its headquarters. Sales rose from a year ago."
    assert values(text, anchor) == [("a year ago", "1988")]
    # A period placed a year back by the words after or before it is one expression.
    text = "Net rose in the third quarter from $1.8 million for the corresponding period last year."
    assert values(text, anchor)[-1] == ("the corresponding period last year", "1988-Q3")
    text = "For the quarter a year ago, it earned $16.3 million."
    assert values(text, anchor) == [("the quarter a year ago", "1988-Q3")]
    text = "U.K. sales for last year's quarter were about $3 million."
    assert values(text, anchor) == [("last year's quarter", "1988-Q3")]


def test_the_quarter_of_a_report_is_the_one_it_names_first() -> None:
    anchor = dt.date(1989, 10, 20)
    # A fiscal quarter: "the quarter" later on is that one, not the calendar's last.
    text = (
        "Sun reported a loss for its fiscal first quarter. Revenue grew. Analysts said "
        "margins were thin in the quarter."
    )
    assert values(text, anchor) == [("fiscal first quarter", "1989-Q1"), ("the quarter", "1989-Q1")]
    # "the 1988 period" is that year's quarter of the one reported.
    text = "Sun earned $5.2 million in the fiscal first quarter. In the 1988 period, it lost."
    assert values(text, anchor)[-1] == ("the 1988 period", "1988-Q1")
    # A quarter spoken of later as to come does not change it.
    text = (
        "Aetna's third-quarter net fell. It has no estimate of the impact on fourth-quarter "
        "results. In the latest quarter, it lost $23 million."
    )
    assert values(text, anchor)[-1] == ("the latest quarter", "1989-Q3")
    # With no quarter named, the last one ended.
    assert values("Sales rose in the quarter.", anchor) == [("the quarter", "1989-Q3")]


def test_the_past_with_a_count_is_not_the_vague_past() -> None:
    # "the past three summers" counts seasons back: not PAST_REF for its first two words.
    found = values("Violence spread for the past three summers.")
    assert ("the past", "PAST_REF") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A future tense further back in a long clause still speaks for the date.
        (
            "The board will name the new chief executive of the regional water company at "
            "its meeting in November.",
            [("November", "2022-11")],
        ),
        # A comma after a place that its region or an apposition follows ends no clause.
        (
            "She is scheduled to spend an hour in Mombasa, Kenya, her last stop Wednesday.",
            [("an hour", "PT1H"), ("Wednesday", "2022-01-12")],
        ),
        # A clause that begins after the comma starts afresh.
        (
            "He will retire next year, and the board met Friday.",
            [("next year", "2023"), ("Friday", "2022-01-07")],
        ),
        # The present tense of a scheduled event looks ahead; a report of what was said, back.
        ("The two leaders meet separately Thursday with the envoy.", [("Thursday", "2022-01-13")]),
        ("The offer expires Friday.", [("Friday", "2022-01-14")]),
        ('"We will win," the coach said Friday.', [("Friday", "2022-01-07")]),
    ],
)
def test_tense_of_the_clause_steers_the_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_that_day_after_a_month_is_a_day_of_that_month() -> None:
    text = "The clinic was attacked last October. Its sign was taken down that same day."
    assert values(text) == [("last October", "2021-10"), ("that same day", "2021-10-XX")]
    # A month named long before gives "that day" nothing to stand on.
    far = "The clinic opened last October. " + "Nothing else happened for a while. " * 8
    assert values(far + "Its sign was taken down that day.") == [("last October", "2021-10")]


def test_a_clock_time_takes_the_day_given_to_the_same_happening() -> None:
    text = (
        "The mayor was stabbed to death on March 3 in his office. Police have made no arrest. "
        "A neighbour heard shouting. The mayor was stabbed to death at 9 p.m., police said."
    )
    assert values(text)[-1] == ("9 p.m.", "2022-03-03T21:00")
    # What was said at a time is not what was said on an earlier day.
    said = (
        "The company said on March 3 it would close. Its workers protested. "
        "The company said at 9 p.m. it would not close."
    )
    assert values(said)[-1] == ("9 p.m.", "2022-01-10T21:00")


def test_a_clock_time_counted_from_a_dated_happening() -> None:
    text = (
        "The judge was shot in his garden on May 14. The police have few leads. "
        "A witness saw a van near the house at 7 a.m. three days before the shooting."
    )
    assert values(text)[-2:] == [("7 a.m.", "2021-05-11T07:00"), ("three days", "P3D")]
    # A happening the text never dated leaves the time on the publication day.
    undated = "A witness saw a van at 7 a.m. three days before the fire."
    assert values(undated)[0] == ("7 a.m.", "2022-01-10T07:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day next to a named day is one expression, moved by a day.
        ("He left the day before yesterday.", [("day before yesterday", "2022-01-08")]),
        ("They fly home the day after Christmas.", [("day after Christmas", "2021-12-26")]),
        (
            "The day before last Tuesday's hearing, he met the judge.",
            [("day before last Tuesday", "2022-01-03")],
        ),
        # "Since year-end" looks back to the year before; "by year-end" is this year's.
        ("Shares are up 8% since year-end.", [("year-end", "2021")]),
        ("The sale should close by year-end.", [("year-end", "2022")]),
        # A quarter ended on a day is the calendar quarter most of its months fall in.
        (
            "Sales fell in the quarter ended July 31.",
            [("the quarter", "2021-Q2"), ("July 31", "2021-07-31")],
        ),
    ],
)
def test_days_and_periods_placed_by_their_neighbours(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(text) == expected
