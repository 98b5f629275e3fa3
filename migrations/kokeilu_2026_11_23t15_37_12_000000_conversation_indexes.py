"""Indexes the table definitions cannot express: one kudos per person per experiment, and
a person's unread notifications (the header badge counts them on every page)."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager

from app.db import engine

ID = "2026-11-23T15:37:12:000000"
VERSION = "1.38.0"
DESCRIPTION = "conversation indexes"

STATEMENTS = (
    "CREATE UNIQUE INDEX kudos_one_per_person ON kudos (experiment, giver)",
    "CREATE INDEX notification_recipient_unread ON notification (recipient, read_at)",
)
DROPS = (
    "DROP INDEX IF EXISTS kudos_one_per_person",
    "DROP INDEX IF EXISTS notification_recipient_unread",
)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="kokeilu", description=DESCRIPTION)

    async def create_indexes():
        for statement in STATEMENTS:  # the same SQL on SQLite and PostgreSQL
            await engine().run_ddl(statement)

    async def drop_indexes():
        for statement in DROPS:
            await engine().run_ddl(statement)

    manager.add_raw(create_indexes)
    manager.add_raw_backwards(drop_indexes)
    return manager
