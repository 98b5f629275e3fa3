"""In-app notifications: who is told what (`notify`, for any feature), the unread count in the
header, the notifications page and marking them read (there, or by opening the experiment)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from app import db
from app.audit import service as audit
from app.conversation.tables import Notification
from app.i18n import N_
from app.service_errors import NotFound

PAGE_SIZE = 20
# What each kind of notification says; %(actor)s and %(title)s are filled in when shown.
# Other features add their own kinds with `register_kind`.
KIND_MESSAGES: dict[str, str] = {
    "comment": N_("%(actor)s commented on your experiment %(title)s"),
    "kudos": N_("%(actor)s thanked your experiment %(title)s"),
}
GENERIC_MESSAGE = N_("%(actor)s: news about your experiment %(title)s")


def register_kind(kind: str, msgid: str) -> None:
    KIND_MESSAGES[kind] = msgid


async def notify(
    recipient_ids: Iterable[int],
    kind: str,
    experiment_id: int | None,
    actor_id: int | None,
    *,
    comment_id: int | None = None,
    kudos_id: int | None = None,
) -> int:
    """Tell these people about something; nobody is told about their own action. Call it
    inside the write transaction of the change it announces. Returns how many were told."""
    recipients = sorted({int(person) for person in recipient_ids} - {actor_id})
    if recipients:
        await Notification.insert(
            *(
                Notification(
                    recipient=person,
                    kind=kind,
                    experiment=experiment_id,
                    actor=actor_id,
                    comment=comment_id,
                    kudos=kudos_id,
                )
                for person in recipients
            )
        )
    return len(recipients)


def _unread(user_id: int) -> Any:
    return (Notification.recipient == user_id) & Notification.read_at.is_null()


async def unread_count(user_id: int) -> int:
    """One indexed count: shown in the header of every page."""
    return await Notification.count().where(_unread(user_id))


async def unread_for_experiment(user_id: int, experiment_id: int) -> int:
    return await Notification.count().where(
        _unread(user_id) & (Notification.experiment == experiment_id)
    )


@dataclass
class NotificationPage:
    rows: list[dict[str, Any]]
    total: int
    page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


async def page_for(user_id: int, page: int = 1) -> NotificationPage:
    """Newest first, PAGE_SIZE at a time: two queries whatever the number of notifications."""
    total = await Notification.count().where(Notification.recipient == user_id)
    page = min(max(1, page), max(1, -(-total // PAGE_SIZE)))
    rows = (
        await Notification.select(
            Notification.id,
            Notification.kind,
            Notification.experiment,
            Notification.comment,
            Notification.kudos,
            Notification.created_at,
            Notification.read_at,
            Notification.actor.name.as_alias("actor_name"),
            Notification.experiment.title.as_alias("experiment_title"),
        )
        .where(Notification.recipient == user_id)
        .order_by(Notification.created_at, ascending=False)
        .order_by(Notification.id, ascending=False)
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE)
    )
    return NotificationPage(rows=rows, total=total, page=page)


async def mark_read(user_id: int, notification_id: int) -> None:
    """Only one's own: someone else's notification answers NotFound (no hint it exists)."""
    async with db.write_transaction():
        row = (
            await Notification.select(Notification.id, Notification.recipient, Notification.read_at)
            .where(Notification.id == notification_id)
            .first()
        )
        if row is None or row["recipient"] != user_id:
            raise NotFound
        if row["read_at"] is None:
            await Notification.update(read_at=datetime.now(UTC)).where(
                Notification.id == notification_id
            )
            await audit.record(
                actor_id=user_id, action="read", object_type="notification", object_id=row["id"]
            )


async def mark_read_on_open(user_id: int, experiment_id: int) -> int:
    """Opening an experiment's page reads its news: this person's unread notifications about it
    are marked read in one UPDATE; returns how many. With none unread (the usual case) it is
    the one indexed COUNT and writes nothing. Safe in a GET's shared read connection."""
    if not await unread_for_experiment(user_id, experiment_id):
        return 0
    async with db.outside_transaction():
        return await mark_all_read(user_id, experiment_id, action="read_on_open")


async def mark_all_read(
    user_id: int, experiment_id: int | None = None, *, action: str = "read_all"
) -> int:
    """Mark all unread notifications read (or those about one experiment) in one UPDATE, with
    one audit entry; returns how many."""
    async with db.write_transaction():
        condition = _unread(user_id)
        if experiment_id is not None:
            condition &= Notification.experiment == experiment_id
        changed = (
            await Notification.update(read_at=datetime.now(UTC))
            .where(condition)
            .returning(Notification.id)
        )
        if changed:
            await audit.record(
                actor_id=user_id,
                action=action,
                object_type="notification",
                object_id=None,
                after={"count": len(changed), "experiment": experiment_id},
            )
    return len(changed)
