from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine.finder import engine_finder
from piccolo.table import Table

ID = "2026-11-23T18:53:38:000000"
VERSION = "1.38.0"
DESCRIPTION = "fill the experiment link keys; indexes for grouping the rollup"

# The keys (app/experiments/link_keys.py): the sorted ids of an experiment's departments and
# of its themes, "4,12". Filled here from the link tables for existing experiments.
SORTED_IDS = {
    "sqlite": "COALESCE((SELECT group_concat(id, ',') FROM (SELECT DISTINCT {column} AS id "
    "FROM {table} WHERE {table}.experiment = experiment.id ORDER BY 1)), '')",
    "postgres": "COALESCE((SELECT string_agg(id::text, ',' ORDER BY id) FROM (SELECT DISTINCT "
    "{column} AS id FROM {table} WHERE {table}.experiment = experiment.id) AS ids), '')",
}
KEYS = {
    "department_key": ("experiment_department", "department"),
    "theme_key": ("experiment_theme", "theme"),
}

# The rollup (app/rollups/service.py) groups a strategy's experiments by these keys, status,
# outcome and decision: with the index in that order the groups come out of one index scan,
# without sorting ~100,000 rows. Completions are counted by (strategy, status, completed_at).
# Every other column the rollup's filters read is in the index too (no row lookups).
INDEXES = {
    "experiment_groups": "experiment (strategy, department_key, theme_key, status, outcome, "
    "decision, deleted_at, created_at, cohort, id)",
    "experiment_completion": "experiment (strategy, status, completed_at, deleted_at, "
    "created_at, cohort, id)",
}


class RawSQL(Table, tablename="experiment", schema=None):
    pass


async def fill_keys() -> None:
    engine_type = engine_finder().engine_type
    assignments = ", ".join(
        f"{key} = " + SORTED_IDS[engine_type].format(table=table, column=column)
        for key, (table, column) in KEYS.items()
    )
    await RawSQL.raw(f"UPDATE experiment SET {assignments}")  # noqa: S608 - constants only


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="kokeilu", description=DESCRIPTION)

    async def create_indexes() -> None:
        await fill_keys()
        for name, target in INDEXES.items():
            await RawSQL.raw(f"CREATE INDEX {name} ON {target}")

    async def drop_indexes() -> None:
        for name in INDEXES:
            await RawSQL.raw(f"DROP INDEX {name}")

    manager.add_raw(create_indexes)
    manager.add_raw_backwards(drop_indexes)
    return manager
