"""API tokens in a real browser: from the account page create a token, see it once (and copy
it), use it, revoke it after the confirmation page; every page passes axe. Screenshots of the
page for docs/screenshots/ with KOKEILU_SCREENSHOTS=1."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from app.demo.content import EMPLOYEE_EMAIL
from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import DESKTOP, PHONE, path_of, sign_in

pytestmark = pytest.mark.e2e

CREATE_FORM = "main form[action='/account/api-tokens']"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _create_token(page: Page, name: str) -> str:
    page.fill("#f-name", name)
    with page.expect_navigation() as navigation:
        page.click(f"{CREATE_FORM} button[type=submit]")
    assert navigation.value is not None and navigation.value.status == 201
    expect(page.locator("#new-token")).to_be_visible()
    assert_accessible(page)
    return page.input_value("#new-token")


def test_create_use_and_revoke_a_token(
    new_context: Callable[..., BrowserContext], live_server: str
) -> None:
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    sign_in(page, EMPLOYEE_EMAIL)
    visit(page, "/account/password")
    with page.expect_navigation():
        page.click(".account-links a[href='/account/api-tokens']")
    assert path_of(page) == "/account/api-tokens"
    assert_accessible(page)

    # Nothing filled in: the error is next to the field.
    with page.expect_navigation():
        page.click(f"{CREATE_FORM} button[type=submit]")
    expect(page.locator("#f-name")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    secret = _create_token(page, "Raportti E2E")
    assert secret.startswith("kok_")
    copy = page.locator("button[data-copy-from='new-token']")
    expect(copy).to_be_visible()  # JavaScript shows the button
    copy.click()
    expect(page.locator(".token-once__copied")).not_to_be_empty()
    assert page.evaluate("navigator.clipboard.readText()") == secret

    # Shown once: the list never shows it again.
    visit(page, "/account/api-tokens")
    expect(page.locator("#new-token")).to_have_count(0)
    assert secret not in page.content()
    api = context.request
    headers = {"Authorization": f"Bearer {secret}"}
    assert api.get(f"{live_server}/api/v1/experiments", headers=headers).status == 200

    # Revoke, after a confirmation page.
    row = page.locator("tbody tr", has_text="Raportti E2E")
    with page.expect_navigation():
        row.locator("a[href$='/revoke']").click()
    assert path_of(page).endswith("/revoke")
    assert_accessible(page)
    with page.expect_navigation():
        page.click("main form[action$='/revoke'] button[type=submit]")
    assert path_of(page) == "/account/api-tokens"
    expect(page.locator(".notice--success")).to_be_visible()
    expect(row.locator(".badge--archived")).to_be_visible()
    assert_accessible(page)
    refused = api.get(f"{live_server}/api/v1/experiments", headers=headers)
    assert refused.status == 401


def test_the_api_page_lists_the_endpoints(page: Page) -> None:
    visit(page, "/api")
    # experiments, one experiment, themes, departments and the rollup figures
    expect(page.locator(".api-endpoint")).to_have_count(5)
    expect(page.locator(".api-endpoint", has_text="/api/v1/rollup")).to_have_count(1)


@pytest.mark.skipif(
    os.environ.get("KOKEILU_SCREENSHOTS") != "1",
    reason="screenshots are made with `make screenshots` (KOKEILU_SCREENSHOTS=1)",
)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda size: str(size["width"]))
def test_screenshots(new_context: Callable[..., BrowserContext], viewport: dict[str, int]) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_context(viewport=viewport).new_page()
    sign_in(page, EMPLOYEE_EMAIL)
    visit(page, "/account/api-tokens")
    _create_token(page, f"Kuukausiraportti {viewport['width']}")
    page.wait_for_load_state("networkidle")
    page.screenshot(
        path=SCREENSHOTS / f"api-tokens-{viewport['width']}.png",
        full_page=True,
        animations="disabled",
    )
