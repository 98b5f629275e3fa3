"""Rate limits of the public survey form, shared by every worker through the database: hits are
counted per key in fixed one-minute windows. A key is a keyed hash of what is limited and the
window, so no IP address is ever stored, and rows are pruned a few minutes after their window."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

from app.surveys.tables import SurveyRateWindow

WINDOW = timedelta(minutes=1)
KEEP = timedelta(minutes=5)


def window_start(now: datetime) -> datetime:
    return now.replace(second=0, microsecond=0)


def limit_key(secret: str, subject: str, start: datetime) -> str:
    message = f"{subject}|{start.isoformat()}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


async def hit(secret: str, subject: str, limit: int, now: datetime | None = None) -> bool:
    """Count one hit for `subject` (e.g. "client:<ip>:<survey>") and say whether it is within
    `limit` per minute. Call inside a write transaction."""
    now = now or datetime.now(UTC)
    start = window_start(now)
    key = limit_key(secret, subject, start)
    table = SurveyRateWindow._meta.tablename
    rows = await SurveyRateWindow.raw(
        f"INSERT INTO {table} (key, window_start, hits) VALUES ({{}}, {{}}, 1) "  # noqa: S608
        f"ON CONFLICT (key) DO UPDATE SET hits = {table}.hits + 1 RETURNING hits",
        key,
        start,
    )
    hits = rows[0]["hits"]
    if hits == 1:  # the first hit of a new window: forget the windows that have ended
        await prune(now)
    return hits <= limit


async def prune(now: datetime | None = None) -> None:
    cutoff = window_start(now or datetime.now(UTC)) - KEEP
    await SurveyRateWindow.delete().where(SurveyRateWindow.window_start < cutoff)
