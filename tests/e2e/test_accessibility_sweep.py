"""axe (WCAG 2.1 AA and best practices) on the pages with the most content, in every state, at
phone and desktop widths: an experiment with measures, cycles, survey results, comments and
kudos, as its owner in each edit mode (with its surveys page and the owner's profile) and as a
reader; library search results with filters; the rollup with data; a cohort's review board,
workshop-day mode and day pack. The journeys check the pages they pass through; this sweep
checks the full ones, so that a table that scrolls on a phone or a section that only rich data
shows is checked too. Every page is checked and all problems are reported together."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from app.demo.content import HR_EMAIL, LEAD_EMAIL
from tests.e2e.accessibility import accessibility_violations, assert_accessible, visit
from tests.e2e.actions import DESKTOP, PHONE, sign_in
from tests.e2e.sweep_targets import find_sweep_targets

pytestmark = pytest.mark.e2e

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module")
def targets(live_server: str) -> dict[str, Any]:
    return find_sweep_targets()


def _experiment_pages(experiment: dict[str, Any]) -> list[str]:
    page = f"/experiments/{experiment['id']}"
    modes = [
        "basics",
        "status",
        "description",
        f"measure-{experiment['measure']}",
        "measure-new",
        f"cycle-{experiment['cycle']}",
        "result",
        "people",
    ]
    return [page, *(f"{page}?edit={mode}" for mode in modes)]


def _sweep(page: Page, paths: list[str]) -> list[str]:
    """Open each page (it must answer 200) and collect what axe and the id check find."""
    problems = []
    for path in paths:
        response = page.goto(path)
        assert response is not None and response.status == 200, f"{path}: {response}"
        try:
            assert_accessible(page)
        except AssertionError as error:
            problems.append(str(error))
    return problems


def _assert_none(problems: list[str]) -> None:
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("width", VIEWPORTS)
def test_rich_experiment_page_in_every_edit_mode(
    new_context: Callable[..., BrowserContext], targets: dict[str, Any], width: str
) -> None:
    experiment = targets["experiment"]
    owner = new_context(viewport=VIEWPORTS[width]).new_page()
    sign_in(owner, experiment["owner_email"])
    surveys = f"/experiments/{experiment['id']}/surveys"
    problems = _sweep(
        owner,
        [
            *_experiment_pages(experiment),
            surveys,
            f"{surveys}/{experiment['survey']}/edit",
            f"/people/{experiment['owner']}",
        ],
    )
    # The owner's page has the survey panel with its results; the add-measure form opened.
    owner.goto(f"/experiments/{experiment['id']}")
    owner.locator("details.add-measure > summary").click()
    try:
        assert_accessible(owner)
    except AssertionError as error:
        problems.append(str(error))
    # A colleague reads it: the comment form and the thanks button instead of edit links.
    reader = new_context(viewport=VIEWPORTS[width]).new_page()
    sign_in(reader, LEAD_EMAIL)
    problems += _sweep(reader, [f"/experiments/{experiment['id']}"])
    _assert_none(problems)


@pytest.mark.parametrize("width", VIEWPORTS)
def test_library_rollup_and_lead_pages_with_data(
    new_context: Callable[..., BrowserContext], targets: dict[str, Any], width: str
) -> None:
    cohort, days = targets["cohort"]["id"], targets["cohort"]["days"]
    lead = new_context(viewport=VIEWPORTS[width]).new_page()
    sign_in(lead, LEAD_EMAIL)
    problems = _sweep(
        lead,
        [
            "/library?q=asiakas",
            "/library?q=asiakas&status=completed&sort=relevance",
            "/library?sort=kudos&page=2",
            "/library?q=asiakas&created_to=garbage",  # the notice of a filter left out
            f"/cohorts/{cohort}/board",
            f"/cohorts/{cohort}/days/{days[0]}/present",
            f"/cohorts/{cohort}/days/{days[0]}/present?i=2",
            f"/cohorts/{cohort}/days/{days[0]}/pack",
            f"/cohorts/{cohort}/days/{days[0]}/pack?show=all",
            f"/cohorts/{cohort}/celebrations",
        ],
    )
    hr = new_context(viewport=VIEWPORTS[width]).new_page()
    sign_in(hr, HR_EMAIL)
    problems += _sweep(hr, ["/rollup", "/rollup/print", "/rollup?start=0001-01-01"])
    _assert_none(problems)


def test_the_sweep_finds_a_scrolling_region_without_keyboard_access(
    new_context: Callable[..., BrowserContext],
) -> None:
    """The sweep's axe run includes the best-practice and keyboard rules: a scrolling box
    that the keyboard cannot reach is reported."""
    page = new_context(viewport=PHONE).new_page()
    page.goto("/sign-in")
    page.evaluate(
        """() => {
          // Styles through the CSSOM: the page's CSP refuses inline style attributes.
          const box = document.createElement("div");
          box.style.cssText = "overflow:auto;width:100px;height:50px";
          const text = document.createElement("p");
          text.style.width = "600px";
          text.textContent = "wide text ".repeat(40);
          box.append(text);
          document.querySelector("main").append(box);
        }"""
    )
    found = {violation["id"] for violation in accessibility_violations(page)}
    assert "scrollable-region-focusable" in found


def test_day_pack_choice_works_without_javascript(
    new_context: Callable[..., BrowserContext], targets: dict[str, Any]
) -> None:
    """The lead switches the day pack from the day's presenters to every experiment with the
    plain GET form: no script needed, and the page says how many it lists."""
    cohort, last_day = targets["cohort"]["id"], targets["cohort"]["days"][-1]
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    sign_in(page, LEAD_EMAIL)
    visit(page, f"/cohorts/{cohort}/days/{last_day}/pack")
    expect(page.locator("#pack-show-day")).to_be_checked()
    presenters = page.locator(".pack__experiment").count()
    everyone = int(re.sub(r"\D", "", page.locator("label[for=pack-show-all]").inner_text()))
    assert presenters < everyone, "the demo's last day should leave out closed experiments"
    page.check("#pack-show-all")
    with page.expect_navigation():
        page.click(".pack__choice button[type=submit]")
    assert page.url.endswith(f"/cohorts/{cohort}/days/{last_day}/pack?show=all")
    expect(page.locator("#pack-show-all")).to_be_checked()
    expect(page.locator(".pack__experiment")).to_have_count(everyone)
    expect(page.locator(".pack__count")).to_contain_text(str(everyone))
    assert_accessible(page)
