"""Who may do what: every authorisation rule of the app, used by route guards and list queries."""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol


class Actor(Protocol):
    id: int
    active: bool
    is_employee: bool
    is_lead: bool
    is_hr: bool
    is_admin: bool


def can_administer(user: Actor | None) -> bool:
    """Organisation set-up: departments, users, strategies and themes."""
    return bool(user and user.active and user.is_admin)


def can_view_rollups(user: Actor | None) -> bool:
    return bool(user and user.active and (user.is_hr or user.is_admin))


def can_lead_workshops(user: Actor | None) -> bool:
    return bool(user and user.active and (user.is_lead or user.is_admin))


def can_edit_own_account(user: Actor | None, account_id: int) -> bool:
    return bool(user and user.active and user.id == account_id)


def can_view_experiment(
    user: Actor | None,
    experiment: dict,
    co_owner_ids: set[int],
    led_cohort_ids: Collection[int] = (),
) -> bool:
    """Drafts are private to their owners (and admins, and the leads of the experiment's cohort);
    the rest is open to everyone signed in."""
    if not (user and user.active):
        return False
    if experiment.get("deleted_at") is not None:
        return can_edit_experiment(user, experiment, co_owner_ids) or user.is_admin
    if experiment["status"] != "draft":
        return True
    if experiment.get("cohort") is not None and experiment["cohort"] in led_cohort_ids:
        return True
    return user.is_admin or user.id == experiment["owner"] or user.id in co_owner_ids


def can_edit_experiment(user: Actor | None, experiment: dict, co_owner_ids: set[int]) -> bool:
    """Owners and co-owners edit; everyone else reads."""
    return bool(
        user and user.active and (user.id == experiment["owner"] or user.id in co_owner_ids)
    )
