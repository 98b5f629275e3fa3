"""The engine-specific full-text index of the learning library (raw SQL; see app/library/tables.py).

SQLite: an FTS5 table whose rowid is the experiment id, filled by triggers from
experiment_search_document. PostgreSQL: a generated tsvector column (`simple` configuration:
the lemmas are made in Python, so the database must not stem them again) with a GIN index."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder

ID = "2026-11-23T15:36:30:000000"
VERSION = "1.38.0"
DESCRIPTION = "library search index"

SQLITE_FORWARDS = [
    # remove_diacritics 0: "ä" stays "ä", as in PostgreSQL's simple configuration.
    "CREATE VIRTUAL TABLE experiment_search_fts USING fts5("
    "lemmas, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE TRIGGER experiment_search_document_ai AFTER INSERT ON experiment_search_document BEGIN "
    "INSERT INTO experiment_search_fts(rowid, lemmas) VALUES (new.experiment, new.lemmas); END",
    "CREATE TRIGGER experiment_search_document_ad AFTER DELETE ON experiment_search_document BEGIN "
    "DELETE FROM experiment_search_fts WHERE rowid = old.experiment; END",
    "CREATE TRIGGER experiment_search_document_au AFTER UPDATE ON experiment_search_document BEGIN "
    "DELETE FROM experiment_search_fts WHERE rowid = old.experiment; "
    "INSERT INTO experiment_search_fts(rowid, lemmas) VALUES (new.experiment, new.lemmas); END",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER IF EXISTS experiment_search_document_au",
    "DROP TRIGGER IF EXISTS experiment_search_document_ad",
    "DROP TRIGGER IF EXISTS experiment_search_document_ai",
    "DROP TABLE IF EXISTS experiment_search_fts",
]
POSTGRES_FORWARDS = [
    "ALTER TABLE experiment_search_document ADD COLUMN lemma_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, lemmas)) STORED",
    "CREATE INDEX experiment_search_document_lemma_vector ON experiment_search_document "
    "USING gin (lemma_vector)",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX IF EXISTS experiment_search_document_lemma_vector",
    "ALTER TABLE experiment_search_document DROP COLUMN IF EXISTS lemma_vector",
]


async def _run(statements: dict[str, list[str]]) -> None:
    engine = engine_finder()
    for statement in statements.get(engine.engine_type, []):
        await engine.run_ddl(statement)


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="kokeilu", description=DESCRIPTION)

    async def create_index():
        await _run({"sqlite": SQLITE_FORWARDS, "postgres": POSTGRES_FORWARDS})

    async def drop_index():
        await _run({"sqlite": SQLITE_BACKWARDS, "postgres": POSTGRES_BACKWARDS})

    manager.add_raw(create_index)
    manager.add_raw_backwards(drop_index)
    return manager
