"""The conversation feature's public face: what other features call (`notify`,
`kudos_counts`) and what the experiment page shows (`for_experiment`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app import policies
from app.conversation import access, comments, kudos
from app.conversation.kudos import kudos_counts
from app.conversation.notifications import (
    mark_read_on_open,
    notify,
    register_kind,
    unread_count,
    unread_for_experiment,
)

__all__ = [
    "ExperimentConversation",
    "for_experiment",
    "kudos_counts",
    "notify",
    "register_kind",
    "unread_count",
]


@dataclass
class ExperimentConversation:
    experiment: dict[str, Any]
    comments: list[dict[str, Any]]
    kudos: list[dict[str, Any]]
    unread: int
    can_comment: bool
    can_give_kudos: bool
    my_kudos: dict[str, Any] | None = None
    # What the user typed, and the errors, when a form comes back with a problem.
    comment_form: dict[str, Any] = field(default_factory=dict)
    comment_errors: dict[str, str] = field(default_factory=dict)
    kudos_form: dict[str, Any] = field(default_factory=dict)
    kudos_errors: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> int:
        return self.experiment["id"]

    @property
    def visible_comment_count(self) -> int:
        return sum(1 for comment in self.comments if comment["deleted_at"] is None)


async def for_experiment(
    user: policies.Actor, view: Any, *, opened: bool = False
) -> ExperimentConversation:
    """Comments, kudos and this user's unread notifications for an experiment the user can
    already see (`view` from experiments.service.get_for): three queries. `opened`: the user
    is opening the experiment's page, which marks those notifications read (one UPDATE when
    there are any); `unread` then says how many were."""
    row = view.row
    thanks = await kudos.kudos_for(view.id)
    count_unread = mark_read_on_open if opened else unread_for_experiment
    return ExperimentConversation(
        experiment={key: row[key] for key in ("id", "title", "owner", "status", "deleted_at")},
        comments=await comments.comments_for(view.id),
        kudos=thanks,
        unread=await count_unread(user.id, view.id),
        can_comment=access.can_comment(user, row),
        can_give_kudos=access.can_give_kudos(user, row, view.co_owner_ids),
        my_kudos=next((item for item in thanks if item["giver"] == user.id), None),
    )
