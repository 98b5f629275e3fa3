"""Each experiment's departments and themes as two short keys on its own row ("4,12": the
sorted ids), kept in step with the link tables `experiment_department` and `experiment_theme`.

Why: the strategy rollup counts ~100,000 experiments by department and theme. Joining the link
tables for every experiment (~250,000 link rows) took about a second; grouping the experiments
by these two keys is one scan of a covering index, giving a few hundred groups whose links
are then read once per group (app/rollups/service.py).

Call `refresh(experiment_id)` in the same transaction after changing an experiment's
departments or themes; `refresh_all()` rebuilds every key (migration, `kokeilu reindex`)."""

from __future__ import annotations

from collections.abc import Iterable

from app.experiments.tables import Experiment, ExperimentDepartment, ExperimentTheme

BATCH_SIZE = 1_000


def key_of(ids: Iterable[int]) -> str:
    """The key of a set of ids: sorted, no repeats, comma-separated ("" for none)."""
    return ",".join(str(i) for i in sorted(set(ids)))


async def _keys(experiment_ids: list[int]) -> dict[int, tuple[str, str]]:
    departments: dict[int, list[int]] = {i: [] for i in experiment_ids}
    themes: dict[int, list[int]] = {i: [] for i in experiment_ids}
    for row in await ExperimentDepartment.select(
        ExperimentDepartment.experiment, ExperimentDepartment.department
    ).where(ExperimentDepartment.experiment.is_in(experiment_ids)):
        departments[row["experiment"]].append(row["department"])
    for row in await ExperimentTheme.select(
        ExperimentTheme.experiment, ExperimentTheme.theme
    ).where(ExperimentTheme.experiment.is_in(experiment_ids)):
        themes[row["experiment"]].append(row["theme"])
    return {i: (key_of(departments[i]), key_of(themes[i])) for i in experiment_ids}


async def refresh(experiment_id: int) -> None:
    """Write one experiment's keys from its links (its version and updated_at stay)."""
    department_key, theme_key = (await _keys([experiment_id]))[experiment_id]
    await Experiment.update(
        {Experiment.department_key: department_key, Experiment.theme_key: theme_key}
    ).where(Experiment.id == experiment_id)


async def refresh_all(batch_size: int = BATCH_SIZE) -> int:
    """Rewrite the keys of every experiment whose keys differ from its links, a batch at a
    time; returns how many were changed. Runs in the caller's transaction, if any."""
    changed, last_id = 0, 0
    while True:
        rows = (
            await Experiment.select(Experiment.id, Experiment.department_key, Experiment.theme_key)
            .where(Experiment.id > last_id)
            .order_by(Experiment.id)
            .limit(batch_size)
        )
        if not rows:
            return changed
        keys = await _keys([row["id"] for row in rows])
        for row in rows:
            department_key, theme_key = keys[row["id"]]
            if (row["department_key"], row["theme_key"]) != (department_key, theme_key):
                await Experiment.update(
                    {Experiment.department_key: department_key, Experiment.theme_key: theme_key}
                ).where(Experiment.id == row["id"])
                changed += 1
        last_id = rows[-1]["id"]
