"""Turning experiment text into lemmas and keeping the search index in step with every write.

Finnish inflects heavily: "asiakas", "asiakkaiden" and "asiakkaille" are one word. Stemming
(Snowball, PostgreSQL's `finnish` configuration) cuts them to different stems, so the text is
lemmatised here in Python with simplemma, the same way for SQLite and PostgreSQL, at index
time and at query time. The databases only see space-separated lemmas (FTS5 `unicode61`
tokeniser without diacritic folding; PostgreSQL `simple` configuration), so both match
exactly the same documents.

Call `reindex_experiment` inside the write transaction of any change to an experiment's
searchable text or to a column the document copies (LISTED_FIELDS: create, section edits,
status changes, soft delete and restore, a new cohort)."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import simplemma
from simplemma.language_detector import LanguageDetector
from simplemma.strategies import DefaultStrategy
from simplemma.token_sampler import MostCommonTokenSampler, RelaxedMostCommonTokenSampler

from app.experiments.tables import Experiment
from app.library.compounds import analyser, compound_parts
from app.library.tables import ExperimentSearchDocument

LANGUAGES = ("fi", "sv", "en")
FALLBACK_LANGUAGE = "fi"
# What the library searches: the experiment's own words about the problem and what came of it.
SEARCHED_FIELDS = ("title", "problem", "hypothesis", "result", "learning")
# Copied as they are into the document; with `learning` they give its `learned` flag.
LISTED_FIELDS = ("status", "created_at", "owner", "cohort")
# Letters and digits; "_" and punctuation separate words, as in both databases' tokenisers.
WORD = re.compile(r"[^\W_]+")
DETECTION_SAMPLE = 1000  # characters: enough to tell fi, sv and en apart, and quick
BATCH_SIZE = 500
# simplemma's memory-frugal dictionaries: the same lemmas, but Finnish loads in a few seconds
# into about 70 MB instead of about 400 MB and four times as long.
LOW_MEMORY = True


def _is_word(token: str) -> bool:
    return token.isalpha() or token.isdecimal() or all(c.isalpha() or c.isdecimal() for c in token)


def _letters_and_digits(token: str) -> list[str]:
    """Split a token at signs Python counts as alphanumeric but the databases' tokenisers do not
    all treat as word characters (superscripts, fractions: "x²" is "x" in PostgreSQL)."""
    parts, current = [], []
    for char in token:
        if char.isalpha() or char.isdecimal():
            current.append(char)
        elif current:
            parts.append("".join(current))
            current = []
    if current:
        parts.append("".join(current))
    return parts


def words(text: str) -> list[str]:
    """Lower-case words: runs of letters and decimal digits, as both databases tokenise them."""
    found = []
    for token in WORD.findall(unicodedata.normalize("NFC", text.lower())):
        if _is_word(token):
            found.append(token)
        else:
            found.extend(_letters_and_digits(token))
    return found


_loaded: set[str] = set()
_loading = threading.Lock()


def load_dictionary(language: str) -> None:
    """Load simplemma's word list for a language once per process. It takes seconds, so two
    threads must not load it at the same time."""
    if language in _loaded:
        return
    with _loading:
        if language not in _loaded:
            simplemma.lemmatize("a", lang=language, low_memory=LOW_MEMORY)
            _loaded.add(language)


def dictionaries_loaded() -> bool:
    return _loaded.issuperset(LANGUAGES)


def warm_up() -> None:
    """Load every dictionary and the compound analyser (the app does this in a background
    thread when it starts)."""
    for language in LANGUAGES:
        load_dictionary(language)
    analyser()


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str) -> tuple[str, ...]:
    """The lemma of one lower-case word, as index terms (a lemma could contain a hyphen or
    space, so it is split into words again)."""
    load_dictionary(language)
    return tuple(words(simplemma.lemmatize(word, lang=language, low_memory=LOW_MEMORY))) or (word,)


def lemmatise(text: str, language: str) -> list[str]:
    return [term for word in words(text) for term in lemma(word, language)]


@lru_cache(maxsize=200_000)
def parts(word: str, language: str) -> tuple[str, ...]:
    """The index terms of a lower-case word's compound parts (Finnish only, see
    app.library.compounds), other than its own lemma."""
    if language != "fi":
        return ()
    own = lemma(word, language)
    return tuple(term for part in compound_parts(word) for term in words(part) if term not in own)


def compound_terms(text: str, language: str) -> list[str]:
    """The parts of every compound word of the text, in order (what the `parts` column holds)."""
    return [term for word in words(text) for term in parts(word, language)]


def word_terms(word: str, language: str) -> set[str]:
    """Every index term of one word: its lemma and its compound parts (for highlighting)."""
    return {*lemma(word, language), *parts(word, language)}


class _CachedStrategy:
    """simplemma's default lemmatisation strategy with a cache per (token, language).

    Language detection looks every sampled token up in all three dictionaries; experiment
    texts repeat the same words a great deal, so without the cache detection took about
    95 % of indexing time. The answers are exactly simplemma's."""

    def __init__(self) -> None:
        self._strategy = DefaultStrategy(greedy=False, low_memory=LOW_MEMORY)
        self.get_lemma = lru_cache(maxsize=400_000)(self._strategy.get_lemma)


_detectors: list[LanguageDetector] = []


def _language_detectors() -> list[LanguageDetector]:
    """The detectors simplemma.langdetect uses (its two token samplers), built once."""
    if not _detectors:
        for language in LANGUAGES:
            load_dictionary(language)
        strategy = _CachedStrategy()
        _detectors.extend(
            LanguageDetector(LANGUAGES, sampler, strategy)
            for sampler in (MostCommonTokenSampler(), RelaxedMostCommonTokenSampler())
        )
    return _detectors


def _langdetect(text: str) -> list[tuple[str, float]]:
    """simplemma.langdetect(text, LANGUAGES, low_memory=LOW_MEMORY), with cached lookups:
    the relaxed sampler only breaks a tie of the first."""
    results: list[tuple[str, float]] = []
    for detector in _language_detectors():
        proportions = detector.proportion_in_each_language(text)
        results = sorted(proportions.items(), key=lambda item: (item[0] == "unk", -item[1]))
        if len(results) == 1 or results[0][1] != results[1][1]:
            return results
    return results


def detect_language(text: str) -> str:
    """fi, sv or en by simplemma's word-list detection; Finnish when unsure (the usual case)."""
    sample = text[:DETECTION_SAMPLE]
    if len(words(sample)) < 3:
        return FALLBACK_LANGUAGE
    language, score = _langdetect(sample)[0]
    return language if language in LANGUAGES and score >= 0.3 else FALLBACK_LANGUAGE


def experiment_text(row: dict[str, Any]) -> str:
    return "\n".join(row.get(name) or "" for name in SEARCHED_FIELDS)


def listed_values(row: dict[str, Any]) -> dict[str, Any]:
    """The document's copies of the experiment columns the library lists by: who may see it
    (status, owner, cohort) and its order (learned: completed with a learning, created_at).
    `learned` is the SQL `status = 'completed' AND learning <> ''` of the listing."""
    return {
        **{name: row[name] for name in LISTED_FIELDS},
        "learned": row["status"] == "completed" and row["learning"] != "",
    }


def document_values(row: dict[str, Any]) -> dict[str, Any]:
    """The search document of one experiment row: its language and lemmas, and the copies."""
    text = experiment_text(row)
    language = detect_language(text)
    tokens = words(text)
    return {
        "experiment": row["id"],
        "language": language,
        "lemmas": " ".join(term for word in tokens for term in lemma(word, language)),
        "parts": " ".join(term for word in tokens for term in parts(word, language)),
        "updated_at": datetime.now(UTC),
        **listed_values(row),
    }


def query_alternatives(query: str, limit: int = 12) -> list[set[str]]:
    """Each word of a search, as the set of its lemmas in fi, sv and en (any may match: the
    searcher's language is not known); words repeated are asked once."""
    seen: dict[str, set[str]] = {}
    for word in words(query)[:limit]:
        if word not in seen:
            seen[word] = {term for language in LANGUAGES for term in lemma(word, language)}
    return list(seen.values())


# --- keeping the index in step --------------------------------------------------------------

_COLUMNS = (
    Experiment.id,
    Experiment.deleted_at,
    *(getattr(Experiment, f) for f in SEARCHED_FIELDS + LISTED_FIELDS),
)


async def reindex_experiment(experiment_id: int) -> None:
    """Write (or remove) one experiment's search document. Deleted experiments have none."""
    row = await Experiment.select(*_COLUMNS).where(Experiment.id == experiment_id).first()
    if row is None or row["deleted_at"] is not None:
        await ExperimentSearchDocument.delete().where(
            ExperimentSearchDocument.experiment == experiment_id
        )
        return
    values = document_values(row)
    changes = {key: value for key, value in values.items() if key != "experiment"}
    updated = (
        await ExperimentSearchDocument.update(changes)
        .where(ExperimentSearchDocument.experiment == experiment_id)
        .returning(ExperimentSearchDocument.id)
    )
    if not updated:
        await ExperimentSearchDocument.insert(ExperimentSearchDocument(**values))


async def _index_batch(rows: list[dict[str, Any]]) -> None:
    ids = [row["id"] for row in rows]
    await ExperimentSearchDocument.delete().where(ExperimentSearchDocument.experiment.is_in(ids))
    documents = [
        ExperimentSearchDocument(**document_values(row))
        for row in rows
        if row["deleted_at"] is None
    ]
    if documents:
        await ExperimentSearchDocument.insert(*documents)


async def reindex_all(
    batch_size: int = BATCH_SIZE, progress: Callable[[int, int], None] | None = None
) -> int:
    """Rebuild every search document, a batch at a time (one transaction per batch); return
    how many experiments were looked at."""
    from app.db import write_transaction

    total = await Experiment.count()
    done, last_id = 0, 0
    async with write_transaction():
        # Documents whose experiment is gone for good (foreign keys cascade, but be sure).
        await ExperimentSearchDocument.delete().where(ExperimentSearchDocument.experiment.is_null())
    while True:
        rows = (
            await Experiment.select(*_COLUMNS)
            .where(Experiment.id > last_id)
            .order_by(Experiment.id)
            .limit(batch_size)
        )
        if not rows:
            break
        async with write_transaction():
            await _index_batch(rows)
        done += len(rows)
        last_id = rows[-1]["id"]
        if progress:
            progress(done, total)
    await _refresh_statistics()
    return done


async def _refresh_statistics() -> None:
    """After a rebuild PostgreSQL's planner still thinks the tables are as small as before
    (autovacuum analyses them only later) and picks poor plans for the search: at 100k a
    common word took 377 ms instead of 232 ms until ANALYZE ran. SQLite has no such
    statistics unless ANALYZE was run once, so nothing is needed there."""
    from app.db import engine

    if engine().engine_type == "postgres":
        await engine().run_ddl("ANALYZE experiment")
        await engine().run_ddl("ANALYZE experiment_search_document")


async def index_missing(ids: Iterable[int] | None = None) -> int:
    """Index the experiments that have no search document yet (e.g. just loaded in bulk).
    Runs inside the caller's transaction."""
    indexed = ExperimentSearchDocument.select(ExperimentSearchDocument.experiment).where(
        ExperimentSearchDocument.experiment.is_not_null()
    )
    query = Experiment.select(*_COLUMNS).where(
        Experiment.id.not_in(indexed) & Experiment.deleted_at.is_null()
    )
    if ids is not None:
        query = query.where(Experiment.id.is_in(list(ids)))
    rows = await query.order_by(Experiment.id)
    for start in range(0, len(rows), BATCH_SIZE):
        await _index_batch(rows[start : start + BATCH_SIZE])
    return len(rows)
