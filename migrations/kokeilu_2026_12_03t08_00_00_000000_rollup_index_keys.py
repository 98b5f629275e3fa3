from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.table import Table

ID = "2026-12-03T08:00:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "the rollup's period indexes also hold the department and theme keys"

# The rollup's monthly trend reads the (strategy, created_at, …) and (strategy, status,
# completed_at, …) indexes, and filters by department and theme on the experiment's keys
# (app/rollups/key_filters.py): with the keys in the indexes no experiment row is read.
BEFORE = {
    "experiment_rollup": "experiment (strategy, created_at, status, deleted_at, owner, "
    "outcome, decision, completed_at, cohort)",
    "experiment_completion": "experiment (strategy, status, completed_at, deleted_at, "
    "created_at, cohort, id)",
}
AFTER = {
    "experiment_rollup": "experiment (strategy, created_at, status, deleted_at, owner, "
    "outcome, decision, completed_at, cohort, department_key, theme_key)",
    "experiment_completion": "experiment (strategy, status, completed_at, deleted_at, "
    "created_at, cohort, department_key, theme_key, id)",
}


class RawSQL(Table, tablename="experiment", schema=None):
    pass


def _replace(indexes: dict[str, str]):
    async def run() -> None:
        for name, target in indexes.items():
            await RawSQL.raw(f"DROP INDEX {name}")
            await RawSQL.raw(f"CREATE INDEX {name} ON {target}")

    return run


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="kokeilu", description=DESCRIPTION)
    manager.add_raw(_replace(AFTER))
    manager.add_raw_backwards(_replace(BEFORE))
    return manager
