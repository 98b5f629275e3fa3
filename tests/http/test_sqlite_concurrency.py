"""Concurrent writers on SQLite wait for each other instead of failing with "database is locked"."""

from __future__ import annotations

import asyncio
import contextvars

from app.organisation import service
from app.organisation.tables import Department
from tests.factories import make_user


async def test_twenty_concurrent_writes_all_succeed():
    actor = await make_user(is_admin=True)
    await asyncio.gather(
        *[service.create({"name_fi": f"Rinnakkainen {number}"}, actor.id) for number in range(20)]
    )
    assert await Department.count() == 20


async def test_session_write_during_a_shared_read_does_not_join_its_snapshot():
    """A GET shares one read connection; the session store still writes on its own, so a write
    committed by someone else in between cannot make it fail ("database is locked")."""
    from app import db
    from app.accounts.session_store import DatabaseSessionStore

    actor = await make_user(is_admin=True)
    store = DatabaseSessionStore()
    async with db.shared_read_connection():
        assert await Department.count() == 0  # the read snapshot starts here
        # Another request: its own task and context, so not inside this read.
        await asyncio.create_task(
            service.create({"name_fi": "Toisen kirjoitus"}, actor.id), context=contextvars.Context()
        )
        await store.set("session-key", b"{}", expires_in=60)
    assert await store.exists("session-key")
    assert await Department.count() == 1
