"""People, their sign-in secrets, sessions and sign-in throttling."""

from piccolo.columns import (
    Boolean,
    Bytea,
    ForeignKey,
    Integer,
    OnDelete,
    Timestamptz,
    Varchar,
)
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from app.organisation.tables import Department


class User(Table, tablename="account"):
    name = Varchar(length=200)
    # Stored lower-cased so that uniqueness is case-insensitive on both engines.
    email = Varchar(length=254, unique=True, index=True)
    password_hash = Varchar(length=255, null=True, default=None)
    department = ForeignKey(Department, null=True, on_delete=OnDelete.no_action)
    language = Varchar(length=2, default="fi")
    active = Boolean(default=True)
    is_employee = Boolean(default=True)
    is_lead = Boolean(default=False)
    is_hr = Boolean(default=False)
    is_admin = Boolean(default=False)
    version = Integer(default=1)
    # Every session remembers the epoch it started in; raising it ends all of them
    # (password change or reset, deactivation), in the database or in Redis alike.
    session_epoch = Integer(default=0)
    created_at = Timestamptz(default=TimestamptzNow())
    updated_at = Timestamptz(default=TimestamptzNow())


class SetPasswordToken(Table):
    user = ForeignKey(User, on_delete=OnDelete.cascade)
    token_hash = Varchar(length=64, unique=True)
    created_by = ForeignKey(User, null=True, on_delete=OnDelete.set_null)
    expires_at = Timestamptz()
    used_at = Timestamptz(null=True, default=None)
    created_at = Timestamptz(default=TimestamptzNow())


class SignInThrottle(Table):
    """Failed sign-ins per key: a keyed hash of the account, of the (account, address) pair or
    of the address (app/accounts/throttle.py), so that no address or email is stored here."""

    key = Varchar(length=300, unique=True)
    failures = Integer(default=0)
    locked_until = Timestamptz(null=True, default=None)
    updated_at = Timestamptz(default=TimestamptzNow())


class SessionRecord(Table):
    """Server-side session data, shared by every worker."""

    key = Varchar(length=128, unique=True)
    value = Bytea()
    expires_at = Timestamptz(null=True, default=None, index=True)
