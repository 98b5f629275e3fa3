"""Steps of the workshop journeys shared by several e2e tests: submitting a form, adding a
workshop day, adding a department's people to a cohort, creating an experiment in a cohort,
moving the focus with Tab, reading the unread count in the header. Every page is checked with
axe."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import path_of

EXPERIMENT_PAGE = re.compile(r"/experiments/(\d+)$")


def submit(page: Page, form: str) -> None:
    """Press the submit button of a plain (non-htmx) form and check the page it leads to."""
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")
    assert_accessible(page)


def add_workshop_day(page: Page, cohort_url: str, day: str, place: str, agenda: str) -> None:
    """From the cohort page: open the new-day form, fill it in and save (back on the cohort)."""
    with page.expect_navigation():
        page.click(f"a[href='{cohort_url}/days/new']")
    assert_accessible(page)
    page.fill("#f-day", day)
    page.fill("#f-place", place)
    page.fill("#f-agenda", agenda)
    submit(page, "main form[action$='/days/new']")


def add_department(page: Page, department_name: str) -> int:
    """From the cohort page: add everyone in a department, after the confirmation that says how
    many will be added. Returns that number."""
    value = page.locator("#d-department option", has_text=department_name).get_attribute("value")
    assert value, f"the demo city has the department {department_name}"
    page.select_option("#d-department", value)
    submit(page, "main form[action$='/participants/department']")
    # The confirmation says how many will be added before anything is.
    confirm = page.locator("main form[action$='/participants/department'] button")
    count = int(re.search(r"\d+", confirm.inner_text()).group())
    submit(page, "main form[action$='/participants/department']")
    return count


def create_experiment_in_cohort(page: Page, cohort_id: int | str, title: str, problem: str) -> str:
    """A participant's new experiment from the short form, with the cohort preselected (their
    newest). Returns the new experiment's path."""
    visit(page, "/experiments/new")
    expect(page.locator("#f-cohort")).to_have_value(str(cohort_id))
    page.fill("#f-title", title)
    page.fill("#f-problem", problem)
    page.check("#f-themes-1")
    submit(page, "main form[action='/experiments/new']")
    assert EXPERIMENT_PAGE.fullmatch(path_of(page)), page.url
    return path_of(page)


def tab_to(page: Page, element_id: str, limit: int = 60) -> None:
    """Move the focus with Tab until it reaches the element: keyboard only."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def unread_in_header(page: Page) -> int:
    """The unread-notification count next to the header's notifications link (0 if none)."""
    badge = page.locator(".site-nav .notification-count")
    if badge.count() == 0:
        return 0
    return int(re.match(r"\d+", badge.inner_text().strip()).group())
