"""Events on texts written for these tests."""

from __future__ import annotations

from newsdesk.model import Article, Event
from newsdesk.pipeline import Pipeline


def events(pipeline: Pipeline, text: str, published: str | None) -> list[Event]:
    return pipeline.run(Article(source="t", original=text, published=published)).events


def test_dates_participants_places_and_narrator(pipeline: Pipeline) -> None:
    text = (
        "Flood in the north\n\n"
        "The Danube flooded three villages near Bratislava on Wednesday. "
        "A state of emergency was declared. "
        "According to the army, 300 soldiers arrived on January 5 and 6. "
        "“We will hold the dams,” said Interior Minister Peter Horvath."
    )
    found = events(pipeline, text, "2022-01-10")
    by_trigger = {e.trigger: e for e in found}
    flooded = by_trigger["flooded"]
    assert (flooded.date, flooded.date_source, flooded.narrator) == (
        "2022-01-05",
        "text",
        "outlet",
    )
    assert "Bratislava" in flooded.places
    assert by_trigger["declared"].date is None
    arrived = by_trigger["arrived"]
    assert arrived.date == "2022-01-05/2022-01-06"
    assert arrived.precision == "day-range"
    assert arrived.narrator == "attribution" and arrived.speaker == "army"
    said = by_trigger["said"]
    assert (said.kind, said.date, said.date_source) == (
        "statement",
        "2022-01-10",
        "publication",
    )
    assert said.participants[0] == "Peter Horvath"


def test_without_publication_date_statements_stay_undated(pipeline: Pipeline) -> None:
    found = events(pipeline, "Officials said that the bridge closed.", None)
    assert [e.date for e in found] == [None]


def test_a_date_describing_the_speaker_does_not_date_the_statement(pipeline: Pipeline) -> None:
    text = (
        "Crew honoured\n\n"
        "Jonas Berg, whose union paid for the lifeboat in 2019, said the town owed the crew "
        "more than a medal. The storm that began on March 2 destroyed two piers."
    )
    by_trigger = {e.trigger: e for e in events(pipeline, text, "2024-08-19")}
    said = by_trigger["said"]
    assert (said.kind, said.date, said.date_source) == (
        "statement",
        "2024-08-19",
        "publication",
    )
    # Outside statements the describing clause is the event: the storm began on March 2.
    assert by_trigger["destroyed"].date == "2024-03-02"


def test_statements_after_a_dated_occasion_take_its_date(pipeline: Pipeline) -> None:
    text = (
        "Debate night\n\n"
        "The two candidates met in a televised debate on Sunday evening in Columbus. "
        "Mayor Anna Keller said the city would hire 200 teachers.\n\n"
        "Her rival, Tom Brandt, said the plan would cost too much.\n\n"
        "Brandt later told supporters that he expected to win.\n\n"
        "The council voted on Tuesday to close the bridge. "
        "Keller said the vote was a mistake."
    )
    by_text = {e.text.split()[0]: e for e in events(pipeline, text, "2024-10-16")}
    mayor = by_text["Mayor"]
    assert (mayor.date, mayor.date_source, mayor.date_text) == (
        "2024-10-13TEV",
        "occasion",
        "Sunday evening",
    )
    rival = by_text["Her"]  # the next paragraph: still the debate
    assert (rival.date, rival.date_source) == ("2024-10-13TEV", "occasion")
    later = by_text["Brandt"]  # two paragraphs on: no longer
    assert (later.date, later.date_source) == ("2024-10-16", "publication")
    # A sentence dated by something that is no occasion ends the occasion's reach.
    keller = by_text["Keller"]
    assert (keller.date, keller.date_source) == ("2024-10-16", "publication")


def test_a_press_conference_in_the_same_paragraph_dates_the_statement(pipeline: Pipeline) -> None:
    text = (
        "Minister under fire\n\n"
        "At a press conference on March 3, the minister defended the budget. "
        "She said that no school would close."
    )
    found = events(pipeline, text, "2023-03-05")
    said = next(e for e in found if e.trigger == "said")
    assert (said.date, said.date_source, said.precision) == ("2023-03-03", "occasion", "day")
    # Without a publication date the occasion still dates it: its year comes from the text.
    undated = next(e for e in events(pipeline, text, None) if e.trigger == "said")
    assert (undated.date, undated.date_source) == ("XXXX-03-03", "occasion")
