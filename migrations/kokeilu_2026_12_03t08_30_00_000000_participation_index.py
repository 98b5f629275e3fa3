from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.table import Table

ID = "2026-12-03T08:30:00:000000"
VERSION = "1.38.0"
DESCRIPTION = "a covering index for the rollup's participation lookups"

# The rollup's participation asks, for each active person, whether they own a counted
# experiment (app/rollups/service.py): with the owner, strategy and period first and every
# other column the filters read after them, each person is one index seek, without reading
# the person's experiment rows (a period of one year read ~100,000 of them at 100k).
INDEXES = {
    "experiment_participation": "experiment (owner, strategy, created_at, status, deleted_at, "
    "cohort, department_key, theme_key)",
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
