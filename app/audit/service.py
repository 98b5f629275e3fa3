"""Writing and reading the audit log. Call `record` inside the transaction of the write it describes."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import structlog

from app import db
from app.audit.tables import AuditLog
from app.service_errors import ConflictError


def _jsonable(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if values is None:
        return None
    return json.loads(json.dumps(values, default=_encode))


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


async def record(
    *,
    actor_id: int | None,
    action: str,
    object_type: str,
    object_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    request_id = structlog.contextvars.get_contextvars().get("request_id", "")
    await AuditLog.insert(
        AuditLog(
            actor=actor_id,
            action=action,
            object_type=object_type,
            object_id=object_id,
            before=_jsonable(before),
            after=_jsonable(after),
            request_id=request_id,
        )
    )


async def entries_for(object_type: str, object_id: int, limit: int = 50) -> list[dict[str, Any]]:
    return (
        await AuditLog.select(
            AuditLog.all_columns(exclude=[AuditLog.actor]),
            AuditLog.actor.id.as_alias("actor_id"),
            AuditLog.actor.name.as_alias("actor_name"),
        )
        .where((AuditLog.object_type == object_type) & (AuditLog.object_id == object_id))
        .order_by(AuditLog.id, ascending=False)
        .limit(limit)
        .output(load_json=True)
    )


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict, dict]:
    """Only the fields whose value changed, for a compact audit entry."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}


async def audited_insert(
    row: Any, *, object_type: str, actor_id: int | None, after: dict[str, Any]
) -> int:
    """Save a new row and record its creation; call inside a write transaction."""
    await row.save()
    await record(
        actor_id=actor_id, action="create", object_type=object_type, object_id=row.id, after=after
    )
    return row.id


async def audited_update(
    table: type,
    current: dict[str, Any],
    version: int,
    values: dict[str, Any],
    *,
    object_type: str,
    actor_id: int | None,
    action: str = "update",
) -> None:
    """Update a row read as `current` if nobody saved it since `version` (else ConflictError),
    and record the changed fields; call inside a write transaction."""
    if not await db.update_versioned(table, current["id"], version, values):
        raise ConflictError(current)
    before, after = changed_fields(current, values)
    await record(
        actor_id=actor_id,
        action=action,
        object_type=object_type,
        object_id=current["id"],
        before=before,
        after=after,
    )
