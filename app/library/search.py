"""Searching the learning library: lemmatised full-text search combined with the browse filters,
ranked (BM25 on SQLite FTS5, ts_rank on PostgreSQL), with highlighted snippets; and similar
experiments from other departments, from the same index.

Every list is a fixed number of queries: count, one page of ids, the rows, their themes and
departments, and the language of their search documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape
from piccolo.querystring import QueryString
from pydantic import field_validator

from app import policies
from app.db import engine
from app.experiments.listing import (
    LIST_COLUMNS,
    BrowseFilters,
    _attach_links,
    filter_condition,
)
from app.experiments.service import visible_condition
from app.experiments.tables import Experiment, ExperimentDepartment
from app.library.indexing import (
    FALLBACK_LANGUAGE,
    detect_language,
    lemma,
    lemmatise,
    query_alternatives,
)
from app.library.tables import ExperimentSearchDocument

PER_PAGE = 20
SIMILAR_LIMIT = 5
SIMILAR_TERMS = 16
SNIPPET_FIELDS = ("learning", "result", "problem", "hypothesis")
SNIPPET_CHARS = 220
SORTS = ("learnings", "relevance", "newest", "kudos")
# Very common words carry no meaning for "similar": left out of the similarity query.
STOPWORDS = frozenset(
    [
        "että",
        "mutta",
        "koska",
        "kuin",
        "joka",
        "jotka",
        "sekä",
        "myös",
        "vain",
        "niin",
        "kaikki",
        "kanssa",
        "ovat",
        "olla",
        "olen",
        "oli",
        "tämä",
        "tuo",
        "nämä",
        "siis",
        "sitten",
        "jälkeen",
        "ennen",
        "aina",
        "joskus",
        "paljon",
        "hyvin",
        "enemmän",
        "vähemmän",
        "också",
        "eller",
        "samt",
        "från",
        "till",
        "inte",
        "under",
        "efter",
        "innan",
        "detta",
        "denna",
        "dessa",
        "mycket",
        "that",
        "this",
        "with",
        "from",
        "have",
        "were",
        "been",
        "more",
        "than",
        "into",
        "about",
        "their",
        "there",
        "which",
        "they",
    ]
)


class LibraryFilters(BrowseFilters):
    """The browse filters, with the library's own sort orders (learnings first by default)."""

    sort: str = "learnings"

    @field_validator("sort")
    @classmethod
    def _sort(cls, value: str) -> str:
        return value if value in SORTS else "learnings"


# --- the engine-specific parts --------------------------------------------------------------


@dataclass
class TextMatch:
    """The matching experiments as a common table expression `hits(id[, rank])`; it is
    MATERIALIZED so that the full-text index drives the query (the database must not
    probe the index once per experiment row)."""

    ranked: QueryString  # hits(id, rank): rank ascending, the best match first
    unranked: QueryString  # hits(id): for counting

    def query(self, sql: str, *args: Any, ranked: bool = True) -> QueryString:
        """`sql` (which joins `hits`) prefixed with the hits."""
        return QueryString(
            "WITH hits AS MATERIALIZED ({}) " + sql,
            self.ranked if ranked else self.unranked,
            *args,
        )


HITS_JOIN = 'JOIN hits ON hits.id = "experiment"."id"'
RANK = QueryString("hits.rank")


def _fts5_expression(alternatives: list[set[str]], any_word: bool) -> str:
    groups = [
        "(" + " OR ".join(f'"{term}"' for term in sorted(terms)) + ")" for terms in alternatives
    ]
    return (" OR " if any_word else " AND ").join(groups)


def _tsquery(alternatives: list[set[str]], any_word: bool) -> str:
    groups = [
        "(" + " | ".join(f"'{term}'" for term in sorted(terms)) + ")" for terms in alternatives
    ]
    return (" | " if any_word else " & ").join(groups)


def text_match(alternatives: list[set[str]], any_word: bool = False) -> TextMatch:
    """Every word must match (one of its lemmas), or with any_word any of them. The terms are
    letters and digits only (indexing.WORD), so quoting them is enough; they are still passed
    as parameters."""
    if engine().engine_type == "sqlite":
        expression = _fts5_expression(alternatives, any_word)
        return TextMatch(
            ranked=QueryString(
                "SELECT rowid AS id, bm25(experiment_search_fts) AS rank "
                "FROM experiment_search_fts WHERE experiment_search_fts MATCH {}",
                expression,
            ),
            unranked=QueryString(
                "SELECT rowid AS id FROM experiment_search_fts "
                "WHERE experiment_search_fts MATCH {}",
                expression,
            ),
        )
    tsquery = _tsquery(alternatives, any_word)
    return TextMatch(
        # Normalisation 1: divide by 1 + log(length), like BM25's length normalisation.
        ranked=QueryString(
            "SELECT experiment AS id, -ts_rank(lemma_vector, query, 1) AS rank "
            "FROM experiment_search_document, to_tsquery('simple', {}) AS query "
            "WHERE lemma_vector @@ query",
            tsquery,
        ),
        unranked=QueryString(
            "SELECT experiment AS id FROM experiment_search_document "
            "WHERE lemma_vector @@ to_tsquery('simple', {})",
            tsquery,
        ),
    )


LEARNED_FIRST = QueryString(
    'CASE WHEN "experiment"."status" = \'completed\' AND "experiment"."learning" <> \'\' '
    "THEN 0 ELSE 1 END"
)
NEWEST = QueryString('"experiment"."created_at" DESC, "experiment"."id" DESC')
# "Most kudos": the live (not withdrawn) thank-yous of app/conversation's Kudos table.
KUDOS_COUNT = QueryString(
    '(SELECT COUNT(*) FROM "kudos" WHERE "kudos"."experiment" = "experiment"."id" '
    'AND "kudos"."deleted_at" IS NULL) DESC'
)


def _order(sort: str, match: TextMatch | None) -> QueryString:
    keys: list[QueryString] = []
    if sort == "learnings":
        keys.append(LEARNED_FIRST)
    if sort == "kudos":
        keys.append(KUDOS_COUNT)
    if match is not None and sort != "newest":
        keys.append(RANK)
    keys.append(NEWEST)
    return QueryString(", ".join("{}" for _ in keys), *keys)


# --- search -----------------------------------------------------------------------------


@dataclass
class LibraryPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int
    filters: LibraryFilters
    searched: bool


async def search(
    user: policies.Actor, filters: LibraryFilters, per_page: int = PER_PAGE
) -> LibraryPage:
    sort = filters.sort
    alternatives = query_alternatives(filters.q)
    # The text is searched through the index, not with the browse page's LIKE.
    condition = await filter_condition(user, filters.model_copy(update={"q": ""}))
    match = text_match(alternatives) if alternatives else None
    where = condition.querystring
    page = max(1, filters.page)
    # With words, the count comes with the page (one pass over the matches); without, a plain
    # COUNT is cheaper than a window over every visible experiment.
    found = await _page_ids(match, where, sort, per_page, page) if match else []
    if found:
        total = found[0]["n"]
    else:  # no words, no hits, or a page past the last: count, then show the last page
        total = await _count(match, where)
        page = min(page, max(1, -(-total // per_page)))
        if total:
            found = await _page_ids(match, where, sort, per_page, page)
    pages = max(1, -(-total // per_page))
    ids = [row["id"] for row in found]
    rows = await _rows_in_order(ids)
    await _add_snippets(rows, alternatives)
    return LibraryPage(
        rows, total, page, pages, filters.model_copy(update={"sort": sort}), bool(match)
    )


async def _page_ids(
    match: TextMatch | None, where: QueryString, sort: str, per_page: int, page: int
) -> list[dict[str, Any]]:
    """One page of ids in order; with words each also has the total number of matches `n`:
    the count is a window over the same rows, so the matches are found and joined once, not
    twice. Without words a window over every visible experiment is slower than a COUNT."""
    sql = (
        'SELECT "experiment"."id" AS id{} FROM "experiment" {} WHERE {} '
        "ORDER BY {} LIMIT {} OFFSET {}"
    )
    args = (where, _order(sort, match), per_page, (page - 1) * per_page)
    if match:
        # The newest order needs no scores: bm25 / ts_rank of every hit would be wasted.
        window, join = QueryString(", COUNT(*) OVER () AS n"), QueryString(HITS_JOIN)
        return await engine().run_querystring(
            match.query(sql, window, join, *args, ranked=sort != "newest")
        )
    return await engine().run_querystring(QueryString(sql, QueryString(""), QueryString(""), *args))


async def _count(match: TextMatch | None, where: QueryString) -> int:
    sql = 'SELECT COUNT(*) AS n FROM "experiment" {} WHERE {}'
    if match:
        counted = await engine().run_querystring(
            match.query(sql, QueryString(HITS_JOIN), where, ranked=False)
        )
    else:
        counted = await engine().run_querystring(QueryString(sql, QueryString(""), where))
    return counted[0]["n"]


async def _rows_in_order(ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    found = await Experiment.select(
        *LIST_COLUMNS,
        Experiment.problem,
        Experiment.hypothesis,
        Experiment.result,
        Experiment.learning,
        Experiment.owner.name.as_alias("owner_name"),
    ).where(Experiment.id.is_in(ids))
    by_id = {row["id"]: row for row in found}
    return await _attach_links([by_id[i] for i in ids if i in by_id])


# --- snippets -----------------------------------------------------------------------------

MARKDOWN_MARKS = re.compile(
    r"(?m)^\s*(?:#+|>+|[-*+]|\d+\.)\s+|[*`~]+|(?<!\w)_+|_+(?!\w)|\[|\]\([^)]*\)"
)
SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Markdown source as one line of plain text (snippets are short excerpts, not markup)."""
    return SPACE.sub(" ", MARKDOWN_MARKS.sub("", text or "")).strip()


def highlight(text: str, terms: set[str], language: str, limit: int | None = None) -> Markup:
    """The text (or an excerpt of `limit` characters around the first match) escaped, with
    every word whose lemma was searched for wrapped in <mark>."""
    text = plain(text)
    spans = [
        match.span()
        for match in (re.finditer(r"[^\W_]+", text) if terms else ())
        if set(lemma(match.group().lower(), language)) & terms
    ]
    start, end = 0, len(text)
    if limit and len(text) > limit:
        first = spans[0][0] if spans else 0
        start = max(0, first - limit // 3)
        if start:
            start = text.find(" ", start) + 1 or start
        end = min(len(text), start + limit)
        cut = text.rfind(" ", start, end)
        if end < len(text) and cut > start:
            end = cut
    out: list[str] = ["… " if start else ""]
    position = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        out += [escape(text[position:span_start]), Markup("<mark>")]
        out += [escape(text[span_start:span_end]), Markup("</mark>")]
        position = span_end
    out.append(escape(text[position:end]))
    out.append(" …" if end < len(text) else "")
    return Markup("").join(out)


async def _add_snippets(rows: list[dict[str, Any]], alternatives: list[set[str]]) -> None:
    """Up to two excerpts per row where the searched words are, marked; without a search,
    the beginning of the learning."""
    if not alternatives:
        for row in rows:
            row["title_marked"] = None
            learning = row["learning"] if row["status"] == "completed" else ""
            row["snippets"] = (
                [("learning", highlight(learning, set(), FALLBACK_LANGUAGE, SNIPPET_CHARS))]
                if learning
                else []
            )
        return
    if not rows:
        return
    languages = {
        row["experiment"]: row["language"]
        for row in await ExperimentSearchDocument.select(
            ExperimentSearchDocument.experiment, ExperimentSearchDocument.language
        ).where(ExperimentSearchDocument.experiment.is_in([row["id"] for row in rows]))
    }
    terms = set().union(*alternatives)
    for row in rows:
        language = languages.get(row["id"], FALLBACK_LANGUAGE)
        row["title_marked"] = highlight(row["title"], terms, language)
        row["snippets"] = []
        for name in SNIPPET_FIELDS:
            text = row.get(name) or ""
            if set(lemmatise(text, language)) & terms:
                row["snippets"].append((name, highlight(text, terms, language, SNIPPET_CHARS)))
            if len(row["snippets"]) == 2:
                break


# --- similar experiments --------------------------------------------------------------------


def key_terms(text: str, limit: int = SIMILAR_TERMS) -> list[str]:
    """The words that say what a text is about: lemmas of four letters or more, no common
    words, in order of appearance (title and problem come first)."""
    language = detect_language(text)
    terms = [
        term
        for term in lemmatise(text, language)
        if len(term) >= 4 and term not in STOPWORDS and not term.isdigit()
    ]
    return list(dict.fromkeys(terms))[:limit]


async def similar(
    user: policies.Actor,
    text: str,
    own_departments: list[int],
    exclude_id: int | None = None,
    limit: int = SIMILAR_LIMIT,
) -> list[dict[str, Any]]:
    """Up to `limit` experiments about the same things, visible to the user, from departments
    other than these (an experiment linked to any of them is left out)."""
    terms = key_terms(text)
    if not terms:
        return []
    condition = visible_condition(user) & Experiment.id.is_in(
        ExperimentDepartment.select(ExperimentDepartment.experiment).where(
            ExperimentDepartment.department.not_in(own_departments)
            if own_departments
            else ExperimentDepartment.department.is_not_null()
        )
    )
    if own_departments:
        condition &= Experiment.id.not_in(
            ExperimentDepartment.select(ExperimentDepartment.experiment).where(
                ExperimentDepartment.department.is_in(own_departments)
            )
        )
    if exclude_id is not None:
        condition &= Experiment.id != exclude_id
    match = text_match([{term} for term in terms], any_word=True)
    rows = await engine().run_querystring(
        match.query(
            'SELECT "experiment"."id" AS id FROM "experiment" {} WHERE {} ORDER BY {}, {} LIMIT {}',
            QueryString(HITS_JOIN),
            condition.querystring,
            RANK,
            NEWEST,
            limit,
        )
    )
    return await _rows_in_order([row["id"] for row in rows])


def experiment_similarity_text(row: dict[str, Any]) -> str:
    return "\n".join(row.get(name) or "" for name in ("title", "problem", "learning"))
