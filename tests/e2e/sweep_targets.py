"""Find, in the e2e server's demo data, the pages with the richest content for the
accessibility sweep (run as a subprocess with that DATABASE_URL, like review_cohort.py): an
experiment with measures, cycles, survey answers, comments and kudos, and a cohort with
workshop days and experiments. Prints their ids as JSON."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from app.accounts.tables import User
from app.cohorts.tables import CohortLead, WorkshopDay
from app.conversation.tables import Comment, Kudos
from app.demo.content import LEAD_EMAIL
from app.experiments.tables import Cycle, Experiment, Measure
from app.surveys.tables import Survey, SurveyAnswer
from tests.e2e.server_setup import run_in_server_database


def find_sweep_targets() -> dict[str, Any]:
    """Run this module against the e2e server's database; return what it printed."""
    return run_in_server_database("tests.e2e.sweep_targets")


async def _ids(query: Any, column: str) -> set[int]:
    return {row[column] for row in await query}


async def _rich_experiment() -> dict[str, Any]:
    """A shared experiment that has every kind of content the experiment page can show."""
    with_measures = await _ids(Measure.select(Measure.experiment), "experiment")
    with_cycles = await _ids(Cycle.select(Cycle.experiment), "experiment")
    answered = await _ids(
        SurveyAnswer.select(SurveyAnswer.survey.experiment.as_alias("experiment")).where(
            SurveyAnswer.survey.deleted_at.is_null()
        ),
        "experiment",
    )
    commented = await _ids(
        Comment.select(Comment.experiment).where(Comment.deleted_at.is_null()), "experiment"
    )
    thanked = await _ids(
        Kudos.select(Kudos.experiment).where(Kudos.deleted_at.is_null()), "experiment"
    )
    candidates = with_measures & with_cycles & answered & commented & thanked
    assert candidates, "the demo data should have an experiment with every kind of content"
    row = (
        await Experiment.select(
            Experiment.id,
            Experiment.owner.id.as_alias("owner_id"),
            Experiment.owner.email.as_alias("owner_email"),
        )
        .where(
            Experiment.id.is_in(sorted(candidates))
            & Experiment.deleted_at.is_null()
            & (Experiment.status != "draft")
        )
        .order_by(Experiment.id)
        .first()
    )
    assert row is not None, "the rich experiment should be shared and live"
    measure = await Measure.select(Measure.id).where(Measure.experiment == row["id"]).first()
    cycle = await Cycle.select(Cycle.id).where(Cycle.experiment == row["id"]).first()
    survey = (
        await Survey.select(Survey.id)
        .where((Survey.experiment == row["id"]) & Survey.deleted_at.is_null())
        .first()
    )
    return {
        "id": row["id"],
        "owner": row["owner_id"],
        "owner_email": row["owner_email"],
        "measure": measure["id"],
        "cycle": cycle["id"],
        "survey": survey["id"],
    }


async def _lead_cohort() -> dict[str, Any]:
    """The demo lead's cohort with the most experiments, and its workshop days."""
    lead = await User.select(User.id).where(User.email == LEAD_EMAIL).first()
    cohorts = await _ids(
        CohortLead.select(CohortLead.cohort).where(CohortLead.user == lead["id"]), "cohort"
    )
    counts: dict[int, int] = {}
    for row in await Experiment.select(Experiment.cohort).where(
        Experiment.cohort.is_in(sorted(cohorts)) & Experiment.deleted_at.is_null()
    ):
        counts[row["cohort"]] = counts.get(row["cohort"], 0) + 1
    cohort = max(sorted(counts), key=lambda cohort_id: counts[cohort_id])
    days = (
        await WorkshopDay.select(WorkshopDay.id)
        .where((WorkshopDay.cohort == cohort) & WorkshopDay.deleted_at.is_null())
        .order_by(WorkshopDay.day)
    )
    return {"id": cohort, "days": [day["id"] for day in days]}


async def main() -> None:
    print(json.dumps({"experiment": await _rich_experiment(), "cohort": await _lead_cohort()}))


if __name__ == "__main__":
    asyncio.run(main())
