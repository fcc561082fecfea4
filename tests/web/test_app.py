"""The application's frame: it serves over loopback, every answer carries the security
headers, and a file that is not a corpus is refused before serving."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from newsdesk.errors import NewsdeskError
from newsdesk.web import WebSettings, create_app
from tests.web.conftest import Served


def test_home_page_and_counts_are_served(server: Served) -> None:
    page = httpx.get(server.url + "/", timeout=10)
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    counts = httpx.get(server.url + "/api/counts", timeout=10).json()
    assert counts["articles"] >= 16 and counts["statements"] > 0


def test_a_missing_or_foreign_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NewsdeskError, match="ND030"):
        create_app(WebSettings(db=tmp_path / "absent.db"))
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database", "utf-8")
    with pytest.raises(NewsdeskError, match="ND023"):
        create_app(WebSettings(db=foreign))
