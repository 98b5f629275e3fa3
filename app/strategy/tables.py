"""Strategies, their themes and campaign targets."""

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


class Strategy(Table):
    name = Varchar(length=200)
    period_start = Date()
    period_end = Date()
    description = Text(default="")
    campaign_name = Varchar(length=200, default="")
    campaign_target = Integer(null=True, default=None)
    # When the campaign should reach its target; the strategy's end date when empty.
    campaign_end = Date(null=True, default=None)
    is_current = Boolean(default=False)
    archived = Boolean(default=False)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class Theme(Table):
    strategy = ForeignKey(Strategy, on_delete=OnDelete.no_action)
    name_fi = Varchar(length=200)
    name_sv = Varchar(length=200, default="")
    name_en = Varchar(length=200, default="")
    description = Text(default="")
    colour = Varchar(length=7, default="#0072c6")
    position = Integer(default=0)
    archived = Boolean(default=False)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())
