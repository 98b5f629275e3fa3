"""Experiments with their people, departments, themes, customer groups, channels, measures
and plan-do-check-act cycles; customer groups are an admin-managed list."""

from piccolo.columns import (
    Boolean,
    Date,
    DoublePrecision,
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
from app.cohorts.tables import Cohort
from app.organisation.tables import Department
from app.strategy.tables import Strategy, Theme


class CustomerGroup(Table):
    name_fi = Varchar(length=200)
    name_sv = Varchar(length=200, default="")
    name_en = Varchar(length=200, default="")
    position = Integer(default=0)
    archived = Boolean(default=False)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class Experiment(Table):
    title = Varchar(length=200)
    owner = ForeignKey(User, on_delete=OnDelete.no_action, index=True)
    strategy = ForeignKey(Strategy, null=True, on_delete=OnDelete.no_action)
    cohort = ForeignKey(Cohort, null=True, on_delete=OnDelete.no_action, index=True)
    problem = Text(default="")
    hypothesis = Text(default="")
    plan = Text(default="")
    status = Varchar(length=20, default="draft", index=True)
    abandon_reason = Text(default="")
    result = Text(default="")
    outcome = Varchar(length=20, null=True, default=None, index=True)
    learning = Text(default="")
    decision = Varchar(length=20, null=True, default=None)
    completed_at = Timestamptz(null=True, default=None)
    deleted_at = Timestamptz(null=True, default=None, index=True)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow(), index=True)
    updated_at = Timestamptz(default=TimestamptzNow(), index=True)
    # The ids of its departments and of its themes, sorted, as "4,12" (app/experiments/
    # link_keys.py keeps them in step with the link tables): the strategy rollup groups
    # experiments by them in one index scan instead of joining the link tables.
    department_key = Text(default="")
    theme_key = Text(default="")


class ExperimentCoOwner(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    user = ForeignKey(User, on_delete=OnDelete.cascade, index=True)


class ExperimentDepartment(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    department = ForeignKey(Department, on_delete=OnDelete.no_action, index=True)


class ExperimentTheme(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    theme = ForeignKey(Theme, on_delete=OnDelete.no_action, index=True)


class ExperimentCustomerGroup(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    customer_group = ForeignKey(CustomerGroup, on_delete=OnDelete.no_action, index=True)


class ExperimentChannel(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    channel = Varchar(length=20, index=True)


class Measure(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    name = Varchar(length=200)
    unit = Varchar(length=100, default="")
    baseline = DoublePrecision(null=True, default=None)
    target = DoublePrecision(null=True, default=None)
    result = DoublePrecision(null=True, default=None)
    position = Integer(default=0)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class Cycle(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, index=True)
    number = Integer(default=1)
    plan_notes = Text(default="")
    do_notes = Text(default="")
    check_notes = Text(default="")
    act_notes = Text(default="")
    starts_on = Date(null=True, default=None)
    ends_on = Date(null=True, default=None)
    decision = Varchar(length=20, null=True, default=None)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class FormDraft(Table):
    """What a user has typed into a form but not saved yet (autosave): never lose input."""

    user = ForeignKey(User, on_delete=OnDelete.cascade)
    key = Varchar(length=100)
    data = Text(default="{}")
    updated_at = Timestamptz(default=TimestamptzNow())
