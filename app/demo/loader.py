"""Writes the demo City of Varkaus into the database, adding only what is not there yet."""

from __future__ import annotations

import asyncio

from app.accounts.passwords import hash_password
from app.accounts.tables import User
from app.db import write_transaction
from app.demo.content import (
    DEMO_PASSWORD,
    DEPARTMENTS,
    SIGN_INS,
    STRATEGIES,
    USERS,
    DemoSignIn,
)
from app.organisation.tables import Department
from app.strategy.tables import Strategy, Theme

__all__ = ["DemoSignIn", "load_demo_data"]


async def load_demo_data() -> list[DemoSignIn]:
    """Add the demo departments, users, strategies and themes; return the sign-ins to print.

    Safe to run again: rows are matched by their natural keys (department name_fi + parent,
    user email, strategy name, theme name_fi within its strategy) and existing rows are
    never changed.
    """
    # argon2 is deliberately slow, so hash once and share it; and do it before taking the
    # SQLite write lock, which would otherwise block other writers meanwhile.
    password_hash = await asyncio.to_thread(hash_password, DEMO_PASSWORD)
    async with write_transaction():
        department_ids = await _load_departments()
        await _load_users(department_ids, password_hash)
        await _load_strategies()
    return list(SIGN_INS)


async def _department_index() -> dict[tuple[int | None, str], int]:
    rows = await Department.select(Department.id, Department.parent, Department.name_fi)
    return {(row["parent"], row["name_fi"]): row["id"] for row in rows}


async def _load_departments() -> dict[str, int]:
    """Insert missing departments one tree level per round, since a child needs its
    parent's id; return the database id of every demo department by its content key."""
    ids: dict[str, int] = {}
    index = await _department_index()
    pending = list(DEPARTMENTS)
    while pending:
        ready = [d for d in pending if d.parent is None or d.parent in ids]
        if not ready:
            raise ValueError("demo departments refer to unknown parents")
        missing = [d for d in ready if (ids.get(d.parent), d.name_fi) not in index]
        if missing:
            await Department.insert(
                *(
                    Department(
                        parent=ids.get(d.parent),
                        name_fi=d.name_fi,
                        name_sv=d.name_sv,
                        name_en=d.name_en,
                    )
                    for d in missing
                )
            )
            index = await _department_index()
        for d in ready:
            ids[d.key] = index[(ids.get(d.parent), d.name_fi)]
        pending = [d for d in pending if d.key not in ids]
    return ids


async def _load_users(department_ids: dict[str, int], password_hash: str) -> None:
    existing = {row["email"].lower() for row in await User.select(User.email)}
    missing = [u for u in USERS if u.email.lower() not in existing]
    if not missing:
        return
    await User.insert(
        *(
            User(
                name=u.name,
                email=u.email.lower(),
                password_hash=password_hash,
                department=department_ids[u.department],
                language=u.language,
                active=True,
                is_employee=True,
                is_lead=u.is_lead,
                is_hr=u.is_hr,
                is_admin=u.is_admin,
            )
            for u in missing
        )
    )


async def _load_strategies() -> None:
    rows = await Strategy.select(Strategy.id, Strategy.name, Strategy.is_current)
    strategy_ids = {row["name"]: row["id"] for row in rows}
    # Only one strategy may be current; one already chosen in this database wins.
    has_current = any(row["is_current"] for row in rows)
    for strategy in STRATEGIES:
        if strategy.name not in strategy_ids:
            is_current = strategy.is_current and not has_current
            has_current = has_current or is_current
            inserted = await Strategy.insert(
                Strategy(
                    name=strategy.name,
                    period_start=strategy.period_start,
                    period_end=strategy.period_end,
                    description=strategy.description,
                    campaign_name=strategy.campaign_name,
                    campaign_target=strategy.campaign_target,
                    is_current=is_current,
                )
            ).returning(Strategy.id)
            strategy_ids[strategy.name] = inserted[0]["id"]
        strategy_id = strategy_ids[strategy.name]
        existing = {
            row["name_fi"]
            for row in await Theme.select(Theme.name_fi).where(Theme.strategy == strategy_id)
        }
        missing = [
            (position, theme)
            for position, theme in enumerate(strategy.themes, start=1)
            if theme.name_fi not in existing
        ]
        if missing:
            await Theme.insert(
                *(
                    Theme(
                        strategy=strategy_id,
                        name_fi=theme.name_fi,
                        name_sv=theme.name_sv,
                        name_en=theme.name_en,
                        description=theme.description,
                        colour=theme.colour,
                        position=position,
                    )
                    for position, theme in missing
                )
            )
