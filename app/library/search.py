"""Searching the learning library: lemmatised full-text search combined with the browse filters,
ranked (BM25 on SQLite FTS5, ts_rank on PostgreSQL), with highlighted snippets; and similar
experiments from other departments, from the same index.

Every list is a fixed number of queries: count, one page of ids, the rows, their themes and
departments, and the language of their search documents."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape
from piccolo.querystring import QueryString
from pydantic import field_validator

from app import policies
from app.cohorts.access import led_cohort_ids
from app.db import engine, on_its_own_connection
from app.experiments.listing import (
    LIST_COLUMNS,
    BrowseFilters,
    _attach_links,
    filter_condition,
)
from app.experiments.service import undeleted_visible_condition, visible_condition
from app.experiments.tables import Experiment, ExperimentDepartment
from app.library.indexing import (
    FALLBACK_LANGUAGE,
    detect_language,
    lemma,
    parts,
    query_alternatives,
    word_terms,
    words,
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
    probe the index once per experiment row). And the same matches joined to their search
    documents (`documents` is a FROM … WHERE, `score` the rank there), for the listing that
    needs nothing from the experiment rows."""

    ranked: QueryString  # hits(id, rank): rank ascending, the best match first
    unranked: QueryString  # hits(id): for counting
    documents: QueryString
    score: QueryString

    def query(self, sql: str, *args: Any, ranked: bool = True) -> QueryString:
        """`sql` (which joins `hits`) prefixed with the hits."""
        return QueryString(
            "WITH hits AS MATERIALIZED ({}) " + sql,
            self.ranked if ranked else self.unranked,
            *args,
        )


HITS_JOIN = 'JOIN hits ON hits.id = "experiment"."id"'
# A match on a whole word's lemma counts this many times more than one on a compound's part.
PART_WEIGHT = 0.2
BM25 = f"bm25(experiment_search_fts, 1.0, {PART_WEIGHT})"
# ts_rank's weights for D, C, B (the parts) and A (the lemmas); normalisation 1: divide by
# 1 + log(length), like BM25's length normalisation.
TS_RANK = f"-ts_rank(ARRAY[0.1, 0.2, {PART_WEIGHT}, 1.0]::real[], lemma_vector, query, 1)"
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
                "SELECT rowid AS id, {} AS rank "
                "FROM experiment_search_fts WHERE experiment_search_fts MATCH {}",
                QueryString(BM25),
                expression,
            ),
            unranked=QueryString(
                "SELECT rowid AS id FROM experiment_search_fts "
                "WHERE experiment_search_fts MATCH {}",
                expression,
            ),
            # The covering index experiment_search_document_listing answers the join.
            documents=QueryString(
                'experiment_search_fts JOIN "experiment_search_document" ON '
                '"experiment_search_document"."experiment" = experiment_search_fts.rowid '
                "WHERE experiment_search_fts MATCH {}",
                expression,
            ),
            score=QueryString(BM25),
        )
    tsquery = _tsquery(alternatives, any_word)
    return TextMatch(
        ranked=QueryString(
            "SELECT experiment AS id, {} AS rank "
            "FROM experiment_search_document, to_tsquery('simple', {}) AS query "
            "WHERE lemma_vector @@ query",
            QueryString(TS_RANK),
            tsquery,
        ),
        unranked=QueryString(
            "SELECT experiment AS id FROM experiment_search_document "
            "WHERE lemma_vector @@ to_tsquery('simple', {})",
            tsquery,
        ),
        documents=QueryString(
            "\"experiment_search_document\", to_tsquery('simple', {}) AS query "
            "WHERE lemma_vector @@ query",
            tsquery,
        ),
        score=QueryString(TS_RANK),
    )


@dataclass(frozen=True)
class OrderKeys:
    """The sort keys over the experiment table, or over the hits' search documents."""

    learned_first: QueryString
    newest: QueryString
    kudos: QueryString


EXPERIMENT_KEYS = OrderKeys(
    learned_first=QueryString(
        'CASE WHEN "experiment"."status" = \'completed\' AND "experiment"."learning" <> \'\' '
        "THEN 0 ELSE 1 END"
    ),
    newest=QueryString('"experiment"."created_at" DESC, "experiment"."id" DESC'),
    # "Most kudos": the live (not withdrawn) thank-yous of app/conversation's Kudos table.
    kudos=QueryString(
        '(SELECT COUNT(*) FROM "kudos" WHERE "kudos"."experiment" = "experiment"."id" '
        'AND "kudos"."deleted_at" IS NULL) DESC'
    ),
)
# The same keys over the documents' copies (`learned` is the condition above), as columns of
# the derived table `hits` (see _document_hits); the kudos are counted once for all the hits
# (GIVEN_KUDOS) rather than once per hit.
DOCUMENT_KEYS = OrderKeys(
    learned_first=QueryString("CASE WHEN hits.learned THEN 0 ELSE 1 END"),
    newest=QueryString("hits.created_at DESC, hits.id DESC"),
    kudos=QueryString("COALESCE(given.n, 0) DESC"),
)
GIVEN_KUDOS = QueryString(
    ' LEFT JOIN (SELECT "kudos"."experiment" AS experiment, COUNT(*) AS n FROM "kudos" '
    'WHERE "kudos"."deleted_at" IS NULL GROUP BY "kudos"."experiment") AS given '
    "ON given.experiment = hits.id"
)
NEWEST = EXPERIMENT_KEYS.newest


def _order(sort: str, rank: QueryString | None, keys: OrderKeys = EXPERIMENT_KEYS) -> QueryString:
    chosen: list[QueryString] = []
    if sort == "learnings":
        chosen.append(keys.learned_first)
    if sort == "kudos":
        chosen.append(keys.kudos)
    if rank is not None and sort != "newest":
        chosen.append(rank)
    chosen.append(keys.newest)
    return QueryString(", ".join("{}" for _ in chosen), *chosen)


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
    browse = filters.model_copy(update={"q": ""})
    match = text_match(alternatives) if alternatives else None
    if match and not browse.model_copy(update={"status": []}).is_filtered():
        # Words alone (or with statuses): the hits' search documents have all the listing needs.
        condition = await _document_condition(user, browse.status)
        listing = Listing(
            lambda *a: _document_page_ids(match, condition, sort, *a),
            lambda: _document_count(match, condition),
            # Counted on its own, beside the first page (a window over every hit was slower
            # on both engines: PostgreSQL 100k, "asiakas" 120 ms against 68 ms).
            windowed=False,
            same_page=lambda guess, counted: (
                _learned_part(sort, per_page, 0, guess)[0]
                is _learned_part(sort, per_page, 0, counted)[0]
            ),
        )
    else:
        where = (await filter_condition(user, browse)).querystring
        listing = Listing(
            lambda *a: _page_ids(match, where, sort, *a),
            lambda: _count(match, where),
            # With words, the count comes with the page (one pass over the matches); without,
            # a plain COUNT is cheaper than a window over every visible experiment.
            windowed=bool(match),
        )
    found, total, page = await listing.page(per_page, max(1, filters.page))
    pages = max(1, -(-total // per_page))
    ids = [row["id"] for row in found]
    rows = await _rows_in_order(ids)
    await _add_snippets(rows, alternatives)
    return LibraryPage(
        rows, total, page, pages, filters.model_copy(update={"sort": sort}), bool(match)
    )


@dataclass
class Listing:
    """How to get one page of ids in order, `page_ids(per_page, page, counted)`, and the
    total, `count()` (a row with `n`, and whatever else the page query can use). Without
    `counted` the page query counts too, as a window: each row has the total `n`.

    `same_page(guess, counted)`: whether the page query made with the row `guess` is the one
    the real count calls for (the page query only looks at the count to choose which hits to
    score, see _learned_part)."""

    page_ids: Callable[[int, int, dict[str, Any] | None], Awaitable[list[dict[str, Any]]]]
    count: Callable[[], Awaitable[dict[str, Any]]]
    windowed: bool
    same_page: Callable[[dict[str, Any], dict[str, Any]], bool] = lambda guess, counted: True

    async def page(self, per_page: int, page: int) -> tuple[list[dict[str, Any]], int, int]:
        """The page's ids, the total and the page shown: a page past the last shows the last."""
        if self.windowed:
            found = await self.page_ids(per_page, page, None)
            if found:
                return found, found[0]["n"], page
        elif page == 1:
            # The first page (almost every search) is fetched beside the count, on a
            # connection of its own, as if the first page were all learned hits; both cores
            # work (SQLite 100k, "asiakas": two queries of ~55 ms each).
            guess = {"learned": per_page}
            counted, found = await asyncio.gather(
                self.count(), on_its_own_connection(self.page_ids(per_page, 1, guess))
            )
            if not counted["n"]:
                return [], 0, 1
            if self.same_page(guess, counted):
                return found, counted["n"], 1
            return await self.page_ids(per_page, 1, counted), counted["n"], 1
        # No window, no hits, or a page past the last: count, then fetch the page.
        counted = await self.count()
        total = counted["n"]
        page = min(page, max(1, -(-total // per_page)))
        return (await self.page_ids(per_page, page, counted) if total else []), total, page


async def _page_ids(
    match: TextMatch | None,
    where: QueryString,
    sort: str,
    per_page: int,
    page: int,
    counted: dict[str, Any] | None,
) -> list[dict[str, Any]]:
    """One page of ids in order; uncounted, each also has the total number of matches `n`:
    the count is a window over the same rows, so the matches are found and joined once, not
    twice. Without words a window over every visible experiment is slower than a COUNT."""
    sql = (
        'SELECT "experiment"."id" AS id{} FROM "experiment" {} WHERE {} '
        "ORDER BY {} LIMIT {} OFFSET {}"
    )
    args = (where, _order(sort, RANK if match else None), per_page, (page - 1) * per_page)
    window = QueryString(", COUNT(*) OVER () AS n" if counted is None else "")
    if match:
        # The newest order needs no scores: bm25 / ts_rank of every hit would be wasted.
        return await engine().run_querystring(
            match.query(sql, window, QueryString(HITS_JOIN), *args, ranked=sort != "newest")
        )
    return await engine().run_querystring(QueryString(sql, window, QueryString(""), *args))


async def _count(match: TextMatch | None, where: QueryString) -> dict[str, Any]:
    sql = 'SELECT COUNT(*) AS n FROM "experiment" {} WHERE {}'
    if match:
        counted = await engine().run_querystring(
            match.query(sql, QueryString(HITS_JOIN), where, ranked=False)
        )
    else:
        counted = await engine().run_querystring(QueryString(sql, QueryString(""), where))
    return counted[0]


# --- words alone: from the search documents ---------------------------------------------------


async def _document_condition(user: policies.Actor, statuses: list[str]) -> QueryString:
    """filter_condition's visibility rule and status filter over the documents' copies. A
    deleted experiment has no document."""
    D = ExperimentSearchDocument
    conditions = []
    if not user.is_admin:
        led = await led_cohort_ids(user)
        columns = (D.experiment, D.status, D.owner, D.cohort)
        conditions.append(undeleted_visible_condition(user, led, *columns).querystring)
    if statuses:
        conditions.append(D.status.is_in(statuses).querystring)
    return QueryString(" AND ".join(["1 = 1"] + ["({})"] * len(conditions)), *conditions)


def _document_hits(match: TextMatch, condition: QueryString, score: bool) -> QueryString:
    """The hits that meet the condition, with their listing columns, as the derived table
    `hits`."""
    return QueryString(
        '(SELECT "experiment_search_document"."experiment" AS id, '
        '"experiment_search_document"."learned" AS learned, '
        '"experiment_search_document"."created_at" AS created_at, {} AS rank '
        "FROM {} AND {}) AS hits",
        match.score if score else QueryString("NULL"),
        match.documents,
        condition,
    )


ALL_HITS = QueryString("")
LEARNED = QueryString(' AND "experiment_search_document"."learned"')
NOT_LEARNED = QueryString(' AND NOT "experiment_search_document"."learned"')


def _learned_part(
    sort: str, per_page: int, offset: int, counted: dict[str, Any] | None
) -> tuple[QueryString, int]:
    """Which hits a page of the documents' listing scores, and its offset among them. The
    learned hits come first: a page among them, or after them all, needs only those (or
    only the others) scored and sorted. A page across the boundary needs both."""
    learned = (counted or {}).get("learned")
    if sort == "learnings" and learned is not None:
        if offset + per_page <= learned:
            return LEARNED, offset
        if offset >= learned:
            return NOT_LEARNED, offset - learned
    return ALL_HITS, offset


async def _document_page_ids(
    match: TextMatch,
    condition: QueryString,
    sort: str,
    per_page: int,
    page: int,
    counted: dict[str, Any] | None,
) -> list[dict[str, Any]]:
    """One page of the hits' ids in order (always counted first or beside: no window)."""
    ranked = sort != "newest"  # the newest order needs no scores
    part, offset = _learned_part(sort, per_page, (page - 1) * per_page, counted)
    return await engine().run_querystring(
        QueryString(
            "SELECT hits.id AS id FROM {}{} ORDER BY {} LIMIT {} OFFSET {}",
            _document_hits(match, QueryString("{}{}", condition, part), score=ranked),
            GIVEN_KUDOS if sort == "kudos" else QueryString(""),
            _order(sort, RANK, DOCUMENT_KEYS),
            per_page,
            offset,
        )
    )


async def _document_count(match: TextMatch, condition: QueryString) -> dict[str, Any]:
    """The number of hits `n`, and of those completed with a learning `learned`."""
    counted = await engine().run_querystring(
        QueryString(
            "SELECT COUNT(*) AS n, SUM(CASE WHEN hits.learned THEN 1 ELSE 0 END) AS learned "
            "FROM {}",
            _document_hits(match, condition, score=False),
        )
    )
    return counted[0]


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
    every word whose lemma or one of whose compound parts was searched for wrapped in <mark>
    (the whole word: "<mark>kirjastoautossa</mark>" for "auto")."""
    text = plain(text)
    spans = [
        match.span()
        for match in (re.finditer(r"[^\W_]+", text) if terms else ())
        if word_terms(match.group().lower(), language) & terms
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
            if any(word_terms(word, language) & terms for word in words(text)):
                row["snippets"].append((name, highlight(text, terms, language, SNIPPET_CHARS)))
            if len(row["snippets"]) == 2:
                break


# --- similar experiments --------------------------------------------------------------------


def key_terms(text: str, limit: int = SIMILAR_TERMS) -> list[str]:
    """The words that say what a text is about: lemmas of four letters or more, each followed
    by its compound parts (analysed as for the index), no common words, in order of appearance
    (title and problem come first)."""
    language = detect_language(text)
    terms = [
        term
        for word in words(text)
        for term in (*lemma(word, language), *parts(word, language))
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
