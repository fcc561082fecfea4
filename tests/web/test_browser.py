"""The pages in a real browser (Debian's Chromium, headless, driven by Playwright): a reader
searches, opens an article and sees its statements marked, follows a speaker, opens the
timeline, and reads an article on a phone. Nothing the pages load may fail and the console
must stay free of errors (a Content-Security-Policy violation is reported there). Each step
leaves a screenshot in tests/screenshots/.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.web.conftest import Served

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

CHROMIUM = Path("/usr/bin/chromium")
SETUP = ROOT / "scripts" / "system-packages.sh"
SCREENSHOTS = ROOT / "tests" / "screenshots"
QUERY = "strike"  # the port strike samples: an article with statements and named speakers
PHONE: sync_api.ViewportSize = {"width": 390, "height": 844}
STEP_TIMEOUT_MS = 10_000


def chromium_or_skip() -> Path:
    """Debian's Chromium, installed by the project's setup script when it is missing; the
    test skips, saying why, when it cannot be had."""
    if not CHROMIUM.exists():
        try:
            subprocess.run(["sh", str(SETUP), f"chromium={CHROMIUM}"], timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            pytest.skip(f"{CHROMIUM} is absent and the setup could not install it: {exc}")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent and could not be installed (needs root and apt-get)")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    """One headless Chromium for the module's tests."""
    executable = chromium_or_skip()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(executable), headless=True)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class Trouble:
    """What went wrong in a page while the test drove it."""

    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def watch(self, page: sync_api.Page) -> None:
        """Record the page's console errors, uncaught script errors, failed requests and
        answers with an error status."""
        page.on(
            "console",
            lambda message: (
                self.console_errors.append(f"{message.text} ({message.location})")
                if message.type == "error"
                else None
            ),
        )
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught: {error}"))
        page.on(
            "requestfailed",
            lambda request: self.failed_requests.append(f"{request.url}: {request.failure}"),
        )
        page.on(
            "response",
            lambda response: (
                self.failed_requests.append(f"{response.url}: status {response.status}")
                if response.status >= 400
                else None
            ),
        )

    def assert_none(self) -> None:
        """Fail with everything recorded, if anything was."""
        hint = ""
        if any("/favicon.ico" in error for error in self.console_errors):
            hint = " (the pages need an icon: a <link rel=icon> in base.html, or /favicon.ico)"
        assert not self.console_errors, f"console errors{hint}: {self.console_errors}"
        assert not self.failed_requests, f"failed requests: {self.failed_requests}"


def open_page(browser: sync_api.Browser, phone: bool = False) -> tuple[sync_api.Page, Trouble]:
    """A fresh page in a context of its own (a phone's when asked) and its trouble record."""
    if phone:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    else:
        context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    trouble = Trouble()
    trouble.watch(page)
    return page, trouble


def snap(page: sync_api.Page, name: str) -> None:
    """Keep a full-page screenshot of this step."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def search_and_open_first_result(page: sync_api.Page, base: str, prefix: str) -> None:
    """Search the corpus through the search form and open the first article found."""
    answer = page.goto(base + "/search")
    assert answer is not None and answer.ok, f"/search: status {answer and answer.status}"
    form = page.locator("form[role=search]")
    form.locator("#q").fill(QUERY)
    snap(page, f"{prefix}1-search-form")
    with page.expect_navigation():
        form.locator("#q").press("Enter")
    results = page.locator("a.result")
    sync_api.expect(results.first).to_be_visible()
    snap(page, f"{prefix}2-search-results")
    with page.expect_navigation():
        results.first.click()
    page.wait_for_load_state("load")


def test_a_reader_goes_from_search_to_speaker_to_timeline(
    browser: sync_api.Browser, server: Served
) -> None:
    page, trouble = open_page(browser)
    search_and_open_first_result(page, server.url, "desktop-")

    statement = page.locator("span.statement").first
    sync_api.expect(statement).to_be_visible()
    sync_api.expect(page.locator("span.statement span.cue").first).to_be_visible()
    snap(page, "desktop-3-article")

    speaker = page.locator("a.speaker").first
    name = speaker.inner_text().strip()
    assert name, "a speaker link without a name"
    with page.expect_navigation():
        speaker.click()
    statements = page.locator("li.statement")
    sync_api.expect(statements.first).to_be_visible()
    assert statements.count() >= 1
    snap(page, "desktop-4-speaker")

    with page.expect_navigation():
        page.locator('a[href="/timeline"]').first.click()
    timeline = page.locator("svg.timeline")
    sync_api.expect(timeline).to_be_visible()
    assert timeline.locator("a.event").count() >= 1
    snap(page, "desktop-5-timeline")

    trouble.assert_none()
    page.context.close()


def test_an_article_reads_on_a_phone(browser: sync_api.Browser, server: Served) -> None:
    page, trouble = open_page(browser, phone=True)
    search_and_open_first_result(page, server.url, "phone-")

    sync_api.expect(page.locator("span.statement").first).to_be_visible()
    snap(page, "phone-3-article")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the article page is {overflow}px wider than a phone's screen"

    trouble.assert_none()
    page.context.close()
