"""Screenshots of the lead's review pages in Finnish, on a phone and on a desktop, for
docs/screenshots/review-*.png. Run with KOKEILU_SCREENSHOTS=1; skipped otherwise."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.e2e.accessibility import visit
from tests.e2e.actions import DESKTOP, PHONE, sign_in
from tests.e2e.review_cohort import create_review_cohort

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        os.environ.get("KOKEILU_SCREENSHOTS") != "1",
        reason="screenshots are made with `make screenshots` (KOKEILU_SCREENSHOTS=1)",
    ),
]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
LEAD_EMAIL = "valmentaja@varkaus.example"  # demo data


@pytest.fixture(scope="module")
def cohort(live_server: str) -> dict[str, Any]:
    return create_review_cohort(with_reviews=True)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda size: str(size["width"]))
def test_review_screenshots(
    new_context: Callable[..., BrowserContext], viewport: dict[str, int], cohort: dict[str, Any]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = viewport["width"]
    page = new_context(viewport=viewport).new_page()

    def shoot(name: str) -> None:
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        page.wait_for_load_state("networkidle")
        page.screenshot(
            path=SCREENSHOTS / f"review-{name}-{width}.png", full_page=True, animations="disabled"
        )

    sign_in(page, LEAD_EMAIL)
    cohort_id, days = cohort["cohort"], cohort["days"]
    for name, path in (
        ("board", f"/cohorts/{cohort_id}/board"),
        ("present", f"/cohorts/{cohort_id}/days/{days[0]}/present?i=2"),
        ("pack", f"/cohorts/{cohort_id}/days/{days[0]}/pack"),
        ("celebrations", f"/cohorts/{cohort_id}/celebrations"),
    ):
        visit(page, path)
        shoot(name)
