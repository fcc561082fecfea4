from __future__ import annotations

from newsdesk.stages.outlet import OutletTable, detect_outlet

TABLE = OutletTable.load_default()


def test_outlet_from_chrome_and_broadcast_credit() -> None:
    outlet, evidence = detect_outlet(
        "He spoke at the summit, broadcast by RBK.",
        ["Subscribe to Twitter RBC Receive news faster than anyone"],
        "a.txt",
        TABLE,
    )
    assert outlet == "RBC"
    assert evidence == ["Subscribe to Twitter RBC", "broadcast by RBK"]


def test_outlet_from_dateline_and_url() -> None:
    assert detect_outlet("MOSCOW (Reuters) - Talks resumed.", [], "a.txt", TABLE)[0] == "Reuters"
    found = detect_outlet("Talks resumed.", [], "https://www.bbc.co.uk/news/1", TABLE)
    assert found == ("BBC", ["https://www.bbc.co.uk/news/1"])


def test_an_outlet_the_story_cites_is_not_its_publisher() -> None:
    text = "The New York Post reports that the team avoided the hospital, CNN said."
    assert detect_outlet(text, [], "a.txt", TABLE) == (None, [])


def test_user_table_extends_names() -> None:
    table = OutletTable.parse("Daily Planet\tPlanet|The Planet\tdailyplanet.example\n")
    assert table.from_name("The Planet today") == ("Daily Planet", "The Planet")
    assert table.from_url("https://news.dailyplanet.example/x") == "Daily Planet"


def test_dateline_with_a_date() -> None:
    text = "MOSCOW, March 3 (Interfax) - The bank raised its rate."
    assert detect_outlet(text, [], "a.txt", TABLE) == ("Interfax", ["MOSCOW, March 3 (Interfax)"])


def test_site_name_from_page_metadata_when_the_text_names_none() -> None:
    found = detect_outlet("Talks resumed.", [], "a.html", TABLE, "Harbour Gazette")
    assert found == ("Harbour Gazette", ["site name: Harbour Gazette"])
    # A known outlet's alias or styled domain gives its canonical name.
    assert detect_outlet("Talks resumed.", [], "a.html", TABLE, "Telegraph")[0] == "The Telegraph"


def test_a_dateline_outweighs_the_site_name() -> None:
    text = "MOSCOW (Reuters) - Talks resumed."
    assert detect_outlet(text, [], "a.html", TABLE, "Harbour Gazette")[0] == "Reuters"


def test_site_name_outweighs_a_broadcast_credit() -> None:
    text = "He spoke at the summit, broadcast by RBK."
    assert detect_outlet(text, [], "a.html", TABLE, "Harbour Gazette")[0] == "Harbour Gazette"
