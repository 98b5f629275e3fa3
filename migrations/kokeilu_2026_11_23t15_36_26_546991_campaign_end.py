from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Date
from piccolo.columns.indexes import IndexMethod

ID = "2026-11-23T15:36:26:546991"
VERSION = "1.38.0"
DESCRIPTION = "strategy campaign end date"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="kokeilu", description=DESCRIPTION
    )

    manager.add_column(
        table_class_name="Strategy",
        tablename="strategy",
        column_name="campaign_end",
        db_column_name="campaign_end",
        column_class_name="Date",
        column_class=Date,
        params={
            "default": None,
            "null": True,
            "primary_key": False,
            "unique": False,
            "index": False,
            "index_method": IndexMethod.btree,
            "choices": None,
            "db_column_name": None,
            "secret": False,
        },
        schema=None,
    )

    return manager
