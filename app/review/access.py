"""Who may see a cohort's board, reviews and celebrations (the rules behind the review routes)."""

from __future__ import annotations

from typing import Any

from app.cohorts.access import can_manage_cohort
from app.cohorts.tables import Cohort, CohortParticipant
from app.experiments.tables import ExperimentCoOwner
from app.policies import Actor
from app.service_errors import NotFound


async def live_cohort(cohort_id: int) -> dict[str, Any]:
    """The cohort row unless it is deleted (NotFound)."""
    row = (
        await Cohort.select().where((Cohort.id == cohort_id) & Cohort.deleted_at.is_null()).first()
    )
    if row is None:
        raise NotFound
    return row


async def managed_cohort(user: Actor | None, cohort_id: int) -> dict[str, Any]:
    """The cohort, for its own leads and admins: the board, reviews, workshop-day mode and the
    day pack. Anyone else gets NotFound (404): no hint that the cohort exists."""
    cohort = await live_cohort(cohort_id)
    if not await can_manage_cohort(user, cohort_id):
        raise NotFound
    return cohort


async def is_participant(user: Actor, cohort_id: int) -> bool:
    row = await CohortParticipant.exists().where(
        (CohortParticipant.cohort == cohort_id) & (CohortParticipant.user == user.id)
    )
    return bool(row)


async def can_view_cohort_celebrations(user: Actor | None, cohort_id: int) -> bool:
    """A cohort's wall is for its participants, its leads and admins."""
    if not (user and user.active):
        return False
    return await can_manage_cohort(user, cohort_id) or await is_participant(user, cohort_id)


async def can_view_reviews(user: Actor | None, experiment: dict[str, Any]) -> bool:
    """An experiment's reviews are for its owners and the leads of its cohort (and admins)."""
    if not (user and user.active) or experiment.get("deleted_at") is not None:
        return False
    if experiment["cohort"] is not None and await can_manage_cohort(user, experiment["cohort"]):
        return True
    if user.id == experiment["owner"]:
        return True
    return bool(
        await ExperimentCoOwner.exists().where(
            (ExperimentCoOwner.experiment == experiment["id"]) & (ExperimentCoOwner.user == user.id)
        )
    )
