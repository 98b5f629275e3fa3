"""The rollup's department and theme filters, tested on each experiment's department and
theme keys (its sorted link ids, "4,12": app/experiments/link_keys.py) rather than on the
link tables.

The browse page filters by department with "id IN (the experiments linked to the subtree)":
at 100,000 experiments a large department's list holds ~40,000 ids, and testing every
experiment of a year's trend and of the thanks against it took longer than the rest of the
rollup. The keys name the same links, so "department_key is one of the keys that name a
department of the subtree" lists exactly the same experiments (tests/http/test_rollup.py
compares every figure with an independent count), and the keys are in the rollup's indexes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from piccolo.columns.combination import WhereRaw

from app import policies
from app.experiments.listing import BrowseFilters, filter_condition
from app.experiments.tables import Experiment
from app.organisation import service as organisation

# The strategy's distinct department keys, one index seek each (a loose index scan of the
# (strategy, department_key, …) index; a plain DISTINCT would read every experiment).
DEPARTMENT_KEYS_SQL = """
    WITH RECURSIVE keys(department_key) AS (
        SELECT MIN(department_key) FROM experiment WHERE strategy = {}
        UNION ALL
        SELECT (SELECT MIN(department_key) FROM experiment
                 WHERE strategy = {} AND department_key > keys.department_key)
          FROM keys WHERE keys.department_key IS NOT NULL
    )
    SELECT department_key FROM keys WHERE department_key IS NOT NULL
"""


@dataclass(frozen=True)
class KeyFilter:
    """A rollup's department and theme choice. `department_keys` is None when no department
    was chosen."""

    department_keys: tuple[str, ...] | None
    themes: tuple[int, ...]

    async def condition(self, viewer: policies.Actor, filters: BrowseFilters) -> Any:
        """`filter_condition(viewer, filters)` with the department and theme (as chosen here)
        tested on the keys."""
        plain = filters.model_copy(update={"department": None, "theme": []})
        condition = await filter_condition(viewer, plain)
        if self.department_keys is not None:
            condition &= (
                Experiment.department_key.is_in(list(self.department_keys))
                if self.department_keys
                else WhereRaw("1 = 0")
            )
        if self.themes:
            # ",4,12," contains ",12,": the experiment has theme 12.
            tests = " OR ".join("(',' || theme_key || ',') LIKE {}" for _ in self.themes)
            condition &= WhereRaw(f"({tests})", *(f"%,{theme},%" for theme in self.themes))
        return condition

    def without_department(self) -> KeyFilter:
        return KeyFilter(None, self.themes)


async def key_filter(strategy: int, department: int | None, themes: list[int]) -> KeyFilter:
    if not department:
        return KeyFilter(None, tuple(themes))
    subtree = {str(department), *map(str, await organisation.descendant_ids(department))}
    rows = await Experiment.raw(DEPARTMENT_KEYS_SQL, strategy, strategy)
    keys = tuple(
        row["department_key"]
        for row in rows
        if not subtree.isdisjoint(row["department_key"].split(","))
    )
    return KeyFilter(keys, tuple(themes))
