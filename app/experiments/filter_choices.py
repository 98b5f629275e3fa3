"""What the browse filter form (templates/experiments/_browse_filters.html) offers: shared by
the browse page and the learning library.

The lists (themes, departments, customer groups, every active person, cohorts) are the same
for everyone and change seldom, while every browse and library page shows them: each worker
keeps the last lists and reuses them while a version read on every request is unchanged, as
the rollup's cache does (app/rollups/cache.py). Every write of the app is audited (the
newest audit entry); row counts and the newest `updated_at` catch writes that bypass the
audit log (bulk loads, `kokeilu create-user`)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from app.accounts import service as accounts
from app.cohorts import picker as cohort_picker
from app.experiments import service
from app.experiments.tables import Experiment
from app.organisation import service as organisation


async def basic_choices() -> dict[str, Any]:
    """Themes, departments and customer groups (also what the basics form chooses from)."""
    return {
        "theme_choices": await service.current_themes(),
        "department_choices": await organisation.active_choices(),
        "customer_group_choices": await service.customer_groups(),
    }


CHOICES_VERSION_SQL = """
    SELECT (SELECT MAX(id) FROM audit_log) AS audit,
           (SELECT COUNT(*) FROM account) AS people,
           (SELECT MAX(updated_at) FROM account) AS people_updated,
           (SELECT COUNT(*) FROM department) AS departments,
           (SELECT MAX(updated_at) FROM department) AS departments_updated,
           (SELECT COUNT(*) FROM theme) AS themes,
           (SELECT MAX(updated_at) FROM theme) AS themes_updated,
           (SELECT MAX(updated_at) FROM strategy) AS strategies_updated,
           (SELECT COUNT(*) FROM customer_group) AS groups,
           (SELECT MAX(updated_at) FROM customer_group) AS groups_updated,
           (SELECT COUNT(*) FROM cohort) AS cohorts,
           (SELECT MAX(updated_at) FROM cohort) AS cohorts_updated
"""

_last: tuple[tuple[str, ...], dict[str, Any]] | None = None


async def browse_filter_choices() -> dict[str, Any]:
    """The filter form's lists: shared between requests, so read them, never change them."""
    global _last
    row = (await Experiment.raw(CHOICES_VERSION_SQL))[0]
    version = tuple(str(value) for value in row.values())
    if _last is not None and _last[0] == version:
        return _last[1]
    choices = {
        **await basic_choices(),
        "people_choices": await accounts.active_people(),
        "cohort_filter_choices": await cohort_picker.all_cohorts(),
    }
    _last = (version, choices)
    return choices


def forget_choices() -> None:
    global _last
    _last = None


def person_options(people: list[dict[str, Any]], selected: int | None) -> Markup:
    """The person filter's <option>s, the chosen one selected. A city has thousands of
    people: the template's loop over them took ~35 ms of every browse and library page;
    joined here once for a given list of people, it is a dictionary lookup."""
    html = _options(tuple((int(person["id"]), person["name"]) for person in people))
    if selected is None:
        return html
    chosen = f'<option value="{int(selected)}">'
    return Markup(str(html).replace(chosen, f'<option value="{int(selected)}" selected>', 1))  # noqa: S704


@lru_cache(maxsize=8)
def _options(people: tuple[tuple[int, str], ...]) -> Markup:
    options = [f'<option value="{id_}">{escape(name)}</option>' for id_, name in people]
    return Markup("".join(options))  # noqa: S704 - ids are ints, names are escaped
