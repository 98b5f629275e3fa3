"""Every htmx control, for every role: sign in as the demo employee, workshop lead, HR director
and admin; open the person's own experiment (with measures and cycles) in view mode and every
edit mode, someone else's experiment, every page of the main navigation and one page of each
kind linked from those (two links deep, a bounded number of kinds); set off each distinct
hx-get/hx-post control there and in what it swaps in (tests/e2e/htmx_sweep.py). Any htmx error
event (a missing target, an error answer, a failed swap or send) or console error fails the
test, naming the page and the control.

The experiments and the cohort the sweep edits are made for it (tests/e2e/sweep_setup.py), so
saving their forms as they are changes nothing another test relies on. Accessibility is checked
by the journeys, not here, to keep the sweep within half a minute or so per role.

Also here: the measure and cycle steps of plan-do-check-act without JavaScript."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, expect

from tests.e2e.accessibility import assert_accessible, visit
from tests.e2e.actions import sign_in
from tests.e2e.htmx_sweep import Sweep, page_pattern
from tests.e2e.sweep_setup import ROLES, create_sweep_experiments

pytestmark = pytest.mark.e2e

# Pages linked from the navigation's pages (and from those), at most this many kinds per role.
LINKED_PAGES = 20
LINK_DEPTH = 2
# Not pages to sweep: files and downloads, and signing out.
SKIPPED = ("/static/", "/sign-out", "/export", ".csv", ".xlsx", ".pdf", "/download")
EDIT_MODES = ("basics", "description", "measure-{measure}", "measure-new", "cycle-{cycle}")
EDIT_MODES += ("result", "people")


@pytest.fixture(scope="module")
def sweep_experiments(live_server: str) -> dict[str, int]:
    """{email: id} of one fresh experiment per role, "pdca": one more of the employee's,
    "cohort": the cohort they are in; made once for the module."""
    return create_sweep_experiments()


def _edit_modes(sweep: Sweep, experiment: int) -> list[str]:
    ids = sweep.page.evaluate(
        """() => ({
          measure: (document.querySelector("tr[id^=measure-]") || {id: "measure-0"}).id.slice(8),
          cycle: (document.querySelector("li[id^=cycle-]") || {id: "cycle-0"}).id.slice(6),
        })"""
    )
    return [f"/experiments/{experiment}?edit={mode.format(**ids)}" for mode in EDIT_MODES]


@pytest.mark.parametrize("role", list(ROLES))
def test_every_htmx_control_works(
    role: str,
    new_context: Callable[..., BrowserContext],
    sweep_experiments: dict[str, int],
) -> None:
    started = time.monotonic()
    email = ROLES[role]
    page = new_context().new_page()
    sign_in(page, email)
    # What was used when is printed; pytest shows it when the test fails.
    sweep = Sweep(page, log=lambda line: print(f"{time.monotonic() - started:6.1f} {line}"))
    own = sweep_experiments[email]
    others = [sweep_experiments[other] for other in ROLES.values() if other != email]

    # The person's own experiment first, in view mode and in every edit mode.
    sweep.sweep_page(f"/experiments/{own}")
    for path in _edit_modes(sweep, own):
        sweep.sweep_page(path)
    sweep.sweep_page(f"/experiments/{others[0]}")  # someone else's: comments, kudos

    # The pages of the navigation, and one page of each kind linked from them (and from those).
    done = {page_pattern(f"/experiments/{own}")}
    queue = deque((path, 0) for path in sweep.links("/", "nav.site-nav"))
    if role in ("workshop_lead", "admin"):
        # The sweep's own cohort first, so that its pages stand for each kind of cohort page
        # and the review forms used are of the sweep's experiments, not the demo's.
        queue.appendleft((f"/cohorts/{sweep_experiments['cohort']}", 0))
    linked = 0
    while queue:
        path, depth = queue.popleft()
        if page_pattern(path) in done or any(part in path for part in SKIPPED):
            continue
        if depth > 0:
            if linked >= LINKED_PAGES:
                continue
            linked += 1
        done.add(page_pattern(path))
        found = sweep.sweep_page(path, "main" if depth < LINK_DEPTH else "")
        queue.extend((link, depth + 1) for link in found)

    assert not sweep.problems, f"htmx problems for the {role}:\n" + "\n".join(sweep.problems)
    assert sweep.used, "the sweep found no htmx control at all"


def _submit(page, form: str) -> None:
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")
    assert_accessible(page)


def test_measure_result_and_adapt_without_javascript(
    new_context: Callable[..., BrowserContext], sweep_experiments: dict[str, int]
) -> None:
    """Without JavaScript the same Edit buttons are links to the page in edit mode: enter a
    measure's result, decide "adapt" (which opens cycle 2 from the act notes), decide "adopt",
    and find that decision already chosen as the experiment's."""
    page = new_context(java_script_enabled=False).new_page()
    sign_in(page, ROLES["employee"])
    experiment = sweep_experiments["pdca"]
    visit(page, f"/experiments/{experiment}")
    with page.expect_navigation():
        page.click("#section-measures tbody tr a[href*='edit=measure-']")
    assert page.url.endswith("#measure-form")
    page.fill("#m-result", "12,5")
    _submit(page, "#section-measures form[action*='/measures/']")
    expect(page.locator("#section-measures tbody td strong")).to_have_text("12,5")

    with page.expect_navigation():
        page.click("#section-cycles .cycle a[href*='edit=cycle-']")
    page.fill("#c-act_notes", "Ohje myös ruotsiksi.")
    page.select_option("#c-decision", "adapt")
    _submit(page, "#section-cycles form[action*='/cycles/']")
    expect(page.locator(".cycle")).to_have_count(2)
    expect(page.locator("#c-plan_notes")).to_have_value("Ohje myös ruotsiksi.")
    page.select_option("#c-decision", "adopt")
    _submit(page, "#section-cycles form[action*='/cycles/']")
    expect(page.locator("#section-cycles form[action*='/cycles/']")).to_have_count(0)

    with page.expect_navigation():
        page.click("#section-result a[href*='edit=result']")
    expect(page.locator("#f-decision")).to_have_value("adopt")
    assert_accessible(page)
