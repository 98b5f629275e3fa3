"""Personal API tokens: create (the secret is returned once), list, revoke, and check a
presented token. A token is 32 random bytes; the database keeps its sha256 and a prefix."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from app import db, policies
from app.accounts import service as accounts
from app.api.tables import ApiToken
from app.audit import service as audit
from app.i18n import HELSINKI
from app.service_errors import NotFound

OBJECT_TYPE = "api_token"
TOKEN_PREFIX = "kok_"  # noqa: S105 - a marker, not a secret
PREFIX_LENGTH = len(TOKEN_PREFIX) + 8
# last_used_at is written at most this often per token, so most API calls write nothing.
TOUCH_SECONDS = 60


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_secret() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def expiry_moment(expires_on: date | None) -> datetime | None:
    """A token chosen to expire on a day works until the end of that day in Helsinki."""
    if expires_on is None:
        return None
    return datetime.combine(expires_on + timedelta(days=1), time.min, tzinfo=HELSINKI)


@dataclass
class CreatedToken:
    id: int
    name: str
    secret: str  # shown once, never stored


def status(row: dict[str, Any], now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    if row["revoked_at"] is not None:
        return "revoked"
    if row["expires_at"] is not None and row["expires_at"] <= now:
        return "expired"
    return "active"


async def create(user_id: int, name: str, expires_on: date | None) -> CreatedToken:
    secret = new_secret()
    row = ApiToken(
        user=user_id,
        name=name,
        prefix=secret[:PREFIX_LENGTH],
        token_hash=hash_token(secret),
        expires_at=expiry_moment(expires_on),
    )
    async with db.write_transaction():
        token_id = await audit.audited_insert(
            row,
            object_type=OBJECT_TYPE,
            actor_id=user_id,
            after={"name": name, "prefix": row.prefix, "expires_at": row.expires_at},
        )
    return CreatedToken(id=token_id, name=name, secret=secret)


async def list_for(user_id: int) -> list[dict[str, Any]]:
    rows = (
        await ApiToken.select(ApiToken.all_columns(exclude=[ApiToken.token_hash]))
        .where(ApiToken.user == user_id)
        .order_by(ApiToken.id, ascending=False)
    )
    now = datetime.now(UTC)
    for row in rows:
        row["status"] = status(row, now)
    return rows


async def get_own(user: policies.Actor, token_id: int) -> dict[str, Any]:
    """The user's own token; anyone else's answers NotFound (no hint that it exists)."""
    row = (
        await ApiToken.select(ApiToken.all_columns(exclude=[ApiToken.token_hash]))
        .where(ApiToken.id == token_id)
        .first()
    )
    if row is None or not policies.can_manage_api_token(user, row):
        raise NotFound
    row["status"] = status(row)
    return row


async def revoke(user: policies.Actor, token_id: int) -> dict[str, Any]:
    """Revoke one of the user's tokens (revoking a revoked one changes nothing)."""
    async with db.write_transaction():
        row = await get_own(user, token_id)
        if row["revoked_at"] is None:
            now = datetime.now(UTC)
            await ApiToken.update(revoked_at=now).where(ApiToken.id == token_id)
            await audit.record(
                actor_id=user.id,
                action="revoke",
                object_type=OBJECT_TYPE,
                object_id=token_id,
                before={"revoked_at": None},
                after={"revoked_at": now},
            )
    return row


@dataclass
class Authentication:
    user: accounts.User | None
    token_id: int | None = None
    problem: str = ""  # why the token was refused, for the client


async def authenticate(secret: str) -> Authentication:
    """Check a presented token: it must exist, be neither revoked nor expired, and belong to
    an active user. The lookup is by sha256 (an indexed, fixed-length value that says nothing
    about the secret), and the stored hash is compared once more in constant time."""
    if not secret.startswith(TOKEN_PREFIX):
        return Authentication(None, problem="The token is not valid.")
    presented = hash_token(secret)
    row = await ApiToken.select().where(ApiToken.token_hash == presented).first()
    if row is None or not hmac.compare_digest(row["token_hash"], presented):
        return Authentication(None, problem="The token is not valid.")
    now = datetime.now(UTC)
    state = status(row, now)
    if state != "active":
        problem = "The token has expired." if state == "expired" else "The token has been revoked."
        return Authentication(None, row["id"], problem=problem)
    user = await accounts.get_active_user(row["user"])
    if user is None:
        return Authentication(None, row["id"], problem="The token's owner can no longer sign in.")
    last_used = row["last_used_at"]
    if last_used is None or (now - last_used).total_seconds() > TOUCH_SECONDS:
        async with db.outside_transaction(), db.write_transaction():
            await ApiToken.update(last_used_at=now).where(ApiToken.id == row["id"])
    return Authentication(user, row["id"])
