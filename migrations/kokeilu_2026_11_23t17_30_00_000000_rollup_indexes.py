from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.table import Table

ID = "2026-11-23T17:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "covering indexes for the strategy rollup"

# The rollup (app/rollups/service.py) counts every experiment of a strategy and period. With
# these indexes both engines answer from the indexes alone instead of fetching each row:
# the experiment index holds every column the rollup filters and groups by, and the link
# tables are read in (experiment, department|theme) order.
INDEXES = {
    "experiment_rollup": "experiment (strategy, created_at, status, deleted_at, owner, "
    "outcome, decision, completed_at, cohort)",
    "experiment_department_pair": "experiment_department (experiment, department)",
    "experiment_theme_pair": "experiment_theme (experiment, theme)",
}


class RawSQL(Table, tablename="experiment", schema=None):
    pass


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="kokeilu", description=DESCRIPTION)

    async def create_indexes() -> None:
        for name, target in INDEXES.items():
            await RawSQL.raw(f"CREATE INDEX {name} ON {target}")

    async def drop_indexes() -> None:
        for name in INDEXES:
            await RawSQL.raw(f"DROP INDEX {name}")

    manager.add_raw(create_indexes)
    manager.add_raw_backwards(drop_indexes)
    return manager
