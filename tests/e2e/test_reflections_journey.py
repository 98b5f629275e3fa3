"""Reflections and self-assessment in a real browser, with axe on every page: a participant
answers a workshop day's reflection questions, the lead reads the answers, a group rates the
statements with the keyboard, and the assessment page shows the ratings as a chart and a table.
Also the screenshots for docs/ (KOKEILU_SCREENSHOTS=1)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import DESKTOP, PHONE, path_of, sign_in
from tests.e2e.conftest import LIVE_SERVER_ENV, REPO_ROOT
from tests.e2e.server_setup import run_in_server_database

pytestmark = pytest.mark.e2e

LEAD_EMAIL = "valmentaja@varkaus.example"  # demo data
EMPLOYEE_EMAIL = "tyontekija@varkaus.example"
SCREENSHOTS = REPO_ROOT / "docs" / "screenshots"


def _make_cohort(name: str) -> dict:
    """A cohort with a past and a future day, written straight into the server's database."""
    return run_in_server_database("tests.e2e.reflections_setup", name, timeout=60)


@pytest.fixture(scope="module")
def cohort(live_server: str) -> dict:
    return _make_cohort("Pohdintojen testivalmennus")


def test_reflection_and_self_assessment_journey(
    new_context: Callable[..., BrowserContext], cohort: dict
) -> None:
    base = f"/cohorts/{cohort['cohort']}"
    participant = new_context(viewport=PHONE).new_page()
    sign_in(participant, EMPLOYEE_EMAIL)

    # The participant's reflection days: the past day is open, the future one not yet.
    visit(participant, f"{base}/reflections/mine")
    future = f"{base}/days/{cohort['future_day']}/reflection"
    visit(participant, future)
    expect(participant.locator("main form textarea")).to_have_count(0)

    answer_url = f"{base}/days/{cohort['past_day']}/reflection"
    visit(participant, f"{base}/reflections/mine")
    with participant.expect_navigation():
        participant.click(f"main a[href='{answer_url}']")
    assert_accessible(participant)
    boxes = participant.locator("main form textarea")
    expect(boxes).to_have_count(6)  # the six default questions
    boxes.nth(0).fill("Asiakkaan ongelma kannattaa kirjoittaa asiakkaan sanoin.")
    boxes.nth(4).fill("Tiimipalaverissa ensi tiistaina.")
    with participant.expect_navigation():
        participant.click(f"main form[action='{answer_url}'] button[type=submit]")
    assert path_of(participant) == f"{base}/reflections/mine"
    expect(participant.locator(".notice--success")).to_be_visible()
    expect(participant.locator("main")).to_contain_text("asiakkaan sanoin")
    assert_accessible(participant)

    # The group rates the statements on the day, with the keyboard only.
    rate_url = f"{base}/assessment/days/{cohort['past_day']}"
    visit(participant, rate_url)
    first, second = cohort["statements"]
    participant.focus(f"#f-rating_{first}-1")
    participant.keyboard.press("Space")
    for _ in range(3):
        participant.keyboard.press("ArrowRight")  # 1 -> 4
    expect(participant.locator(f"#f-rating_{first}-4")).to_be_checked()
    participant.keyboard.press("Tab")  # into the next statement's radio group
    participant.keyboard.press("Space")
    participant.keyboard.press("ArrowRight")
    participant.keyboard.press("ArrowRight")  # 1 -> 3
    expect(participant.locator(f"#f-rating_{second}-3")).to_be_checked()
    assert_accessible(participant)
    with participant.expect_navigation():
        participant.focus("main form.rating-form button[type=submit]")
        participant.keyboard.press("Enter")
    assert path_of(participant) == f"{base}/assessment", participant.locator("main").inner_text()
    assert_accessible(participant)
    table = participant.locator(f"#assessment-table-{cohort['department']}")
    expect(
        table.locator(f"tr[data-statement='{first}'] td[data-day='{cohort['past_day']}']")
    ).to_have_text("4")
    expect(
        table.locator(f"tr[data-statement='mean'] td[data-day='{cohort['past_day']}']")
    ).to_have_text("3,5")
    expect(participant.locator(".assessment-chart svg rect.chart__bar")).to_have_count(1)

    # The participant may not read everyone's answers.
    visit(participant, f"{base}/reflections", status=403)

    # The lead reads the day's answers, edits the questions and the statements.
    lead = new_context(viewport=DESKTOP).new_page()
    sign_in(lead, LEAD_EMAIL)
    visit(lead, f"{base}/reflections?day={cohort['past_day']}")
    expect(lead.locator("main")).to_contain_text("asiakkaan sanoin")
    expect(lead.locator("#respondents")).to_have_attribute("data-answered", "1")
    visit(lead, f"{base}/reflections/questions")
    lead.fill("#f-text_fi", "Mitä kokeilen ennen seuraavaa työpajaa?")
    with lead.expect_navigation():
        lead.click(f"main form[action='{base}/reflections/questions'] button[type=submit]")
    expect(lead.locator(".ordered-list__item")).to_have_count(7)
    assert_accessible(lead)
    visit(lead, f"{base}/assessment/statements")
    visit(lead, f"{base}/assessment")


@pytest.mark.skipif(
    os.environ.get("KOKEILU_SCREENSHOTS") != "1",
    reason="screenshots are made with `make screenshots` (KOKEILU_SCREENSHOTS=1)",
)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=lambda size: str(size["width"]))
def test_reflection_screenshots(
    new_context: Callable[..., BrowserContext], viewport: dict[str, int]
) -> None:
    data = _make_cohort(f"Asiakaskokemuksen valmennus {viewport['width']}")
    _fill_demo(data)
    base = f"/cohorts/{data['cohort']}"
    width = viewport["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def shoot(page, name: str) -> None:
        page.wait_for_load_state("networkidle")
        page.screenshot(path=Path(SCREENSHOTS) / f"reflections-{name}-{width}.png", full_page=True)

    participant = new_context(viewport=viewport).new_page()
    sign_in(participant, EMPLOYEE_EMAIL)
    visit(participant, f"{base}/days/{data['past_day']}/reflection")
    shoot(participant, "answer")
    visit(participant, f"{base}/assessment/days/{data['past_day']}")
    shoot(participant, "rate")
    lead = new_context(viewport=viewport).new_page()
    sign_in(lead, LEAD_EMAIL)
    visit(lead, f"{base}/reflections?day={data['past_day']}")
    shoot(lead, "answers")
    visit(lead, f"{base}/assessment")
    shoot(lead, "assessment")


def _fill_demo(data: dict) -> None:
    """Earlier days and the demo module's answers and ratings, for believable screenshots."""
    script = (
        "import asyncio, sys\n"
        "from datetime import timedelta\n"
        "from app.cohorts.tables import WorkshopDay\n"
        "from app.reflections.access import today\n"
        "from app.reflections.tables import AssessmentStatement\n"
        "from app.demo.reflections import load_reflections_demo\n"
        "async def main(cohort):\n"
        "    for weeks in (6, 3):\n"
        "        await WorkshopDay(cohort=cohort, day=today() - timedelta(weeks=weeks),"
        " place='Kaupungintalo').save()\n"
        "    await AssessmentStatement.delete().where(AssessmentStatement.cohort == cohort)\n"
        "    await load_reflections_demo()\n"
        "asyncio.run(main(int(sys.argv[1])))\n"
    )
    subprocess.run(  # noqa: S603 - our own script, no shell
        [sys.executable, "-c", script, str(data["cohort"])],
        cwd=REPO_ROOT,
        env=LIVE_SERVER_ENV,
        check=True,
        timeout=60,
    )
