"""Ordered, archivable lists that leads edit: reflection questions and assessment statements
share adding at the end, editing with a version check, moving up/down and archiving."""

from __future__ import annotations

from typing import Any

from piccolo.query.functions.aggregate import Max

from app import db
from app.audit import service as audit
from app.service_errors import ConflictError, NotFound


async def rows_of(table: Any, cohort_id: int, include_archived: bool = True) -> list[dict]:
    query = table.select().where(table.cohort == cohort_id)
    if not include_archived:
        query = query.where(table.archived.eq(False))
    return await query.order_by(table.position).order_by(table.id)


async def row_of(table: Any, cohort_id: int, row_id: int) -> dict[str, Any]:
    row = await table.select().where((table.id == row_id) & (table.cohort == cohort_id)).first()
    if row is None:
        raise NotFound
    return row


async def next_position(table: Any, cohort_id: int) -> int:
    row = await table.select(Max(table.position, alias="top")).where(table.cohort == cohort_id)
    top = row[0]["top"] if row else None
    return (top or 0) + 1


async def create(
    table: Any, cohort_id: int, values: dict[str, Any], *, object_type: str, actor_id: int
) -> int:
    async with db.write_transaction():
        position = await next_position(table, cohort_id)
        return await audit.audited_insert(
            table(cohort=cohort_id, position=position, **values),
            object_type=object_type,
            actor_id=actor_id,
            after={**values, "cohort": cohort_id},
        )


async def update(
    table: Any,
    cohort_id: int,
    row_id: int,
    version: int,
    values: dict[str, Any],
    *,
    object_type: str,
    actor_id: int,
) -> None:
    async with db.write_transaction():
        current = await row_of(table, cohort_id, row_id)
        action = {True: "archive", False: "restore"}.get(values.get("archived"), "update")
        await audit.audited_update(
            table,
            current,
            version,
            values,
            object_type=object_type,
            actor_id=actor_id,
            action=action,
        )


async def move(
    table: Any,
    cohort_id: int,
    row_id: int,
    version: int,
    direction: str,
    *,
    object_type: str,
    actor_id: int,
) -> None:
    """Swap a row with its neighbour; positions are renumbered 1..n. The moved row's version
    guards against a stale page; its neighbours keep their versions (their text is unchanged)."""
    async with db.write_transaction():
        rows = await rows_of(table, cohort_id)
        index = next((i for i, row in enumerate(rows) if row["id"] == row_id), None)
        if index is None:
            raise NotFound
        current = rows[index]
        if current["version"] != version:
            raise ConflictError(current)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(rows):
            return
        rows[index], rows[other] = rows[other], rows[index]
        for position, row in enumerate(rows, start=1):
            if row["position"] != position:
                await table.update(position=position).where(table.id == row["id"])
        await audit.record(
            actor_id=actor_id,
            action="move",
            object_type=object_type,
            object_id=row_id,
            before={"position": current["position"]},
            after={"position": other + 1},
        )
