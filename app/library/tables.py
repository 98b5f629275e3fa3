"""The search document of each experiment: its text as lemmas, in the experiment's language,
and a copy of the experiment columns the library's default listing needs.

The full-text index itself is engine-specific and made with raw SQL in the migration:
SQLite has the FTS5 table `experiment_search_fts` (rowid = experiment id, kept in step with
this table by triggers) and PostgreSQL a generated `lemma_vector tsvector` column on this table
with a GIN index (ENGINE_ONLY_COLUMNS), both over `lemmas` and `parts`.

`status`, `learned`, `created_at`, `owner` and `cohort` are copies of the experiment's, written
with the lemmas by app.library.indexing on every change to the experiment, so that a search
without browse filters counts, authorises and orders its hits from this table alone instead of
reading each hit's (wide) experiment row. A deleted experiment has no document at all."""

from piccolo.columns import Boolean, ForeignKey, Integer, OnDelete, Text, Timestamptz, Varchar
from piccolo.columns.defaults.timestamptz import TimestamptzNow
from piccolo.table import Table

from app.experiments.tables import Experiment

# Columns the migration adds with raw SQL on one engine only (not declared to Piccolo).
ENGINE_ONLY_COLUMNS = {"experiment_search_document": {"lemma_vector"}}


class ExperimentSearchDocument(Table):
    experiment = ForeignKey(Experiment, on_delete=OnDelete.cascade, unique=True, index=True)
    language = Varchar(length=2, default="fi")
    lemmas = Text(default="")
    # The lemmas of the Finnish compound words' parts (app.library.compounds): matched like the
    # lemmas, ranked lower (FTS5 column weight, tsvector weight B).
    parts = Text(default="")
    updated_at = Timestamptz(default=TimestamptzNow())
    # Copies of the experiment's columns (see the module docstring).
    status = Varchar(length=20, default="draft")
    # Completed with a learning written: the library's "learnings first" order.
    learned = Boolean(default=False)
    created_at = Timestamptz(null=True, default=None)
    owner = Integer(null=True, default=None)
    cohort = Integer(null=True, default=None)
