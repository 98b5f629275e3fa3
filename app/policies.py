"""Who may do what: every authorisation rule of the app, used by route guards and list queries."""

from __future__ import annotations

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
