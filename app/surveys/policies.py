"""Who may do what with customer feedback surveys (the rules live next to app/policies.py's)."""

from __future__ import annotations

from collections.abc import Collection

from app import policies
from app.policies import Actor


def can_manage_survey(user: Actor | None, experiment: dict, co_owner_ids: set[int]) -> bool:
    """Owners and co-owners create surveys, open and close periods, revoke links."""
    return policies.can_edit_experiment(user, experiment, co_owner_ids)


def can_read_survey_comments(
    user: Actor | None,
    experiment: dict,
    co_owner_ids: set[int],
    led_cohort_ids: Collection[int] = (),
) -> bool:
    """Customers' free comments are read by the experiment's owners, co-owners, the leads of its
    cohort and admins only."""
    if not (user and user.active):
        return False
    if experiment.get("cohort") is not None and experiment["cohort"] in led_cohort_ids:
        return True
    return user.is_admin or user.id == experiment["owner"] or user.id in co_owner_ids
