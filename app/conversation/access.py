"""Who may do what with comments and kudos (the experiment's own rules are in app.policies)."""

from __future__ import annotations

from typing import Any

from app import policies


def owner_ids(row: dict[str, Any], co_owner_ids: set[int]) -> set[int]:
    """The experiment's owner and co-owners: the people told about comments and kudos."""
    return {row["owner"], *co_owner_ids}


def can_comment(user: policies.Actor, row: dict[str, Any]) -> bool:
    """Anyone who can see the experiment comments on it, while it is not deleted."""
    return bool(user and user.active and row.get("deleted_at") is None)


def can_change_comment(user: policies.Actor, comment: dict[str, Any]) -> bool:
    """Only the author edits or removes a comment."""
    return bool(user and user.active and comment["author"] == user.id)


def can_give_kudos(user: policies.Actor, row: dict[str, Any], co_owner_ids: set[int]) -> bool:
    """Anyone but the experiment's own people thanks a visible, non-draft experiment."""
    return bool(
        user
        and user.active
        and row.get("deleted_at") is None
        and row["status"] != "draft"
        and user.id not in owner_ids(row, co_owner_ids)
    )
