"""Group commit: many small writes that arrive at once share one write transaction.

A burst of survey answers (a kiosk queue emptying, a poster at a busy desk, the load test's 200
answers a second) would otherwise pay for one transaction each; on SQLite every transaction
takes the database's single write lock. Here each request puts its work in a queue and waits;
one task per worker process runs the queue in batches, each batch in one write transaction,
and hands every request its own result. A request is answered only after its batch has
committed, so "stored" still means stored. Nothing outlives the requests waiting for it."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from app import db

MAX_BATCH = 100


@dataclass
class _Job:
    work: Callable[[], Awaitable[Any]]
    future: asyncio.Future = field(
        default_factory=lambda: asyncio.get_running_loop().create_future()
    )


class GroupCommit:
    def __init__(self) -> None:
        self._queue: list[_Job] = []
        self._runner: asyncio.Task | None = None

    async def run(self, work: Callable[[], Awaitable[Any]]) -> Any:
        """Run `work` inside a write transaction shared with other waiting work. `work` reports
        expected outcomes (e.g. "not found") in its return value: an exception rolls back the
        whole batch and reaches every caller in it."""
        job = _Job(work)
        self._queue.append(job)
        if self._runner is None or self._runner.done():
            self._runner = asyncio.get_running_loop().create_task(self._drain())
        return await job.future

    async def _drain(self) -> None:
        while self._queue:
            batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
            results: list[Any] = []
            try:
                async with db.write_transaction():
                    for job in batch:
                        results.append(await job.work())
            except Exception as exc:  # noqa: BLE001 - the batch is rolled back: tell every caller
                for job in batch:
                    if not job.future.done():
                        job.future.set_exception(exc)
                continue
            for job, result in zip(batch, results, strict=True):
                if not job.future.done():
                    job.future.set_result(result)


_per_loop: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, GroupCommit] = (
    weakref.WeakKeyDictionary()
)


def for_this_loop() -> GroupCommit:
    """One group per event loop (one per worker process in production)."""
    loop = asyncio.get_running_loop()
    group = _per_loop.get(loop)
    if group is None:
        group = _per_loop[loop] = GroupCommit()
    return group
