"""The cohort an experiment belongs to: which cohorts a person may choose (the ones they take
part in). Used by the experiment forms; imports only tables so that experiments can use it."""

from __future__ import annotations

from typing import Any

from app import policies
from app.cohorts.tables import Cohort, CohortParticipant
from app.i18n import N_
from app.service_errors import FieldErrors


async def cohort_choices_for(
    user: policies.Actor, current: int | None = None
) -> list[dict[str, Any]]:
    """The cohorts a person may put an experiment in: the active ones they take part in (newest
    first), plus the experiment's current cohort."""
    joined = CohortParticipant.select(CohortParticipant.cohort).where(
        CohortParticipant.user == user.id
    )
    condition = Cohort.deleted_at.is_null() & Cohort.archived.eq(False) & Cohort.id.is_in(joined)
    if current is not None:
        condition = condition | (Cohort.id == current)
    return (
        await Cohort.select(Cohort.id, Cohort.name)
        .where(condition)
        .order_by(Cohort.created_at, ascending=False)
        .order_by(Cohort.id, ascending=False)
    )


async def check_cohort_choice(
    user: policies.Actor, cohort_id: int | None, current: int | None = None
) -> None:
    """You can only put an experiment in a cohort you take part in (or keep its current one)."""
    if cohort_id is None or cohort_id == current:
        return
    if cohort_id not in {row["id"] for row in await cohort_choices_for(user)}:
        raise FieldErrors({"cohort": N_("Choose a cohort you take part in.")})


async def all_cohorts() -> list[dict[str, Any]]:
    """Every cohort by name, for the browse filter (names are not secret; drafts stay hidden)."""
    return (
        await Cohort.select(Cohort.id, Cohort.name)
        .where(Cohort.deleted_at.is_null())
        .order_by(Cohort.archived)
        .order_by(Cohort.name)
    )
