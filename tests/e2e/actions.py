"""What a person does in the browser, shared by the e2e tests. Elements are found by id, name,
URL or CSS class, never by visible text: the UI text changes with the language."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Page, expect

from app.demo.content import ADMIN_EMAIL, DEMO_PASSWORD
from tests.e2e.accessibility import assert_accessible, visit

__all__ = [
    "ADMIN_EMAIL",
    "DEMO_PASSWORD",
    "DESKTOP",
    "PHONE",
    "path_of",
    "sign_in",
    "switch_language",
]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def path_of(page: Page) -> str:
    return urlparse(page.url).path


def sign_in(page: Page, email: str = ADMIN_EMAIL, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the form (checking the sign-in page with axe) and land on home."""
    visit(page, "/sign-in")
    expect(page.locator("html")).to_have_attribute("lang", "fi")  # the default language
    page.fill("#f-email", email)
    page.fill("#f-password", password)
    with page.expect_navigation():
        page.click("main form[action='/sign-in'] button[type=submit]")
    assert path_of(page) == "/", f"sign-in ended at {page.url}"
    assert_accessible(page)


def switch_language(page: Page, language: str, *, javascript: bool = True) -> None:
    """Choose a language in the header. With JavaScript, changing the select submits the form
    (its button is hidden); without, the person presses the button."""
    path = path_of(page)
    with page.expect_navigation():
        page.select_option("#language-select", language)
        if not javascript:
            page.click(".language-switcher button[type=submit]")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert path_of(page) == path, "the language switch should come back to the same page"
    assert_accessible(page)
