"""JSON Lines input."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk.readers.text import InputFailure, read_articles


def test_records_become_articles_and_bad_lines_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {
                "title": "Bridge closes",
                "text": "The old bridge closed on Monday.",
                "url": "https://www.bbc.co.uk/news/1",
                "published": "2024-05-06T10:00:00Z",
                "outlet": "BBC",
            }
        ),
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"url": "https://example.org/x"}),
        "",
        json.dumps(
            {
                "html": "<html><body><article><p>" + "Rivers rose overnight in three "
                "towns, the regional authorities said on Tuesday morning. "
                * 3
                + "</p></article></body></html>"
            }
        ),
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    results = list(read_articles([str(path)], published="2024-01-01"))
    articles = [r for r in results if not isinstance(r, InputFailure)]
    failures = [r for r in results if isinstance(r, InputFailure)]
    assert [a.source for a in articles] == [f"{path}:1", f"{path}:6"]
    first = articles[0]
    assert first.original.startswith("Bridge closes\n\nThe old bridge")
    assert (first.published, first.url, first.outlet) == (
        "2024-05-06",
        "https://www.bbc.co.uk/news/1",
        "BBC",
    )
    assert articles[1].published == "2024-01-01"
    assert [f.source for f in failures] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "not JSON" in failures[0].error.message
    assert "not a JSON object" in failures[1].error.message
    assert "no 'text' or 'html' field" in failures[2].error.message
