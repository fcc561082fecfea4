"""What the API refuses, and how: search syntax and control characters answer 400 with a
message, ids and pages out of bounds 404 or 422, writes without the token 401, bodies over the
limit 413; nothing answers 500 and no answer shows a trace."""

from __future__ import annotations

import httpx
import pytest

from tests.web.conftest import TOKEN, Served

AUTHORISED = {"Authorization": f"Bearer {TOKEN}"}

ARTICLE = (
    "Harbour pilots in Valletta walked out on Monday over new shift rules, their union said.\n\n"
    '"We will not accept twelve-hour shifts," said union secretary Paul Borg. The port '
    "authority said talks with the pilots would resume on Thursday morning at the ministry."
)


def answer_of(served: Served, path: str, **params: str) -> httpx.Response:
    """A GET's answer, checked for what no answer may carry: a 5xx status or a trace."""
    answer = httpx.get(served.url + path, params=params, timeout=30)
    assert answer.status_code < 500, answer.text
    assert "Traceback" not in answer.text
    return answer


@pytest.mark.parametrize(
    "query",
    [
        "\x00",
        "strike\x00",
        '"unterminated',
        "*",
        "strik*",
        "NEAR(strike port",
        "NEAR(strike port)",
        "title:strike",
        "text : strike",
        "(strike",
        "^strike",
        "{title text}: strike",
        '"',
        "-strike",
        "...",
    ],
)
@pytest.mark.parametrize("route", ["/api/search", "/api/quotes"])
def test_search_syntax_is_refused_with_a_message(server: Served, route: str, query: str) -> None:
    answer = answer_of(server, route, q=query)
    assert answer.status_code == 400
    detail = answer.json()["detail"]
    assert "ND032" in detail and len(detail) > 20


@pytest.mark.parametrize(
    "query",
    ["strike OR fire", "strike NOT Rotterdam", "don't", "U.S.", "Rotterdam: strike", "10:30"],
)
def test_words_with_punctuation_are_searched(server: Served, query: str) -> None:
    assert answer_of(server, "/api/search", q=query).status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/api/articles/9223372036854775808",
        "/api/articles/99999999999999999999999999",
        "/api/articles/-1",
        "/api/articles/0",
        "/api/articles/abc",
        "/api/stories/9223372036854775808",
        "/api/stories/-9223372036854775809",
    ],
)
def test_ids_out_of_range_are_not_an_error_of_the_server(server: Served, path: str) -> None:
    assert answer_of(server, path).status_code in (404, 422)


@pytest.mark.parametrize("story", ["9223372036854775808", "99999999999999999999999", "0"])
def test_a_story_filter_out_of_range_is_refused(server: Served, story: str) -> None:
    assert answer_of(server, "/api/articles", story=story).status_code == 422


def test_the_largest_id_is_simply_not_found(server: Served) -> None:
    assert answer_of(server, "/api/articles/9223372036854775807").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "201"},
        {"limit": "0"},
        {"limit": "-1"},
        {"limit": "99999999999999999999999"},
        {"offset": "-1"},
        {"offset": "99999999999999999999999"},
        {"since": "2024-13-01"},
        {"since": "2024-02-30"},
        {"until": "yesterday"},
        {"until": "20240101"},
        {"since": "1704067200"},
    ],
)
def test_pages_and_dates_out_of_bounds_are_refused(server: Served, params: dict[str, str]) -> None:
    answer = answer_of(server, "/api/quotes", **params)
    assert answer.status_code == 422
    assert next(iter(params)) in answer.json()["detail"]


@pytest.mark.parametrize("name", ["q", "speaker", "outlet"])
def test_long_query_text_is_refused(server: Served, name: str) -> None:
    answer = answer_of(server, "/api/quotes", **{name: "a" * 501})
    assert answer.status_code == 422
    assert "longer than 500 characters" in answer.json()["detail"]
    assert answer_of(server, "/api/quotes", **{name: "a" * 500}).status_code in (200, 400)


def test_the_largest_page_is_served(server: Served) -> None:
    assert answer_of(server, "/api/quotes", limit="200").status_code == 200


def test_a_read_only_server_refuses_every_write(server: Served) -> None:
    for headers in ({}, AUTHORISED, {"Authorization": "Bearer"}):
        answer = httpx.post(
            server.url + "/api/articles", json={"text": ARTICLE}, headers=headers, timeout=30
        )
        assert answer.status_code == 401 and "ND034" in answer.json()["detail"]


def test_writes_need_the_right_token(writable_server: Served) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}):
        answer = httpx.post(
            writable_server.url + "/api/articles",
            json={"text": ARTICLE},
            headers=headers,
            timeout=30,
        )
        assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
    assert answer_of(writable_server, "/api/search", q="Valletta").json()["items"] == []


def test_a_posted_article_is_stored_once_and_searchable(writable_server: Served) -> None:
    body = {
        "text": ARTICLE,
        "title": "Valletta harbour pilots walk out",
        "published": "2024-09-02",
        "outlet": "Malta Wire",
        "url": "https://example.org/valletta-pilots",
    }
    url = writable_server.url + "/api/articles"
    first = httpx.post(url, json=body, headers=AUTHORISED, timeout=120)
    assert first.status_code == 201, first.text
    key = first.json()["id"]
    assert first.json()["new"] is True
    again = httpx.post(url, json=body, headers=AUTHORISED, timeout=120)
    assert again.status_code == 200 and again.json() == {"id": key, "new": False}
    hits = answer_of(writable_server, "/api/search", q="Valletta pilots").json()["items"]
    assert [hit["id"] for hit in hits] == [key]
    assert "<mark>Valletta</mark>" in hits[0]["snippet_html"]
    record = answer_of(writable_server, f"/api/articles/{key}").json()
    assert record["outlet"] == "Malta Wire" and record["published"] == "2024-09-02"
    said = answer_of(writable_server, "/api/quotes", speaker="Paul Borg").json()["items"]
    assert [q["article_id"] for q in said] == [key]


def test_a_page_is_posted_as_html(writable_server: Served) -> None:
    page = (
        "<html><head><title>Ferry fares</title></head><body><nav>Home | News</nav><article>"
        "<h1>Gozo ferry fares to rise in spring</h1>"
        f"<p>{ARTICLE.replace('Valletta', 'Mgarr').replace('pilots', 'ferry crews')}</p>"
        "</article></body></html>"
    )
    answer = httpx.post(
        writable_server.url + "/api/articles",
        json={"html": page, "published": "2024-09-03"},
        headers=AUTHORISED,
        timeout=120,
    )
    assert answer.status_code == 201, answer.text
    record = answer_of(writable_server, f"/api/articles/{answer.json()['id']}").json()
    assert "Mgarr" in record["text"] and "<p>" not in record["text"]


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        b"{}",
        b'{"text": ""}',
        b'{"text": "a", "html": "<p>a</p>"}',
        b'{"text": 5}',
        b'{"text": "words", "published": "2024-02-30"}',
        b'{"text": "words", "colour": "red"}',
    ],
)
def test_an_invalid_body_is_refused(writable_server: Served, body: bytes) -> None:
    answer = httpx.post(
        writable_server.url + "/api/articles",
        content=body,
        headers={**AUTHORISED, "Content-Type": "application/json"},
        timeout=30,
    )
    assert answer.status_code == 422, answer.text
    assert "Traceback" not in answer.text


def test_a_body_over_the_limit_is_refused(writable_server: Served) -> None:
    url = writable_server.url + "/api/articles"
    huge = {"text": "word " * 500_000}
    answer = httpx.post(url, json=huge, headers=AUTHORISED, timeout=30)
    assert answer.status_code == 413

    def chunks() -> object:
        for _ in range(300):
            yield b"x" * 10_000

    streamed = httpx.post(url, content=chunks(), headers=AUTHORISED, timeout=30)  # type: ignore[arg-type]
    assert streamed.status_code == 413


def test_an_article_not_in_english_is_refused(writable_server: Served) -> None:
    text = (
        "Die Hafenlotsen in Valletta haben am Montag die Arbeit niedergelegt, weil die neuen "
        "Schichtregeln ihrer Meinung nach zu lang sind und die Sicherheit gefährden. Die "
        "Gewerkschaft sagte, man werde die Gespräche mit der Hafenbehörde erst fortsetzen, "
        "wenn die Regeln zurückgenommen werden. Die Behörde erklärte, sie sei zu Gesprächen "
        "bereit und wolle am Donnerstag einen neuen Vorschlag vorlegen."
    )
    answer = httpx.post(
        writable_server.url + "/api/articles",
        json={"text": text},
        headers=AUTHORISED,
        timeout=120,
    )
    assert answer.status_code == 422 and "ND015" in answer.json()["detail"]


def test_a_method_a_path_does_not_take_names_those_it_does(server: Served) -> None:
    answer = httpx.delete(server.url + "/api/articles", timeout=10)
    assert answer.status_code == 405
    assert answer.headers["allow"] == "GET, POST"
