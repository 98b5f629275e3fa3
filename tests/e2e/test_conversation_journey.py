"""Conversation in a real browser: a colleague thanks and comments on the demo employee's
experiment (with htmx), the owner sees the unread count in the header, opens the
notifications and the experiment, which marks them read. Also commenting without JavaScript."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from app.demo.content import EMPLOYEE_EMAIL, email_for
from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import DESKTOP, PHONE, path_of, sign_in
from tests.e2e.workshop_steps import unread_in_header

pytestmark = pytest.mark.e2e

OWNER_NAME = "Tiina Räsänen"  # the demo employee tyontekija@varkaus.example
COLLEAGUE_EMAIL = email_for("Ville Turunen")  # a youth worker in the demo city
EXPERIMENT_PAGE = re.compile(r"/experiments/(\d+)$")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _owners_experiment_to_thank(page: Page) -> str:
    """One of the demo employee's shared experiments this colleague has not thanked yet."""
    visit(page, "/experiments")
    owner_value = page.locator("#filter-owner option", has_text=OWNER_NAME).get_attribute("value")
    visit(page, f"/experiments?owner={owner_value}")
    links = page.locator(".experiment-card__title a")
    paths = [links.nth(n).get_attribute("href") for n in range(links.count())]
    for path in paths:
        visit(page, path)
        is_owner = page.locator("#section-basics .details dd a").first.inner_text() == OWNER_NAME
        if is_owner and page.locator("#kudos form[action$='/kudos']").count():
            return path
    raise AssertionError("the demo employee should have an experiment to thank")


def _thank_and_comment(page: Page) -> str:
    sign_in(page, COLLEAGUE_EMAIL)
    experiment = _owners_experiment_to_thank(page)
    kudos_before = page.locator("#kudos .kudos__item").count()
    page.click("#kudos details summary")
    page.fill("#k-message", "Kiitos! Otamme tämän käyttöön myös nuorisotiloilla.")
    page.click("#kudos form button[type=submit]")
    expect(page.locator("#kudos .kudos__item")).to_have_count(kudos_before + 1)
    expect(page.locator("#kudos .notice--success")).to_be_visible()
    assert_accessible(page)

    # An empty comment: the error is shown next to the field, nothing is lost.
    page.click("#comments form.comment-form button[type=submit]")
    expect(page.locator("#c-body-error")).not_to_be_empty()
    assert_accessible(page)
    comments_before = page.locator("#comments .comment").count()
    page.fill("#c-body", "Hieno kokeilu! **Miten** asiakkaat ottivat muutoksen vastaan?")
    page.click("#comments form.comment-form button[type=submit]")
    expect(page.locator("#comments .comment")).to_have_count(comments_before + 1)
    last = page.locator("#comments .comment").last
    expect(last.locator(".comment__body strong")).to_have_count(1)
    assert_accessible(page)

    # Edit the comment in place; the "edited" marker leads to the earlier version.
    last.locator(".comment__actions a").click()
    editor = page.locator("#comments .comment--editing")
    expect(editor).to_be_visible()
    assert_accessible(page)
    editor.locator("textarea").fill("Hieno kokeilu! Miten asiakkaat ottivat muutoksen vastaan?")
    editor.locator("button[type=submit]").click()
    expect(page.locator("#comments .comment--editing")).to_have_count(0)
    edited = page.locator("#comments .comment").last.locator(".comment__edited")
    expect(edited).to_be_visible()
    history = edited.get_attribute("href")
    visit(page, history)
    expect(page.locator(".comment-history > li")).to_have_count(2)
    return experiment


def test_colleague_thanks_and_comments_and_owner_reads(
    new_context: Callable[..., BrowserContext],
) -> None:
    colleague = new_context(viewport=DESKTOP).new_page()
    experiment = _thank_and_comment(colleague)

    owner = new_context(viewport=PHONE).new_page()
    sign_in(owner, EMPLOYEE_EMAIL)
    unread = unread_in_header(owner)
    assert unread >= 2, "the kudos and the comment should be unread"
    owner.click(".site-nav a[href='/notifications']")
    owner.wait_for_url("**/notifications")
    assert_accessible(owner)
    if os.environ.get("KOKEILU_SCREENSHOTS") == "1":
        _screenshots(owner, [("notifications", "/notifications")])
    about_this = owner.locator(f".notification--unread a[href^='{experiment}#']").count()
    assert about_this >= 2
    newest = owner.locator(".notification").first
    expect(newest).to_have_class(re.compile("notification--unread"))
    link = newest.locator(".notification__text a")
    assert link.get_attribute("href").startswith(experiment + "#")
    with owner.expect_navigation():
        link.click()
    assert path_of(owner) == experiment
    assert_accessible(owner)
    # Opening the experiment read its notifications: the notice says so, the header agrees.
    expect(owner.locator("#conversation-new")).to_be_visible()
    assert unread_in_header(owner) == unread - about_this
    if os.environ.get("KOKEILU_SCREENSHOTS") == "1":
        visit(owner, experiment)
        profile = owner.locator("#section-basics .details dd a").first.get_attribute("href")
        _screenshots(owner, [("experiment", experiment), ("profile", profile)])


def test_commenting_and_thanking_without_javascript(
    new_context: Callable[..., BrowserContext],
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, email_for("Noora Saastamoinen"))
    experiment = _owners_experiment_to_thank(page)
    # An empty comment comes back on a page of its own with the error.
    page.click("#comments form.comment-form button[type=submit]")
    page.wait_for_url("**/comments")
    expect(page.locator("#c-body-error")).not_to_be_empty()
    assert_accessible(page)
    page.fill("#c-body", "Tämä toimii ilman JavaScriptiäkin.")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert path_of(page) == experiment
    expect(page.locator("#comments .comment").last).to_contain_text("ilman JavaScriptiäkin")
    assert_accessible(page)
    # Thanks: the form opens natively (<details>) and posts normally.
    page.locator("#kudos details summary").click()
    page.fill("#k-message", "Kiitos!")
    with page.expect_navigation():
        page.click("#kudos form button[type=submit]")
    assert path_of(page) == experiment
    expect(page.locator("#kudos form[action$='/kudos/withdraw']")).to_have_count(1)
    assert_accessible(page)
    # Withdrawing (JavaScript would ask for confirmation first) brings the form back.
    with page.expect_navigation():
        page.click("#kudos form[action$='/kudos/withdraw'] button[type=submit]")
    expect(page.locator("#kudos form[action$='/kudos']")).to_have_count(1)
    assert_accessible(page)


def _screenshots(page: Page, pages: list[tuple[str, str]]) -> None:
    """Run with KOKEILU_SCREENSHOTS=1: conversation pages for docs/screenshots/, on a phone
    and a desktop; the experiment page only by its conversation section."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        for name, path in pages:
            visit(page, path)
            page.wait_for_load_state("networkidle")
            target = SCREENSHOTS / f"conversation-{name}-{viewport['width']}.png"
            if name == "experiment":
                page.locator("#section-conversation").screenshot(path=target, animations="disabled")
            else:
                page.screenshot(path=target, full_page=True, animations="disabled")
    if size:
        page.set_viewport_size(size)
