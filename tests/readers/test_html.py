"""HTML pages as input: extraction, gzip, and pages that are not articles."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsdesk.errors import InputError
from newsdesk.eval.extraction import evaluate_extraction, page_scores
from newsdesk.readers.html import extract_page
from newsdesk.readers.text import InputFailure, read_articles
from newsdesk.resources import Resources
from tests.conftest import SHARED, require_shared

PAGE = """<html><head><title>Bridge closes for repairs | Daily Planet</title>
<link rel="canonical" href="https://www.bbc.co.uk/news/bridge-1">
<meta property="article:published_time" content="2024-05-06"></head>
<body><nav>Home | World | Sport</nav>
<article><h1>Bridge closes for repairs</h1>
<p>The old bridge over the river closed on Monday after engineers found cracks in two of its
supports, city officials said in a statement.</p>
<p>“We cannot take any risks with a structure this old,” said Mayor Ana Silva, adding that
repairs would take about a year and cost several million euros.</p>
<p>Traffic will be diverted through the northern ring road while the work goes on.</p>
</article><footer>Share on Facebook</footer></body></html>"""


def test_main_text_title_date_and_url() -> None:
    page = extract_page(PAGE, "page.html")
    assert page.title is not None and page.title.startswith("Bridge closes for repairs")
    assert "cracks in two of its" in page.body and "Home | World" not in page.body
    assert page.published == "2024-05-06"
    assert page.url == "https://www.bbc.co.uk/news/bridge-1"
    assert page.as_text().count("\n\n") >= 3


def test_html_files_plain_and_gzipped_become_articles(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE, "utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.replace("old", "ancient").encode()))
    (tmp_path / "bad.html.gz").write_bytes(b"\x1f\x8b\x08 not really gzip")
    (tmp_path / "empty.htm").write_text("<html><body><script>var a = 1;</script></body></html>")
    results = list(read_articles([str(tmp_path)]))
    articles = [r for r in results if not isinstance(r, InputFailure)]
    failures = {
        Path(r.source).name: r.error.message for r in results if isinstance(r, InputFailure)
    }
    assert len(articles) == 2
    assert all(a.url == "https://www.bbc.co.uk/news/bridge-1" for a in articles)
    assert all(a.published == "2024-05-06" for a in articles)
    assert "corrupt gzip" in failures["bad.html.gz"]
    assert "HTML without article text" in failures["empty.htm"]


def test_page_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="without article text"):
        extract_page("<html><body></body></html>", "x.html")


def test_page_scores() -> None:
    gold = "one two three four five six"
    assert page_scores(gold, gold) == (1.0, 1.0)
    assert page_scores("", "") == (1.0, 1.0)
    precision, recall = page_scores("one two three four five six seven eight", gold)
    assert recall == 1.0 and precision == 0.6


def test_benchmark_score_stays_at_or_above_trafilatura() -> None:
    directory = require_shared(SHARED / "data" / "article-extraction-benchmark")
    figures = evaluate_extraction(directory, Resources()).as_dict()
    print(json.dumps(figures))
    assert figures["f1"] >= 0.96
    assert figures["pages"] == 181
