"""A workshop lead's review of one experiment for one workshop day: notes for the owners,
a "reviewed" mark, and a "celebrate" mark that puts the experiment on the celebration wall."""

from piccolo.columns import Boolean, ForeignKey, Integer, OnDelete, Text, Timestamptz
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from app.accounts.tables import User
from app.cohorts.tables import WorkshopDay
from app.experiments.tables import Experiment


class ExperimentReview(Table):
    """One per experiment per workshop day (a unique index on the pair, among live rows)."""

    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    workshop_day = ForeignKey(WorkshopDay, on_delete=OnDelete.cascade, index=True)
    # The lead who last saved the review.
    lead = ForeignKey(User, null=True, on_delete=OnDelete.set_null)
    # Coaching notes (Markdown): seen by the experiment's owners and the cohort's leads only.
    notes = Text(default="")
    reviewed = Boolean(default=False)
    celebrate = Boolean(default=False, index=True)
    # What the celebration wall says about the experiment (public to everyone signed in).
    celebration_note = Text(default="")
    deleted_at = Timestamptz(null=True, default=None)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())
