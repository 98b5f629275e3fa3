"""The HR director's rollup journey in Chromium, with axe on every page: open the rollup,
unfold a department, drill into a cell and find the same count on the browse page, open the
print view and download the rollup as XLSX. Screenshots with KOKEILU_SCREENSHOTS=1."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import DESKTOP, PHONE, path_of, sign_in

pytestmark = pytest.mark.e2e

HR_DIRECTOR = "nina.holopainen@varkaus.example"  # demo data
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def count_in(text: str) -> int:
    return int(re.sub(r"\D", "", text) or 0)


def test_hr_director_drills_into_the_rollup_and_exports_it(page: Page, tmp_path: Path) -> None:
    sign_in(page, HR_DIRECTOR)
    page.click("nav a[href='/rollup']")
    expect(page.locator("h1")).to_be_visible()
    assert path_of(page) == "/rollup"
    assert_accessible(page)
    # Charts are drawn from data attributes (no inline script), next to their tables.
    expect(page.locator("canvas[data-rollup-chart]").first).to_be_visible()
    assert page.locator("canvas[data-rollup-chart]").count() == 4

    # Folding: sub-departments start folded under the top level and open with their button.
    matrix = page.locator("table.rollup-matrix")
    toggle = matrix.locator("tr[data-depth='1'] button[data-toggle]").first
    expect(toggle).to_have_attribute("aria-expanded", "false")
    child_id = toggle.get_attribute("data-toggle")
    child_rows = matrix.locator(f"tr[data-parent='{child_id}']")
    expect(child_rows.first).to_be_hidden()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(child_rows.first).to_be_visible()
    assert_accessible(page)

    # A filter updates the results with htmx and keeps the state in the URL.
    first_theme = page.locator("input[name=theme]").first
    first_theme.check()
    expect(page).to_have_url(re.compile(r"theme="))
    expect(page.locator("table.rollup-matrix thead th")).to_have_count(3)
    assert_accessible(page)
    first_theme.uncheck()
    expect(page).not_to_have_url(re.compile(r"theme="))

    # Drill into the biggest cell of a top-level department.
    cells = page.locator("table.rollup-matrix tr[data-depth='0'] td a")
    counts = [count_in(text) for text in cells.all_inner_texts()]
    assert max(counts) > 0, "the demo data should count experiments in the rollup"
    cell = cells.nth(counts.index(max(counts)))
    expected = counts[counts.index(max(counts))]
    with page.expect_navigation():
        cell.click()
    assert path_of(page) == "/experiments"
    assert count_in(page.locator("#results-heading").inner_text()) == expected
    assert_accessible(page)
    page.go_back()

    visit(page, "/rollup/print")
    expect(page.locator("button[data-print]")).to_be_visible()
    total = count_in(page.locator("[data-figure=total]").inner_text())

    visit(page, "/rollup")
    with page.expect_download() as download_info:
        page.click("a[href^='/rollup/export.xlsx']")
    path = tmp_path / "rollup.xlsx"
    download_info.value.save_as(path)
    workbook = load_workbook(path)
    matrix_rows = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert matrix_rows[-1][-1] == total


def test_the_rollup_works_without_javascript(new_context: Callable[..., BrowserContext]) -> None:
    page = new_context(java_script_enabled=False).new_page()
    sign_in_without_js(page)
    visit(page, "/rollup")
    # Every department row is shown and no fold button is offered without JavaScript.
    expect(page.locator("table.rollup-matrix tr[data-depth='2']").first).to_be_visible()
    expect(page.locator("button[data-toggle]").first).to_be_hidden()


def sign_in_without_js(page: Page) -> None:
    visit(page, "/sign-in")
    page.fill("#f-email", HR_DIRECTOR)
    page.fill("#f-password", "kokeilu-demo-2026")
    with page.expect_navigation():
        page.click("main form[action='/sign-in'] button[type=submit]")


@pytest.mark.skipif(
    os.environ.get("KOKEILU_SCREENSHOTS") != "1",
    reason="screenshots are made with `make screenshots` (KOKEILU_SCREENSHOTS=1)",
)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda size: str(size["width"]))
def test_rollup_screenshots(
    new_context: Callable[..., BrowserContext], viewport: dict[str, int]
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_context(viewport=viewport).new_page()
    sign_in(page, HR_DIRECTOR)
    for name, path in (("rollup", "/rollup"), ("rollup-print", "/rollup/print")):
        visit(page, path)
        page.wait_for_load_state("networkidle")
        page.screenshot(
            path=SCREENSHOTS / f"{name}-{viewport['width']}.png",
            full_page=True,
            animations="disabled",
        )
