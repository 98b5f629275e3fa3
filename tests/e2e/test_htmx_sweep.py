"""Every htmx control, for every role: sign in as the demo employee, workshop lead, HR director
and admin; open every page of the main navigation and one page of each kind linked from those,
the person's own experiment (with measures and cycles) in every edit mode, and another
person's; set off each distinct hx-get/hx-post control there and in what it swaps in. Any htmx
error event (a missing target, an error answer, a failed swap or send) or console error fails
the test, naming the page and the control.

The experiments the sweep edits are made for it (tests/e2e/sweep_setup.py), so saving their
forms as they are changes nothing another test relies on. Accessibility is checked by the
journeys, not here, to keep the sweep within a minute or so per role."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext

from tests.e2e.actions import sign_in
from tests.e2e.conftest import LIVE_SERVER_ENV
from tests.e2e.htmx_sweep import Sweep, page_pattern
from tests.e2e.sweep_setup import ROLES, create_sweep_experiments

pytestmark = pytest.mark.e2e

# Pages one link away from the navigation, at most this many kinds per role.
LINKED_PAGES = 12
# Not pages to sweep: files, signing out, and the pages of the sweep's own experiments
# (visited on purpose below).
SKIPPED = ("/static/", "/sign-out", "/export", ".csv", ".xlsx", ".pdf", "/download")
EDIT_MODES = ("basics", "description", "measure-{measure}", "measure-new", "cycle-{cycle}")
EDIT_MODES += ("result", "people")
SECONDS_PER_ROLE = 120

_experiments: dict[str, int] = {}


@pytest.fixture
def sweep_experiments(live_server: str) -> dict[str, int]:
    """{email: id} of one fresh experiment per role, made once for the module."""
    if not _experiments:
        _experiments.update(create_sweep_experiments(LIVE_SERVER_ENV))
    return _experiments


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
    sweep = Sweep(page, page.url, log=print)
    own = sweep_experiments[email]
    others = [id_ for other, id_ in sweep_experiments.items() if other != email]

    # The person's own experiment first, in view mode and in every edit mode.
    sweep.sweep_page(f"/experiments/{own}")
    for path in _edit_modes(sweep, own):
        sweep.sweep_page(path)
    sweep.sweep_page(f"/experiments/{others[0]}")  # someone else's: comments, kudos

    done = {page_pattern(f"/experiments/{own}"), "/"}
    navigation = sweep.sweep_page("/", "nav.site-nav")
    linked: list[str] = []
    for path in navigation:
        if page_pattern(path) in done or any(part in path for part in SKIPPED):
            continue
        done.add(page_pattern(path))
        linked += sweep.sweep_page(path, "main")
    kinds = 0
    for path in linked:
        if kinds >= LINKED_PAGES:
            break
        if page_pattern(path) in done or any(part in path for part in SKIPPED):
            continue
        done.add(page_pattern(path))
        kinds += 1
        sweep.sweep_page(path)

    assert not sweep.problems, f"htmx problems for the {role}:\n" + "\n".join(sweep.problems)
    assert sweep.used, "the sweep found no htmx control at all"
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS_PER_ROLE, f"the sweep took {elapsed:.0f} s for the {role}"
