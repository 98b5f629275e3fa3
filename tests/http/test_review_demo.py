"""The demo reviews: over whatever cohorts exist, deterministic and idempotent."""

from __future__ import annotations

from datetime import date

from app.demo.reviews import CELEBRATIONS_PER_COHORT, load_demo_reviews
from app.review.tables import ExperimentReview
from tests.factories import make_cohort, make_experiment, make_user

TODAY = date(2026, 5, 1)


async def test_nothing_to_do_without_cohorts():
    assert await load_demo_reviews(TODAY) == 0


async def test_reviews_for_past_days_with_a_few_celebrations_and_idempotent():
    lead = await make_user(is_lead=True)
    owner = await make_user()
    cohort = await make_cohort(
        name="Demoryhmä", leads=[lead], days=[date(2026, 3, 2), date(2026, 4, 6), date(2026, 6, 1)]
    )
    for number in range(12):
        status = ("draft", "running", "completed", "abandoned")[number % 4]
        await make_experiment(owner, cohort=cohort.id, status=status, learning="Opittiin paljon.")
    added = await load_demo_reviews(TODAY)
    rows = await ExperimentReview.select(
        ExperimentReview.all_columns(),
        ExperimentReview.workshop_day.day.as_alias("day"),
        ExperimentReview.experiment.status.as_alias("status"),
    )
    assert added == len(rows) > 0
    assert all(row["day"] < TODAY for row in rows)  # never for a day still to come
    assert all(row["lead"] == lead.id and row["notes"] for row in rows)
    celebrated = [row for row in rows if row["celebrate"]]
    assert 0 < len(celebrated) <= CELEBRATIONS_PER_COHORT
    assert all(row["status"] in ("completed", "abandoned") for row in celebrated)
    assert await load_demo_reviews(TODAY) == 0  # idempotent

    # Deterministic: the same database content gives the same reviews.
    before = sorted((r["experiment"], r["workshop_day"], r["celebrate"], r["notes"]) for r in rows)
    await ExperimentReview.delete(force=True)
    await load_demo_reviews(TODAY)
    after = sorted(
        (r["experiment"], r["workshop_day"], r["celebrate"], r["notes"])
        for r in await ExperimentReview.select()
    )
    assert before == after
