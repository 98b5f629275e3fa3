"""Departments: the tree of places where people work (toimiala > palvelualue > yksikkö)."""

from piccolo.columns import Boolean, ForeignKey, Integer, OnDelete, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table


class Department(Table):
    parent = ForeignKey("self", null=True, on_delete=OnDelete.no_action)
    name_fi = Varchar(length=200)
    name_sv = Varchar(length=200, default="")
    name_en = Varchar(length=200, default="")
    archived = Boolean(default=False)
    version = Integer(default=1)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())
