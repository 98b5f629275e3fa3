"""Strategies and their themes: one strategy is current; themes are ordered and archivable."""

from __future__ import annotations

from typing import Any

from piccolo.query.functions.aggregate import Count

from app import db
from app.audit import service as audit
from app.i18n import N_
from app.service_errors import FieldErrors, NotFound
from app.strategy.tables import Strategy, Theme


async def list_strategies() -> list[dict[str, Any]]:
    """Strategies with their theme counts, in two queries."""
    rows = await Strategy.select().order_by(Strategy.period_start, ascending=False)
    counts = (
        await Theme.select(Theme.strategy, Count(alias="themes"))
        .where(Theme.archived.eq(False))
        .group_by(Theme.strategy)
    )
    themes = {row["strategy"]: row["themes"] for row in counts}
    return [{**row, "theme_count": themes.get(row["id"], 0)} for row in rows]


async def get_strategy(strategy_id: int) -> dict[str, Any]:
    row = await Strategy.select().where(Strategy.id == strategy_id).first()
    if row is None:
        raise NotFound
    return row


async def current_strategy() -> dict[str, Any] | None:
    return await Strategy.select().where(Strategy.is_current.eq(True)).first()


async def themes_of(strategy_id: int, include_archived: bool = True) -> list[dict[str, Any]]:
    query = Theme.select().where(Theme.strategy == strategy_id)
    if not include_archived:
        query = query.where(Theme.archived.eq(False))
    return await query.order_by(Theme.position).order_by(Theme.name_fi)


async def _check_unique_strategy(name: str, except_id: int | None) -> None:
    if await db.name_taken(Strategy, Strategy.name, name, None, except_id):
        raise FieldErrors({"name": N_("There is already a strategy with this name.")})


async def _make_only_current(strategy_id: int) -> None:
    await Strategy.update(is_current=False).where(
        (Strategy.id != strategy_id) & (Strategy.is_current.eq(True))
    )


async def create_strategy(values: dict[str, Any], actor_id: int) -> int:
    async with db.write_transaction():
        await _check_unique_strategy(values["name"], None)
        strategy_id = await audit.audited_insert(
            Strategy(**values), object_type="strategy", actor_id=actor_id, after=values
        )
        if values.get("is_current"):
            await _make_only_current(strategy_id)
    return strategy_id


async def update_strategy(
    strategy_id: int, version: int, values: dict[str, Any], actor_id: int
) -> None:
    async with db.write_transaction():
        current = await get_strategy(strategy_id)
        await _check_unique_strategy(values["name"], strategy_id)
        await audit.audited_update(
            Strategy, current, version, values, object_type="strategy", actor_id=actor_id
        )
        if values.get("is_current"):
            await _make_only_current(strategy_id)


async def get_theme(strategy_id: int, theme_id: int) -> dict[str, Any]:
    row = (
        await Theme.select().where((Theme.id == theme_id) & (Theme.strategy == strategy_id)).first()
    )
    if row is None:
        raise NotFound
    return row


async def _check_unique_theme(strategy_id: int, name_fi: str, except_id: int | None) -> None:
    if await db.name_taken(Theme, Theme.name_fi, name_fi, Theme.strategy == strategy_id, except_id):
        raise FieldErrors({"name_fi": N_("This strategy already has a theme with this name.")})


async def create_theme(strategy_id: int, values: dict[str, Any], actor_id: int) -> int:
    async with db.write_transaction():
        await get_strategy(strategy_id)
        await _check_unique_theme(strategy_id, values["name_fi"], None)
        return await audit.audited_insert(
            Theme(strategy=strategy_id, **values),
            object_type="theme",
            actor_id=actor_id,
            after=values,
        )


async def update_theme(
    strategy_id: int, theme_id: int, version: int, values: dict[str, Any], actor_id: int
) -> None:
    async with db.write_transaction():
        current = await get_theme(strategy_id, theme_id)
        if "name_fi" in values:
            await _check_unique_theme(strategy_id, values["name_fi"], theme_id)
        action = {True: "archive", False: "restore"}.get(values.get("archived"), "update")
        await audit.audited_update(
            Theme, current, version, values, object_type="theme", actor_id=actor_id, action=action
        )
