"""The search document of each experiment: its text as lemmas, in the experiment's language.

The full-text index itself is engine-specific and made with raw SQL in the migration:
SQLite has the FTS5 table `experiment_search_fts` (rowid = experiment id, kept in step with
this table by triggers) and PostgreSQL a generated `lemma_vector tsvector` column on this table
with a GIN index (ENGINE_ONLY_COLUMNS)."""

from piccolo.columns import ForeignKey, OnDelete, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from app.experiments.tables import Experiment

# Columns the migration adds with raw SQL on one engine only (not declared to Piccolo).
ENGINE_ONLY_COLUMNS = {"experiment_search_document": {"lemma_vector"}}


class ExperimentSearchDocument(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, unique=True, index=True)
    language = Varchar(length=2, default="fi")
    lemmas = Text(default="")
    updated_at = Timestamptz(default=TimestamptzNow())
