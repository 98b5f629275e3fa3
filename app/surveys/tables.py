"""Customer feedback surveys attached to an experiment's measure, their answers, refused answers
(counted per reason) and the short-lived rate-limit windows of the public form."""

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
from app.experiments.tables import Experiment, Measure


class Survey(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    measure = ForeignKey(Measure, null=True, on_delete=OnDelete.set_null, index=True)
    # Unguessable public addresses: the link/QR one and the kiosk one. Revoking replaces both.
    token = Varchar(length=40, unique=True)
    kiosk_token = Varchar(length=40, unique=True)
    question_fi = Varchar(length=300)
    question_sv = Varchar(length=300, default="")
    question_en = Varchar(length=300, default="")
    # The optional second question: "" (none), "scale" (1–5) or "choice" (one of the lines).
    second_kind = Varchar(length=10, default="")
    second_question_fi = Varchar(length=300, default="")
    second_question_sv = Varchar(length=300, default="")
    second_question_en = Varchar(length=300, default="")
    second_choices_fi = Text(default="")
    second_choices_sv = Text(default="")
    second_choices_en = Text(default="")
    allow_comment = Boolean(default=True)
    # The collection period open now: "before", "after" or None (closed).
    open_period = Varchar(length=10, null=True, default=None)
    before_opened_at = Timestamptz(null=True, default=None)
    before_closed_at = Timestamptz(null=True, default=None)
    after_opened_at = Timestamptz(null=True, default=None)
    after_closed_at = Timestamptz(null=True, default=None)
    created_by = ForeignKey(User, null=True, on_delete=OnDelete.set_null)
    deleted_at = Timestamptz(null=True, default=None)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class SurveyAnswer(Table):
    """One customer's answer. No personal data: the comment is masked before it is stored and
    deleted after the retention period; the numbers stay."""

    survey = ForeignKey(Survey, on_delete=OnDelete.cascade, index=True)
    period = Varchar(length=10)
    score = Integer()
    second_value = Integer(null=True, default=None)
    comment = Text(null=True, default=None)
    language = Varchar(length=2, default="fi")
    channel = Varchar(length=10, default="link")
    # Sent by the page (a fresh one per form, or per kiosk answer): a resent answer is stored once.
    submission_id = Varchar(length=64, unique=True)
    created_at = Timestamptz(default=TimestamptzNow(), index=True)


class SurveyRefusal(Table):
    """Answers the public form refused, counted per survey, reason and day (never silently)."""

    bucket = Varchar(length=80, unique=True)  # "<survey>:<reason>:<day>", for an atomic upsert
    survey = ForeignKey(Survey, on_delete=OnDelete.cascade, index=True)
    reason = Varchar(length=20)
    day = Varchar(length=10)
    count = Integer(default=0)


class SurveyRateWindow(Table):
    """Hits per key in a fixed one-minute window. Keys are keyed hashes (never an IP address)
    and rows are pruned a few minutes after their window ends."""

    key = Varchar(length=64, unique=True)  # hash of (what is limited, who, which window)
    window_start = Timestamptz(index=True)
    hits = Integer(default=0)
