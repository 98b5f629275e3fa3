"""Demo reviews: for every cohort with past workshop days, the lead's reviews of some of its
experiments on those days, and a few celebrated ones. Deterministic (seeded by the cohort's
name) and idempotent (an experiment's review for a day is added only if missing)."""

from __future__ import annotations

import random
from datetime import datetime, time
from typing import Any

from app.cohorts.tables import Cohort, CohortLead, WorkshopDay
from app.experiments.tables import Experiment
from app.i18n import HELSINKI
from app.review.tables import ExperimentReview

NOTES = (
    "Hyvä, että ongelma on kuvattu asiakkaan näkökulmasta. Seuraavaksi: mikä on se yksi "
    "luku, josta huomaatte onnistumisen?",
    "Hypoteesi on selkeä. Kokeilkaa ensin pienesti, esimerkiksi yhden viikon ajan yhdessä "
    "toimipisteessä.",
    "Mittarin lähtötaso puuttuu vielä. Kirjatkaa nykytilanne ennen kuin aloitatte.",
    "Hienoa edistystä! Kertokaa seuraavassa työpajassa, mitä asiakkaat sanoivat.",
    "Kokeilu on vielä aika iso. Mikä on pienin askel, jonka voitte ottaa huomenna?",
    "Ottakaa mukaan myös kollega toisesta yksiköstä: asiakas on usein yhteinen.",
    "Tulokset näyttävät lupaavilta. Pohtikaa, miten tapa saadaan pysyväksi käytännöksi.",
    "Vaikka tavoite ei toteutunut, opitte paljon. Kirjatkaa oppi, jotta muut hyötyvät siitä.",
)
CELEBRATION_NOTES = (
    "Rohkea kokeilu, josta koko kaupunki voi oppia.",
    "Asiakkaan ääni kuului tässä kokeilussa erinomaisesti.",
    "Epäonnistuminenkin on lahja: tämä oppi säästää muilta paljon vaivaa.",
    "Pieni muutos, iso vaikutus asiakkaiden arkeen.",
)
REVIEW_SHARE = 0.6  # of a cohort's experiments, reviewed on each past day
CELEBRATIONS_PER_COHORT = 3


async def load_demo_reviews(today: Any | None = None) -> int:
    """Add the missing demo reviews; return how many were added."""
    today = today or datetime.now(HELSINKI).date()
    added = 0
    for cohort in (
        await Cohort.select(Cohort.id, Cohort.name)
        .where(Cohort.deleted_at.is_null())
        .order_by(Cohort.id)
    ):
        added += await _cohort_reviews(cohort, today)
    return added


async def _cohort_reviews(cohort: dict[str, Any], today: Any) -> int:
    days = (
        await WorkshopDay.select(WorkshopDay.id, WorkshopDay.day)
        .where(
            (WorkshopDay.cohort == cohort["id"])
            & WorkshopDay.deleted_at.is_null()
            & (WorkshopDay.day < today)
        )
        .order_by(WorkshopDay.day)
    )
    experiments = (
        await Experiment.select(Experiment.id, Experiment.status, Experiment.learning)
        .where((Experiment.cohort == cohort["id"]) & Experiment.deleted_at.is_null())
        .order_by(Experiment.id)
    )
    if not days or not experiments:
        return 0
    lead = (
        await CohortLead.select(CohortLead.user)
        .where(CohortLead.cohort == cohort["id"])
        .order_by(CohortLead.id)
        .first()
    )
    existing = {
        (row["experiment"], row["workshop_day"])
        for row in await ExperimentReview.select(
            ExperimentReview.experiment, ExperimentReview.workshop_day
        ).where(ExperimentReview.workshop_day.is_in([day["id"] for day in days]))
    }
    rng = random.Random(f"kokeilu-demo-reviews-{cohort['name']}")
    # Celebrate on the latest past day: experiments others can see that have a learning, or
    # are well on their way.
    candidates = [
        row["id"]
        for row in experiments
        if row["status"] in ("completed", "abandoned") and row["learning"].strip()
    ] or [row["id"] for row in experiments if row["status"] in ("running", "checking")]
    celebrated = set(rng.sample(candidates, min(CELEBRATIONS_PER_COHORT, len(candidates))))
    rows = []
    for position, day in enumerate(days):
        last = position == len(days) - 1
        written = datetime.combine(day["day"], time(14, 30), tzinfo=HELSINKI)
        for experiment in experiments:
            celebrate = last and experiment["id"] in celebrated
            # Every draw happens whatever exists already, so that a second run makes the same
            # choices for the reviews still missing.
            chosen = rng.random() <= REVIEW_SHARE
            notes, note = rng.choice(NOTES), rng.choice(CELEBRATION_NOTES)
            if not (chosen or celebrate) or (experiment["id"], day["id"]) in existing:
                continue
            rows.append(
                ExperimentReview(
                    experiment=experiment["id"],
                    workshop_day=day["id"],
                    lead=lead["user"] if lead else None,
                    notes=notes,
                    reviewed=True,
                    celebrate=celebrate,
                    celebration_note=note if celebrate else "",
                    created_at=written,
                    updated_at=written,
                )
            )
    if rows:
        await ExperimentReview.insert(*rows)
    return len(rows)
