"""Screenshots of the cohort pages in Finnish, on a phone and on a desktop, for
docs/screenshots/cohorts-*.png. Run with `make screenshots` (KOKEILU_SCREENSHOTS=1)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from app.demo.cohorts import VARKAUS
from app.demo.content import EMPLOYEE_EMAIL, LEAD_EMAIL
from tests.e2e.accessibility import visit
from tests.e2e.actions import DESKTOP, PHONE, sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        os.environ.get("KOKEILU_SCREENSHOTS") != "1",
        reason="screenshots are made with `make screenshots` (KOKEILU_SCREENSHOTS=1)",
    ),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda size: str(size["width"]))
def test_cohort_screenshots(
    new_context: Callable[..., BrowserContext], viewport: dict[str, int]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = viewport["width"]

    def shoot(page, name: str) -> None:
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        page.wait_for_load_state("networkidle")
        page.screenshot(
            path=SCREENSHOTS / f"cohorts-{name}-{width}.png", full_page=True, animations="disabled"
        )

    lead = new_context(viewport=viewport).new_page()
    sign_in(lead, LEAD_EMAIL)
    visit(lead, "/cohorts")
    shoot(lead, "list")
    cohort_path = lead.locator(".cohort-card__title a", has_text=VARKAUS.name).get_attribute("href")
    assert cohort_path, "the demo data should have the Varkaus workshop"
    visit(lead, cohort_path)
    shoot(lead, "cohort")
    visit(lead, "/cohorts/new")
    shoot(lead, "new")

    participant = new_context(viewport=viewport).new_page()
    sign_in(participant, EMPLOYEE_EMAIL)
    visit(participant, "/experiments/new")
    shoot(participant, "new-experiment")
