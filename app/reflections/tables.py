"""Reflection questions and answers after workshop days, and the groups' self-assessment.

Privacy of anonymous cohorts (Cohort.anonymous_reflections): a ReflectionAnswer then has no
user (NULL) and carries no time finer than its day, and the only trace of who answered is a
ReflectionSubmission row ("user X answered day Y"), which has no link to the answers and no
timestamp. See docs/reflections.md.
"""

from piccolo.columns import (
    Boolean,
    ForeignKey,
    Integer,
    OnDelete,
    Text,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from app.accounts.tables import User
from app.cohorts.tables import Cohort, WorkshopDay
from app.organisation.tables import Department


class ReflectionQuestion(Table):
    cohort = ForeignKey(Cohort, on_delete=OnDelete.cascade, index=True)
    position = Integer(default=0)
    text_fi = Varchar(length=500)
    text_sv = Varchar(length=500, default="")
    text_en = Varchar(length=500, default="")
    archived = Boolean(default=False)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class ReflectionSubmission(Table):
    """That a person answered a workshop day's questions: prevents a second submission and
    counts respondents. Deliberately no link to the answers and no timestamp; the version
    guards later edits of a non-anonymous person's answers (optimistic concurrency)."""

    workshop_day = ForeignKey(WorkshopDay, on_delete=OnDelete.cascade, index=True)
    user = ForeignKey(User, on_delete=OnDelete.cascade, index=True)
    version = Integer(default=1)


class ReflectionAnswer(Table):
    question = ForeignKey(ReflectionQuestion, on_delete=OnDelete.cascade, index=True)
    workshop_day = ForeignKey(WorkshopDay, on_delete=OnDelete.cascade, index=True)
    # NULL when the cohort's reflections are anonymous: nothing ties the answer to a person.
    user = ForeignKey(User, null=True, default=None, on_delete=OnDelete.cascade, index=True)
    text = Text()
    deleted_at = Timestamptz(null=True, default=None)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class AssessmentStatement(Table):
    """A statement a group rates 1–5 about its own service, e.g. from a principles poster."""

    cohort = ForeignKey(Cohort, on_delete=OnDelete.cascade, index=True)
    text = Varchar(length=300)
    position = Integer(default=0)
    archived = Boolean(default=False)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class AssessmentRating(Table):
    """One group's (department's) rating of one statement on one workshop day: unique."""

    statement = ForeignKey(AssessmentStatement, on_delete=OnDelete.cascade, index=True)
    workshop_day = ForeignKey(WorkshopDay, on_delete=OnDelete.cascade, index=True)
    department = ForeignKey(Department, on_delete=OnDelete.cascade, index=True)
    rating = Integer()
    rated_by = ForeignKey(User, null=True, default=None, on_delete=OnDelete.set_null)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())
