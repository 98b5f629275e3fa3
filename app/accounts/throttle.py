"""Sign-in throttling, shared by every worker and host through the database.

Failed sign-ins are counted under three keys, each with its own number of free failures:
the (account, address) pair, the account from any address, and the address for any account.
Past its free failures a key is locked for 30 s, then 1 min, 2 min … (doubling at each
further failure, at most 15 minutes); a sign-in is refused while any of its keys is locked.
Every key forgets one failure per its rule's `forget_after`; a successful sign-in clears the
pair's failures. So one person's
typos lock only that person, behind an office's shared address everyone else signs in as
usual, and guessing across many accounts from one address meets the address's far higher
ceiling. See docs/operations.md, "Sign-in throttling"."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app import db
from app.accounts.tables import SignInThrottle
from app.settings import get_settings


@dataclass(frozen=True, eq=False)  # told apart by identity: two rules may have equal numbers
class Rule:
    free_failures: int
    forget_after: timedelta  # one failure is forgotten each time this much has passed


PAIR = Rule(free_failures=5, forget_after=timedelta(minutes=15))
ACCOUNT = Rule(free_failures=10, forget_after=timedelta(minutes=15))
ADDRESS = Rule(free_failures=50, forget_after=timedelta(seconds=30))
FIRST_LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 15 * 60
# Past this many failures over the free ones the lock is at its longest anyway (30 s * 2**5 >
# 15 min); counting no higher lets every key be forgotten within a day.
MAX_EXTRA_FAILURES = 5
FORGET_ROWS_AFTER = timedelta(days=1)


def lock_seconds(failures: int, rule: Rule) -> int:
    """Free failures first, then 30 s, 1 min, 2 min … up to 15 minutes."""
    if failures < rule.free_failures:
        return 0
    return min(FIRST_LOCK_SECONDS * 2 ** (failures - rule.free_failures), MAX_LOCK_SECONDS)


def _hashed(subject: str) -> str:
    secret = get_settings().resolved_secret_key().encode()
    return hmac.new(secret, subject.encode(), hashlib.sha256).hexdigest()


def keys(email: str, address: str) -> dict[Rule, str]:
    """The three keys of a sign-in attempt (keyed hashes: no address or email is stored)."""
    return {
        PAIR: _hashed(f"pair|{email}|{address}"),
        ACCOUNT: _hashed(f"account|{email}"),
        ADDRESS: _hashed(f"address|{address}"),
    }


def _remembered(row: dict | None, rule: Rule, now: datetime) -> int:
    """The failures a key still counts after forgetting one per `rule.forget_after`."""
    if row is None:
        return 0
    forgotten = int((now - row["updated_at"]) / rule.forget_after)
    return max(0, row["failures"] - forgotten)


async def remaining_lock(attempt: dict[Rule, str]) -> int:
    """Seconds until none of the attempt's keys is locked (0: not locked)."""
    now = datetime.now(UTC)
    rows = await SignInThrottle.select(SignInThrottle.locked_until).where(
        SignInThrottle.key.is_in(list(attempt.values())) & (SignInThrottle.locked_until > now)
    )
    remaining = [(row["locked_until"] - now).total_seconds() for row in rows]
    return int(max(remaining)) + 1 if remaining else 0


async def register_failure(attempt: dict[Rule, str]) -> None:
    now = datetime.now(UTC)
    async with db.write_transaction():
        # Make sure every key has a row, then read them locked (PostgreSQL; SQLite's write
        # transaction already excludes other writers), so that concurrent failures all count.
        await SignInThrottle.insert(
            *[SignInThrottle(key=key, failures=0, updated_at=now) for key in attempt.values()]
        ).on_conflict(target=SignInThrottle.key, action="DO NOTHING")
        query = SignInThrottle.select().where(SignInThrottle.key.is_in(list(attempt.values())))
        if db.engine().engine_type != "sqlite":
            query = query.lock_rows()
        rows = {row["key"]: row for row in await query}
        for rule, key in attempt.items():
            failures = min(
                _remembered(rows.get(key), rule, now) + 1,
                rule.free_failures + MAX_EXTRA_FAILURES,
            )
            seconds = lock_seconds(failures, rule)
            await SignInThrottle.update(
                failures=failures,
                locked_until=now + timedelta(seconds=seconds) if seconds else None,
                updated_at=now,
            ).where(SignInThrottle.key == key)
        await SignInThrottle.delete().where(SignInThrottle.updated_at < now - FORGET_ROWS_AFTER)


async def clear_pair(attempt: dict[Rule, str]) -> None:
    async with db.write_transaction():
        await SignInThrottle.delete().where(SignInThrottle.key == attempt[PAIR])
