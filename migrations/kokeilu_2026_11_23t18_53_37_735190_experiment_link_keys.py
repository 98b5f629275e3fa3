from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.columns.column_types import Text
from piccolo.columns.indexes import IndexMethod

ID = "2026-11-23T18:53:37:735190"
VERSION = "1.38.0"
DESCRIPTION = "experiment link keys"


async def forwards():
    manager = MigrationManager(
        migration_id=ID, app_name="kokeilu", description=DESCRIPTION
    )

    manager.add_column(
        table_class_name="Experiment",
        tablename="experiment",
        column_name="department_key",
        db_column_name="department_key",
        column_class_name="Text",
        column_class=Text,
        params={
            "default": "",
            "null": False,
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

    manager.add_column(
        table_class_name="Experiment",
        tablename="experiment",
        column_name="theme_key",
        db_column_name="theme_key",
        column_class_name="Text",
        column_class=Text,
        params={
            "default": "",
            "null": False,
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
