"""Writes the demo City of Varkaus into the database, adding only what is not there yet."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from typing import Any

from app.accounts.passwords import hash_password
from app.accounts.tables import User
from app.audit.tables import AuditLog
from app.db import write_transaction
from app.demo.cohorts import load_demo_cohorts
from app.demo.content import (
    CURRENT_STRATEGY,
    DEMO_PASSWORD,
    DEPARTMENTS,
    SIGN_INS,
    STRATEGIES,
    USERS,
    DemoSignIn,
)
from app.demo.conversation import load_conversation
from app.demo.experiment_builder import ExperimentSpec, build_experiments
from app.demo.experiment_ideas import CUSTOMER_GROUPS
from app.demo.reflections import load_reflections_demo
from app.demo.reviews import load_demo_reviews
from app.demo.rollups import load_campaign_end
from app.demo.surveys import load_demo_surveys
from app.experiments import link_keys
from app.experiments.tables import (
    CustomerGroup,
    Cycle,
    Experiment,
    ExperimentChannel,
    ExperimentCoOwner,
    ExperimentCustomerGroup,
    ExperimentDepartment,
    ExperimentTheme,
    Measure,
)
from app.library.indexing import index_missing
from app.organisation.tables import Department
from app.strategy.tables import Strategy, Theme

__all__ = ["DemoSignIn", "load_demo_data"]


async def load_demo_data() -> list[DemoSignIn]:
    """Add the demo departments, users, strategies, themes, customer groups and experiments;
    return the sign-ins to print.

    Safe to run again: rows are matched by their natural keys (department name_fi + parent,
    user email, strategy name, theme name_fi within its strategy, customer group name_fi,
    experiment title + owner) and existing rows are never changed.
    """
    # argon2 is deliberately slow, so hash once and share it; and do it before taking the
    # SQLite write lock, which would otherwise block other writers meanwhile.
    password_hash = await asyncio.to_thread(hash_password, DEMO_PASSWORD)
    async with write_transaction():
        department_ids = await _load_departments()
        await _load_users(department_ids, password_hash)
        await _load_strategies()
        await load_campaign_end()
        group_ids = await _load_customer_groups()
        await _load_experiments(department_ids, group_ids)
        await load_demo_cohorts()
        await load_conversation()
        await load_demo_reviews()
        await load_demo_surveys()
        await index_missing()  # the learning library's search index
        await link_keys.refresh_all()  # the rollup's department and theme keys
    await load_reflections_demo()  # after the cohorts' demo: it fills in whatever cohorts exist
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


async def _load_customer_groups() -> dict[str, int]:
    """Insert the missing customer groups; return the id of every demo group by name_fi.
    Names are compared case-insensitively, as the admin pages do."""

    async def index() -> dict[str, int]:
        rows = await CustomerGroup.select(CustomerGroup.id, CustomerGroup.name_fi)
        return {row["name_fi"].casefold().strip(): row["id"] for row in rows}

    ids = await index()
    missing = [
        (position, group)
        for position, group in enumerate(CUSTOMER_GROUPS, start=1)
        if group.name_fi.casefold() not in ids
    ]
    if missing:
        await CustomerGroup.insert(
            *(
                CustomerGroup(
                    name_fi=group.name_fi,
                    name_sv=group.name_sv,
                    name_en=group.name_en,
                    position=position,
                )
                for position, group in missing
            )
        )
        ids = await index()
    return {group.name_fi: ids[group.name_fi.casefold()] for group in CUSTOMER_GROUPS}


async def _experiment_index(owner_ids: set[int]) -> dict[tuple[str, int], int]:
    rows = await Experiment.select(Experiment.id, Experiment.title, Experiment.owner).where(
        Experiment.owner.is_in(list(owner_ids))
    )
    return {(row["title"], row["owner"]): row["id"] for row in rows}


async def _insert(table: Any, rows: list[Any]) -> None:
    if rows:
        await table.insert(*rows)


async def _load_experiments(department_ids: dict[str, int], group_ids: dict[str, int]) -> None:
    """Insert the demo experiments that are missing, in bulk: first the experiments, then
    (with the ids read back by title + owner) their links, measures and cycles."""
    specs = build_experiments()
    user_ids = {row["email"]: row["id"] for row in await User.select(User.id, User.email)}
    owner_ids = {user_ids[spec.owner] for spec in specs}
    existing = await _experiment_index(owner_ids)
    missing = [spec for spec in specs if (spec.title, user_ids[spec.owner]) not in existing]
    if not missing:
        return
    strategy = (
        await Strategy.select(Strategy.id).where(Strategy.name == CURRENT_STRATEGY.name).first()
    )
    strategy_id = strategy["id"] if strategy else None
    theme_rows = await Theme.select(Theme.id, Theme.name_fi).where(Theme.strategy == strategy_id)
    theme_ids = {row["name_fi"]: row["id"] for row in theme_rows}
    await Experiment.insert(
        *(_experiment_row(spec, user_ids[spec.owner], strategy_id) for spec in missing)
    )
    index = await _experiment_index(owner_ids)
    links: dict[Any, list[Any]] = {table: [] for table in _LINK_TABLES}
    for spec in missing:
        experiment_id = index[(spec.title, user_ids[spec.owner])]
        links[ExperimentCoOwner] += [
            ExperimentCoOwner(experiment=experiment_id, user=user_ids[email])
            for email in spec.co_owners
        ]
        links[ExperimentDepartment] += [
            ExperimentDepartment(experiment=experiment_id, department=department_ids[key])
            for key in spec.departments
        ]
        links[ExperimentTheme] += [
            ExperimentTheme(experiment=experiment_id, theme=theme_ids[name])
            for name in spec.themes
            if name in theme_ids  # a theme renamed in this database is left out
        ]
        links[ExperimentCustomerGroup] += [
            ExperimentCustomerGroup(experiment=experiment_id, customer_group=group_ids[name])
            for name in spec.customer_groups
        ]
        links[ExperimentChannel] += [
            ExperimentChannel(experiment=experiment_id, channel=code) for code in spec.channels
        ]
        links[Measure] += _measure_rows(spec, experiment_id)
        links[Cycle] += _cycle_rows(spec, experiment_id)
        links[AuditLog] += _history_rows(spec, experiment_id, user_ids[spec.owner])
    for table, rows in links.items():
        await _insert(table, rows)


def _history_rows(spec: ExperimentSpec, experiment_id: int, owner_id: int) -> list[AuditLog]:
    """A believable change history: created, and completed or abandoned when it was."""
    rows = [
        AuditLog(
            actor=owner_id,
            action="create",
            object_type="experiment",
            object_id=experiment_id,
            after={"title": spec.title},
            created_at=spec.created_at,
        )
    ]
    if spec.status in ("completed", "abandoned"):
        rows.append(
            AuditLog(
                actor=owner_id,
                action="status",
                object_type="experiment",
                object_id=experiment_id,
                after={"status": spec.status},
                created_at=spec.completed_at or spec.updated_at,
            )
        )
    return rows


_LINK_TABLES = (
    AuditLog,
    ExperimentCoOwner,
    ExperimentDepartment,
    ExperimentTheme,
    ExperimentCustomerGroup,
    ExperimentChannel,
    Measure,
    Cycle,
)


def _experiment_row(spec: ExperimentSpec, owner_id: int, strategy_id: int | None) -> Experiment:
    return Experiment(
        title=spec.title,
        owner=owner_id,
        strategy=strategy_id,
        problem=spec.problem,
        hypothesis=spec.hypothesis,
        plan=spec.plan,
        status=spec.status,
        abandon_reason=spec.abandon_reason,
        result=spec.result,
        outcome=spec.outcome,
        learning=spec.learning,
        decision=spec.decision,
        completed_at=spec.completed_at,
        created_at=spec.created_at,
        updated_at=spec.updated_at,
    )


def _measure_rows(spec: ExperimentSpec, experiment_id: int) -> list[Measure]:
    return [
        Measure(
            experiment=experiment_id,
            name=measure.name,
            unit=measure.unit,
            baseline=measure.baseline,
            target=measure.target,
            result=measure.result,
            position=position,
            created_at=spec.created_at,
            updated_at=spec.updated_at,
        )
        for position, measure in enumerate(spec.measures)
    ]


def _cycle_rows(spec: ExperimentSpec, experiment_id: int) -> list[Cycle]:
    rows = []
    for cycle in spec.cycles:
        opened = max(spec.created_at, _morning(cycle.starts_on, spec))
        edited = min(spec.updated_at, max(opened, _morning(cycle.ends_on, spec)))
        rows.append(
            Cycle(
                experiment=experiment_id,
                number=cycle.number,
                plan_notes=cycle.plan_notes,
                do_notes=cycle.do_notes,
                check_notes=cycle.check_notes,
                act_notes=cycle.act_notes,
                starts_on=cycle.starts_on,
                ends_on=cycle.ends_on,
                decision=cycle.decision,
                created_at=opened,
                updated_at=max(opened, edited),
            )
        )
    return rows


def _morning(day: date | None, spec: ExperimentSpec) -> datetime:
    return datetime.combine(day or spec.created_at.date(), time(7), tzinfo=spec.created_at.tzinfo)
