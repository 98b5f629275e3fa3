"""Many generated experiments on top of the demo city, for benchmarks and load tests:
`kokeilu demo-data --experiments 100000`.

The rows come from the hand-written ideas (app.demo.experiment_ideas) with the demo builder's
status, outcome and decision mix, spread over three years and over every department; more
employees are added so that nobody owns thousands of experiments. One seeded random generator
makes the same rows every time (`rows()` is pure: no database). Inserts go in batches, each
batch one multi-row INSERT per table, so 100,000 experiments take a minute or two.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from app.accounts.tables import User
from app.db import engine, write_transaction
from app.demo.content import DEPARTMENTS, EMAIL_DOMAIN, USERS
from app.demo.experiment_builder import (
    ABANDON_REASONS,
    DECISIONS_BY_OUTCOME,
    LAST_DAY,
    OUTCOME_COUNTS,
    STATUS_COUNTS,
    _ending,
)
from app.demo.experiment_ideas import CUSTOMER_GROUPS, IDEAS
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
from app.organisation.tables import Department
from app.strategy.tables import Strategy, Theme

DEFAULT_SEED = 1
BATCH = 500
EXPERIMENTS_PER_PERSON = 40  # about this many generated experiments per employee
FIRST_DAY = LAST_DAY - timedelta(days=3 * 365)
# Unfinished experiments are recent; finished ones may be from any time in the three years.
RECENT_DAYS = {"draft": 240, "planned": 120, "running": 150, "checking": 90}
FIRST_NAMES = sorted({user.name.split()[0] for user in USERS})
LAST_NAMES = sorted({user.name.split()[-1] for user in USERS})
GROUP_NAMES = {group.key: group.name_fi for group in CUSTOMER_GROUPS}


@dataclass
class Context:
    """What the generated rows refer to, read from the database once."""

    strategy_id: int | None
    theme_ids: dict[str, int]  # by name_fi
    department_ids: dict[str, int]  # by demo department key
    group_ids: dict[str, int]  # by name_fi
    people_by_department: dict[int, list[int]]  # department id -> user ids
    everyone: list[int] = field(default_factory=list)


@dataclass
class GeneratedExperiment:
    values: dict[str, Any]
    themes: list[int]
    departments: list[int]
    co_owners: list[int]
    customer_groups: list[int]
    channels: list[str]
    measure: dict[str, Any] | None
    cycle: dict[str, Any] | None


def _weighted(counts: dict[str, int]) -> tuple[list[str], list[int]]:
    return list(counts), list(counts.values())


def _moment(rng: random.Random, day: date) -> datetime:
    return datetime.combine(day, time(rng.randint(5, 13), rng.randint(0, 59)), tzinfo=UTC)


def _capped(moment: datetime) -> datetime:
    end = datetime.combine(LAST_DAY, time(15), tzinfo=UTC)
    return min(moment, end)


def rows(context: Context, count: int, seed: int = DEFAULT_SEED) -> Iterator[GeneratedExperiment]:
    """`count` experiments, the same ones for the same seed and context."""
    rng = random.Random(seed)
    statuses, status_weights = _weighted(STATUS_COUNTS)
    outcomes, outcome_weights = _weighted(OUTCOME_COUNTS)
    span = (LAST_DAY - FIRST_DAY).days
    for _ in range(count):
        idea = rng.choice(IDEAS)
        status = rng.choices(statuses, status_weights)[0]
        department_key = rng.choice(idea.departments)
        department = context.department_ids[department_key]
        owner = rng.choice(context.people_by_department.get(department) or context.everyone)
        co_owners: list[int] = []
        departments = [department]
        if rng.random() < 0.3:
            co_owner = rng.choice(context.everyone)
            if co_owner != owner:
                co_owners.append(co_owner)
            if rng.random() < 0.4:  # a cross-department experiment
                other = context.department_ids[rng.choice(idea.departments)]
                if other not in departments:
                    departments.append(other)
        recent = RECENT_DAYS.get(status)
        back = rng.randint(0, recent) if recent else rng.randint(30, span)
        created_at = _moment(rng, LAST_DAY - timedelta(days=back))
        outcome = decision = None
        result = learning = abandon_reason = ""
        completed_at = None
        if status == "completed":
            outcome = rng.choices(outcomes, outcome_weights)[0]
            decision = rng.choice(DECISIONS_BY_OUTCOME[outcome])
            result, learning = _ending(rng, idea, outcome)
            completed_at = _capped(created_at + timedelta(days=rng.randint(20, 150)))
            updated_at = _capped(completed_at + timedelta(days=rng.randint(0, 9)))
        else:
            if status == "abandoned":
                abandon_reason = rng.choice(ABANDON_REASONS)
                learning = idea.failure[1] if rng.random() < 0.5 else ""
            updated_at = _capped(created_at + timedelta(days=rng.randint(0, 60)))
        started = status not in ("draft", "planned")
        title = f"{idea.title} – {DEPARTMENTS_BY_KEY[department_key]}"
        yield GeneratedExperiment(
            values={
                "title": title,
                "owner": owner,
                "strategy": context.strategy_id,
                "problem": idea.problem,
                "hypothesis": idea.hypothesis if status != "draft" or rng.random() < 0.5 else "",
                "plan": idea.plan if status != "draft" else "",
                "status": status,
                "abandon_reason": abandon_reason,
                "result": result,
                "outcome": outcome,
                "learning": learning,
                "decision": decision,
                "completed_at": completed_at,
                "created_at": created_at,
                "updated_at": updated_at,
            },
            themes=[context.theme_ids[name] for name in idea.themes if name in context.theme_ids],
            departments=departments,
            co_owners=co_owners,
            customer_groups=[
                context.group_ids[GROUP_NAMES[key]]
                for key in idea.groups
                if GROUP_NAMES[key] in context.group_ids
            ],
            channels=list(idea.channels),
            measure=None
            if status == "draft"
            else {
                "name": idea.measure.name,
                "unit": idea.measure.unit,
                "baseline": idea.measure.baseline,
                "target": idea.measure.target,
                "result": (
                    idea.measure.good
                    if outcome in ("solved", "partly_solved")
                    else idea.measure.poor
                )
                if status == "completed"
                else None,
            },
            cycle={
                "number": 1,
                "plan_notes": idea.plan.splitlines()[0].removeprefix("- "),
                "starts_on": (created_at + timedelta(days=rng.randint(3, 21))).date(),
            }
            if started
            else None,
        )


DEPARTMENTS_BY_KEY = {d.key: d.name_fi for d in DEPARTMENTS}


async def _department_ids() -> dict[str, int]:
    """The database id of every demo department by its key (parents come first in DEPARTMENTS)."""
    rows = await Department.select(Department.id, Department.parent, Department.name_fi)
    index = {(row["parent"], row["name_fi"]): row["id"] for row in rows}
    ids: dict[str, int] = {}
    for department in DEPARTMENTS:
        key = (ids.get(department.parent) if department.parent else None, department.name_fi)
        if key in index:
            ids[department.key] = index[key]
    return ids


async def _add_people(rng: random.Random, wanted: int, department_ids: list[int]) -> None:
    """Employees named like the demo people, numbered: bulk.<n>@<domain>, no password."""
    existing = await User.count().where(User.email.like(f"bulk.%@{EMAIL_DOMAIN}"))
    new = [
        User(
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            email=f"bulk.{number}@{EMAIL_DOMAIN}",
            password_hash=None,
            department=rng.choice(department_ids),
            language="fi",
        )
        for number in range(existing + 1, wanted + 1)
    ]
    for start in range(0, len(new), BATCH):
        await User.insert(*new[start : start + BATCH])


async def _context(count: int, seed: int) -> Context:
    department_ids = await _department_ids()
    if not department_ids:
        raise RuntimeError("Load the demo city first (kokeilu demo-data).")
    await _add_people(
        random.Random(seed), count // EXPERIMENTS_PER_PERSON, list(department_ids.values())
    )
    strategy = await Strategy.select(Strategy.id).where(Strategy.is_current.eq(True)).first()
    strategy_id = strategy["id"] if strategy else None
    themes = await Theme.select(Theme.id, Theme.name_fi).where(Theme.strategy == strategy_id)
    groups = await CustomerGroup.select(CustomerGroup.id, CustomerGroup.name_fi)
    people = (
        await User.select(User.id, User.department)
        .where(User.active.eq(True) & User.is_employee.eq(True) & User.is_admin.eq(False))
        .order_by(User.id)
    )
    by_department: dict[int, list[int]] = {}
    for person in people:
        by_department.setdefault(person["department"], []).append(person["id"])
    return Context(
        strategy_id=strategy_id,
        theme_ids={row["name_fi"]: row["id"] for row in themes},
        department_ids=department_ids,
        group_ids={row["name_fi"]: row["id"] for row in groups},
        people_by_department=by_department,
        everyone=[person["id"] for person in people],
    )


async def _insert_batch(batch: list[GeneratedExperiment]) -> None:
    inserted = await Experiment.insert(
        *(
            Experiment(
                **item.values,
                department_key=link_keys.key_of(item.departments),
                theme_key=link_keys.key_of(item.themes),
            )
            for item in batch
        )
    ).returning(Experiment.id)
    links: dict[Any, list[Any]] = {
        ExperimentTheme: [],
        ExperimentDepartment: [],
        ExperimentCoOwner: [],
        ExperimentCustomerGroup: [],
        ExperimentChannel: [],
        Measure: [],
        Cycle: [],
    }
    # Multi-row INSERT … RETURNING gives the ids in the order of the rows on both engines.
    for row, item in zip(inserted, batch, strict=True):
        experiment = row["id"]
        created, updated = item.values["created_at"], item.values["updated_at"]
        links[ExperimentTheme] += [
            ExperimentTheme(experiment=experiment, theme=t) for t in item.themes
        ]
        links[ExperimentDepartment] += [
            ExperimentDepartment(experiment=experiment, department=d) for d in item.departments
        ]
        links[ExperimentCoOwner] += [
            ExperimentCoOwner(experiment=experiment, user=u) for u in item.co_owners
        ]
        links[ExperimentCustomerGroup] += [
            ExperimentCustomerGroup(experiment=experiment, customer_group=g)
            for g in item.customer_groups
        ]
        links[ExperimentChannel] += [
            ExperimentChannel(experiment=experiment, channel=c) for c in item.channels
        ]
        if item.measure:
            links[Measure].append(
                Measure(
                    experiment=experiment, created_at=created, updated_at=updated, **item.measure
                )
            )
        if item.cycle:
            links[Cycle].append(
                Cycle(experiment=experiment, created_at=created, updated_at=updated, **item.cycle)
            )
    for table, table_rows in links.items():
        if table_rows:
            await table.insert(*table_rows)


async def generate(count: int, seed: int = DEFAULT_SEED) -> int:
    """Add `count` generated experiments (and the employees they need); returns how many."""
    async with write_transaction():
        context = await _context(count, seed)
    batch: list[GeneratedExperiment] = []
    written = 0
    for item in rows(context, count, seed):
        batch.append(item)
        if len(batch) == BATCH:
            async with write_transaction():
                await _insert_batch(batch)
            written += len(batch)
            batch = []
    if batch:
        async with write_transaction():
            await _insert_batch(batch)
        written += len(batch)
    # The learning library's search index, as `kokeilu reindex` builds it.
    from app.library.indexing import reindex_all

    await reindex_all()
    # Fresh planner statistics: without them SQLite picks the deleted_at index for the browse
    # page and sorts 100,000 rows instead of walking the updated_at index (2 s instead of 1 ms).
    # On PostgreSQL also VACUUM: until the visibility map is set, an index-only scan (the
    # rollup's counts) still visits the table for every row; autovacuum would come later.
    await Experiment.raw("VACUUM ANALYZE" if engine().engine_type == "postgres" else "ANALYZE")
    return written
