"""The migrated schema matches the table definitions, and the demo data loads idempotently."""

from __future__ import annotations

from app.accounts.passwords import verify_password
from app.accounts.tables import User
from app.db import engine
from app.demo import content
from app.demo.loader import load_demo_data
from app.library.tables import ENGINE_ONLY_COLUMNS
from app.organisation.tables import Department
from app.piccolo_app import TABLES
from app.strategy.tables import Strategy, Theme


async def _database_columns(table_name: str) -> set[str]:
    from piccolo.querystring import QueryString

    db = engine()
    if db.engine_type == "sqlite":
        query = QueryString("SELECT name FROM pragma_table_info({})", table_name)
    else:
        query = QueryString(
            "SELECT column_name AS name FROM information_schema.columns WHERE table_name = {}",
            table_name,
        )
    return {row["name"] for row in await db.run_querystring(query)}


async def test_migrations_create_exactly_the_defined_columns():
    for table in TABLES:
        expected = {column._meta.db_column_name for column in table._meta.columns}
        found = await _database_columns(table._meta.tablename)
        found -= ENGINE_ONLY_COLUMNS.get(table._meta.tablename, set())  # raw SQL, documented
        assert found == expected, table._meta.tablename


async def test_migration_files_describe_the_current_tables():
    """No drift: auto-generating a migration now would find nothing to do."""
    from piccolo.apps.migrations.auto.diffable_table import DiffableTable
    from piccolo.apps.migrations.auto.schema_differ import SchemaDiffer
    from piccolo.apps.migrations.commands.base import BaseMigrationManager

    snapshot = await BaseMigrationManager().get_migration_managers(
        app_config=__import__("app.piccolo_app", fromlist=["APP_CONFIG"]).APP_CONFIG
    )
    from piccolo.apps.migrations.auto.schema_snapshot import SchemaSnapshot

    tables_in_migrations = SchemaSnapshot(managers=snapshot).get_snapshot()
    current = [
        DiffableTable(
            class_name=t.__name__, tablename=t._meta.tablename, columns=t._meta.non_default_columns
        )
        for t in TABLES
    ]
    differ = SchemaDiffer(schema=current, schema_snapshot=tables_in_migrations, auto_input="n")
    pending = [
        statement for group in differ.get_alter_statements() for statement in group.statements
    ]
    assert pending == [], "run `piccolo migrations new kokeilu --auto` against PostgreSQL"


async def test_demo_data_is_believable_and_idempotent():
    sign_ins = await load_demo_data()
    counts = (
        await Department.count(),
        await User.count(),
        await Strategy.count(),
        await Theme.count(),
    )
    assert counts[0] >= 20 and counts[1] >= 55
    again = await load_demo_data()
    assert (
        await Department.count(),
        await User.count(),
        await Strategy.count(),
        await Theme.count(),
    ) == counts
    assert [s.email for s in sign_ins] == [s.email for s in again]
    current = await Strategy.objects().where(Strategy.is_current.eq(True))
    assert [s.name for s in current] == [content.CURRENT_STRATEGY.name]
    themes = (
        await Theme.select(Theme.name_fi)
        .where(Theme.strategy == current[0].id)
        .order_by(Theme.position)
    )
    assert [t["name_fi"].lower() for t in themes][:2] == [
        "innostajana työyhteisössä",
        "hiljaisten asiakkaiden mukaan ottaminen",
    ]
    admin = await User.objects().where(User.email == content.ADMIN_EMAIL).first()
    assert admin.is_admin and verify_password(admin.password_hash, content.DEMO_PASSWORD)
