"""The HR director in the learning library, in a real browser: search in Finnish with an
inflected word, see the marked snippets, open a learning, see similar experiments from other
departments, and get suggestions while writing a new experiment. axe checks every page."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import DESKTOP, PHONE, path_of, sign_in
from tests.e2e.conftest import ACTION_TIMEOUT_MS

pytestmark = pytest.mark.e2e

HR_EMAIL = "nina.holopainen@varkaus.example"  # demo data
# The server loads simplemma's word lists (Finnish: several seconds, longer on a busy
# machine) in the background when it starts; the first search waits for them.
FIRST_SEARCH_TIMEOUT_MS = 120_000
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _search(page: Page, words: str) -> None:
    """Type into the search box; htmx updates the results and the address."""
    page.fill("#library-q", words)
    expect(page).to_have_url(re.compile(r"q=" + re.escape(words)), timeout=FIRST_SEARCH_TIMEOUT_MS)
    expect(page.locator("#results mark").first).to_be_visible()
    assert_accessible(page)


def test_hr_director_finds_a_learning_with_an_inflected_finnish_word(
    new_context: Callable[..., BrowserContext],
) -> None:
    page = new_context(viewport=DESKTOP).new_page()
    sign_in(page, HR_EMAIL)
    page.set_default_timeout(FIRST_SEARCH_TIMEOUT_MS)
    page.click("nav.site-nav a[href='/library']")
    expect(page.locator("#library-q")).to_be_visible()
    assert path_of(page) == "/library"
    assert_accessible(page)

    _search(page, "asiakkaille")
    page.set_default_timeout(ACTION_TIMEOUT_MS)
    marked = [text.lower() for text in page.locator("#results mark").all_inner_texts()]
    assert any(word.startswith("asiak") for word in marked), marked
    # The default order puts completed experiments with learnings first.
    first = page.locator("#results .library-card").first
    expect(first.locator(".status-badge--completed")).to_be_visible()

    # Filters combine with the words, and the URL keeps both.
    more = page.locator("details.browse__more")
    if more.get_attribute("open") is None:  # open already on a wide screen
        more.locator("> summary").click()
    page.check("#filter-status-completed")
    expect(page).to_have_url(re.compile(r"status=completed"))
    expect(page.locator("#results .library-card").first).to_be_visible()
    assert_accessible(page)

    title = page.locator("#results .experiment-card__title a").first.inner_text()
    with page.expect_navigation():
        page.locator("#results .experiment-card__title a").first.click()
    assert re.fullmatch(r"/experiments/\d+", path_of(page)), page.url
    expect(page.locator("h1")).to_contain_text(title)
    expect(page.locator("#section-result")).to_be_visible()
    assert_accessible(page)

    # Similar experiments load when their panel comes into view.
    page.locator("#section-similar").scroll_into_view_if_needed()
    expect(page.locator("#similar-experiments .library-similar a").first).to_be_visible()
    assert_accessible(page)


def test_suggestions_while_writing_a_new_experiment(
    new_context: Callable[..., BrowserContext],
) -> None:
    page = new_context(viewport=PHONE).new_page()
    sign_in(page, HR_EMAIL)
    page.set_default_timeout(FIRST_SEARCH_TIMEOUT_MS)
    visit(page, "/experiments/new")
    page.fill("#f-title", "Ikäihmisten digituki")
    page.fill("#f-problem", "Ikäihmiset eivät osaa käyttää sähköisiä palveluja kirjastossa.")
    expect(page.locator("#similar-while-writing .library-similar a").first).to_be_visible(
        timeout=FIRST_SEARCH_TIMEOUT_MS
    )
    assert_accessible(page)


def test_the_library_works_without_javascript(new_context: Callable[..., BrowserContext]) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.set_default_timeout(FIRST_SEARCH_TIMEOUT_MS)
    sign_in(page, HR_EMAIL)
    visit(page, "/library?q=palvelujen")
    expect(page.locator("#results mark").first).to_be_visible()
    with page.expect_navigation():
        page.locator("#results .experiment-card__title a").first.click()
    with page.expect_navigation():
        page.click("#similar-experiments a")
    assert path_of(page).startswith("/library/similar/")
    assert_accessible(page)


@pytest.mark.skipif(
    os.environ.get("KOKEILU_SCREENSHOTS") != "1",
    reason="screenshots are made with `make screenshots` (KOKEILU_SCREENSHOTS=1)",
)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda size: str(size["width"]))
def test_library_screenshots(
    new_context: Callable[..., BrowserContext], viewport: dict[str, int]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_context(viewport=viewport).new_page()
    page.set_default_timeout(FIRST_SEARCH_TIMEOUT_MS)
    sign_in(page, HR_EMAIL)
    visit(page, "/library?q=asiakkaille")
    page.wait_for_load_state("networkidle")
    page.screenshot(
        path=SCREENSHOTS / f"library-search-{viewport['width']}.png",
        full_page=True,
        animations="disabled",
    )
