"""Customer voice in a real browser, with axe on every page: the owner creates a feedback survey
for a measure and opens the "before" period; the QR poster prints; a customer answers on a
390 px phone in Swedish; the kiosk takes three answers from the keyboard and resets itself;
after the "after" period the experiment page shows the before/after comparison."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import DESKTOP, PHONE, path_of, sign_in

pytestmark = pytest.mark.e2e

EMPLOYEE_EMAIL = "tyontekija@varkaus.example"  # demo data
EXPERIMENT_PAGE = re.compile(r"/experiments/(\d+)$")
TABLET = {"width": 1024, "height": 768}
KIOSK_RESET_MS = 15_000  # the kiosk resets after 6 s; leave room for a slow machine
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _new_experiment_with_measure(page: Page) -> str:
    visit(page, "/experiments/new")
    page.fill("#f-title", "Asiakaskysely palvelupisteellä E2E")
    page.fill("#f-problem", "Emme tiedä, miten asiakkaat kokevat palvelupisteen asioinnin.")
    page.check("#f-themes-1")
    with page.expect_navigation():
        page.click("main form[action='/experiments/new'] button[type=submit]")
    assert EXPERIMENT_PAGE.fullmatch(path_of(page)), page.url
    assert_accessible(page)
    page.click("#section-measures details.add-measure summary")
    page.fill("#m-name", "Asiakastyytyväisyys")
    page.fill("#m-unit", "1–5")
    page.click("#section-measures form[action$='/measures'] button[type=submit]")
    expect(page.locator("#section-measures table")).to_contain_text("Asiakastyytyväisyys")
    return path_of(page)


def _panel_ready(page: Page) -> None:
    """The survey panel loads with htmx after the experiment page."""
    expect(
        page.locator("#surveys-panel .survey-new, #surveys-panel .survey-panel").first
    ).to_be_visible()
    assert_accessible(page)


def _period(page: Page, action: str) -> None:
    with page.expect_navigation():
        page.click(f"#surveys-panel button[data-action={action}]")
    _panel_ready(page)


def _answer_on_phone(
    new_context: Callable[..., BrowserContext], url: str, score: int, *, swedish: bool
) -> None:
    phone = new_context(viewport=PHONE).new_page()
    visit(phone, url)
    expect(phone.locator("html")).to_have_attribute("lang", "fi")
    if swedish:
        with phone.expect_navigation():
            phone.click(".public-survey__languages a[hreflang=sv]")
        expect(phone.locator("html")).to_have_attribute("lang", "sv")
        expect(phone.locator("h1")).to_have_text("Hur lyckades vi betjäna dig i dag?")
        assert_accessible(phone)
    # The face is a labelled radio button: check it through its label, as a finger does.
    phone.click(f"label[for=f-score-{score}]")
    if swedish:
        phone.fill("#f-comment", "Snabb och vänlig service. Ring mig på 040 765 4321.")
    with phone.expect_navigation():
        phone.click("main form button[type=submit]")
    assert path_of(phone).endswith("/thanks"), phone.url
    expect(phone.locator(".survey-card--thanks")).to_be_visible()
    if swedish:
        expect(phone.locator("html")).to_have_attribute("lang", "sv")
    assert_accessible(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def _kiosk_answer(kiosk: Page, keys: list[str]) -> None:
    form, thanks = kiosk.locator("#kiosk-form"), kiosk.locator("#kiosk-thanks")
    expect(form).to_be_visible()
    for key in keys:
        kiosk.keyboard.press(key)
    expect(thanks).to_be_visible()
    expect(form).to_be_hidden()
    assert_accessible(kiosk)
    # It resets itself, and the focus is back on the first face for the next customer.
    expect(form).to_be_visible(timeout=KIOSK_RESET_MS)
    expect(thanks).to_be_hidden()
    expect(kiosk.locator("#kiosk-score-1")).to_be_focused()


def test_survey_journey(new_context: Callable[..., BrowserContext]) -> None:
    owner = new_context(viewport=DESKTOP).new_page()
    sign_in(owner, EMPLOYEE_EMAIL)
    experiment_url = _new_experiment_with_measure(owner)

    # The survey panel offers a survey for each measure (it is loaded with the page).
    visit(owner, experiment_url)
    _panel_ready(owner)
    new_survey = owner.locator("#surveys-panel a[href*='/surveys/new?measure=']")
    expect(new_survey).to_have_count(1)
    assert_accessible(owner)
    with owner.expect_navigation():
        new_survey.click()
    assert_accessible(owner)
    expect(owner.locator("#f-question_fi")).to_have_value(
        "Miten onnistuimme palvelemaan sinua tänään?"
    )
    with owner.expect_navigation():
        owner.click("main form button[type=submit]")
    assert path_of(owner) == experiment_url
    _panel_ready(owner)
    _period(owner, "open_before")
    expect(owner.locator("#surveys-panel [data-open-period=before]")).to_be_visible()

    # The QR poster: the question, the city's name and the QR code; printing shows the poster only.
    poster_url = owner.locator(".survey-poster-link").get_attribute("href") or ""
    visit(owner, poster_url)
    expect(owner.locator(".poster__org")).to_have_text("Varkauden kaupunki")
    expect(owner.locator(".poster__question").first).to_have_text(
        "Miten onnistuimme palvelemaan sinua tänään?"
    )
    expect(owner.locator(".poster__qr svg.qr-code")).to_be_visible()
    owner.emulate_media(media="print")
    expect(owner.locator("#poster-tools")).to_be_hidden()
    expect(owner.locator(".public-survey__header")).to_be_hidden()
    expect(owner.locator("#poster")).to_be_visible()
    qr_width = owner.locator(".poster__qr").evaluate(
        "element => element.getBoundingClientRect().width"
    )
    assert 400 < qr_width < 500, (
        f"the A4 QR code should be 120 mm (~454 px) in print, got {qr_width}"
    )
    owner.emulate_media(media="screen")
    expect(owner.locator("#poster-tools")).to_be_visible()
    visit(owner, experiment_url)
    _panel_ready(owner)

    public_url = owner.locator(".survey-public-link").get_attribute("href") or ""
    kiosk_url = owner.locator(".survey-kiosk-link").get_attribute("href") or ""
    assert public_url.startswith("/s/") and kiosk_url.startswith("/k/")

    _answer_on_phone(new_context, public_url, 4, swedish=True)

    kiosk = new_context(viewport=TABLET).new_page()
    visit(kiosk, kiosk_url)
    kiosk.locator("#kiosk-score-1").focus()
    _kiosk_answer(kiosk, ["Tab", "Tab", "Enter"])  # the third face
    _kiosk_answer(kiosk, ["Tab", "Tab", "Tab", "Tab", "Enter"])  # the fifth face
    # The network drops: the answer waits in the tablet's queue and goes when it is back.
    kiosk.context.set_offline(True)
    _kiosk_answer(kiosk, ["4"])  # the number keys answer too
    expect(kiosk.locator("#kiosk-queue")).to_be_visible()
    expect(kiosk.locator("#kiosk-queue")).to_contain_text("1")
    kiosk.context.set_offline(False)
    expect(kiosk.locator("#kiosk-queue")).to_be_hidden(timeout=KIOSK_RESET_MS)
    queued = kiosk.evaluate(
        "() => JSON.parse(localStorage.getItem(document.getElementById('kiosk').dataset.queueKey) || '[]').length"
    )
    assert queued == 0, "every kiosk answer should have been sent"

    visit(owner, experiment_url)
    _panel_ready(owner)
    expect(owner.locator("#surveys-panel [data-period=before]")).to_have_attribute("data-n", "4")
    _period(owner, "open_after")
    for score in (5, 4):
        _answer_on_phone(new_context, public_url, score, swedish=False)
    visit(owner, experiment_url)
    _panel_ready(owner)
    _period(owner, "close")

    panel = owner.locator("#surveys-panel")
    expect(panel.locator("[data-period=before]")).to_have_attribute("data-n", "4")
    expect(panel.locator("[data-period=after]")).to_have_attribute("data-n", "2")
    expect(panel.locator(".survey-chart svg")).to_be_visible()
    expect(panel.locator("[data-verdict]")).to_have_attribute("data-verdict", "too_few")
    # The Swedish comment arrived with its phone number masked.
    expect(panel.locator(".survey-comments")).to_contain_text("Snabb och vänlig service.")
    expect(panel.locator(".survey-comments")).not_to_contain_text("040 765 4321")
    with owner.expect_navigation():
        panel.locator("form.survey-apply button[type=submit]").click()
    _panel_ready(owner)
    measure_row = owner.locator("#section-measures tbody tr").first
    expect(measure_row).to_contain_text("4")  # before: (4 + 3 + 5 + 4) / 4 = 4
    expect(measure_row).to_contain_text("4,5")  # after: (5 + 4) / 2

    if os.environ.get("KOKEILU_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        owner.locator("#section-surveys").screenshot(path=SCREENSHOTS / "surveys-panel-1280.png")


@pytest.mark.skipif(
    os.environ.get("KOKEILU_SCREENSHOTS") != "1",
    reason="screenshots are made with `make screenshots` (KOKEILU_SCREENSHOTS=1)",
)
def test_survey_screenshots(new_context: Callable[..., BrowserContext]) -> None:
    """The demo callback survey (3.1 -> 4.2) on the experiment page, its poster, the public page
    on a phone and the kiosk, in Finnish."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    owner = new_context(viewport=DESKTOP).new_page()
    sign_in(owner, "kirsi.asikainen@varkaus.example")  # the demo callback experiment's owner
    visit(owner, "/experiments?q=Takaisinsoitto")
    with owner.expect_navigation():
        owner.locator(
            "main a[href^='/experiments/']",
            has_text="Takaisinsoitto aamun ruuhkatunneille – Terveysasema",
        ).first.click()
    _panel_ready(owner)
    owner.locator("#section-surveys").screenshot(path=SCREENSHOTS / "surveys-results-1280.png")
    visit(owner, owner.locator(".survey-poster-link").first.get_attribute("href") or "")
    owner.screenshot(path=SCREENSHOTS / "surveys-poster-1280.png", full_page=True)
    owner = new_context(viewport=DESKTOP).new_page()
    sign_in(owner, "kaisa.hamalainen@varkaus.example")  # owner of the open demo survey
    visit(owner, "/experiments?q=Huoneentaulu")
    with owner.expect_navigation():
        owner.locator(
            "main a[href^='/experiments/']",
            has_text="Huoneentaulu asiakaskohtaamisesta – Suun terveydenhuolto",
        ).first.click()
    _panel_ready(owner)
    public_url = owner.locator(".survey-public-link").first.get_attribute("href") or ""
    kiosk_url = owner.locator(".survey-kiosk-link").first.get_attribute("href") or ""
    phone = new_context(viewport=PHONE).new_page()
    visit(phone, public_url)
    phone.screenshot(path=SCREENSHOTS / "surveys-answer-390.png", full_page=True)
    kiosk = new_context(viewport=TABLET).new_page()
    visit(kiosk, kiosk_url)
    kiosk.screenshot(path=SCREENSHOTS / "surveys-kiosk-1024.png")
