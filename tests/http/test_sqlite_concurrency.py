"""Concurrent writers on SQLite wait for each other instead of failing with "database is locked"."""

from __future__ import annotations

import asyncio

from app.organisation import service
from app.organisation.tables import Department
from tests.factories import make_user


async def test_twenty_concurrent_writes_all_succeed():
    actor = await make_user(is_admin=True)
    await asyncio.gather(
        *[service.create({"name_fi": f"Rinnakkainen {number}"}, actor.id) for number in range(20)]
    )
    assert await Department.count() == 20
