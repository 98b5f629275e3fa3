"""The demo conversation: believable, on shared experiments only, idempotent."""

from __future__ import annotations

from app.accounts.tables import User
from app.conversation.tables import Comment, Kudos, Notification
from app.demo import content
from app.demo.conversation import UNREAD_FOR_EMPLOYEE
from app.demo.loader import load_demo_data
from app.experiments.tables import Experiment


async def test_demo_has_comments_kudos_and_unread_notifications_for_the_employee():
    await load_demo_data()
    shared = await Experiment.select(Experiment.id, Experiment.owner).where(
        Experiment.status != "draft"
    )
    owners = {row["id"]: row["owner"] for row in shared}
    comments = await Comment.select(Comment.experiment, Comment.author)
    kudos = await Kudos.select(Kudos.experiment, Kudos.giver)
    discussed = {row["experiment"] for row in comments} | {row["experiment"] for row in kudos}
    assert discussed <= set(owners)  # never on drafts
    assert len(discussed) >= len(owners) * 0.3
    assert all(owners[row["experiment"]] != row["author"] for row in comments)
    assert all(owners[row["experiment"]] != row["giver"] for row in kudos)
    employee = await User.objects().where(User.email == content.EMPLOYEE_EMAIL).first()
    unread = await Notification.count().where(
        (Notification.recipient == employee.id) & Notification.read_at.is_null()
    )
    assert unread == UNREAD_FOR_EMPLOYEE
    assert await Notification.count().where(Notification.recipient == employee.id) > unread
    counts = (await Comment.count(), await Kudos.count(), await Notification.count())
    await load_demo_data()
    assert (await Comment.count(), await Kudos.count(), await Notification.count()) == counts
