"""A small per-process cache of computed rollups, keyed by the filters and by a data version
read from the database on every request, so that a stale answer is never served.

The rollup reads a large share of all experiments (4-5 s of CPU at 100,000 experiments on
SQLite, see docs/rollups.md), while the data behind it changes far less often than HR
directors look at it. The version covers every write the rollup depends on: each write of the
app is audited (the newest audit entry), and row counts plus the newest `updated_at` of
experiments, departments, people, strategies and themes catch writes that bypass the audit
log (e.g. bulk loads). Each worker keeps its own entries; no worker needs another's."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any

from app.experiments.tables import Experiment
from app.rollups.schemas import Rollup

MAX_ENTRIES = 64

VERSION_SQL = """
    SELECT (SELECT MAX(id) FROM audit_log) AS audit,
           (SELECT COUNT(*) FROM experiment) AS experiments,
           (SELECT MAX(updated_at) FROM experiment) AS experiment_updated,
           (SELECT COUNT(*) FROM department) AS departments,
           (SELECT MAX(updated_at) FROM department) AS department_updated,
           (SELECT COUNT(*) FROM account) AS people,
           (SELECT MAX(updated_at) FROM account) AS people_updated,
           (SELECT MAX(updated_at) FROM strategy) AS strategy_updated,
           (SELECT COUNT(*) FROM theme) AS themes,
           (SELECT MAX(updated_at) FROM theme) AS theme_updated,
           (SELECT COUNT(*) FROM kudos WHERE deleted_at IS NULL) AS kudos
"""

_entries: OrderedDict[tuple[Any, ...], Rollup] = OrderedDict()


async def data_version() -> tuple[Any, ...]:
    row = (await Experiment.raw(VERSION_SQL))[0]
    return tuple(str(value) for value in row.values())


def get(key: tuple[Any, ...]) -> Rollup | None:
    rollup = _entries.get(key)
    if rollup is not None:
        _entries.move_to_end(key)
    return rollup


def put(key: tuple[Any, ...], rollup: Rollup) -> None:
    _entries[key] = rollup
    _entries.move_to_end(key)
    while len(_entries) > MAX_ENTRIES:
        _entries.popitem(last=False)


def key_for(filters_json: str, today: date, version: tuple[Any, ...]) -> tuple[Any, ...]:
    return (filters_json, today.isoformat(), *version)


def clear() -> None:
    _entries.clear()
