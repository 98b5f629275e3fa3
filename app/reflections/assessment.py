"""Group self-assessment: statements a cohort's groups (departments) rate 1–5 on each
workshop day, and the summary of those ratings across days."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from piccolo.query.functions.aggregate import Count, Sum

from app import db
from app.audit import service as audit
from app.cohorts.tables import CohortParticipant
from app.i18n import N_
from app.organisation.tables import Department
from app.reflections import ordering
from app.reflections.service import UNIQUE_VIOLATIONS
from app.reflections.tables import AssessmentRating, AssessmentStatement
from app.service_errors import ConflictError, FieldErrors

OBJECT_TYPE = "assessment_statement"
RATINGS = (1, 2, 3, 4, 5)


# --- statements ---------------------------------------------------------------------------


async def statements(cohort_id: int, include_archived: bool = False) -> list[dict[str, Any]]:
    return await ordering.rows_of(AssessmentStatement, cohort_id, include_archived)


async def get_statement(cohort_id: int, statement_id: int) -> dict[str, Any]:
    return await ordering.row_of(AssessmentStatement, cohort_id, statement_id)


async def create_statement(cohort_id: int, values: dict[str, Any], actor_id: int) -> int:
    return await ordering.create(
        AssessmentStatement, cohort_id, values, object_type=OBJECT_TYPE, actor_id=actor_id
    )


async def update_statement(
    cohort_id: int, statement_id: int, version: int, values: dict[str, Any], actor_id: int
) -> None:
    await ordering.update(
        AssessmentStatement,
        cohort_id,
        statement_id,
        version,
        values,
        object_type=OBJECT_TYPE,
        actor_id=actor_id,
    )


async def move_statement(
    cohort_id: int, statement_id: int, version: int, direction: str, actor_id: int
) -> None:
    await ordering.move(
        AssessmentStatement,
        cohort_id,
        statement_id,
        version,
        direction,
        object_type=OBJECT_TYPE,
        actor_id=actor_id,
    )


# --- groups and ratings -------------------------------------------------------------------


async def groups(cohort_id: int) -> list[dict[str, Any]]:
    """The groups that rate: the departments of the cohort's participants, and any department
    that has already rated in this cohort (it stays when people leave)."""
    from_people = await (
        CohortParticipant.select(CohortParticipant.user.department.as_alias("id"))
        .where(
            (CohortParticipant.cohort == cohort_id)
            & CohortParticipant.user.department.is_not_null()
        )
        .distinct()
    )
    from_ratings = await (
        AssessmentRating.select(AssessmentRating.department.as_alias("id"))
        .where(AssessmentRating.statement.cohort == cohort_id)
        .distinct()
    )
    ids = {row["id"] for row in from_people} | {row["id"] for row in from_ratings}
    if not ids:
        return []
    return await (
        Department.select(Department.id, Department.name_fi, Department.name_sv, Department.name_en)
        .where(Department.id.is_in(sorted(ids)))
        .order_by(Department.name_fi)
    )


async def ratings_of(day_id: int, department_id: int) -> dict[int, dict[str, Any]]:
    rows = await AssessmentRating.select().where(
        (AssessmentRating.workshop_day == day_id) & (AssessmentRating.department == department_id)
    )
    return {row["statement"]: row for row in rows}


async def save_ratings(
    *,
    cohort_id: int,
    day_id: int,
    department_id: int,
    ratings: dict[int, int],
    versions: dict[int, int],
    actor_id: int,
) -> int:
    """Save a group's ratings for a day; each statement's version (0 = not rated yet) must be
    the saved one, else ConflictError with the saved ratings. Returns how many changed."""
    if department_id not in {group["id"] for group in await groups(cohort_id)}:
        raise FieldErrors({"department": N_("Choose one of the options.")})
    active = {row["id"] for row in await statements(cohort_id)}
    changed = 0
    try:
        async with db.write_transaction():
            saved = await ratings_of(day_id, department_id)
            stale = [
                sid
                for sid in ratings
                if versions.get(sid, 0) != (saved[sid]["version"] if sid in saved else 0)
            ]
            if stale:
                raise ConflictError({"version": 0, "ratings": saved})
            for sid, rating in ratings.items():
                if sid not in active:
                    continue
                current = saved.get(sid)
                if current is None:
                    await audit.audited_insert(
                        AssessmentRating(
                            statement=sid,
                            workshop_day=day_id,
                            department=department_id,
                            rating=rating,
                            rated_by=actor_id,
                        ),
                        object_type="assessment_rating",
                        actor_id=actor_id,
                        after={"statement": sid, "day": day_id, "rating": rating},
                    )
                    changed += 1
                elif current["rating"] != rating:
                    await audit.audited_update(
                        AssessmentRating,
                        current,
                        current["version"],
                        {"rating": rating, "rated_by": actor_id},
                        object_type="assessment_rating",
                        actor_id=actor_id,
                    )
                    changed += 1
    except UNIQUE_VIOLATIONS as exc:  # another member of the group saved at the same moment
        raise ConflictError({"version": 0}) from exc
    return changed


# --- summary: the chart and its table -----------------------------------------------------


@dataclass
class GroupSummary:
    group: dict[str, Any]
    # (statement id, day id) -> mean; (None, day id) -> the mean of all statements that day
    means: dict[tuple[int | None, int], float]
    counts: dict[tuple[int | None, int], int]


def _mean(total: Any, count: int) -> float:
    return round(float(total) / count, 1)


async def summary(cohort_id: int) -> list[GroupSummary]:
    """Each group's mean rating per statement and day, and over all statements per day, from
    SQL sums and counts (one query for each level, whatever the number of rows)."""
    base = (
        (AssessmentRating.statement.cohort == cohort_id)
        & AssessmentRating.statement.archived.eq(False)
        & AssessmentRating.workshop_day.deleted_at.is_null()
    )
    per_statement = await (
        AssessmentRating.select(
            AssessmentRating.department,
            AssessmentRating.statement,
            AssessmentRating.workshop_day,
            Sum(AssessmentRating.rating, alias="total"),
            Count(alias="ratings"),
        )
        .where(base)
        .group_by(
            AssessmentRating.department, AssessmentRating.statement, AssessmentRating.workshop_day
        )
    )
    per_day = await (
        AssessmentRating.select(
            AssessmentRating.department,
            AssessmentRating.workshop_day,
            Sum(AssessmentRating.rating, alias="total"),
            Count(alias="ratings"),
        )
        .where(base)
        .group_by(AssessmentRating.department, AssessmentRating.workshop_day)
    )
    result: dict[int, GroupSummary] = {}
    for group in await groups(cohort_id):
        result[group["id"]] = GroupSummary(group=group, means={}, counts={})
    for row in [*per_statement, *per_day]:
        summary_row = result.get(row["department"])
        if summary_row is None:
            continue
        key = (row.get("statement"), row["workshop_day"])
        summary_row.means[key] = _mean(row["total"], row["ratings"])
        summary_row.counts[key] = row["ratings"]
    return [item for item in result.values() if item.means]
