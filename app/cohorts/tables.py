"""A cohort is a coached programme (e.g. three workshop days, 50 participants): its leads,
participants, the strategy themes chosen for it, its workshop days and its join links."""

from piccolo.columns import (
    Boolean,
    Date,
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
from app.strategy.tables import Strategy, Theme


class Cohort(Table):
    name = Varchar(length=200)
    description = Text(default="")
    strategy = ForeignKey(Strategy, null=True, on_delete=OnDelete.no_action)
    # Reflection answers of an anonymous cohort store no link to the person who answered.
    anonymous_reflections = Boolean(default=False)
    # The review board flags experiments with no update for this many days.
    stale_after_days = Integer(default=14)
    archived = Boolean(default=False)
    deleted_at = Timestamptz(null=True, default=None)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class CohortLead(Table):
    cohort = ForeignKey(Cohort, on_delete=OnDelete.cascade, index=True)
    user = ForeignKey(User, on_delete=OnDelete.cascade, index=True)


class CohortParticipant(Table):
    cohort = ForeignKey(Cohort, on_delete=OnDelete.cascade, index=True)
    user = ForeignKey(User, on_delete=OnDelete.cascade, index=True)
    added_by = ForeignKey(User, null=True, on_delete=OnDelete.set_null)
    # How the person came in: "lead" (one by one), "department" (bulk) or "link" (join link).
    added_via = Varchar(length=20, default="lead")
    created_at = Timestamptz(default=TimestamptzNow())


class CohortTheme(Table):
    cohort = ForeignKey(Cohort, on_delete=OnDelete.cascade, index=True)
    theme = ForeignKey(Theme, on_delete=OnDelete.no_action, index=True)


class WorkshopDay(Table):
    cohort = ForeignKey(Cohort, on_delete=OnDelete.cascade, index=True)
    day = Date()
    place = Varchar(length=200, default="")
    agenda = Text(default="")
    deleted_at = Timestamptz(null=True, default=None)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class CohortJoinLink(Table):
    """A link that lets a signed-in employee join a cohort; only the token's hash is stored."""

    cohort = ForeignKey(Cohort, on_delete=OnDelete.cascade, index=True)
    token_hash = Varchar(length=64, unique=True)
    expires_at = Timestamptz()
    revoked_at = Timestamptz(null=True, default=None)
    created_by = ForeignKey(User, null=True, on_delete=OnDelete.set_null)
    created_at = Timestamptz(default=TimestamptzNow())
