"""Server-side session storage in the database, so that every worker sees every session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from litestar.stores.base import Store

from app.accounts.tables import SessionRecord
from app.db import outside_transaction


def _expiry(expires_in: int | timedelta | None) -> datetime | None:
    if expires_in is None:
        return None
    seconds = expires_in.total_seconds() if isinstance(expires_in, timedelta) else expires_in
    return datetime.now(UTC) + timedelta(seconds=seconds)


def _is_live(expires_at: datetime | None) -> bool:
    return expires_at is None or expires_at > datetime.now(UTC)


class DatabaseSessionStore(Store):
    async def set(
        self, key: str, value: str | bytes, expires_in: int | timedelta | None = None
    ) -> None:
        data = value.encode() if isinstance(value, str) else value
        expires_at = _expiry(expires_in)
        async with outside_transaction():
            await SessionRecord.insert(
                SessionRecord(key=key, value=data, expires_at=expires_at)
            ).on_conflict(
                target=SessionRecord.key,
                action="DO UPDATE",
                values=[SessionRecord.value, SessionRecord.expires_at],
            )

    async def get(self, key: str, renew_for: int | timedelta | None = None) -> bytes | None:
        row = (
            await SessionRecord.select(SessionRecord.value, SessionRecord.expires_at)
            .where(SessionRecord.key == key)
            .first()
        )
        if row is None:
            return None
        if not _is_live(row["expires_at"]):
            await self.delete(key)
            return None
        if renew_for is not None and row["expires_at"] is not None:
            await SessionRecord.update({SessionRecord.expires_at: _expiry(renew_for)}).where(
                SessionRecord.key == key
            )
        return bytes(row["value"])

    async def delete(self, key: str) -> None:
        async with outside_transaction():
            await SessionRecord.delete().where(SessionRecord.key == key)

    async def delete_all(self) -> None:
        await SessionRecord.delete(force=True)

    async def delete_expired(self) -> None:
        async with outside_transaction():
            await SessionRecord.delete().where(SessionRecord.expires_at < datetime.now(UTC))

    async def exists(self, key: str) -> bool:
        row = (
            await SessionRecord.select(SessionRecord.expires_at)
            .where(SessionRecord.key == key)
            .first()
        )
        return row is not None and _is_live(row["expires_at"])

    async def expires_in(self, key: str) -> int | None:
        row = (
            await SessionRecord.select(SessionRecord.expires_at)
            .where(SessionRecord.key == key)
            .first()
        )
        if row is None or row["expires_at"] is None:
            return None
        return int((row["expires_at"] - datetime.now(UTC)).total_seconds())
