"""The reflections demo fills in every cohort with past workshop days, deterministically."""

from __future__ import annotations

from datetime import timedelta

from app.demo.reflections import STATEMENTS, load_reflections_demo
from app.reflections.access import today
from app.reflections.tables import (
    AssessmentRating,
    AssessmentStatement,
    ReflectionAnswer,
    ReflectionQuestion,
    ReflectionSubmission,
)
from tests.factories import make_cohort, make_department, make_user


async def _cohorts():
    departments = [await make_department() for _ in range(5)]
    people = [await make_user(department=departments[i % 5].id) for i in range(15)]
    lead = await make_user(is_lead=True)
    past = [today() - timedelta(days=n) for n in (21, 7)]
    named = await make_cohort(
        leads=[lead], participants=people[:10], days=[*past, today() + timedelta(days=7)]
    )
    anonymous = await make_cohort(
        leads=[lead], participants=people[5:], days=past, anonymous_reflections=True
    )
    future_only = await make_cohort(participants=people, days=[today() + timedelta(days=3)])
    return named, anonymous, future_only


async def _snapshot():
    answers = await ReflectionAnswer.select(
        ReflectionAnswer.question,
        ReflectionAnswer.workshop_day,
        ReflectionAnswer.user,
        ReflectionAnswer.text,
    ).order_by(ReflectionAnswer.id)
    ratings = await AssessmentRating.select(
        AssessmentRating.statement,
        AssessmentRating.workshop_day,
        AssessmentRating.department,
        AssessmentRating.rating,
    ).order_by(AssessmentRating.id)
    return answers, ratings


async def test_demo_reflections_and_ratings():
    named, anonymous, future_only = await _cohorts()
    await load_reflections_demo()
    first = await _snapshot()
    await load_reflections_demo()  # idempotent
    assert await _snapshot() == first
    assert await ReflectionQuestion.count().where(ReflectionQuestion.cohort == future_only.id) == 0
    for cohort in (named, anonymous):
        assert await ReflectionQuestion.count().where(ReflectionQuestion.cohort == cohort.id) == 6
        statements = (
            await AssessmentStatement.select(AssessmentStatement.text)
            .where(AssessmentStatement.cohort == cohort.id)
            .order_by(AssessmentStatement.position)
        )
        assert [row["text"] for row in statements] == STATEMENTS
    named_answers = await ReflectionAnswer.select().where(
        ReflectionAnswer.question.cohort == named.id
    )
    anonymous_answers = await ReflectionAnswer.select().where(
        ReflectionAnswer.question.cohort == anonymous.id
    )
    assert named_answers and all(row["user"] for row in named_answers)
    assert anonymous_answers and all(row["user"] is None for row in anonymous_answers)
    assert await ReflectionSubmission.count() > 0
    # Ratings improve from the first day to the last for every group
    ratings = await AssessmentRating.select(
        AssessmentRating.department,
        AssessmentRating.workshop_day.day.as_alias("day"),
        AssessmentRating.rating,
    ).where(AssessmentRating.statement.cohort == named.id)
    by_group: dict[int, dict] = {}
    for row in ratings:
        by_group.setdefault(row["department"], {}).setdefault(row["day"], []).append(row["rating"])
    assert 1 < len(by_group) <= 4
    for days in by_group.values():
        first_day, last_day = min(days), max(days)
        assert sum(days[last_day]) > sum(days[first_day])
