"""Writing and reading the audit log. Call `record` inside the transaction of the write it describes."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import structlog

from app.audit.tables import AuditLog


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
