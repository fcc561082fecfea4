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
