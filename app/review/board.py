"""The review board: a cohort's experiments as columns by status (each status belongs to a
plan-do-check-act phase), flags for the lead, and the participants with no experiment yet —
in a fixed number of queries whatever the number of cards."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from piccolo.query.functions.aggregate import Max

from app.cohorts.tables import CohortParticipant, CohortTheme, WorkshopDay
from app.experiments import service as experiments
from app.experiments.listing import _attach_links
from app.experiments.tables import (
    Cycle,
    Experiment,
    ExperimentCoOwner,
    ExperimentDepartment,
    ExperimentTheme,
)
from app.experiments.vocabulary import STATUSES
from app.i18n import N_
from app.organisation import service as organisation
from app.review.tables import ExperimentReview
from app.web.forms import QueryModel

# The plan-do-check-act phase of each status: the board's column groups.
PHASES = {
    "draft": N_("Plan"),
    "planned": N_("Plan"),
    "running": N_("Do"),
    "checking": N_("Check"),
    "completed": N_("Act"),
    "abandoned": N_("Act"),
}
FINISHED = ("completed", "abandoned")
FLAGS = {
    "stale": N_("No update in {days} days"),
    "no_learning": N_("Finished without a learning"),
    "waiting": N_("Waiting for review"),
}


class BoardFilters(QueryModel):
    """The board's query string; unknown values are dropped, so an old link still opens."""

    theme: int | None = None
    department: int | None = None

    def is_filtered(self) -> bool:
        return bool(self.theme or self.department)


@dataclass
class Board:
    cohort: dict[str, Any]
    days: list[dict[str, Any]]
    review_day: dict[str, Any] | None
    columns: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    without_experiment: list[dict[str, Any]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(cards) for cards in self.columns.values())


def choose_review_day(days: list[dict[str, Any]], today: date) -> dict[str, Any] | None:
    """The workshop day the board prepares for: the next one (today included), or the last
    one when every day is past."""
    upcoming = [day for day in days if day["day"] >= today]
    if upcoming:
        return upcoming[0]
    return days[-1] if days else None


async def workshop_days(cohort_id: int) -> list[dict[str, Any]]:
    return (
        await WorkshopDay.select()
        .where((WorkshopDay.cohort == cohort_id) & WorkshopDay.deleted_at.is_null())
        .order_by(WorkshopDay.day)
        .order_by(WorkshopDay.id)
    )


async def theme_choices(cohort_id: int) -> list[dict[str, Any]]:
    """The cohort's own themes; the current strategy's themes if it has chosen none."""
    chosen = (
        await CohortTheme.select(
            CohortTheme.theme.id.as_alias("id"),
            CohortTheme.theme.name_fi.as_alias("name_fi"),
            CohortTheme.theme.name_sv.as_alias("name_sv"),
            CohortTheme.theme.name_en.as_alias("name_en"),
        )
        .where(CohortTheme.cohort == cohort_id)
        .order_by(CohortTheme.theme.position)
    )
    return chosen or await experiments.current_themes()


def _flags(row: dict[str, Any], stale_before: datetime, reviewed: set[int], has_day: bool):
    flags = []
    if row["status"] not in FINISHED and row["updated_at"] < stale_before:
        flags.append("stale")
    if row["status"] in FINISHED and not (row["learning"] or "").strip():
        flags.append("no_learning")
    if has_day and row["id"] not in reviewed:
        flags.append("waiting")
    return flags


async def build(
    cohort: dict[str, Any], filters: BoardFilters, *, today: date, now: datetime | None = None
) -> Board:
    now = now or datetime.now(UTC)
    cohort_id = cohort["id"]
    days = await workshop_days(cohort_id)
    board = Board(cohort=cohort, days=days, review_day=choose_review_day(days, today))
    condition = (Experiment.cohort == cohort_id) & Experiment.deleted_at.is_null()
    subtree: list[int] = []
    if filters.department:
        subtree = [filters.department, *await organisation.descendant_ids(filters.department)]
        condition &= Experiment.id.is_in(
            ExperimentDepartment.select(ExperimentDepartment.experiment).where(
                ExperimentDepartment.department.is_in(subtree)
            )
        )
    if filters.theme:
        condition &= Experiment.id.is_in(
            ExperimentTheme.select(ExperimentTheme.experiment).where(
                ExperimentTheme.theme == filters.theme
            )
        )
    rows = (
        await Experiment.select(
            Experiment.id,
            Experiment.title,
            Experiment.status,
            Experiment.outcome,
            Experiment.owner,
            Experiment.learning,
            Experiment.updated_at,
            Experiment.owner.name.as_alias("owner_name"),
        )
        .where(condition)
        .order_by(Experiment.updated_at, ascending=False)
        .order_by(Experiment.id)
    )
    await _attach_links(rows)
    ids = [row["id"] for row in rows]
    reviewed: set[int] = set()
    cycles: dict[int, int] = {}
    if ids:
        if board.review_day:
            reviewed = {
                row["experiment"]
                for row in await ExperimentReview.select(ExperimentReview.experiment).where(
                    (ExperimentReview.workshop_day == board.review_day["id"])
                    & ExperimentReview.reviewed.eq(True)
                    & ExperimentReview.deleted_at.is_null()
                    & ExperimentReview.experiment.is_in(ids)
                )
            }
        cycles = {
            row["experiment"]: row["latest"]
            for row in await Cycle.select(Cycle.experiment, Max(Cycle.number, alias="latest"))
            .where(Cycle.experiment.is_in(ids))
            .group_by(Cycle.experiment)
        }
    stale_before = now - timedelta(days=cohort["stale_after_days"])
    board.columns = {status: [] for status in STATUSES}
    for row in rows:
        row["flags"] = _flags(row, stale_before, reviewed, board.review_day is not None)
        row["cycle"] = cycles.get(row["id"])
        board.columns[row["status"]].append(row)
    board.without_experiment = await participants_without_experiment(cohort_id, subtree)
    return board


async def participants_without_experiment(
    cohort_id: int, departments: list[int] | None = None
) -> list[dict[str, Any]]:
    """The cohort's participants who neither own nor co-own a live experiment in it."""
    in_cohort = Experiment.select(Experiment.id).where(
        (Experiment.cohort == cohort_id) & Experiment.deleted_at.is_null()
    )
    owners = Experiment.select(Experiment.owner).where(
        (Experiment.cohort == cohort_id) & Experiment.deleted_at.is_null()
    )
    co_owners = ExperimentCoOwner.select(ExperimentCoOwner.user).where(
        ExperimentCoOwner.experiment.is_in(in_cohort)
    )
    condition = (
        (CohortParticipant.cohort == cohort_id)
        & CohortParticipant.user.not_in(owners)
        & CohortParticipant.user.not_in(co_owners)
        & CohortParticipant.user.active.eq(True)
    )
    if departments:
        condition &= CohortParticipant.user.department.is_in(departments)
    rows = await CohortParticipant.select(
        CohortParticipant.user.id.as_alias("id"),
        CohortParticipant.user.name.as_alias("name"),
        CohortParticipant.user.department.name_fi.as_alias("department_name_fi"),
        CohortParticipant.user.department.name_sv.as_alias("department_name_sv"),
        CohortParticipant.user.department.name_en.as_alias("department_name_en"),
    ).where(condition)
    return sorted(rows, key=lambda row: (row["name"].casefold(), row["id"]))
