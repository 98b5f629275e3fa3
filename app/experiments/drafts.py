"""Autosaved form input, per user and form, so that what someone types is never lost."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from app.experiments.tables import FormDraft

MAX_DRAFT_BYTES = 200_000


async def save(user_id: int, key: str, data: dict[str, Any]) -> datetime:
    payload = json.dumps(data, ensure_ascii=False)[:MAX_DRAFT_BYTES]
    now = datetime.now(UTC)
    updated = (
        await FormDraft.update(data=payload, updated_at=now)
        .where((FormDraft.user == user_id) & (FormDraft.key == key))
        .returning(FormDraft.id)
    )
    if not updated:
        await FormDraft.insert(FormDraft(user=user_id, key=key, data=payload, updated_at=now))
    return now


async def load(user_id: int, key: str) -> tuple[dict[str, Any], datetime] | None:
    row = (
        await FormDraft.select(FormDraft.data, FormDraft.updated_at)
        .where((FormDraft.user == user_id) & (FormDraft.key == key))
        .first()
    )
    if row is None:
        return None
    try:
        return json.loads(row["data"]), row["updated_at"]
    except ValueError:
        return None


async def clear(user_id: int, key: str) -> None:
    await FormDraft.delete().where((FormDraft.user == user_id) & (FormDraft.key == key))
