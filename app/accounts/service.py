"""Accounts: sign-in with throttling, users, roles, password changes and set-password links."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from piccolo.columns.combination import Or

from app import db
from app.accounts import throttle
from app.accounts.passwords import hash_password, verify_password
from app.accounts.tables import SetPasswordToken, User
from app.audit import service as audit
from app.i18n import N_
from app.logs import get_logger
from app.service_errors import FieldErrors, NotFound

__all__ = ["User"]

log = get_logger("kokeilu.auth")

SET_PASSWORD_LINK_HOURS = 72
ROLE_FIELDS = ("is_employee", "is_lead", "is_hr", "is_admin")
USER_FIELDS = ("name", "email", "department", "language", "active", *ROLE_FIELDS)


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def get_active_user(user_id: int) -> User | None:
    return await User.objects().where((User.id == user_id) & (User.active.eq(True))).first()


# --- sign-in ---------------------------------------------------------------------------


@dataclass
class SignInResult:
    user: User | None
    locked_seconds: int = 0


async def sign_in(email: str, password: str, client: str) -> SignInResult:
    """Check the password, unless the attempt is throttled (app/accounts/throttle.py)."""
    email = normalise_email(email)
    attempt = throttle.keys(email, client)
    locked = await throttle.remaining_lock(attempt)
    if locked:
        log.info("sign-in refused: throttled", client=client, locked_seconds=locked)
        return SignInResult(user=None, locked_seconds=locked)
    user = await User.objects().where(User.email == email).first()
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.active:
        await throttle.register_failure(attempt)
        log.info("sign-in failed", client=client, known_account=user is not None)
        return SignInResult(user=None)
    await throttle.clear_pair(attempt)
    async with db.write_transaction():
        await audit.record(
            actor_id=user.id, action="sign_in", object_type="user", object_id=user.id
        )
    log.info("sign-in succeeded", user_id=user.id, client=client)
    return SignInResult(user=user)


# --- users -----------------------------------------------------------------------------


def user_snapshot(user: User | dict[str, Any]) -> dict[str, Any]:
    get = user.get if isinstance(user, dict) else lambda key: getattr(user, key)
    return {field: get(field) for field in USER_FIELDS}


async def get_user(user_id: int) -> User:
    user = await User.objects().where(User.id == user_id).first()
    if user is None:
        raise NotFound
    return user


async def _email_taken(email: str, except_id: int | None = None) -> bool:
    query = User.exists().where(User.email == email)
    if except_id is not None:
        query = User.exists().where((User.email == email) & (User.id != except_id))
    return await query


async def create_user(values: dict[str, Any], actor_id: int | None) -> User:
    values = {**values, "email": normalise_email(values["email"])}
    async with db.write_transaction():
        if await _email_taken(values["email"]):
            raise FieldErrors({"email": N_("A user with this email already exists.")})
        password = values.pop("password", None)
        user = User(**values, password_hash=hash_password(password) if password else None)
        await audit.audited_insert(
            user, object_type="user", actor_id=actor_id, after=user_snapshot(user)
        )
    return user


async def update_user(user_id: int, version: int, values: dict[str, Any], actor_id: int) -> None:
    if "email" in values:
        values = {**values, "email": normalise_email(values["email"])}
    async with db.write_transaction():
        current = (
            await User.select(*User.all_columns(exclude=[User.password_hash]))
            .where(User.id == user_id)
            .first()
        )
        if current is None:
            raise NotFound
        if user_id == actor_id and (
            values.get("active") is False or values.get("is_admin") is False
        ):
            raise FieldErrors(
                {"__all__": N_("You cannot remove your own admin role or deactivate yourself.")}
            )
        if "email" in values and await _email_taken(values["email"], except_id=user_id):
            raise FieldErrors({"email": N_("A user with this email already exists.")})
        await audit.audited_update(
            User, current, version, values, object_type="user", actor_id=actor_id
        )
        if values.get("active") is False:
            await end_sessions(user_id)


async def set_language(user_id: int, language: str) -> None:
    async with db.write_transaction():
        await User.update(language=language).where(User.id == user_id)
        await audit.record(
            actor_id=user_id,
            action="set_language",
            object_type="user",
            object_id=user_id,
            after={"language": language},
        )


@dataclass
class UserPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int


async def list_users(search: str = "", page: int = 1, per_page: int = 25) -> UserPage:
    """One page of users with their department, in two queries whatever the page size."""
    query = User.select(
        User.id,
        User.name,
        User.email,
        User.active,
        *[getattr(User, role) for role in ROLE_FIELDS],
        User.department.name_fi.as_alias("department_name_fi"),
        User.department.name_sv.as_alias("department_name_sv"),
        User.department.name_en.as_alias("department_name_en"),
    )
    count = User.count()
    if search.strip():
        pattern = f"%{search.strip()}%"
        condition = Or(User.name.ilike(pattern), User.email.ilike(pattern))
        query = query.where(condition)
        count = count.where(condition)
    total = await count
    pages = max(1, -(-total // per_page))
    page = min(max(page, 1), pages)
    rows = await query.order_by(User.name).limit(per_page).offset((page - 1) * per_page)
    return UserPage(rows=rows, total=total, page=page, pages=pages)


# --- sessions and passwords ------------------------------------------------------------


async def end_sessions(user_id: int) -> int:
    """End every session of the user, in whichever store it is (the middleware compares each
    session's epoch with the user's); returns the new epoch. Call inside a write transaction."""
    rows = (
        await User.update({User.session_epoch: User.session_epoch + 1})
        .where(User.id == user_id)
        .returning(User.session_epoch)
    )
    return rows[0]["session_epoch"]


async def change_password(user_id: int, current_password: str, new_password: str) -> int:
    """Change the password and end the user's sessions; returns the epoch for the session that
    made the change, which stays signed in."""
    user = await get_user(user_id)
    if not verify_password(user.password_hash, current_password):
        raise FieldErrors({"current_password": N_("The current password is not correct.")})
    async with db.write_transaction():
        await User.update(password_hash=hash_password(new_password)).where(User.id == user_id)
        epoch = await end_sessions(user_id)
        await audit.record(
            actor_id=user_id, action="change_password", object_type="user", object_id=user_id
        )
    return epoch


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_set_password_link(user_id: int, actor_id: int) -> str:
    """A one-time token to pass on to the user; only its hash is stored. The user's sessions
    end at once (an admin resets a password when it may have leaked)."""
    await get_user(user_id)
    token = secrets.token_urlsafe(32)
    expires_at = datetime.now(UTC) + timedelta(hours=SET_PASSWORD_LINK_HOURS)
    async with db.write_transaction():
        # A new link replaces any older unused one.
        await SetPasswordToken.delete().where(
            (SetPasswordToken.user == user_id) & SetPasswordToken.used_at.is_null()
        )
        await SetPasswordToken.insert(
            SetPasswordToken(
                user=user_id,
                token_hash=_token_hash(token),
                created_by=actor_id,
                expires_at=expires_at,
            )
        )
        await end_sessions(user_id)
        await audit.record(
            actor_id=actor_id,
            action="create_set_password_link",
            object_type="user",
            object_id=user_id,
            after={"expires_at": expires_at},
        )
    return token


async def user_for_set_password_token(token: str) -> User | None:
    row = (
        await SetPasswordToken.select(SetPasswordToken.user, SetPasswordToken.expires_at)
        .where(
            (SetPasswordToken.token_hash == _token_hash(token)) & SetPasswordToken.used_at.is_null()
        )
        .first()
    )
    if row is None or row["expires_at"] < datetime.now(UTC):
        return None
    return await get_active_user(row["user"])


async def set_password_with_token(token: str, new_password: str) -> User | None:
    async with db.write_transaction():
        user = await user_for_set_password_token(token)
        if user is None:
            return None
        await User.update(password_hash=hash_password(new_password)).where(User.id == user.id)
        await SetPasswordToken.update(used_at=datetime.now(UTC)).where(
            SetPasswordToken.token_hash == _token_hash(token)
        )
        user.session_epoch = await end_sessions(user.id)
        await audit.record(
            actor_id=user.id, action="set_password_by_link", object_type="user", object_id=user.id
        )
    return user


async def active_people() -> list[dict[str, Any]]:
    """Everyone who can be picked as a co-owner, with their department's name."""
    return (
        await User.select(
            User.id,
            User.name,
            User.department.name_fi.as_alias("department_name_fi"),
            User.department.name_sv.as_alias("department_name_sv"),
            User.department.name_en.as_alias("department_name_en"),
        )
        .where(User.active.eq(True))
        .order_by(User.name)
    )
