"""The library's full-text index over the lemmas and the compound parts, and the parts of every
existing search document (so an upgraded database needs no manual `kokeilu reindex`).

SQLite: the FTS5 table gets a second column `parts` (bm25 weighs it lower); PostgreSQL: the
generated `lemma_vector` holds the lemmas with weight A and the parts with weight B. The parts
are computed in Python (app.library.indexing.compound_terms, Voikko) from the experiments'
text in the document's language and written a batch at a time. On PostgreSQL the generated
column is added after those updates: adding it rewrites the table, compactly."""

from piccolo.apps.migrations.auto.migration_manager import MigrationManager
from piccolo.engine import engine_finder
from piccolo.table import Table

ID = "2026-12-04T16:50:01:000000"
VERSION = "1.38.0"
DESCRIPTION = "library search index over lemmas and compound parts"
BATCH = 500

TRIGGERS = ("ai", "ad", "au")
TOKENIZE = "tokenize = 'unicode61 remove_diacritics 0'"


def _sqlite_index(columns: list[str]) -> tuple[list[str], list[str]]:  # noqa: S608
    """(statements that drop the FTS5 index, statements that make and fill it) for columns
    (constant names only)."""
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    insert = f"INSERT INTO experiment_search_fts(rowid, {names}) VALUES (new.experiment, {new});"  # noqa: S608
    delete = "DELETE FROM experiment_search_fts WHERE rowid = old.experiment;"
    table = "experiment_search_document"
    drop = [f"DROP TRIGGER IF EXISTS {table}_{t}" for t in TRIGGERS]
    drop.append("DROP TABLE IF EXISTS experiment_search_fts")
    create = [
        f"CREATE VIRTUAL TABLE experiment_search_fts USING fts5({names}, {TOKENIZE})",
        f"INSERT INTO experiment_search_fts(rowid, {names}) SELECT experiment, {names} FROM {table}",  # noqa: S608
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    ]
    return drop, create


def _postgres_vector(expression: str) -> list[str]:
    return [
        "ALTER TABLE experiment_search_document ADD COLUMN lemma_vector tsvector "
        f"GENERATED ALWAYS AS ({expression}) STORED",
        "CREATE INDEX experiment_search_document_lemma_vector ON experiment_search_document "
        "USING gin (lemma_vector)",
        "ANALYZE experiment_search_document",
    ]


POSTGRES_DROP = [
    "DROP INDEX IF EXISTS experiment_search_document_lemma_vector",
    "ALTER TABLE experiment_search_document DROP COLUMN IF EXISTS lemma_vector",
]
POSTGRES_WEIGHTED = _postgres_vector(
    "setweight(to_tsvector('simple'::regconfig, lemmas), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, parts), 'B')"
)
POSTGRES_LEMMAS_ONLY = _postgres_vector("to_tsvector('simple'::regconfig, lemmas)")

SEARCHED = ("title", "problem", "hypothesis", "result", "learning")


class RawSQL(Table, tablename="experiment_search_document", schema=None):
    pass


async def _fill_parts() -> None:
    """Every document's `parts`, from its experiment's text, a batch at a time."""
    from app.library.indexing import compound_terms, experiment_text

    last = 0
    columns = ", ".join(f"e.{name}" for name in SEARCHED)
    while True:
        rows = await RawSQL.raw(
            f"SELECT d.experiment AS id, d.language AS language, {columns} "  # noqa: S608
            "FROM experiment_search_document d JOIN experiment e ON e.id = d.experiment "
            "WHERE d.experiment > {} ORDER BY d.experiment LIMIT {}",
            last,
            BATCH,
        )
        if not rows:
            return
        last = rows[-1]["id"]
        values = [
            (row["id"], " ".join(compound_terms(experiment_text(row), row["language"])))
            for row in rows
        ]
        values = [(id_, parts) for id_, parts in values if parts]
        if values:
            cases = " ".join("WHEN {} THEN {}" for _ in values)
            ids = ", ".join("{}" for _ in values)
            await RawSQL.raw(
                f"UPDATE experiment_search_document SET parts = CASE experiment {cases} END "  # noqa: S608
                f"WHERE experiment IN ({ids})",
                *[value for pair in values for value in pair],
                *[id_ for id_, _ in values],
            )


async def forwards():
    manager = MigrationManager(migration_id=ID, app_name="kokeilu", description=DESCRIPTION)

    async def rebuild() -> None:
        sqlite = engine_finder().engine_type == "sqlite"
        if sqlite:
            drop, create = _sqlite_index(["lemmas", "parts"])
        else:
            drop, create = POSTGRES_DROP, POSTGRES_WEIGHTED
        for statement in drop:
            await RawSQL.raw(statement)
        await _fill_parts()
        for statement in create:
            await RawSQL.raw(statement)

    async def restore() -> None:
        if engine_finder().engine_type == "sqlite":
            drop, create = _sqlite_index(["lemmas"])
        else:
            drop, create = POSTGRES_DROP, POSTGRES_LEMMAS_ONLY
        for statement in drop + create:
            await RawSQL.raw(statement)

    manager.add_raw(rebuild)
    manager.add_raw_backwards(restore)
    return manager
