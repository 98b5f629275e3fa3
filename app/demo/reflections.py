"""Demo reflections and self-assessment for every cohort that has had workshop days: the six
default questions, answers from some participants after each past day (anonymous where the
cohort says so), five customer-encounter statements and a few groups' ratings that improve
from day to day. Deterministic (seeded) and idempotent: a cohort that already has answers,
statements or ratings keeps them as they are."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time
from typing import Any

from app.cohorts.tables import Cohort, CohortLead, CohortParticipant, WorkshopDay
from app.db import write_transaction
from app.i18n import HELSINKI
from app.reflections import ordering
from app.reflections.service import ensure_default_questions
from app.reflections.tables import (
    AssessmentRating,
    AssessmentStatement,
    ReflectionAnswer,
    ReflectionQuestion,
    ReflectionSubmission,
)

SEED = 20261123

# What participants wrote, per default question (in the order of the six questions).
ANSWER_POOLS: list[list[str]] = [
    [
        "Asiakkaan ongelma kannattaa kirjoittaa asiakkaan sanoin, ei meidän.",
        "Pienikin kokeilu riittää: ei tarvitse odottaa isoa hanketta.",
        "Epäonnistunut kokeilu on myös tulos, kunhan opit kirjataan.",
        "Hiljaiset asiakkaat eivät anna palautetta, joten heitä pitää kysyä itse.",
        "Palvelulupaus on hyvä tapa kertoa, mitä ja ketä varten työtä tehdään.",
        "Toisten yksiköiden kokeiluista voi kopioida suoraan omaan työhön.",
    ],
    [
        "Miten mittaamme tulosta, jos asiakkaita on vain muutama viikossa?",
        "Kuka päättää, otetaanko hyvä kokeilu pysyvästi käyttöön?",
        "Miten kokeilu sovitetaan vuorotyöhön ja lomakauteen?",
        "En ole varma, miten hypoteesi kannattaa muotoilla.",
        "Jäi epäselväksi, saako asiakkaan yhteystietoja kysyä palautetta varten.",
    ],
    [
        "Kaikkea ei voi mitata numeroilla, asiakkaan kiitos on myös tulos.",
        "Kolme viikkoa on liian lyhyt aika nähdä muutos.",
        "Mielestäni esihenkilön pitäisi olla mukana jo suunnitteluvaiheessa.",
        "Sähköinen asiointi ei sovi kaikille asiakkaillemme.",
    ],
    [
        "Miten muut kaupungit keräävät asiakaspalautetta? Kysyn työpajan vetäjältä.",
        "Haluaisin oppia tekemään lyhyen kyselyn, katson intran ohjeet.",
        "Palvelumuotoilusta, etsin aiheesta verkkokurssin.",
        "Miten asiakasraati toimii käytännössä? Kysyn nuorisopalveluista.",
    ],
    [
        "Tiimipalaverissa ensi tiistaina koko porukan kanssa.",
        "Esihenkilöni kanssa kehityskeskustelussa.",
        "Naapuriyksikön kollegan kanssa kahvilla tällä viikolla.",
        "Otan asian esiin henkilöstöinfossa kuun lopussa.",
    ],
    [
        "Jos sopisimme yhdessä, miten vastaamme puhelimeen, asiakkaat saisivat saman palvelun.",
        "Voisimme jakaa onnistumiset viikoittain, niin hyvät käytännöt leviäisivät.",
        "Yhteinen huoneentaulu selkeyttäisi, mitä asiakkaille lupaamme.",
        "Uudet työntekijät pääsisivät nopeammin sisään, kun opit olisivat kirjattuina.",
        "Asiakaspalaute kannattaisi käydä läpi palaverissa joka kuukausi.",
    ],
]

# How likely a participant answers each of the six questions: most say what they learned.
ANSWER_LIKELIHOOD = [0.95, 0.6, 0.45, 0.55, 0.6, 0.75]

# A principles poster (huoneentaulu) of customer encounters, as seed 001 suggests.
STATEMENTS = [
    "Tervehdimme jokaista asiakasta ja kohtaamme hänet ystävällisesti.",
    "Kuuntelemme asiakkaan asian loppuun ennen kuin vastaamme.",
    "Kerromme asiakkaalle selkeästi, mitä seuraavaksi tapahtuu ja milloin.",
    "Pyydämme asiakkaalta palautetta ja otamme sen vastaan lahjana.",
    "Ohjaamme asiakkaan oikeaan paikkaan, vaikka asia ei kuuluisi meille.",
]

MAX_RATING_GROUPS = 4


async def load_reflections_demo() -> None:
    """Add the demo reflections and ratings to every cohort with past workshop days."""
    today = datetime.now(HELSINKI).date()
    async with write_transaction():
        cohorts = (
            await Cohort.select(Cohort.id, Cohort.anonymous_reflections)
            .where(Cohort.deleted_at.is_null())
            .order_by(Cohort.id)
        )
        for cohort in cohorts:
            days = (
                await WorkshopDay.select(WorkshopDay.id, WorkshopDay.day)
                .where(
                    (WorkshopDay.cohort == cohort["id"])
                    & WorkshopDay.deleted_at.is_null()
                    & (WorkshopDay.day <= today)
                )
                .order_by(WorkshopDay.day)
            )
            if not days:
                continue
            rng = random.Random(SEED + cohort["id"])  # noqa: S311 - demo data, not security
            await ensure_default_questions(cohort["id"])
            await _answers(cohort, days, rng)
            await _self_assessment(cohort["id"], days, rng)


async def _participants(cohort_id: int) -> list[dict[str, Any]]:
    return (
        await CohortParticipant.select(
            CohortParticipant.user.as_alias("user"),
            CohortParticipant.user.department.as_alias("department"),
        )
        .where(CohortParticipant.cohort == cohort_id)
        .order_by(CohortParticipant.id)
    )


async def _answers(cohort: dict[str, Any], days: list[dict[str, Any]], rng: random.Random) -> None:
    cohort_id = cohort["id"]
    day_ids = [day["id"] for day in days]
    if await ReflectionSubmission.exists().where(ReflectionSubmission.workshop_day.is_in(day_ids)):
        return
    questions = await ordering.rows_of(ReflectionQuestion, cohort_id, include_archived=False)
    people = [row["user"] for row in await _participants(cohort_id)]
    if not questions or not people:
        return
    anonymous = bool(cohort["anonymous_reflections"])
    submissions, answers = [], []
    for day in days:
        respondents = rng.sample(people, k=max(1, round(len(people) * rng.uniform(0.4, 0.7))))
        # Anonymous answers carry only their day (see app/reflections/service.py).
        stamp = (
            datetime.combine(day["day"], time.min, tzinfo=UTC)
            if anonymous
            else datetime.combine(day["day"], time(15), tzinfo=HELSINKI)
        )
        # Each question's answers that day are drawn without repeats (until the pool runs out).
        pools = [rng.sample(pool, k=len(pool)) for pool in ANSWER_POOLS]
        for number, user_id in enumerate(respondents):
            submissions.append(ReflectionSubmission(workshop_day=day["id"], user=user_id))
            for index, question in enumerate(questions):
                slot = index % len(ANSWER_POOLS)
                if rng.random() > ANSWER_LIKELIHOOD[slot]:  # not everyone answers everything
                    continue
                answers.append(
                    ReflectionAnswer(
                        question=question["id"],
                        workshop_day=day["id"],
                        user=None if anonymous else user_id,
                        text=pools[slot][number % len(pools[slot])],
                        created_at=stamp,
                        updated_at=stamp,
                    )
                )
    if anonymous:
        rng.shuffle(answers)  # insertion order must not follow the submissions
    if submissions:
        await ReflectionSubmission.insert(*submissions)
    if answers:
        await ReflectionAnswer.insert(*answers)


async def _self_assessment(cohort_id: int, days: list[dict[str, Any]], rng: random.Random) -> None:
    if await AssessmentStatement.exists().where(AssessmentStatement.cohort == cohort_id):
        return
    lead = await CohortLead.select(CohortLead.user).where(CohortLead.cohort == cohort_id).first()
    await AssessmentStatement.insert(
        *(
            AssessmentStatement(cohort=cohort_id, text=text, position=position)
            for position, text in enumerate(STATEMENTS, start=1)
        )
    )
    statements = await ordering.rows_of(AssessmentStatement, cohort_id)
    departments = sorted(
        {row["department"] for row in await _participants(cohort_id) if row["department"]}
    )
    groups = rng.sample(departments, k=min(MAX_RATING_GROUPS, len(departments)))
    ratings = []
    for group in groups:
        start = rng.choice((2.0, 2.5, 3.0))
        for day_index, day in enumerate(days):
            for statement in statements:
                value = start + 0.7 * day_index + rng.choice((-0.5, 0.0, 0.0, 0.5))
                ratings.append(
                    AssessmentRating(
                        statement=statement["id"],
                        workshop_day=day["id"],
                        department=group,
                        rating=max(1, min(5, round(value))),
                        rated_by=lead["user"] if lead else None,
                    )
                )
    if ratings:
        await AssessmentRating.insert(*ratings)
