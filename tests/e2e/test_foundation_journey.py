"""The "Foundation" journey in a real browser: an admin signs in, switches language, sets up a
department, a workshop lead and a strategy theme, and signs out; every page passes axe.
Also the same basics on a phone-sized screen and with JavaScript switched off."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import PHONE, path_of, sign_in, switch_language

pytestmark = pytest.mark.e2e

CURRENT_STRATEGY = "Kaupunkistrategia 2030"  # demo data, shown as-is in every language
NEW_DEPARTMENT_FORM = "main form[action='/admin/departments']"
USER_PAGE = re.compile(r"/admin/users/(\d+)$")
STRATEGY_PAGE = re.compile(r"/admin/strategies/(\d+)$")


def _department_id(page: Page, name: str) -> str:
    link = page.locator(".tree a", has_text=name)
    expect(link).to_have_count(1)
    href = link.get_attribute("href") or ""
    match = re.fullmatch(r"/admin/departments/(\d+)", href)
    assert match, f"unexpected department link {href!r}"
    return match.group(1)


def test_foundation_journey(page: Page) -> None:
    sign_in(page)

    # Language: with JavaScript the select submits itself, so its button is hidden.
    expect(page.locator(".language-switcher button[type=submit]")).to_be_hidden()
    switch_language(page, "sv")
    switch_language(page, "fi")

    # A department with nothing filled in: errors next to the fields, and still accessible.
    visit(page, "/admin/departments")
    with page.expect_navigation() as navigation:
        page.click(f"{NEW_DEPARTMENT_FORM} button[type=submit]")
    assert navigation.value is not None and navigation.value.status == 422
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#f-name_fi")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-name_fi-error")).not_to_be_empty()
    assert_accessible(page)

    # A department under the first top-level one.
    parent = page.locator("#f-parent option").nth(1)
    parent_id = parent.get_attribute("value") or ""
    assert parent_id, "the demo data should offer a parent department"
    department = "Asiakaskokemustiimi E2E"
    page.fill("#f-name_fi", department)
    page.fill("#f-name_sv", "Kundupplevelseteamet E2E")
    page.fill("#f-name_en", "Customer experience team E2E")
    page.select_option("#f-parent", parent_id)
    with page.expect_navigation():
        page.click(f"{NEW_DEPARTMENT_FORM} button[type=submit]")
    assert path_of(page) == "/admin/departments"
    expect(page.locator(".notice--success")).to_contain_text(department)
    nested = page.locator(
        f".tree li:has(> .tree__row a[href='/admin/departments/{parent_id}']) .tree a",
        has_text=department,
    )
    expect(nested).to_be_visible()
    assert_accessible(page)
    department_id = _department_id(page, department)
    visit(page, f"/admin/departments/{department_id}")
    expect(page.locator("#f-name_fi")).to_have_value(department)

    # A workshop lead in that department.
    visit(page, "/admin/users/new")
    page.fill("#f-name", "Liisa Liidi")
    page.fill("#f-email", "liisa.liidi.e2e@varkaus.example")
    page.select_option("#f-department", department_id)
    page.select_option("#f-language", "fi")
    page.check("#f-is_lead")
    with page.expect_navigation():
        page.click("main form[action='/admin/users/new'] button[type=submit]")
    expect(page).to_have_url(USER_PAGE)
    expect(page.locator(".notice--success")).to_contain_text("Liisa Liidi")
    expect(page.locator("#f-is_lead")).to_be_checked()
    expect(page.locator("#f-department")).to_have_value(department_id)
    assert_accessible(page)

    # The user list finds her as you type (htmx swaps the results in).
    visit(page, "/admin/users")
    page.fill("#user-search", "liisa.liidi.e2e")
    expect(page.locator("#user-results tbody tr")).to_have_count(1)
    expect(page.locator("#user-results tbody a")).to_have_text("Liisa Liidi")
    assert_accessible(page)

    # A theme for the current strategy.
    visit(page, "/admin/strategies")
    with page.expect_navigation():
        page.get_by_role("link", name=CURRENT_STRATEGY, exact=True).click()
    expect(page).to_have_url(STRATEGY_PAGE)
    assert_accessible(page)
    details = page.locator("details.add-theme")
    details.locator("summary").click()
    expect(details).to_have_attribute("open", "")
    assert_accessible(page)  # the theme form is shown now
    theme = "Kokeilukulttuuri E2E"
    details.locator("[name=name_fi]").fill(theme)
    details.locator("[name=name_sv]").fill("Försökskultur E2E")
    details.locator("[name=name_en]").fill("Culture of experimenting E2E")
    details.locator("[name=description]").fill("Pieniä kokeiluja joka päivä.")
    details.locator("label.swatch-option").nth(2).click()
    expect(details.locator("input[name=colour]").nth(2)).to_be_checked()
    details.locator("[name=position]").fill("70")
    with page.expect_navigation():
        details.locator("button[type=submit]").click()
    expect(page).to_have_url(STRATEGY_PAGE)
    expect(page.locator(".notice--success")).to_be_visible()
    expect(page.locator(".theme-list a", has_text=theme)).to_be_visible()
    assert_accessible(page)

    # Sign out.
    with page.expect_navigation():
        page.click("form.signout-form button")
    assert path_of(page) == "/sign-in"
    assert_accessible(page)
    expect(page.locator("form.signout-form")).to_have_count(0)


def test_wrong_password_is_reported_accessibly(page: Page) -> None:
    visit(page, "/sign-in")
    page.fill("#f-email", "admin@varkaus.example")
    page.fill("#f-password", "not-the-password")
    with page.expect_navigation():
        page.click("main form[action='/sign-in'] button[type=submit]")
    assert path_of(page) == "/sign-in"
    expect(page.locator("#sign-in-failure")).to_be_visible()
    assert_accessible(page)


def _assert_no_horizontal_overflow(page: Page) -> None:
    widths = page.evaluate(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["inner"], (
        f"{page.url} scrolls sideways on a phone: content {widths['scroll']} px wide, "
        f"screen {widths['inner']} px"
    )


def test_phone_sign_in_and_home_fit_the_screen(
    new_context: Callable[..., BrowserContext],
) -> None:
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    visit(page, "/sign-in")
    _assert_no_horizontal_overflow(page)
    sign_in(page)
    _assert_no_horizontal_overflow(page)


def test_without_javascript_forms_still_work(new_context: Callable[..., BrowserContext]) -> None:
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page)

    # Without JavaScript the language form keeps its button.
    expect(page.locator(".language-switcher button[type=submit]")).to_be_visible()
    switch_language(page, "sv", javascript=False)
    switch_language(page, "fi", javascript=False)

    visit(page, "/admin/departments")
    department = "Ilman skriptejä -yksikkö E2E"
    page.fill("#f-name_fi", department)
    with page.expect_navigation():
        page.click(f"{NEW_DEPARTMENT_FORM} button[type=submit]")
    assert path_of(page) == "/admin/departments"
    expect(page.locator(".notice--success")).to_contain_text(department)
    expect(page.locator(".tree a", has_text=department)).to_be_visible()
    assert_accessible(page)
