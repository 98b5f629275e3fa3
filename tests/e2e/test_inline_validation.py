"""Inline validation with htmx: leaving a field shows its error at once, before submitting,
and the error disappears when the value is fixed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import sign_in

pytestmark = pytest.mark.e2e


def test_a_field_is_checked_when_the_user_leaves_it(page: Page) -> None:
    sign_in(page)
    visit(page, "/admin/users/new")
    page.fill("#f-email", "ei-sähköpostiosoite")
    page.press("#f-email", "Tab")
    expect(page.locator("#f-email-error")).not_to_be_empty()
    assert_accessible(page)
    page.fill("#f-email", "oikea@example.fi")
    page.press("#f-email", "Tab")
    expect(page.locator("#f-email-error")).to_be_empty()
    assert page.url.endswith("/admin/users/new"), "nothing was submitted"


def test_customer_group_pages_are_accessible(page: Page) -> None:
    sign_in(page)
    visit(page, "/admin/customer-groups")
    page.click("main form[action='/admin/customer-groups'] button[type=submit]")
    expect(page.locator("#form-errors")).to_be_visible()
    assert_accessible(page)
    first = page.locator(".theme-list a").first.get_attribute("href")
    assert first, "the demo data should have customer groups"
    visit(page, first)
