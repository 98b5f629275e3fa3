"""A workshop lead's set-up in a real browser: create a cohort, add three workshop days, add the
participants of a department (seeing how many first), find one more person with the search,
make a join link that a colleague joins with; then a participant creates an experiment in the
cohort (preselected), and the lead can read the draft. Every page is checked with axe."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from app.demo.content import EMPLOYEE_EMAIL, LEAD_EMAIL, email_for
from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import PHONE, path_of, sign_in
from tests.e2e.workshop_steps import (
    add_department,
    add_workshop_day,
    create_experiment_in_cohort,
    submit,
)

pytestmark = pytest.mark.e2e

COHORT_PAGE = re.compile(r"/cohorts/(\d+)$")
COHORT_NAME = "Syksyn asiakaspalveluvalmennus E2E"
DAYS = [
    ("2026-09-17", "Kaupungintalo", "- Avaus\n- Kokeilun suunnittelu"),
    ("2026-10-22", "Kommila", "- Väliesittelyt\n- Palaute pareittain"),
    ("2026-11-19", "Kaupungintalo", "- Tulokset ja opit\n- Juhlitaan"),
]


def _create_cohort(page: Page) -> str:
    visit(page, "/cohorts")
    with page.expect_navigation():
        page.click("a[href='/cohorts/new']")
    assert_accessible(page)
    # The lead is preselected as the cohort's lead.
    expect(page.locator("#f-leads input:checked")).to_have_count(1)
    page.fill("#f-name", COHORT_NAME)
    page.fill("#f-description", "Kolme **työpajapäivää**, yksi kokeilu kullekin.")
    page.click("button[hx-target='#f-description-preview']")
    expect(page.locator("#f-description-preview strong")).to_have_text("työpajapäivää")
    page.check("#f-themes-1")
    page.check("#f-themes-2")
    page.fill("#f-stale_after_days", "21")
    submit(page, "main form[action='/cohorts/new']")
    assert COHORT_PAGE.fullmatch(path_of(page)), page.url
    expect(page.locator("h1")).to_have_text(COHORT_NAME)
    return path_of(page)


def _add_days(page: Page, cohort_url: str) -> None:
    for day, place, agenda in DAYS:
        add_workshop_day(page, cohort_url, day, place, agenda)
    expect(page.locator(".workshop-day")).to_have_count(3)
    expect(page.locator(".workshop-day").nth(1)).to_contain_text("Palaute pareittain")


def _add_department(page: Page) -> None:
    count = add_department(page, "Kotihoito")
    assert count >= 3
    expect(page.locator("#participants tbody tr")).to_have_count(count)


def _add_one_by_search(page: Page) -> None:
    page.fill("#participant-q", "Sjöberg")  # htmx searches while typing
    add = page.locator("#participant-search form button")
    expect(add).to_have_count(1)
    assert_accessible(page)
    rows = page.locator("#participants tbody tr").count()
    with page.expect_navigation():
        add.click()
    assert_accessible(page)
    expect(page.locator("#participants tbody tr")).to_have_count(rows + 1)


def _join_link(page: Page) -> str:
    submit(page, "main form[action$='/join-links']")
    link = page.locator("#join-link").input_value()
    assert "/join/" in link
    with page.expect_navigation():
        page.click("main a[href$='#join-links']")
    assert_accessible(page)
    expect(page.locator("#join-links tbody tr")).to_have_count(1)
    assert link.rsplit("/", 1)[1] not in page.content()
    return "/join/" + link.rsplit("/join/", 1)[1]


def test_lead_sets_up_a_cohort_and_a_participant_creates_an_experiment_in_it(
    new_context: Callable[..., BrowserContext],
) -> None:
    lead = new_context().new_page()
    sign_in(lead, LEAD_EMAIL)
    cohort_url = _create_cohort(lead)
    _add_days(lead, cohort_url)
    _add_department(lead)
    _add_one_by_search(lead)
    join_path = _join_link(lead)
    visit(lead, f"{cohort_url}/edit")
    expect(lead.locator("#f-stale_after_days")).to_have_value("21")
    visit(lead, "/cohorts")
    expect(lead.locator(".cohort-card__title a", has_text=COHORT_NAME)).to_be_visible()

    # A colleague from another department joins with the link.
    colleague = new_context().new_page()
    sign_in(colleague, email_for("Leena Lyytikäinen"))
    visit(colleague, join_path)
    submit(colleague, f"main form[action='{join_path}']")
    assert path_of(colleague) == cohort_url
    expect(colleague.locator("#participants tbody")).to_contain_text("Leena Lyytikäinen")

    participant = new_context(viewport=PHONE).new_page()
    sign_in(participant, EMPLOYEE_EMAIL)
    visit(participant, "/experiments/mine")
    expect(participant.locator(f".my-cohorts a[href='{cohort_url}']")).to_be_visible()
    visit(participant, cohort_url)  # participants see their cohort
    assert participant.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    cohort_id = cohort_url.rsplit("/", 1)[1]
    experiment_url = create_experiment_in_cohort(
        participant,
        cohort_id,
        "Kotihoidon asiakkaan oma aikataulu E2E",
        "Asiakas ei tiedä, milloin hoitaja tulee.",
    )
    expect(participant.locator(f"#section-basics a[href='{cohort_url}']")).to_have_text(COHORT_NAME)

    # The lead reads the participant's draft, but has no edit buttons on it.
    visit(lead, experiment_url)
    expect(lead.locator("h1")).to_have_text("Kotihoidon asiakkaan oma aikataulu E2E")
    expect(lead.locator("a[href*='edit=basics']")).to_have_count(0)
    visit(lead, f"/experiments?cohort={cohort_id}")
    expect(lead.locator("#results .experiment-card")).to_have_count(1)
