from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.table import Table

ID = "2026-11-23T15:37:08:000000"
VERSION = "1.38.0"
DESCRIPTION = "one live review per experiment per workshop day"


class RawSQL(Table, tablename="experiment_review", schema=None):
    pass


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="kokeilu", description=DESCRIPTION)

    async def create_index() -> None:
        # Both engines know partial unique indexes; a soft-deleted review frees the slot.
        await RawSQL.raw(
            "CREATE UNIQUE INDEX experiment_review_one_per_day "
            "ON experiment_review (experiment, workshop_day) WHERE deleted_at IS NULL"
        )

    async def drop_index() -> None:
        await RawSQL.raw("DROP INDEX experiment_review_one_per_day")

    manager.add_raw(create_index)
    manager.add_raw_backwards(drop_index)
    return manager
