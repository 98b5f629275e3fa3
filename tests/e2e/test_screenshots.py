"""Screenshots of the main pages in Finnish, on a phone and on a desktop, for docs/screenshots/.
Run with `make screenshots` (KOKEILU_SCREENSHOTS=1); skipped otherwise."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

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
CURRENT_STRATEGY = "Kaupunkistrategia 2030"  # demo data
SIGNED_IN_PAGES = [
    ("home", "/"),
    ("departments", "/admin/departments"),
    ("users", "/admin/users"),
    ("user-form", "/admin/users/new"),
    ("strategy", None),  # the current strategy, found from the list
    ("accessibility", "/accessibility"),
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda size: str(size["width"]))
def test_screenshots(new_context: Callable[..., BrowserContext], viewport: dict[str, int]) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = viewport["width"]
    page = new_context(viewport=viewport).new_page()

    def shoot(name: str) -> None:
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        page.wait_for_load_state("networkidle")
        page.screenshot(
            path=SCREENSHOTS / f"{name}-{width}.png", full_page=True, animations="disabled"
        )

    visit(page, "/sign-in")
    shoot("sign-in")
    sign_in(page)
    visit(page, "/admin/strategies")
    strategy_path = page.get_by_role("link", name=CURRENT_STRATEGY, exact=True).get_attribute(
        "href"
    )
    assert strategy_path, "the demo data should have the current strategy"
    for name, path in SIGNED_IN_PAGES:
        visit(page, path or strategy_path)
        shoot(name)


EMPLOYEE_PAGES = [
    ("my-experiments", "/experiments/mine"),
    ("new-experiment", "/experiments/new"),
    ("experiment", None),  # the employee's first completed experiment
    ("browse", "/experiments"),
]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda size: str(size["width"]))
def test_experiment_screenshots(
    new_context: Callable[..., BrowserContext], viewport: dict[str, int]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = viewport["width"]
    page = new_context(viewport=viewport).new_page()
    sign_in(page, "tyontekija@varkaus.example")
    visit(page, "/experiments/mine")
    experiment_path = page.locator(
        "#group-completed ~ ul .experiment-card__title a"
    ).first.get_attribute("href")
    assert experiment_path, "the demo employee should have a completed experiment"
    for name, path in EMPLOYEE_PAGES:
        visit(page, path or experiment_path)
        expect(page.locator("html")).to_have_attribute("lang", "fi")
        page.screenshot(
            path=SCREENSHOTS / f"{name}-{width}.png", full_page=True, animations="disabled"
        )
