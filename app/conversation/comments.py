"""Comments on experiments: anyone who can see an experiment comments on it; authors edit
(earlier texts are kept as revisions) and remove (soft delete) their own."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app import db, policies
from app.audit import service as audit
from app.conversation import access
from app.conversation.notifications import notify
from app.conversation.tables import Comment, CommentRevision
from app.experiments import service as experiments
from app.service_errors import ConflictError, Forbidden, NotFound

OBJECT_TYPE = "comment"


def _columns() -> list[Any]:
    return [
        Comment.all_columns(),
        Comment.author.name.as_alias("author_name"),
    ]


def _hide_removed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        if row["deleted_at"] is not None:
            row["body"] = ""  # a removed comment's text never reaches the page
    return rows


async def comments_for(experiment_id: int) -> list[dict[str, Any]]:
    """Every comment of an experiment, oldest first, with its author's name: one query."""
    rows = (
        await Comment.select(*_columns())
        .where(Comment.experiment == experiment_id)
        .order_by(Comment.created_at)
        .order_by(Comment.id)
    )
    return _hide_removed(rows)


async def _comment(experiment_id: int, comment_id: int) -> dict[str, Any]:
    row = (
        await Comment.select(*_columns())
        .where((Comment.id == comment_id) & (Comment.experiment == experiment_id))
        .first()
    )
    if row is None:
        raise NotFound
    return row


async def get_comment(user: policies.Actor, experiment_id: int, comment_id: int) -> dict[str, Any]:
    """One comment, if the user can see its experiment."""
    await experiments.get_for(user, experiment_id)
    return _hide_removed([await _comment(experiment_id, comment_id)])[0]


async def editable_comment(
    user: policies.Actor, experiment_id: int, comment_id: int
) -> dict[str, Any]:
    """A comment the user may edit: NotFound if not visible or removed, Forbidden if not theirs."""
    await experiments.get_for(user, experiment_id)
    row = await _comment(experiment_id, comment_id)
    if row["deleted_at"] is not None:
        raise NotFound
    if not access.can_change_comment(user, row):
        raise Forbidden
    return row


async def create(user: policies.Actor, experiment_id: int, body: str) -> int:
    async with db.write_transaction():
        view = await experiments.get_for(user, experiment_id)
        if not access.can_comment(user, view.row):
            raise Forbidden
        comment_id = await audit.audited_insert(
            Comment(experiment=experiment_id, author=user.id, body=body),
            object_type=OBJECT_TYPE,
            actor_id=user.id,
            after={"experiment": experiment_id, "body": body},
        )
        await notify(
            access.owner_ids(view.row, view.co_owner_ids),
            "comment",
            experiment_id,
            user.id,
            comment_id=comment_id,
        )
    return comment_id


async def update(
    user: policies.Actor, experiment_id: int, comment_id: int, version: int, body: str
) -> None:
    """Save a new text; the one it replaces is kept as a revision (the "edited" history)."""
    async with db.write_transaction():
        current = await editable_comment(user, experiment_id, comment_id)
        if current["body"] == body and current["version"] == version:
            return
        now = datetime.now(UTC)
        if not await db.update_versioned(
            Comment, comment_id, version, {"body": body, "edited_at": now}
        ):
            raise ConflictError(current)
        await CommentRevision.insert(
            CommentRevision(
                comment=comment_id,
                version=current["version"],
                body=current["body"],
                written_at=current["edited_at"] or current["created_at"],
                replaced_at=now,
            )
        )
        await audit.record(
            actor_id=user.id,
            action="update",
            object_type=OBJECT_TYPE,
            object_id=comment_id,
            before={"body": current["body"]},
            after={"body": body},
        )


async def remove(user: policies.Actor, experiment_id: int, comment_id: int) -> None:
    """Soft delete: the page shows "comment removed"; the text stays in the database."""
    async with db.write_transaction():
        current = await editable_comment(user, experiment_id, comment_id)
        await Comment.update(
            deleted_at=datetime.now(UTC), version=Comment.version + 1, updated_at=datetime.now(UTC)
        ).where(Comment.id == comment_id)
        await audit.record(
            actor_id=user.id,
            action="delete",
            object_type=OBJECT_TYPE,
            object_id=comment_id,
            before={"body": current["body"]},
        )


async def history(
    user: policies.Actor, experiment_id: int, comment_id: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A comment and its earlier texts, newest first. A removed comment's texts are shown
    only to its author and admins."""
    await experiments.get_for(user, experiment_id)
    comment = await _comment(experiment_id, comment_id)
    if comment["deleted_at"] is not None and not (
        access.can_change_comment(user, comment) or user.is_admin
    ):
        raise NotFound
    revisions = (
        await CommentRevision.select()
        .where(CommentRevision.comment == comment_id)
        .order_by(CommentRevision.version, ascending=False)
    )
    return comment, revisions
