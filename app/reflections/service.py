"""Reflection questions of a cohort and the participants' answers after each workshop day.

Anonymous cohorts: answers are stored with no user and with the day (not the time) as their
timestamps; ReflectionSubmission records only that a person answered a day, so that nobody
answers twice. Nothing links the two. In a named cohort the same submission row carries the
version that guards later edits of the person's answers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

import asyncpg
from piccolo.engine.postgres import PostgresEngine
from piccolo.query.functions.aggregate import Count

from app import db
from app.audit import service as audit
from app.cohorts.tables import CohortParticipant
from app.i18n import N_
from app.reflections import ordering
from app.reflections.tables import ReflectionAnswer, ReflectionQuestion, ReflectionSubmission
from app.service_errors import ConflictError, FieldErrors

# The six questions that close every theme of the training package (seed 003).
DEFAULT_QUESTIONS: list[tuple[str, str, str]] = [
    ("Mitä uutta oivalsin?", "Vad lärde jag mig som var nytt?", "What new insight did I gain?"),
    (
        "Mikä asia jäi vielä minulle epäselväksi?",
        "Vad är fortfarande oklart för mig?",
        "What is still unclear to me?",
    ),
    ("Mistä olen eri mieltä?", "Vad håller jag inte med om?", "What do I disagree with?"),
    (
        "Mistä haluaisin tietää lisää? Miten voisin ottaa selvää?",
        "Vad skulle jag vilja veta mer om? Hur kunde jag ta reda på det?",
        "What would I like to know more about? How could I find out?",
    ),
    (
        "Kenen kanssa ja milloin voisin keskustella teemasta lisää?",
        "Med vem och när kunde jag diskutera temat mer?",
        "With whom and when could I discuss the theme further?",
    ),
    (
        "Miltä osin työyhteisömme voisi hyötyä siitä, että keskustelisimme teemasta yhdessä "
        "tarkemmin?",
        "På vilket sätt kunde vår arbetsgemenskap ha nytta av att vi diskuterade temat "
        "närmare tillsammans?",
        "How could our work community benefit from discussing the theme together in more depth?",
    ),
]

OBJECT_TYPE = "reflection_question"
UNIQUE_VIOLATIONS = (sqlite3.IntegrityError, asyncpg.UniqueViolationError)


# --- questions ----------------------------------------------------------------------------


async def _lock_cohort(cohort_id: int) -> None:
    """Serialise concurrent first uses of a cohort on PostgreSQL (SQLite's IMMEDIATE
    transaction already does)."""
    if isinstance(db.engine(), PostgresEngine):
        await ReflectionQuestion.raw("SELECT id FROM cohort WHERE id = {} FOR UPDATE", cohort_id)


async def ensure_default_questions(cohort_id: int) -> bool:
    """Give a cohort the six default questions if it has never had any; True if it did now.
    Call it when a cohort is created, or let the pages call it the first time they need them."""
    async with db.write_transaction():
        await _lock_cohort(cohort_id)
        if await ReflectionQuestion.exists().where(ReflectionQuestion.cohort == cohort_id):
            return False
        await ReflectionQuestion.insert(
            *(
                ReflectionQuestion(
                    cohort=cohort_id, position=position, text_fi=fi, text_sv=sv, text_en=en
                )
                for position, (fi, sv, en) in enumerate(DEFAULT_QUESTIONS, start=1)
            )
        )
        await audit.record(
            actor_id=None,
            action="create_defaults",
            object_type="reflection_questions",
            object_id=cohort_id,
            after={"questions": len(DEFAULT_QUESTIONS)},
        )
    return True


async def questions(cohort_id: int, include_archived: bool = False) -> list[dict[str, Any]]:
    """The cohort's questions in order, the defaults created on first need."""
    rows = await ordering.rows_of(ReflectionQuestion, cohort_id, include_archived)
    if rows or await ReflectionQuestion.exists().where(ReflectionQuestion.cohort == cohort_id):
        return rows
    # A GET request reads inside a shared (read) transaction on SQLite: write outside it.
    # (and read them there too: the read transaction's snapshot predates them).
    async with db.outside_transaction():
        await ensure_default_questions(cohort_id)
        return await ordering.rows_of(ReflectionQuestion, cohort_id, include_archived)


async def get_question(cohort_id: int, question_id: int) -> dict[str, Any]:
    return await ordering.row_of(ReflectionQuestion, cohort_id, question_id)


async def create_question(cohort_id: int, values: dict[str, Any], actor_id: int) -> int:
    await questions(cohort_id)  # the defaults come first, so a new question is the seventh
    return await ordering.create(
        ReflectionQuestion, cohort_id, values, object_type=OBJECT_TYPE, actor_id=actor_id
    )


async def update_question(
    cohort_id: int, question_id: int, version: int, values: dict[str, Any], actor_id: int
) -> None:
    await ordering.update(
        ReflectionQuestion,
        cohort_id,
        question_id,
        version,
        values,
        object_type=OBJECT_TYPE,
        actor_id=actor_id,
    )


async def move_question(
    cohort_id: int, question_id: int, version: int, direction: str, actor_id: int
) -> None:
    await ordering.move(
        ReflectionQuestion,
        cohort_id,
        question_id,
        version,
        direction,
        object_type=OBJECT_TYPE,
        actor_id=actor_id,
    )


# --- one person's answers -----------------------------------------------------------------


@dataclass
class MyAnswers:
    submitted: bool = False
    version: int = 0
    texts: dict[int, str] = field(default_factory=dict)


async def my_answers(day_id: int, user_id: int, anonymous: bool) -> MyAnswers:
    submission = (
        await ReflectionSubmission.select()
        .where(
            (ReflectionSubmission.workshop_day == day_id) & (ReflectionSubmission.user == user_id)
        )
        .first()
    )
    if submission is None:
        return MyAnswers()
    mine = MyAnswers(submitted=True, version=submission["version"])
    if not anonymous:
        rows = await ReflectionAnswer.select(
            ReflectionAnswer.question, ReflectionAnswer.text
        ).where(
            (ReflectionAnswer.workshop_day == day_id)
            & (ReflectionAnswer.user == user_id)
            & ReflectionAnswer.deleted_at.is_null()
        )
        mine.texts = {row["question"]: row["text"] for row in rows}
    return mine


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


async def submit_answers(
    *,
    cohort: dict[str, Any],
    day: dict[str, Any],
    user_id: int,
    texts: dict[int, str],
    version: int,
) -> None:
    """Save a person's answers for a day: the first time (version 0) or, in a named cohort,
    again over their earlier answers (the version they saw must still be the saved one)."""
    anonymous = bool(cohort["anonymous_reflections"])
    active = {row["id"] for row in await questions(cohort["id"])}
    texts = {qid: text for qid, text in texts.items() if qid in active}
    try:
        async with db.write_transaction():
            submission = (
                await ReflectionSubmission.select()
                .where(
                    (ReflectionSubmission.workshop_day == day["id"])
                    & (ReflectionSubmission.user == user_id)
                )
                .first()
            )
            if submission is not None and anonymous:
                raise FieldErrors({"__all__": N_("You have already answered for this day.")})
            if submission is None:
                if version != 0:
                    raise ConflictError({"version": 0})
                await ReflectionSubmission.insert(
                    ReflectionSubmission(workshop_day=day["id"], user=user_id)
                )
            elif not await db.update_versioned(ReflectionSubmission, submission["id"], version, {}):
                raise ConflictError(submission)
            if anonymous:
                await _insert_anonymous(day, texts)
            else:
                await _save_named(day["id"], user_id, texts)
            await audit.record(
                actor_id=user_id,
                action="answer" if submission is None else "update",
                object_type="reflection_day",
                object_id=day["id"],
                after={"anonymous": anonymous, "answers": sum(1 for t in texts.values() if t)},
            )
    except UNIQUE_VIOLATIONS as exc:  # the same person submitting twice at the same moment
        raise FieldErrors({"__all__": N_("You have already answered for this day.")}) from exc


async def _insert_anonymous(day: dict[str, Any], texts: dict[int, str]) -> None:
    stamp = _day_start(day["day"])  # no time of day: it could be matched with the submission
    rows = [
        ReflectionAnswer(
            question=qid,
            workshop_day=day["id"],
            user=None,
            text=text,
            created_at=stamp,
            updated_at=stamp,
        )
        for qid, text in texts.items()
        if text
    ]
    if rows:
        await ReflectionAnswer.insert(*rows)


async def _save_named(day_id: int, user_id: int, texts: dict[int, str]) -> None:
    """Insert new answers, update changed ones, soft-delete the ones emptied."""
    existing = {
        row["question"]: row
        for row in await ReflectionAnswer.select().where(
            (ReflectionAnswer.workshop_day == day_id) & (ReflectionAnswer.user == user_id)
        )
    }
    now = datetime.now(UTC)
    new_rows = []
    for qid, text in texts.items():
        row = existing.get(qid)
        if row is None:
            if text:
                new_rows.append(
                    ReflectionAnswer(question=qid, workshop_day=day_id, user=user_id, text=text)
                )
            continue
        if text and (text != row["text"] or row["deleted_at"] is not None):
            await ReflectionAnswer.update(
                text=text,
                deleted_at=None,
                updated_at=now,
                version=ReflectionAnswer.version + 1,
            ).where(ReflectionAnswer.id == row["id"])
        elif not text and row["deleted_at"] is None:
            await ReflectionAnswer.update(
                deleted_at=now, updated_at=now, version=ReflectionAnswer.version + 1
            ).where(ReflectionAnswer.id == row["id"])
    if new_rows:
        await ReflectionAnswer.insert(*new_rows)


async def answered_day_ids(cohort_id: int, user_id: int) -> set[int]:
    rows = await ReflectionSubmission.select(ReflectionSubmission.workshop_day).where(
        (ReflectionSubmission.user == user_id)
        & (ReflectionSubmission.workshop_day.cohort == cohort_id)
    )
    return {row["workshop_day"] for row in rows}


async def my_answers_by_day(cohort_id: int, user_id: int) -> dict[int, dict[int, str]]:
    """A named participant's own answers for every day of the cohort: {day: {question: text}}."""
    rows = await ReflectionAnswer.select(
        ReflectionAnswer.workshop_day, ReflectionAnswer.question, ReflectionAnswer.text
    ).where(
        (ReflectionAnswer.user == user_id)
        & (ReflectionAnswer.workshop_day.cohort == cohort_id)
        & ReflectionAnswer.deleted_at.is_null()
    )
    result: dict[int, dict[int, str]] = {}
    for row in rows:
        result.setdefault(row["workshop_day"], {})[row["question"]] = row["text"]
    return result


# --- the lead's view ----------------------------------------------------------------------


@dataclass
class DayAnswers:
    questions: list[dict[str, Any]]
    answers: dict[int, list[dict[str, Any]]]
    counts: dict[int, int]
    respondents: int
    participants: int


async def day_answers(cohort_id: int, day_id: int, anonymous: bool) -> DayAnswers:
    """Every answer of a day per question, in a fixed number of queries. Anonymous answers
    are listed by their text, so that their order tells nothing about who wrote them."""
    active = await questions(cohort_id, include_archived=True)
    base = (ReflectionAnswer.workshop_day == day_id) & ReflectionAnswer.deleted_at.is_null()
    rows = await (
        ReflectionAnswer.select(
            ReflectionAnswer.id,
            ReflectionAnswer.question,
            ReflectionAnswer.text,
            ReflectionAnswer.updated_at,
            ReflectionAnswer.user.name.as_alias("author"),
        )
        .where(base)
        .order_by(ReflectionAnswer.text if anonymous else ReflectionAnswer.id)
    )
    counts = {
        row["question"]: row["answers"]
        for row in await ReflectionAnswer.select(ReflectionAnswer.question, Count(alias="answers"))
        .where(base)
        .group_by(ReflectionAnswer.question)
    }
    respondents = await ReflectionSubmission.count().where(
        ReflectionSubmission.workshop_day == day_id
    )
    participants = await CohortParticipant.count().where(CohortParticipant.cohort == cohort_id)
    answers: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        if anonymous:
            row["author"] = None
        answers.setdefault(row["question"], []).append(row)
    shown = [q for q in active if not q["archived"] or q["id"] in answers]
    return DayAnswers(shown, answers, counts, respondents, participants)
