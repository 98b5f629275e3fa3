"""The workshop lead's review journey in a real browser: the review board, workshop-day mode
for day 2 stepped through with the keyboard only, a note with "reviewed" and "celebrate", the
celebration walls, and the printable day pack. The cohort is put into the server's database
directly (see review_cohort.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import sign_in
from tests.e2e.review_cohort import create_review_cohort
from tests.e2e.workshop_steps import tab_to

pytestmark = pytest.mark.e2e

LEAD_EMAIL = "valmentaja@varkaus.example"  # demo data
NOTE = "Hyvä mittari! Kertokaa seuraavalla kerralla, mitä asiakkaat sanoivat."
CELEBRATION = "Rohkea ja asiakaslähtöinen kokeilu."


@pytest.fixture(scope="module")
def cohort(live_server: str) -> dict[str, Any]:
    return create_review_cohort()


def test_lead_reviews_and_celebrates_on_day_two_with_the_keyboard(
    new_context: Callable[..., BrowserContext], cohort: dict[str, Any]
) -> None:
    page = new_context().new_page()
    sign_in(page, LEAD_EMAIL)
    cohort_id, day_two = cohort["cohort"], cohort["days"][1]
    titles = cohort["titles"]

    # The board: every experiment in a column, the participant without one, workshop days.
    visit(page, f"/cohorts/{cohort_id}/board")
    expect(page.locator(".review-card")).to_have_count(len(titles))
    expect(page.locator(".review-column--running .review-card")).to_have_count(len(titles))
    expect(page.locator(".review-people li")).to_have_count(1)
    expect(page.locator(".review-flag--waiting")).to_have_count(len(titles))

    # Workshop-day mode for day 2, stepping with the keyboard only.
    visit(page, f"/cohorts/{cohort_id}/days/{day_two}/present")
    expect(page.locator("#slide-title")).to_have_text(titles[0])
    expect(page.locator(".present__progress")).to_contain_text(f"1 / {len(titles)}")
    with page.expect_navigation():
        page.keyboard.press("ArrowRight")
    expect(page.locator("#slide-title")).to_have_text(titles[1])
    expect(page.locator(".present__progress")).to_contain_text(f"2 / {len(titles)}")
    assert_accessible(page)
    with page.expect_navigation():
        page.keyboard.press("n")
    expect(page.locator("#slide-title")).to_have_text(titles[2])
    with page.expect_navigation():
        page.keyboard.press("ArrowLeft")
    expect(page.locator("#slide-title")).to_have_text(titles[1])

    # The note, "reviewed" and "celebrate", saved with htmx without leaving the slide.
    tab_to(page, "r-notes")
    page.keyboard.type(NOTE)
    page.keyboard.press("ArrowRight")  # typing: the arrow moves the caret, not the slide
    tab_to(page, "r-reviewed")
    page.keyboard.press("Space")
    tab_to(page, "r-celebrate")
    page.keyboard.press("Space")
    tab_to(page, "r-celebration_note")
    page.keyboard.type(CELEBRATION)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#review-form .notice--success")).to_be_visible()
    expect(page.locator("#slide-title")).to_have_text(titles[1])
    assert "i=2" in page.url
    expect(page.locator("#r-reviewed")).to_be_checked()
    expect(page.locator("#r-celebrate")).to_be_checked()
    expect(page.locator("#r-notes")).to_have_value(NOTE)
    assert_accessible(page)

    # The board now shows it reviewed for today's day.
    visit(page, f"/cohorts/{cohort_id}/board")
    expect(page.locator(".review-flag--waiting")).to_have_count(len(titles) - 1)

    # The celebration walls of the cohort and of the organisation.
    visit(page, f"/cohorts/{cohort_id}/celebrations")
    expect(page.locator(".celebration__title")).to_have_text([titles[1]])
    expect(page.locator(".celebration__note")).to_contain_text(CELEBRATION)
    page.click(".site-nav a[href='/celebrations']")
    expect(page.locator(".celebration__title", has_text=titles[1])).to_be_visible()
    assert_accessible(page)

    # The day pack, on screen and in print.
    visit(page, f"/cohorts/{cohort_id}/days/{day_two}/pack")
    expect(page.locator(".pack__experiment")).to_have_count(len(titles))
    expect(page.locator(".site-nav")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".pack__experiment").first).to_be_visible()
    breaks = (
        page.locator(".pack__experiment")
        .nth(1)
        .evaluate("element => getComputedStyle(element).breakBefore")
    )
    assert breaks == "page"
    page.emulate_media(media="screen")

    # The owner finds the lead's note on the experiment page (loaded with htmx).
    owner_page = new_context().new_page()
    sign_in(owner_page, cohort["owners"][1])
    visit(owner_page, f"/experiments/{cohort['ids'][1]}")
    expect(owner_page.locator("#section-reviews .review-history__item")).to_contain_text(NOTE)
    assert_accessible(owner_page)
