"""The whole workshop lead's journey of issue 5 as one story in a real browser, with axe on
every page: the lead creates a cohort with three workshop days and adds a department's people;
two participants create experiments in it and one moves hers out of draft; the lead finds her
experiment on day 2 in workshop-day mode and reviews and celebrates it with the keyboard only,
then prints the day pack; a colleague thanks her; she sees the notification and answers the
reflection questions for day 2. Everyone has a browser context of their own."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from app.demo.content import EMPLOYEE_EMAIL, LEAD_EMAIL, email_for
from app.reflections.access import today
from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import PHONE, path_of, sign_in
from tests.e2e.workshop_steps import (
    add_department,
    add_workshop_day,
    create_experiment_in_cohort,
    submit,
    tab_to,
    unread_in_header,
)

pytestmark = pytest.mark.e2e

COHORT_PAGE = re.compile(r"/cohorts/(\d+)$")
COHORT_NAME = "Kotihoidon kevään valmennus E2E"
DEPARTMENT = "Kotihoito"  # Tiina Räsänen's (tyontekija@varkaus.example) department in app/demo
# Another home-care worker in the demo city: her name sorts before Tiina Räsänen's, so in
# workshop-day mode her experiment comes first and the lead steps on to Tiina's.
OTHER_PARTICIPANT = email_for("Eija Pirinen")
COLLEAGUE = email_for("Ville Turunen")  # a youth worker: not in the cohort, sees shared work
TITLE = "Asiakkaan käyntiaika tekstiviestillä E2E"
OTHER_TITLE = "Lääkelistan tarkistus kotikäynnillä E2E"
NOTE = "Selkeä ongelma! Mitatkaa, moniko asiakas vastaa viestiin."
CELEBRATION = "Rohkea kokeilu, joka lähti asiakkaan arjesta."
KUDOS = "Kiitos! Kokeilemme samaa kotihoidon toisessa tiimissä."
REFLECTION = "Asiakkaan oma ääni kuuluu, kun kysymme häneltä ennen kuin päätämme."


def _days() -> list[tuple[date, str, str]]:
    """Day 1 two weeks ago, day 2 yesterday, day 3 in two weeks (in Helsinki time)."""
    now = today()
    return [
        (now - timedelta(days=14), "Kaupungintalo", "- Avaus\n- Asiakkaan ongelma"),
        (now - timedelta(days=1), "Kommila", "- Kokeilut esiin\n- Palaute"),
        (now + timedelta(days=14), "Kaupungintalo", "- Tulokset\n- Juhlitaan"),
    ]


def _lead_sets_up_the_cohort(lead: Page) -> str:
    """Create the cohort with its days and the department's people; return its page."""
    visit(lead, "/cohorts")
    with lead.expect_navigation():
        lead.click("a[href='/cohorts/new']")
    assert_accessible(lead)
    lead.fill("#f-name", COHORT_NAME)
    lead.fill("#f-description", "Kolme työpajapäivää, yksi **kokeilu** kullekin.")
    submit(lead, "main form[action='/cohorts/new']")
    assert COHORT_PAGE.fullmatch(path_of(lead)), lead.url
    cohort_url = path_of(lead)
    for day, place, agenda in _days():
        add_workshop_day(lead, cohort_url, day.isoformat(), place, agenda)
    expect(lead.locator(".workshop-day")).to_have_count(3)
    count = add_department(lead, DEPARTMENT)
    assert count >= 2, "the home care department should have several people"
    expect(lead.locator("#participants tbody tr")).to_have_count(count)
    expect(lead.locator("#participants tbody")).to_contain_text("Tiina Räsänen")
    return cohort_url


def _participant_shares_an_experiment(page: Page, cohort_id: str) -> str:
    """Create the experiment (a draft) and move it to "planned", so that colleagues see it."""
    experiment = create_experiment_in_cohort(
        page, cohort_id, TITLE, "Asiakas ei tiedä, milloin hoitaja tulee käymään."
    )
    expect(page.locator(".status-badge--draft")).to_be_visible()
    submit(page, "#section-status form:has(input[name=status][value=planned])")
    assert path_of(page) == experiment, page.url
    expect(page.locator(".status-badge--planned")).to_be_visible()
    return experiment


def _lead_reviews_on_day_two(lead: Page, cohort_url: str, experiments: int) -> str:
    """The board, then workshop-day mode for day 2, keyboard only: step to the participant's
    experiment, write the note, mark it reviewed and celebrated, save. Returns day 2's id."""
    visit(lead, cohort_url)
    with lead.expect_navigation():
        lead.click(f"main a[href='{cohort_url}/board']")
    assert_accessible(lead)
    expect(lead.locator(".review-card")).to_have_count(experiments)
    expect(lead.locator(".review-card", has_text=TITLE)).to_be_visible()
    present = lead.locator(".review-day").nth(1).locator("a[href$='/present']")
    day_two = re.search(r"/days/(\d+)/present$", present.get_attribute("href")).group(1)
    with lead.expect_navigation():
        present.click()
    assert_accessible(lead)
    expect(lead.locator(".present__progress")).to_contain_text(f"1 / {experiments}")
    expect(lead.locator("#slide-title")).to_have_text(OTHER_TITLE)
    for key in ("ArrowRight", "N"):  # either key goes on; stop at the participant's experiment
        if lead.locator("#slide-title").inner_text() == TITLE:
            break
        with lead.expect_navigation():
            lead.keyboard.press(key)
        assert_accessible(lead)
    expect(lead.locator("#slide-title")).to_have_text(TITLE)
    expect(lead.locator(".present__progress")).to_contain_text(f"2 / {experiments}")
    slide_url = lead.url

    tab_to(lead, "r-notes")
    lead.keyboard.type(NOTE)
    tab_to(lead, "r-reviewed")
    lead.keyboard.press("Space")
    tab_to(lead, "r-celebrate")
    lead.keyboard.press("Space")
    tab_to(lead, "r-celebration_note")
    lead.keyboard.type(CELEBRATION)
    lead.keyboard.press("Tab")  # the save button
    lead.keyboard.press("Enter")
    expect(lead.locator("#review-form .notice--success")).to_be_visible()
    assert lead.url == slide_url, "saving should keep the lead on the same slide"
    expect(lead.locator("#slide-title")).to_have_text(TITLE)
    expect(lead.locator("#r-reviewed")).to_be_checked()
    expect(lead.locator("#r-celebrate")).to_be_checked()
    expect(lead.locator("#r-notes")).to_have_value(NOTE)
    assert_accessible(lead)

    # Saved for real: a fresh load shows it, and the cohort's celebration wall has it.
    visit(lead, slide_url)
    expect(lead.locator("#r-reviewed")).to_be_checked()
    visit(lead, f"{cohort_url}/celebrations")
    expect(lead.locator(".celebration__title")).to_have_text([TITLE])
    expect(lead.locator(".celebration__note")).to_contain_text(CELEBRATION)
    return day_two


def _lead_prints_the_day_pack(lead: Page, cohort_url: str, experiments: int) -> None:
    visit(lead, f"{cohort_url}/board")
    with lead.expect_navigation():
        lead.locator(".review-day").nth(1).locator("a[href$='/pack']").click()
    assert_accessible(lead)
    expect(lead.locator(".pack__experiment")).to_have_count(experiments)
    expect(lead.locator(".pack__experiment", has_text=TITLE)).to_contain_text(NOTE)
    expect(lead.locator(".site-nav")).to_be_visible()
    lead.emulate_media(media="print")
    expect(lead.locator(".site-nav")).to_be_hidden()
    expect(lead.locator(".site-header")).to_be_hidden()
    expect(lead.locator(".pack__experiment", has_text=TITLE)).to_be_visible()
    lead.emulate_media(media="screen")


def _colleague_thanks(colleague: Page, experiment: str) -> None:
    sign_in(colleague, COLLEAGUE)
    visit(colleague, experiment)
    expect(colleague.locator("h1")).to_have_text(TITLE)
    colleague.click("#kudos details summary")
    colleague.fill("#k-message", KUDOS)
    colleague.click("#kudos form button[type=submit]")
    expect(colleague.locator("#kudos .kudos__item")).to_have_count(1)
    expect(colleague.locator("#kudos .kudos__item")).to_contain_text(KUDOS)
    assert_accessible(colleague)


def _owner_reads_the_notification(owner: Page, experiment: str) -> None:
    sign_in(owner, EMPLOYEE_EMAIL)
    assert unread_in_header(owner) >= 1, "the kudos should be unread in the header"
    with owner.expect_navigation():
        owner.click(".site-nav a[href='/notifications']")
    assert_accessible(owner)
    newest = owner.locator(".notification").first
    expect(newest).to_have_class(re.compile("notification--unread"))
    link = newest.locator(f".notification__text a[href='{experiment}#kudos']")
    expect(link).to_contain_text(TITLE)
    expect(link).to_contain_text("Ville Turunen")
    with owner.expect_navigation():
        link.click()
    assert path_of(owner) == experiment
    assert_accessible(owner)
    expect(owner.locator("#kudos .kudos__item")).to_contain_text(KUDOS)


def _owner_reflects_on_day_two(owner: Page, cohort_url: str, day_two: str) -> None:
    visit(owner, f"{cohort_url}/reflections/mine")
    # Days 1 and 2 are over and open for answers; day 3 is still to come.
    open_days = owner.locator(f"main a[href^='{cohort_url}/days/'][href$='/reflection']")
    expect(open_days).to_have_count(2)
    answer_url = f"{cohort_url}/days/{day_two}/reflection"
    with owner.expect_navigation():
        owner.click(f"main a[href='{answer_url}']")
    assert_accessible(owner)
    boxes = owner.locator("main form textarea")
    expect(boxes).to_have_count(6)  # the six default questions
    boxes.nth(0).fill(REFLECTION)
    boxes.nth(4).fill("Kotihoidon tiimipalaverissa ensi viikolla.")
    submit(owner, f"main form[action='{answer_url}']")
    assert path_of(owner) == f"{cohort_url}/reflections/mine", owner.url
    expect(owner.locator(".notice--success")).to_be_visible()
    expect(owner.locator("main")).to_contain_text(REFLECTION)


def test_workshop_lead_journey_from_cohort_to_reflection(
    new_context: Callable[..., BrowserContext],
) -> None:
    lead = new_context().new_page()
    sign_in(lead, LEAD_EMAIL)
    cohort_url = _lead_sets_up_the_cohort(lead)
    cohort_id = cohort_url.rsplit("/", 1)[1]

    other = new_context().new_page()
    sign_in(other, OTHER_PARTICIPANT)
    create_experiment_in_cohort(other, cohort_id, OTHER_TITLE, "Lääkelista on usein vanha.")

    owner = new_context(viewport=PHONE).new_page()
    sign_in(owner, EMPLOYEE_EMAIL)
    experiment = _participant_shares_an_experiment(owner, cohort_id)

    day_two = _lead_reviews_on_day_two(lead, cohort_url, experiments=2)
    _lead_prints_the_day_pack(lead, cohort_url, experiments=2)

    _colleague_thanks(new_context().new_page(), experiment)

    reader = new_context(viewport=PHONE).new_page()  # the owner again, signing in afresh
    _owner_reads_the_notification(reader, experiment)
    _owner_reflects_on_day_two(reader, cohort_url, day_two)
