"""Put a workshop cohort into the e2e server's database (run as a subprocess with that
DATABASE_URL; the cohort pages belong to another part of the app): the demo lead leads it, a
few demo employees take part with their experiments, and it has three workshop days, the second
one today. Prints the ids the review journey needs as JSON."""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime, timedelta
from typing import Any

from app.accounts.tables import User
from app.cohorts.tables import Cohort, CohortLead, CohortParticipant, WorkshopDay
from app.demo.content import LEAD_EMAIL
from app.experiments.tables import Experiment
from app.i18n import HELSINKI
from app.review import service
from tests.e2e.server_setup import run_in_server_database

NAME = "E2E-työpaja: asiakaskokemus"
EXPERIMENTS = 4


def create_review_cohort(*, with_reviews: bool = False) -> dict[str, Any]:
    """Run this module against the e2e server's database; return what it printed."""
    return run_in_server_database(
        "tests.e2e.review_cohort", *(["--with-reviews"] if with_reviews else [])
    )


async def main(with_reviews: bool) -> None:
    today = datetime.now(HELSINKI).date()
    lead = await User.select(User.id).where(User.email == LEAD_EMAIL).first()
    cohort = Cohort(name=NAME, description="Päästä päähän -testin ryhmä", stale_after_days=30)
    await cohort.save()
    await CohortLead.insert(CohortLead(cohort=cohort.id, user=lead["id"]))
    days = []
    for offset in (-28, 0, 28):
        day = WorkshopDay(
            cohort=cohort.id, day=today + timedelta(days=offset), place="Kaupungintalo"
        )
        await day.save()
        days.append(day.id)
    # One running experiment each from a few demo employees (other than the lead).
    rows = (
        await Experiment.select(Experiment.id, Experiment.owner)
        .where(
            (Experiment.status == "running")
            & Experiment.deleted_at.is_null()
            & Experiment.cohort.is_null()
            & (Experiment.owner != lead["id"])
        )
        .order_by(Experiment.id)
    )
    chosen: dict[int, int] = {}
    for row in rows:
        chosen.setdefault(row["owner"], row["id"])
        if len(chosen) == EXPERIMENTS:
            break
    await Experiment.update({Experiment.cohort: cohort.id}).where(
        Experiment.id.is_in(list(chosen.values()))
    )
    idle = await User.select(User.id).where(User.id.not_in([lead["id"], *chosen])).first()
    await CohortParticipant.insert(
        *(CohortParticipant(cohort=cohort.id, user=owner) for owner in [*chosen, idle["id"]])
    )
    if with_reviews:  # the demo's reviews for the past day (day 1), e.g. for screenshots
        from app.demo.reviews import load_demo_reviews

        await load_demo_reviews()
    due = await service.due_experiments(cohort.id)
    emails = {
        row["id"]: row["email"]
        for row in await User.select(User.id, User.email).where(User.id.is_in(list(chosen)))
    }
    print(
        json.dumps(
            {
                "cohort": cohort.id,
                "days": days,
                "titles": [row["title"] for row in due],
                "ids": [row["id"] for row in due],
                "owners": [emails[row["owner"]] for row in due],
            }
        )
    )


if __name__ == "__main__":
    asyncio.run(main("--with-reviews" in sys.argv))
