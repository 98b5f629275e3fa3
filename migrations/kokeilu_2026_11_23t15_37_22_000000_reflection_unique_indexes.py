"""Composite unique indexes for reflections and ratings (Piccolo columns cannot express them).

The same SQL on SQLite and PostgreSQL. A NULL user (an anonymous answer) never collides with
another NULL, as in SQL generally: anonymous answers are limited by reflection_submission.
"""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-23T15:37:22:000000"
VERSION = "1.38.0"
DESCRIPTION = "unique indexes for reflections and ratings"

UNIQUE_INDEXES = {
    "reflection_submission_day_user": 'reflection_submission (workshop_day, "user")',
    "reflection_answer_question_day_user": 'reflection_answer (question, workshop_day, "user")',
    "assessment_rating_statement_day_department": (
        "assessment_rating (statement, workshop_day, department)"
    ),
}


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="kokeilu", description=DESCRIPTION)

    async def create_indexes():
        db = engine_finder()
        for name, target in UNIQUE_INDEXES.items():
            await db.run_ddl(f"CREATE UNIQUE INDEX {name} ON {target}")

    async def drop_indexes():
        db = engine_finder()
        for name in UNIQUE_INDEXES:
            await db.run_ddl(f"DROP INDEX IF EXISTS {name}")

    manager.add_raw(create_indexes)
    manager.add_raw_backwards(drop_indexes)
    return manager
