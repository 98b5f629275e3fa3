"""What the browse filter form (templates/experiments/_browse_filters.html) offers: shared by
the browse page and the learning library."""

from __future__ import annotations

from typing import Any

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
