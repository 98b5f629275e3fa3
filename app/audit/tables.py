"""The audit log: who wrote what, when, with the values before and after."""

from piccolo.columns import JSON, ForeignKey, Integer, OnDelete, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from app.accounts.tables import User


class AuditLog(Table):
    actor = ForeignKey(User, null=True, on_delete=OnDelete.set_null)
    action = Varchar(length=60)
    object_type = Varchar(length=60, index=True)
    object_id = Integer(null=True, default=None, index=True)
    before = JSON(null=True, default=None)
    after = JSON(null=True, default=None)
    request_id = Varchar(length=64, default="")
    created_at = Timestamptz(default=TimestamptzNow(), index=True)
