"""The employee's journey in a real browser, on a phone: log a draft, write the hypothesis, add a
measure, run two plan-do-check-act cycles, complete it with a learning, and find it again in
browse. Also creating and completing an experiment with JavaScript switched off."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import PHONE, path_of, sign_in

pytestmark = pytest.mark.e2e

EMPLOYEE_EMAIL = "tyontekija@varkaus.example"  # demo data
EXPERIMENT_PAGE = re.compile(r"/experiments/(\d+)$")


def _create_draft(page: Page, title: str) -> str:
    visit(page, "/experiments/new")
    page.fill("#f-title", title)
    page.fill(
        "#f-problem", "Asiakkaat eivät pääse puhelimella läpi ruuhka-aikaan, ja moni luovuttaa."
    )
    theme_value = page.locator("#f-themes-1").get_attribute("value") or ""
    page.check("#f-themes-1")
    with page.expect_navigation():
        page.click("main form[action='/experiments/new'] button[type=submit]")
    match = EXPERIMENT_PAGE.fullmatch(path_of(page))
    assert match, f"creating should open the experiment page, got {page.url}"
    expect(page.locator(".notice--success")).to_be_visible()
    assert_accessible(page)
    return theme_value


def _move_to(page: Page, status: str) -> None:
    with page.expect_navigation():
        page.click(f"#section-status form:has(input[name=status][value={status}]) button")
    expect(page.locator(f".status-badge--{status}").first).to_be_visible()
    assert_accessible(page)


def _edit_section(page: Page, section: str) -> None:
    """Open a section's form: htmx swaps it in place when JavaScript runs."""
    page.click(f"#section-{section} a[href*='edit={section}']")
    expect(page.locator(f"#section-{section} form")).to_be_visible()
    assert_accessible(page)


def _save_section(page: Page, section: str) -> None:
    page.click(f"#section-{section} form button[type=submit]")
    expect(page.locator(f"#section-{section} form")).to_have_count(0)
    assert_accessible(page)


def _save_cycle(page: Page, check: str, act: str, decision: str) -> None:
    form = page.locator("#section-cycles form[action*='/cycles/']")
    expect(form).to_be_visible()
    assert_accessible(page)
    action = form.get_attribute("action")
    form.locator("#c-check_notes").fill(check)
    form.locator("#c-act_notes").fill(act)
    form.locator("#c-decision").select_option(decision)
    form.locator("button[type=submit]").click()
    # Saved: this cycle's form closes ("adapt" opens the next cycle's form in its place).
    expect(page.locator(f"#section-cycles form[action='{action}']")).to_have_count(0)
    assert_accessible(page)


def test_employee_journey_on_a_phone(new_context: Callable[..., BrowserContext]) -> None:
    page = new_context(viewport=PHONE).new_page()
    sign_in(page, EMPLOYEE_EMAIL)
    title = "Takaisinsoitto ruuhka-aikaan E2E"
    theme = _create_draft(page, title)
    experiment_url = path_of(page)

    _edit_section(page, "description")
    page.fill("#f-hypothesis", "Uskomme, että takaisinsoitto vähentää luovuttaneita soittajia.")
    page.click("button[hx-target='#f-hypothesis-preview']")
    expect(page.locator("#f-hypothesis-preview")).to_contain_text("takaisinsoitto")
    _save_section(page, "description")
    expect(page.locator("#section-description")).to_contain_text("takaisinsoitto vähentää")

    page.click("#section-measures details.add-measure summary")
    page.fill("#m-name", "Luovuttaneet soittajat")
    page.fill("#m-unit", "% puheluista")
    page.fill("#m-baseline", "32")
    page.fill("#m-target", "10")
    page.click("#section-measures form[action$='/measures'] button[type=submit]")
    expect(page.locator("#section-measures table")).to_contain_text("Luovuttaneet soittajat")
    assert_accessible(page)

    _move_to(page, "planned")
    _move_to(page, "running")

    with page.expect_navigation():
        page.click("#section-cycles form[action$='/cycles'] button")
    _save_cycle(page, "Luovuttaneita 18 %.", "Laajennetaan takaisinsoitto iltapäivään.", "adapt")
    # Deciding "adapt" opened cycle 2 at once, its plan taken from what was to change.
    expect(page.locator("#c-plan_notes")).to_have_value("Laajennetaan takaisinsoitto iltapäivään.")
    _save_cycle(page, "Luovuttaneita 9 %.", "Otetaan pysyvästi käyttöön.", "adopt")
    expect(page.locator(".cycle")).to_have_count(2)

    # The measure's result, through the row's Edit button (htmx swaps the measures section).
    page.click("#section-measures tbody tr a[href*='edit=measure-']")
    page.fill("#m-result", "9")
    page.click("#section-measures form[action*='/measures/'] button[type=submit]")
    expect(page.locator("#section-measures form[action*='/measures/']")).to_have_count(0)
    expect(page.locator("#section-measures tbody td strong")).to_have_text("9")
    assert_accessible(page)

    _edit_section(page, "result")
    # The last cycle's decision is already chosen as the experiment's.
    expect(page.locator("#f-decision")).to_have_value("adopt")
    page.fill("#f-result", "Yhdeksän prosenttia soittajista luovuttaa, ennen kolmannes.")
    page.select_option("#f-outcome", "solved")
    page.fill("#f-learning", "Takaisinsoitto kannattaa aloittaa ruuhkatunneista.")
    # What is typed is autosaved before the user saves (debounced).
    expect(page.locator("#autosave-result")).not_to_be_empty()
    _save_section(page, "result")
    _move_to(page, "completed")

    visit(page, f"/experiments?theme={theme}")
    expect(page.locator("#results .experiment-card__title a", has_text=title)).to_be_visible()
    visit(page, "/experiments?q=ruuhkatunneista")
    expect(page.locator("#results .experiment-card__title a", has_text=title)).to_have_count(1)
    # htmx: typing in the search box updates the list and the address.
    page.fill("#filter-q", "ei-tällaista-kokeilua")
    expect(page.locator("#results .experiment-card")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"q=ei-t"))
    assert_accessible(page)
    visit(page, experiment_url)
    department = page.locator("#section-basics a[href^='/departments/']").first.get_attribute(
        "href"
    )
    assert department, "the experiment should name the owner's department"
    visit(page, department)
    expect(page.locator(".experiment-card__title a", has_text=title)).to_be_visible()
    visit(page, "/experiments/mine")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_create_and_complete_without_javascript(new_context: Callable[..., BrowserContext]) -> None:
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, EMPLOYEE_EMAIL)
    _create_draft(page, "Selkokieliset kirjeet E2E")
    with page.expect_navigation():
        page.click("#section-status form:has(input[name=status][value=running]) button")
    with page.expect_navigation():
        page.click("#section-result a[href*='edit=result']")
    assert_accessible(page)
    page.fill("#f-result", "Asiakkaat ymmärsivät kirjeen.")
    page.select_option("#f-outcome", "partly_solved")
    page.fill("#f-learning", "Selkokieli auttaa kaikkia.")
    page.select_option("#f-decision", "spread")
    with page.expect_navigation():
        page.click("#section-result form button[type=submit]")
    assert_accessible(page)
    with page.expect_navigation():
        page.click("#section-status form:has(input[name=status][value=completed]) button")
    expect(page.locator(".status-badge--completed").first).to_be_visible()
    assert_accessible(page)
