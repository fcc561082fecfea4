"""The web pages against a real server: each page answers with real content from the corpus,
unknown ids are 404 pages, the seed's statements are marked and listed under their speaker,
and hostile text (script tags, event handlers, javascript: links) shows only escaped."""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
import uvicorn

from newsdesk.corpus.ingest import IngestOptions, ingest
from newsdesk.pipeline import Pipeline
from newsdesk.store import open_store
from newsdesk.store.rows import ArticleRecord
from newsdesk.web import WebSettings, create_app
from tests.conftest import SEED_TEXT, require_shared
from tests.web.conftest import Served

Tag = tuple[str, dict[str, str]]


class Tags(HTMLParser):
    """Every start tag of a page with its attributes, and the text inside each element
    whose id is given."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[Tag] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        if tag == "script":
            self.scripts += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def parse(html: str) -> Tags:
    """The tags of a page."""
    tags = Tags()
    tags.feed(html)
    tags.close()
    return tags


def with_class(tags: Tags, tag: str, name: str) -> list[dict[str, str]]:
    """The attributes of every ``tag`` whose class list holds ``name``."""
    return [a for t, a in tags.tags if t == tag and name in a.get("class", "").split()]


def get(server: Served, path: str, status: int = 200) -> str:
    """A page's HTML, checking its status."""
    answer = httpx.get(server.url + path, timeout=30)
    assert answer.status_code == status, (path, answer.status_code, answer.text[:300])
    return answer.text


def assert_nothing_runs(html: str) -> None:
    """No script element, inline handler, style attribute or javascript: link in a page."""
    tags = parse(html)
    assert tags.scripts == 0
    for tag, attrs in tags.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name != "style", (tag, value)
            assert not value.strip().lower().startswith("javascript:"), (tag, name, value)


def stored_article(db: Path, source_ends: str) -> ArticleRecord:
    """The stored article whose source ends with ``source_ends``."""
    with open_store(db, read_only=True) as store:
        for article_id in range(1, store.count("articles") + 1):
            article = store.article(article_id)
            if article is not None and article.source.endswith(source_ends):
                return article
    raise AssertionError(f"no stored article from {source_ends}")


def test_home_page_shows_counts_cards_chart_and_search(server: Served) -> None:
    html = get(server, "/")
    tags = parse(html)
    assert "Marieke de Vries" in html and 'href="/speakers/Marieke%20de%20Vries"' in html
    assert 'href="/entities/Rotterdam"' in html
    forms = [a for t, a in tags.tags if t == "form" and a.get("role") == "search"]
    assert [f["action"] for f in forms] == ["/search"]
    assert [a for t, a in tags.tags if t == "input" and a.get("name") == "q" and a["id"] == "q"]
    assert [a for t, a in tags.tags if t == "button" and a.get("type") == "submit"]
    links = [a.get("href", "") for t, a in tags.tags if t == "a"]
    bars = [href for href in links if href.startswith("/search?")]
    assert "/search?since=2024-05-01&until=2024-05-31" in bars
    weekly = parse(get(server, "/?by=week"))
    assert "/search?since=2024-05-06&until=2024-05-12" in [a.get("href") for _, a in weekly.tags]
    places = httpx.get(server.url + "/cards/places.csv", timeout=30)
    assert places.headers["content-type"].startswith("text/csv")
    assert "Rotterdam,2,2747891" in places.text.splitlines()
    speakers = httpx.get(server.url + "/cards/speakers.csv", timeout=30).text
    assert "Marieke de Vries,4," in speakers.splitlines()
    get(server, "/cards/nothing.csv", 404)


def test_a_card_item_adds_itself_to_the_search_as_a_filter(server: Served) -> None:
    tags = parse(get(server, "/"))
    links = [a.get("href", "") for t, a in tags.tags if t == "a"]
    assert "/search?speaker=Marieke+de+Vries" in links and "/search?entity=Rotterdam" in links
    html = get(server, "/search?entity=Rotterdam")
    found = [a["href"] for a in with_class(parse(html), "a", "result")]
    origin = stored_article(server.db, "2024-05-07_port_strike.txt")
    assert f"/articles/{origin.id}" in found and len(found) == 2
    # The filter shows, with a link to the same search without it; other filters keep it.
    narrowed = parse(get(server, "/search?entity=Rotterdam&q=strike"))
    removals = [
        a["href"]
        for t, a in narrowed.tags
        if t == "a" and a.get("aria-label", "").startswith("Remove")
    ]
    assert removals == ["/search?entity=Rotterdam", "/search?q=strike"]
    kept = [a for t, a in narrowed.tags if t == "input" and a.get("name") == "entity"]
    assert [a["value"] for a in kept] == ["Rotterdam"]


def test_search_highlights_filters_and_flags_copies(server: Served) -> None:
    html = get(server, "/search?q=strike")
    results = [a["href"] for a in with_class(parse(html), "a", "result")]
    wire = stored_article(server.db, "port_strike_wire_copy.txt")
    origin = stored_article(server.db, "2024-05-07_port_strike.txt")
    assert {f"/articles/{wire.id}", f"/articles/{origin.id}"} <= set(results)
    assert "<mark>strike</mark>" in html and f"{len(results)} articles found" in html
    assert f'href="/stories/{origin.story_id}"' in html and "syndicated" in html
    once = get(server, "/search?q=strike&count=story")
    assert f"{len(results) - 1} stories found" in once
    kept = [a["href"] for a in with_class(parse(once), "a", "result")]
    assert f"/articles/{origin.id}" in kept and f"/articles/{wire.id}" not in kept
    by_speaker = get(server, "/search?speaker=Marieke&until=2024-05-07")
    assert [a["href"] for a in with_class(parse(by_speaker), "a", "result")] == [
        f"/articles/{origin.id}"
    ]
    assert get(server, "/search?q=" + "x" * 600, 400).count("ND036") == 1


def test_article_page_marks_statements_entities_and_copies(server: Served) -> None:
    origin = stored_article(server.db, "2024-05-07_port_strike.txt")
    wire = stored_article(server.db, "port_strike_wire_copy.txt")
    html = get(server, f"/articles/{origin.id}")
    tags = parse(html)
    statements = with_class(tags, "span", "statement")
    assert {s["id"] for s in statements} == {f"q{q.id}" for q in origin.quotes}
    assert "Marieke de Vries" in {s["data-speaker"] for s in statements}
    assert with_class(tags, "span", "content") and with_class(tags, "span", "cue")
    assert {a["href"] for a in with_class(tags, "a", "speaker")} >= {
        "/speakers/Marieke%20de%20Vries"
    }
    assert 'href="/entities/Rotterdam"' in html
    assert f'href="/articles/{wire.id}"' in html and "<details>" in html
    assert [t for t, a in tags.tags if t == "p" and a.get("class") == "body"]


def test_unknown_ids_are_404_pages(server: Served) -> None:
    for path in (
        "/articles/999999",
        "/articles/99999999999999999999",
        "/articles/0",
        "/articles/seven",
        "/stories/99999999999999999999",
        "/speakers/No%20Such%20Speaker",
        "/entities/No%20Such%20Place",
    ):
        assert "Not found" in get(server, path, 404)


def test_story_page_lists_the_rotterdam_copies_origin_first(server: Served) -> None:
    origin = stored_article(server.db, "2024-05-07_port_strike.txt")
    wire = stored_article(server.db, "port_strike_wire_copy.txt")
    html = get(server, f"/stories/{origin.story_id}")
    assert html.index(f'href="/articles/{origin.id}"') < html.index(f'href="/articles/{wire.id}"')
    assert "<strong>origin</strong>" in html and "2024-05-08" in html
    assert "<ins>(Distributed by the Lowlands Wire service)</ins>" in html
    assert "Joost Bakker" in html  # the sentence the wire copy left out


def test_entity_page_shows_articles_statements_and_geonames_id(server: Served) -> None:
    html = get(server, "/entities/Rotterdam")
    origin = stored_article(server.db, "2024-05-07_port_strike.txt")
    assert "2747891" in html and f'href="/articles/{origin.id}"' in html
    assert "Dock workers" in html


def test_timeline_draws_events_that_link_to_their_sentences(server: Served) -> None:
    html = get(server, "/timeline?place=Rotterdam")
    tags = parse(html)
    assert [a for t, a in tags.tags if t == "svg" and "timeline" in a.get("class", "")]
    events = [a["href"] for a in with_class(tags, "a", "event")]
    origin = stored_article(server.db, "2024-05-07_port_strike.txt")
    assert events and all(href.split("#e")[1].isdigit() for href in events)
    assert any(href.startswith(f"/articles/{origin.id}#e") for href in events)
    for href in events:  # every anchor exists on its article's page
        path, anchor = href.split("#")
        assert f'id="{anchor}"' in get(server, path)
    whole = parse(get(server, "/timeline"))
    every = with_class(whole, "a", "event")
    assert len(every) > len(events)
    # Each speaker an event names links to that speaker's page (the corpus-wide name), and
    # the timeline filtered by that name keeps the speaker's events.
    speakers = {a["href"] for t, a in whole.tags if t == "a" and a["href"].startswith("/speakers/")}
    assert speakers
    for href in speakers:
        get(server, href)
        name = href.removeprefix("/speakers/")
        assert with_class(parse(get(server, f"/timeline?speaker={name}")), "a", "event")


def test_seed_statements_are_marked_and_listed_under_the_speaker(server: Served) -> None:
    require_shared(SEED_TEXT)
    seed = stored_article(server.db, SEED_TEXT.name)
    speaker, said = Counter(q.corpus_speaker for q in seed.quotes).most_common(1)[0]
    assert speaker and said == 11
    marked = with_class(parse(get(server, f"/articles/{seed.id}")), "span", "statement")
    assert [s["data-speaker"] for s in marked].count(speaker) == 11
    html = get(server, "/speakers/" + quote(speaker))
    items = html.split('<li class="statement"')[1:]
    assert len(items) >= 11
    ours = [item for item in items if f'href="/articles/{seed.id}#q' in item]
    assert len(ours) == 11
    assert all("<time>2022-01-10</time>" in item for item in ours)
    assert 'href="/timeline?speaker=' in html


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


HOSTILE = """Mayor warns <script>alert(1)</script> of <img src=x onerror=alert(1)> floods

The city council of Gdansk met on Monday. "We will not accept <script>alert(1)</script> or \
<img src=x onerror=alert(1)> in our city," said Mayor Jan Kowalski.

Residents were told to read &lt;script&gt;alert(2)&lt;/script&gt; and \
<a href="javascript:alert(1)">this notice</a> before Friday; javascript:alert(3) was shared.

"The water is rising and &lt;b onmouseover=alert(4)&gt; we are ready," the spokesman said.
"""


@pytest.fixture(scope="module")
def hostile_server(
    tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline
) -> Iterator[Served]:
    """A corpus of one hostile article, ingested by the real pipeline and served."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "2024-02-01_hostile.txt").write_text(HOSTILE, "utf-8")
    db = folder / "hostile.db"
    with open_store(db) as store:
        ingest([str(folder)], store, pipeline, IngestOptions(published_from_path=True))
    port = _free_port()
    config = uvicorn.Config(
        create_app(WebSettings(db=db)), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield Served(f"http://127.0.0.1:{port}", db)
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_hostile_text_is_shown_only_escaped(hostile_server: Served) -> None:
    article = stored_article(hostile_server.db, "hostile.txt")
    assert "<script>" in article.text  # the repair decoded the entities: the page must not
    speakers = sorted({q.corpus_speaker for q in article.quotes if q.corpus_speaker})
    paths = [
        "/",
        f"/articles/{article.id}",
        "/search?q=script+alert",
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E&speaker=%3Cscript%3E",
        "/timeline",
        "/timeline?entity=%3Cscript%3E",
        f"/stories/{article.story_id}",
        *("/speakers/" + quote(name) for name in speakers),
        *("/entities/" + quote(entity.canonical) for entity in article.entities),
    ]
    for path in paths:
        html = get(hostile_server, path)
        assert "<script" not in html.lower(), path
        assert "onerror=" not in "".join(f"{t} {a}" for t, a in parse(html).tags), path
        assert_nothing_runs(html)
    page = get(hostile_server, f"/articles/{article.id}")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # in the list of repairs
    assert "javascript:alert(1)" in page and 'href="javascript' not in page
    assert "speaker not resolved" in page or all(q.speaker for q in article.quotes)
    search = get(hostile_server, "/search?q=script")
    assert "&lt;<mark>script</mark>&gt;" in search


def test_no_page_has_inline_script_or_style(server: Served) -> None:
    origin = stored_article(server.db, "2024-05-07_port_strike.txt")
    for path in (
        "/",
        "/?by=day",
        "/search?q=strike",
        f"/articles/{origin.id}",
        f"/stories/{origin.story_id}",
        "/speakers/Marieke%20de%20Vries",
        "/entities/Rotterdam",
        "/timeline",
        "/articles/404404",
    ):
        html = get(server, path, 404 if path.endswith("404404") else 200)
        assert_nothing_runs(html)
        tags = parse(html)
        assert {"header", "nav", "main", "footer"} <= {t for t, _ in tags.tags}
        assert ("a", {"class": "skip", "href": "#main"}) in tags.tags
        assert ("a", {"href": "/timeline"}) in tags.tags
        ids = {a["id"] for _, a in tags.tags if "id" in a}
        labelled = {a["for"] for t, a in tags.tags if t == "label"}
        fields = [a for t, a in tags.tags if t in ("input", "select", "textarea")]
        assert all(f.get("id") in labelled and f["id"] in ids for f in fields), path
