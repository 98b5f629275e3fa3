"""Reviews (one per experiment per workshop day), the experiments due for a workshop day,
what workshop-day mode and the day pack show of them, and the celebration walls."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app import db, policies
from app.audit import service as audit
from app.cohorts.service import (
    get_day as workshop_day,  # one definition: 404 unless live and in this cohort
)
from app.cohorts.tables import Cohort
from app.experiments.listing import _attach_links
from app.experiments.tables import Cycle, Experiment, Measure
from app.i18n import N_
from app.review.tables import ExperimentReview
from app.service_errors import ConflictError, FieldErrors, NotFound

OBJECT_TYPE = "experiment_review"
REVIEW_FIELDS = ("notes", "reviewed", "celebrate", "celebration_note")
# Celebration walls show at most this many experiments, newest first.
WALL_LIMIT = 200


# --- the experiments of a cohort and its days --------------------------------------------


async def cohort_experiment(cohort_id: int, experiment_id: int) -> dict[str, Any]:
    """A live experiment of this cohort, drafts included (leads review drafts too)."""
    row = (
        await Experiment.select(
            Experiment.all_columns(), Experiment.owner.name.as_alias("owner_name")
        )
        .where(
            (Experiment.id == experiment_id)
            & (Experiment.cohort == cohort_id)
            & Experiment.deleted_at.is_null()
        )
        .first()
    )
    if row is None:
        raise NotFound
    return row


def _due_order(row: dict[str, Any]) -> tuple:
    # Grouped by the owner's department, then by owner and title: people of one unit present
    # one after another. Sorted here, so that both engines order names (and nulls) alike.
    department = row.get("owner_department_name_fi")
    return (
        department is None,
        (department or "").casefold(),
        row["owner_name"].casefold(),
        row["title"].casefold(),
        row["id"],
    )


DUE_COLUMNS = (
    Experiment.id,
    Experiment.title,
    Experiment.status,
    Experiment.outcome,
    Experiment.owner,
    Experiment.problem,
    Experiment.hypothesis,
    Experiment.result,
    Experiment.learning,
    Experiment.updated_at,
    Experiment.owner.name.as_alias("owner_name"),
    Experiment.owner.department.name_fi.as_alias("owner_department_name_fi"),
    Experiment.owner.department.name_sv.as_alias("owner_department_name_sv"),
    Experiment.owner.department.name_en.as_alias("owner_department_name_en"),
)


async def due_experiments(cohort_id: int) -> list[dict[str, Any]]:
    """The experiments due for any workshop day of the cohort: all its live experiments
    (drafts included), ordered by the owner's department, owner and title."""
    rows = await Experiment.select(*DUE_COLUMNS).where(
        (Experiment.cohort == cohort_id) & Experiment.deleted_at.is_null()
    )
    return sorted(rows, key=_due_order)


# Finished experiments: once one of these has been marked reviewed on a workshop day, it has
# been presented and closed, and later days do not present it again.
CLOSED_STATUSES = ("completed", "abandoned")


async def _closed_before(cohort_id: int, day: dict[str, Any]) -> set[int]:
    """The cohort's finished experiments marked reviewed on an earlier workshop day."""
    rows = await ExperimentReview.select(ExperimentReview.experiment).where(
        ExperimentReview.reviewed.eq(True)
        & ExperimentReview.deleted_at.is_null()
        & (ExperimentReview.workshop_day.cohort == cohort_id)
        & ExperimentReview.workshop_day.deleted_at.is_null()
        & (ExperimentReview.workshop_day.day < day["day"])
        & ExperimentReview.experiment.status.is_in(list(CLOSED_STATUSES))
    )
    return {row["experiment"] for row in rows}


async def day_presenters(
    cohort_id: int, day: dict[str, Any], due: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """The experiments presented on a workshop day, in the due order: every due experiment
    except the finished ones already reviewed on an earlier day (they were presented and
    closed then). Workshop-day mode steps through these, and the day pack prints them.
    `due`: the cohort's due experiments when the caller has them already."""
    if due is None:
        due = await due_experiments(cohort_id)
    closed = await _closed_before(cohort_id, day)
    return [row for row in due if row["id"] not in closed]


async def _measures_by_experiment(ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = {experiment_id: [] for experiment_id in ids}
    if ids:
        for row in (
            await Measure.select()
            .where(Measure.experiment.is_in(ids))
            .order_by(Measure.position)
            .order_by(Measure.id)
        ):
            found[row["experiment"]].append(row)
    return found


async def _latest_cycles(ids: list[int]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    if ids:
        for row in await Cycle.select().where(Cycle.experiment.is_in(ids)).order_by(Cycle.number):
            found[row["experiment"]] = row  # the highest number wins
    return found


async def _reviews_for_day(day_id: int, ids: list[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    rows = await ExperimentReview.select().where(
        (ExperimentReview.workshop_day == day_id)
        & ExperimentReview.deleted_at.is_null()
        & ExperimentReview.experiment.is_in(ids)
    )
    return {row["experiment"]: row for row in rows}


async def with_details(rows: list[dict[str, Any]], day_id: int) -> list[dict[str, Any]]:
    """Themes, departments, measures, the latest cycle and this day's review of each
    experiment: five queries for any number of experiments."""
    ids = [row["id"] for row in rows]
    await _attach_links(rows)
    measures = await _measures_by_experiment(ids)
    cycles = await _latest_cycles(ids)
    reviews = await _reviews_for_day(day_id, ids)
    for row in rows:
        row["measures"] = measures.get(row["id"], [])
        row["cycle"] = cycles.get(row["id"])
        row["review"] = reviews.get(row["id"])
    return rows


@dataclass
class Slide:
    experiment: dict[str, Any]
    index: int  # 1-based
    total: int
    order: list[int] = field(default_factory=list)

    @property
    def previous(self) -> int | None:
        return self.index - 1 if self.index > 1 else None

    @property
    def next(self) -> int | None:
        return self.index + 1 if self.index < self.total else None


async def slide(cohort_id: int, day: dict[str, Any], index: int) -> Slide | None:
    """One presenter of the day, by its place (1-based) in the due order; None if there is none."""
    due = await day_presenters(cohort_id, day)
    if not due:
        return None
    index = min(max(index, 1), len(due))
    experiment = due[index - 1]
    await with_details([experiment], day["id"])
    return Slide(experiment, index, len(due), [row["id"] for row in due])


# --- reviews -----------------------------------------------------------------------------


async def current_review(experiment_id: int, day_id: int) -> dict[str, Any] | None:
    return (
        await ExperimentReview.select()
        .where(
            (ExperimentReview.experiment == experiment_id)
            & (ExperimentReview.workshop_day == day_id)
            & ExperimentReview.deleted_at.is_null()
        )
        .first()
    )


def review_form(review: dict[str, Any] | None) -> dict[str, Any]:
    if review is None:
        return {"notes": "", "reviewed": False, "celebrate": False, "celebration_note": ""}
    return {name: review[name] for name in (*REVIEW_FIELDS, "version")}


async def save_review(
    user: policies.Actor,
    cohort_id: int,
    experiment_id: int,
    day_id: int,
    version: int,
    values: dict[str, Any],
) -> int:
    """Create or update the review of an experiment for a workshop day. The caller has checked
    that the user manages the cohort. `version` 0 means "there was no review when the form
    was shown": if one exists by now, that is a conflict too."""
    experiment = await cohort_experiment(cohort_id, experiment_id)
    await workshop_day(cohort_id, day_id)
    if values.get("celebrate") and experiment["status"] == "draft":
        raise FieldErrors(
            {
                "celebrate": N_(
                    "A draft cannot be celebrated yet: only experiments that others can see appear on the celebration wall."
                )
            }
        )
    values = {name: values[name] for name in REVIEW_FIELDS} | {"lead": user.id}
    try:
        async with db.write_transaction():
            current = await current_review(experiment_id, day_id)
            if current is None:
                if version:
                    raise ConflictError(review_form(None) | {"version": 0})
                row = ExperimentReview(experiment=experiment_id, workshop_day=day_id, **values)
                return await audit.audited_insert(
                    row, object_type=OBJECT_TYPE, actor_id=user.id, after=values
                )
            if version != current["version"]:
                raise ConflictError(current)
            await audit.audited_update(
                ExperimentReview,
                current,
                version,
                values,
                object_type=OBJECT_TYPE,
                actor_id=user.id,
            )
            return current["id"]
    except ConflictError:
        raise
    except Exception as exc:
        # Two leads created the same day's review at once: the unique index refused the second.
        if "experiment_review_one_per_day" not in str(exc) and "UNIQUE" not in str(exc):
            raise
        current = await current_review(experiment_id, day_id)
        if current is None:
            raise
        raise ConflictError(current) from exc


async def reviews_of(experiment_id: int) -> list[dict[str, Any]]:
    """Every live review of one experiment, by workshop day."""
    return (
        await ExperimentReview.select(
            ExperimentReview.all_columns(),
            ExperimentReview.lead.name.as_alias("lead_name"),
            ExperimentReview.workshop_day.day.as_alias("day"),
            ExperimentReview.workshop_day.place.as_alias("place"),
            ExperimentReview.workshop_day.cohort.as_alias("cohort"),
        )
        .where(
            (ExperimentReview.experiment == experiment_id)
            & ExperimentReview.deleted_at.is_null()
            & ExperimentReview.workshop_day.deleted_at.is_null()
        )
        .order_by(ExperimentReview.workshop_day.day)
    )


async def experiment_row(experiment_id: int) -> dict[str, Any]:
    row = (
        await Experiment.select(
            Experiment.id,
            Experiment.title,
            Experiment.owner,
            Experiment.cohort,
            Experiment.status,
            Experiment.deleted_at,
        )
        .where(Experiment.id == experiment_id)
        .first()
    )
    if row is None:
        raise NotFound
    return row


# --- celebration walls --------------------------------------------------------------------


async def celebrations(cohort_id: int | None = None) -> list[dict[str, Any]]:
    """Celebrated experiments that others can see (never drafts or deleted ones), newest
    review first, each once (with its latest celebration): one query, plus two for themes and
    departments."""
    condition = (
        ExperimentReview.celebrate.eq(True)
        & ExperimentReview.deleted_at.is_null()
        & ExperimentReview.workshop_day.deleted_at.is_null()
        & ExperimentReview.experiment.deleted_at.is_null()
        & (ExperimentReview.experiment.status != "draft")
        & ExperimentReview.experiment.cohort.is_in(
            Cohort.select(Cohort.id).where(Cohort.deleted_at.is_null())
        )
    )
    if cohort_id is not None:
        condition &= ExperimentReview.experiment.cohort == cohort_id
    rows = (
        await ExperimentReview.select(
            ExperimentReview.experiment.id.as_alias("id"),
            ExperimentReview.experiment.title.as_alias("title"),
            ExperimentReview.experiment.status.as_alias("status"),
            ExperimentReview.experiment.outcome.as_alias("outcome"),
            ExperimentReview.experiment.learning.as_alias("learning"),
            ExperimentReview.experiment.owner.as_alias("owner"),
            ExperimentReview.experiment.owner.name.as_alias("owner_name"),
            ExperimentReview.experiment.cohort.as_alias("cohort"),
            ExperimentReview.experiment.cohort.name.as_alias("cohort_name"),
            ExperimentReview.celebration_note,
            ExperimentReview.lead.name.as_alias("lead_name"),
            ExperimentReview.workshop_day.day.as_alias("day"),
        )
        .where(condition)
        .order_by(ExperimentReview.workshop_day.day, ascending=False)
        .order_by(ExperimentReview.id, ascending=False)
        .limit(WALL_LIMIT * 3)
    )
    seen: set[int] = set()
    unique = []
    for row in rows:
        if row["id"] not in seen:
            seen.add(row["id"])
            unique.append(row)
    return await _attach_links(unique[:WALL_LIMIT])
