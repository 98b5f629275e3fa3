"""What the browse filter form (templates/experiments/_browse_filters.html) offers: shared by
the browse page and the learning library."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape

from app.accounts import service as accounts
from app.cohorts import picker as cohort_picker
from app.experiments import service
from app.organisation import service as organisation


async def basic_choices() -> dict[str, Any]:
    """Themes, departments and customer groups (also what the basics form chooses from)."""
    return {
        "theme_choices": await service.current_themes(),
        "department_choices": await organisation.active_choices(),
        "customer_group_choices": await service.customer_groups(),
    }


async def browse_filter_choices() -> dict[str, Any]:
    return {
        **await basic_choices(),
        "people_choices": await accounts.active_people(),
        "cohort_filter_choices": await cohort_picker.all_cohorts(),
    }


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
