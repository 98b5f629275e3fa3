"""Kudos ("kiitos"): a short thank-you for an experiment, once per person per experiment,
never to one's own; withdrawn by soft delete. Counted for rollups with `kudos_counts`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from piccolo.query.functions.aggregate import Count

from app import db, policies
from app.audit import service as audit
from app.conversation import access
from app.conversation.notifications import notify
from app.conversation.tables import Kudos
from app.experiments import service as experiments
from app.experiments.tables import Experiment, ExperimentCoOwner
from app.i18n import N_
from app.service_errors import FieldErrors, Forbidden, NotFound

OBJECT_TYPE = "kudos"
MESSAGE_MAX = 280
ALREADY_THANKED = N_(
    "You have already thanked this experiment. One thank-you per person is enough!"
)


def _alive() -> Any:
    return Kudos.deleted_at.is_null()


async def kudos_for(experiment_id: int) -> list[dict[str, Any]]:
    """The thank-yous of an experiment, newest first, with the givers' names: one query."""
    return (
        await Kudos.select(
            Kudos.id,
            Kudos.giver,
            Kudos.message,
            Kudos.created_at,
            Kudos.giver.name.as_alias("giver_name"),
        )
        .where((Kudos.experiment == experiment_id) & _alive())
        .order_by(Kudos.created_at, ascending=False)
        .order_by(Kudos.id, ascending=False)
    )


async def kudos_counts(experiment_ids: list[int]) -> dict[int, int]:
    """How many thank-yous each experiment has (missing ids have none): one GROUP BY query."""
    if not experiment_ids:
        return {}
    rows = (
        await Kudos.select(Kudos.experiment, Count(alias="n"))
        .where(Kudos.experiment.is_in(list(experiment_ids)) & _alive())
        .group_by(Kudos.experiment)
    )
    return {row["experiment"]: row["n"] for row in rows}


async def give(user: policies.Actor, experiment_id: int, message: str) -> int:
    async with db.write_transaction():
        view = await experiments.get_for(user, experiment_id)
        if not access.can_give_kudos(user, view.row, view.co_owner_ids):
            raise Forbidden
        existing = (
            await Kudos.select(Kudos.id, Kudos.deleted_at)
            .where((Kudos.experiment == experiment_id) & (Kudos.giver == user.id))
            .first()
        )
        if existing is not None and existing["deleted_at"] is None:
            raise FieldErrors({"message": ALREADY_THANKED})
        if existing is not None:  # withdrawn earlier: the same row comes back
            kudos_id = existing["id"]
            await Kudos.update(
                message=message, deleted_at=None, created_at=datetime.now(UTC)
            ).where(Kudos.id == kudos_id)
        else:
            inserted = (
                await Kudos.insert(Kudos(experiment=experiment_id, giver=user.id, message=message))
                .on_conflict(target=(Kudos.experiment, Kudos.giver), action="DO NOTHING")
                .returning(Kudos.id)
            )
            if not inserted:  # someone (the same person in another tab) was quicker
                raise FieldErrors({"message": ALREADY_THANKED})
            kudos_id = inserted[0]["id"]
        await audit.record(
            actor_id=user.id,
            action="create",
            object_type=OBJECT_TYPE,
            object_id=kudos_id,
            after={"experiment": experiment_id, "message": message},
        )
        await notify(
            access.owner_ids(view.row, view.co_owner_ids),
            "kudos",
            experiment_id,
            user.id,
            kudos_id=kudos_id,
        )
    return kudos_id


async def withdraw(user: policies.Actor, experiment_id: int) -> None:
    async with db.write_transaction():
        await experiments.get_for(user, experiment_id)
        existing = (
            await Kudos.select(Kudos.id, Kudos.message)
            .where((Kudos.experiment == experiment_id) & (Kudos.giver == user.id) & _alive())
            .first()
        )
        if existing is None:
            raise NotFound
        await Kudos.update(deleted_at=datetime.now(UTC)).where(Kudos.id == existing["id"])
        await audit.record(
            actor_id=user.id,
            action="delete",
            object_type=OBJECT_TYPE,
            object_id=existing["id"],
            before={"experiment": experiment_id, "message": existing["message"]},
        )


def _received_condition(user_id: int) -> Any:
    """Kudos on this person's visible (non-draft, not deleted) experiments, owned or co-owned."""
    co_owned = ExperimentCoOwner.select(ExperimentCoOwner.experiment).where(
        ExperimentCoOwner.user == user_id
    )
    mine = Experiment.select(Experiment.id).where(
        ((Experiment.owner == user_id) | Experiment.id.is_in(co_owned))
        & (Experiment.status != "draft")
        & Experiment.deleted_at.is_null()
    )
    return _alive() & Kudos.experiment.is_in(mine)


async def received_count(user_id: int) -> int:
    return await Kudos.count().where(_received_condition(user_id))


async def received_latest(user_id: int, limit: int = 10) -> list[dict[str, Any]]:
    return (
        await Kudos.select(
            Kudos.id,
            Kudos.message,
            Kudos.created_at,
            Kudos.experiment,
            Kudos.experiment.title.as_alias("experiment_title"),
            Kudos.giver.name.as_alias("giver_name"),
            Kudos.giver,
        )
        .where(_received_condition(user_id))
        .order_by(Kudos.created_at, ascending=False)
        .order_by(Kudos.id, ascending=False)
        .limit(limit)
    )
