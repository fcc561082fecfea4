"""The JSON API against a real server over the bundled samples and the seed: every route gives
the rows the corpus holds, filters narrow them, and lists page with next links and totals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import SEED_TEXT, require_shared
from tests.web.conftest import Served

STRIKE_ORIGIN = "2024-05-07_port_strike.txt"
STRIKE_WIRE_COPY = "2024-05-08_port_strike_wire_copy.txt"


def name(source: str) -> str:
    """The file name of a stored article's source."""
    return Path(source).name


def get(served: Served, path: str, **params: Any) -> Any:
    """The JSON of a GET that must succeed."""
    answer = httpx.get(served.url + path, params=params, timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_search_marks_the_matched_words_in_escaped_text(server: Served) -> None:
    found = get(server, "/api/search", q="Rotterdam strike")
    sources = [name(hit["source"]) for hit in found["items"]]
    assert set(sources[:2]) == {STRIKE_ORIGIN, STRIKE_WIRE_COPY}
    snippet = found["items"][0]["snippet_html"]
    assert "<mark>Rotterdam</mark>" in snippet or "<mark>strike</mark>" in snippet
    assert snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    assert found["next"] is None and found["total"] is None
    assert get(server, "/api/search", q="Rotterdam", count="true")["total"] == 2
    assert get(server, "/api/search", q="zzyzzyva")["items"] == []


def test_quotes_of_a_known_speaker_with_their_place_in_the_article(server: Served) -> None:
    said = get(server, "/api/quotes", speaker="Marieke de Vries", count="true")
    assert said["total"] == 4
    assert {q["speaker"] for q in said["items"]} == {"Marieke de Vries"}
    assert {name(q["source"]) for q in said["items"]} == {STRIKE_ORIGIN, STRIKE_WIRE_COPY}
    dates = [q["published"] for q in said["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first
    one = said["items"][-1]
    text = get(server, f"/api/articles/{one['article_id']}")["text"]
    assert text[one["start"] : one["end"]] == one["content"]


def test_quote_filters_narrow_the_list(server: Served) -> None:
    everything = get(server, "/api/quotes", count="true")["total"]
    may = get(server, "/api/quotes", since="2024-05-01", until="2024-05-31", count="true")
    assert 0 < may["total"] < everything
    assert all("2024-05-01" <= q["published"] <= "2024-05-31" for q in may["items"])
    worded = get(server, "/api/quotes", q="strike")["items"]
    assert worded and all("strike" in q["content"].lower() for q in worded)
    kinds = {q["kind"] for q in get(server, "/api/quotes", kind="direct", limit=200)["items"]}
    assert kinds == {"direct"}
    assert get(server, "/api/quotes", outlet="No Such Outlet")["items"] == []


def test_the_seed_statements_of_tokayev(server: Served) -> None:
    require_shared(SEED_TEXT)
    said = get(server, "/api/quotes", speaker="Tokayev", count="true")
    assert said["total"] >= 5
    assert {q["speaker"] for q in said["items"]} == {"Kassym-Jomart Tokayev"}
    assert {q["published"] for q in said["items"]} == {"2022-01-10"}
    speakers = get(server, "/api/speakers", type="person", limit=1)["items"]
    assert speakers[0]["speaker"] == "Kassym-Jomart Tokayev"
    assert speakers[0]["statements"] == said["total"] and speakers[0]["articles"] == 1


def test_speakers_are_counted_and_typed(server: Served) -> None:
    listed = get(server, "/api/speakers", limit=200, count="true")
    assert listed["total"] == len(listed["items"])
    vries = next(s for s in listed["items"] if s["speaker"] == "Marieke de Vries")
    assert vries == {
        "speaker": "Marieke de Vries",
        "speaker_type": "person",
        "statements": 4,
        "articles": 2,
        "names": ["Marieke de Vries"],
    }
    counts = [s["statements"] for s in listed["items"]]
    assert counts == sorted(counts, reverse=True)
    people = get(server, "/api/speakers", type="person", limit=200)["items"]
    assert people and {s["speaker_type"] for s in people} == {"person"}


def test_articles_list_filters_and_one_article(server: Served) -> None:
    listed = get(server, "/api/articles", count="true")
    assert listed["total"] >= 16
    dates = [a["published"] for a in listed["items"] if a["published"]]
    assert dates == sorted(dates, reverse=True)
    in_may = get(server, "/api/articles", since="2024-05-01", until="2024-05-31")["items"]
    assert {name(a["source"]) for a in in_may} == {STRIKE_ORIGIN, STRIKE_WIRE_COPY}
    story = in_may[0]["story_id"]
    assert {a["story_id"] for a in in_may} == {story}
    assert len(get(server, "/api/articles", story=story)["items"]) == 2
    fares = get(server, "/api/articles", outlet="Almaty Today")["items"]
    assert [a["title"] for a in fares] == ["Almaty metro fare to rise in March"]
    record = get(server, f"/api/articles/{fares[0]['id']}")
    assert record["published"] == "2024-01-15" and record["outlet"] == "Almaty Today"
    assert record["quotes"] and record["entities"] and record["sentences"]
    quote = record["quotes"][0]
    assert record["text"][quote["start"] : quote["end"]] == quote["content"]


def test_entities_with_geonames_ids(server: Served) -> None:
    places = get(server, "/api/entities", type="place", limit=200, count="true")
    rotterdam = next(e for e in places["items"] if e["canonical"] == "Rotterdam")
    assert rotterdam["geonames_id"] == 2747891 and rotterdam["country_code"] == "NL"
    assert rotterdam["articles"] == 2 and rotterdam["mentions"] >= 2
    assert places["total"] == len(places["items"])
    named = get(server, "/api/entities", q="rotter")["items"]
    assert [e["canonical"] for e in named] == ["Rotterdam"]


def test_timeline_in_date_order_with_spans(server: Served) -> None:
    events = get(server, "/api/timeline", limit=200)["items"]
    dates = [e["date"] for e in events]
    assert dates and dates == sorted(dates)
    event = next(e for e in events if name(e["source"]) == STRIKE_ORIGIN)
    text = get(server, f"/api/articles/{event['article_id']}")["text"]
    assert text[event["start"] : event["end"]] == event["text"]
    in_may = get(server, "/api/timeline", since="2024-05-01", until="2024-05-31")["items"]
    assert in_may and all("2024-05-01" <= e["date"][:10] <= "2024-05-31" for e in in_may)


def test_timeline_of_a_place_and_a_speaker(server: Served) -> None:
    require_shared(SEED_TEXT)
    kazakhstan = get(server, "/api/timeline", place="Kazakhstan", count="true")
    assert kazakhstan["total"] >= 1
    assert all("Kazakhstan" in e["places"] for e in kazakhstan["items"])
    spoken = get(server, "/api/timeline", speaker="Tokayev")["items"]
    assert spoken and {e["speaker"] for e in spoken} == {"Kassym-Jomart Tokayev"}
    assert (
        get(server, "/api/timeline", entity="Kazakhstan", count="true")["total"]
        >= (kazakhstan["total"])
    )


def test_the_rotterdam_strike_story_with_its_wire_copy(server: Served) -> None:
    stories = get(server, "/api/stories", count="true")
    strike = next(s for s in stories["items"] if name(s["origin_source"]) == STRIKE_ORIGIN)
    assert strike["articles"] == 2 and strike["origin_published"] == "2024-05-07"
    told = get(server, f"/api/stories/{strike['id']}")
    assert [name(a["source"]) for a in told["articles"]] == [STRIKE_ORIGIN, STRIKE_WIRE_COPY]
    assert [a["origin"] for a in told["articles"]] == [True, False]
    assert told["story"] == strike
    alone = get(server, "/api/stories", min_copies=1, count="true")
    assert alone["total"] > stories["total"]


def test_missing_records_are_not_found(server: Served) -> None:
    for path in ("/api/articles/999999", "/api/stories/999999"):
        answer = httpx.get(server.url + path, timeout=10)
        assert answer.status_code == 404 and "ND033" in answer.json()["detail"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/articles", {}),
        ("/api/quotes", {}),
        ("/api/speakers", {}),
        ("/api/entities", {}),
        ("/api/timeline", {}),
        ("/api/search", {"q": "the"}),
        ("/api/stories", {"min_copies": "1"}),
    ],
)
def test_pages_follow_next_links_to_the_whole_list(
    server: Served, path: str, params: dict[str, str]
) -> None:
    whole = get(server, path, limit=200, count="true", **params)
    assert whole["total"] == len(whole["items"]) and whole["next"] is None
    seen: list[Any] = []
    answer = get(server, path, limit=3, **params)
    while True:
        assert len(answer["items"]) <= 3
        seen += answer["items"]
        if answer["next"] is None:
            break
        assert answer["next"].startswith(server.url + path + "?")
        answered = httpx.get(answer["next"], timeout=30)
        assert answered.status_code == 200
        answer = answered.json()
    assert seen == whole["items"]  # a stable order: no row twice, none lost


def test_counts_agree_with_the_lists(server: Served) -> None:
    counts = get(server, "/api/counts")
    assert counts["articles"] == get(server, "/api/articles", count="true")["total"]
    assert counts["statements"] == get(server, "/api/quotes", count="true")["total"]
    assert counts["dated_events"] == get(server, "/api/timeline", count="true")["total"]
