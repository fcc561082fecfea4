"""Site chrome learned by repetition across a site's pages, and removed at ingest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsdesk.cli import cli
from newsdesk.corpus.ingest import IngestEvents, IngestOptions, ingest
from newsdesk.corpus.sitechrome import SiteChromeLearner
from newsdesk.model import Article, site_of
from newsdesk.pipeline import Pipeline
from newsdesk.resources import Resources
from newsdesk.stages.repair import repair
from newsdesk.stages.repair.chrome import find_site_chrome_lines, line_key

SHARE_BAR = "Harbour Gazette | Local news since 1871 | Contact the newsroom"
APP_PROMPT = "Tap here to get the Harbour Gazette app on your phone."

# Distinct stories of one site, each under the same template lines.
STORIES = [
    (
        "Ferry timetable changes from March",
        "The harbour authority said on Tuesday that the winter ferry timetable would end "
        "two weeks early because of rising passenger numbers.",
    ),
    (
        "Library reopens after flood repairs",
        "The central library reopened on Monday after six months of repairs, the council "
        "said, with a new children's wing on the ground floor.",
    ),
    (
        "Fishermen protest new quota rules",
        "About two hundred fishermen gathered at the quay on Saturday to protest against the "
        "quota rules, which they say favour large trawlers.",
    ),
    (
        "School meals to include local produce",
        "Schools across the district will serve vegetables from local farms from September, "
        "the education office announced in a statement.",
    ),
    (
        "Bridge closed for inspection",
        "The old swing bridge will close to traffic for three nights next week while "
        "engineers inspect its hinges, the roads department said.",
    ),
    (
        "Lifeboat crew honoured",
        "The volunteer lifeboat crew received a bravery award on Friday for a night rescue "
        "of three sailors whose yacht lost its mast in a gale off the point.",
    ),
]


CLOSING = (
    "Residents can send questions to the newsroom, and the answers will appear in the weekend "
    "edition together with the notices from the council and the harbour office about {topic}."
)


def _page(title: str, body: str) -> str:
    closing = CLOSING.format(topic=title.lower())
    return f"{title}\n\n{SHARE_BAR}\n\n{body}\n\n{closing}\n\n{APP_PROMPT}\n"


def _article(number: int, text: str, host: str = "harbourgazette.example") -> Article:
    return Article(source=f"page{number}", original=text, url=f"https://www.{host}/n/{number}")


def test_line_key_compares_words_only_and_refuses_story_text() -> None:
    assert line_key("  Local news | Contact us ") == "local news contact us"
    assert line_key("Share &amp; follow") == line_key("Share & follow")
    assert line_key("") is None
    assert line_key("“We will not back down on the quota,” the union leader told us.") is None
    assert line_key(" ".join(["word"] * 31)) is None


def test_site_is_the_url_host_else_the_directory_of_the_file() -> None:
    assert site_of(Article(source="x", original="", url="https://www.bbc.co.uk/news/1")) == (
        "bbc.co.uk"
    )
    assert site_of(Article(source="crawl/site-a/page.html", original="")) == "dir:crawl/site-a"
    assert site_of(Article(source="dump/items.jsonl:12", original="")) == "dir:dump"
    assert site_of(Article(source="<stdin>", original="")) is None


def test_a_line_on_enough_distinct_stories_is_learned() -> None:
    learner = SiteChromeLearner(min_pages=3)
    for number, (title, body) in enumerate(STORIES[:2]):
        learner.observe(_article(number, _page(title, body)))
    assert learner.chrome("harbourgazette.example") == frozenset()
    learner.observe(_article(2, _page(*STORIES[2])))
    assert learner.chrome("harbourgazette.example") == {line_key(SHARE_BAR), line_key(APP_PROMPT)}
    # Another site with the same line has learned nothing.
    assert learner.chrome("elsewhere.example") == frozenset()


def test_copies_of_one_story_do_not_make_its_lines_chrome() -> None:
    learner = SiteChromeLearner(min_pages=3)
    title, body = STORIES[0]
    for number in range(5):
        # The same story five times, updated with an extra line each time.
        learner.observe(_article(number, f"{title}\n\n{body}\n\nUpdated {number} times.\n"))
    assert learner.pages["harbourgazette.example"] == 1
    assert learner.chrome("harbourgazette.example") == frozenset()


def test_a_line_on_a_small_share_of_a_large_site_is_not_learned() -> None:
    learner = SiteChromeLearner(min_pages=3, min_share=0.1)
    background = "The harbour was built in 1862 and rebuilt after the storm of 1953."
    for number in range(40):
        extra = f"\n{background}" if number < 3 else ""
        text = f"Story number {number} of the week\n\nBody text {number} {'x' * number}{extra}\n"
        learner.observe(_article(number, text))
    assert learner.threshold("harbourgazette.example") == 4
    assert line_key(background) not in learner.chrome("harbourgazette.example")


def test_learned_lines_are_removed_and_recorded_by_the_repair_stage(
    resources: Resources,
) -> None:
    text = _page(*STORIES[0])
    chrome = frozenset({line_key(SHARE_BAR), line_key(APP_PROMPT)}) - {None}
    assert len(find_site_chrome_lines(text, chrome)) == 2  # type: ignore[arg-type]
    article = Article(source="p", original=text, site_chrome=chrome)  # type: ignore[arg-type]
    repaired = repair(article, resources)
    assert SHARE_BAR not in repaired.text and APP_PROMPT not in repaired.text
    assert STORIES[0][1] in repaired.text
    assert [r.reason for r in repaired.removed] == ["boilerplate:site"] * 2
    assert {r.text.strip() for r in repaired.removed} == {SHARE_BAR, APP_PROMPT}


def _write_jsonl(path: Path, pages: list[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for url, text in pages:
            out.write(json.dumps({"url": url, "text": text, "published": "2024-03-01"}) + "\n")


@pytest.fixture()
def gazette(tmp_path: Path) -> Path:
    pages = [
        (f"https://www.harbourgazette.example/n/{i}", _page(title, body))
        for i, (title, body) in enumerate(STORIES[:4])
    ]
    # One page of another site that happens to carry the same share bar.
    pages.append(("https://other.example/a/1", _page(*STORIES[4])))
    path = tmp_path / "gazette.jsonl"
    _write_jsonl(path, pages)
    return path


def test_ingest_learns_a_sites_chrome_removes_it_and_keeps_it_for_later_runs(
    tmp_path: Path, gazette: Path, pipeline: Pipeline
) -> None:
    from newsdesk.store import open_store

    db = tmp_path / "corpus.db"
    with open_store(db) as store:
        totals: list[int] = []
        summary = ingest(
            [str(gazette)], store, pipeline, events=IngestEvents(on_total=totals.append)
        )
        assert (summary.added, summary.failed, totals) == (5, 0, [5])
        rows = store.connection.execute(
            "SELECT a.site, a.text, (SELECT count(*) FROM removed r WHERE r.article_id = a.id "
            "AND r.reason = 'boilerplate:site') FROM articles a ORDER BY a.id"
        ).fetchall()
        assert [row[0] for row in rows] == ["harbourgazette.example"] * 4 + ["other.example"]
        for site, text, removed in rows:
            if site == "harbourgazette.example":
                assert removed == 2 and SHARE_BAR not in text and APP_PROMPT not in text
            else:
                assert removed == 0 and SHARE_BAR in text
        learned = {(r.site, r.line, r.pages) for r in store.site_chrome()}
        assert learned == {
            ("harbourgazette.example", SHARE_BAR, 4),
            ("harbourgazette.example", APP_PROMPT, 4),
        }

    # A later run with a single new page of the site removes the lines learned before.
    later = tmp_path / "later.jsonl"
    _write_jsonl(later, [("https://harbourgazette.example/n/9", _page(*STORIES[5]))])
    with open_store(db) as store:
        assert ingest([str(later)], store, pipeline).added == 1
        text, removed = store.connection.execute(
            "SELECT a.text, count(r.reason) FROM articles a JOIN removed r ON r.article_id = a.id "
            "WHERE a.url LIKE '%/n/9'"
        ).fetchone()
        assert removed == 2 and SHARE_BAR not in text

    result = CliRunner().invoke(cli, ["site-chrome", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    listed = [json.loads(line) for line in result.output.splitlines()]
    assert {row["line"] for row in listed} == {SHARE_BAR, APP_PROMPT}


def test_learning_can_be_turned_off(tmp_path: Path, gazette: Path, pipeline: Pipeline) -> None:
    from newsdesk.store import open_store

    with open_store(tmp_path / "off.db") as store:
        ingest([str(gazette)], store, pipeline, IngestOptions(site_chrome_pages=0))
        assert store.count("site_chrome") == 0
        removed = store.connection.execute(
            "SELECT count(*) FROM removed WHERE reason = 'boilerplate:site'"
        ).fetchone()[0]
        assert removed == 0
