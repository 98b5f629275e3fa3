"""The strategy rollup: every figure is counted in SQL (GROUP BY over the experiments that the
browse page would list, joined to a recursive walk of the department tree), so that each
number links to the browse page filtered to exactly those experiments.

`compute_rollup(filters, viewer)` returns plain data (pydantic models) for the page, the exports
and the JSON API. It makes a fixed number of queries whatever the number of experiments."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import quote_plus

from piccolo.querystring import QueryString

from app import policies
from app.cohorts.tables import Cohort
from app.db import engine, on_its_own_connection
from app.experiments.listing import BrowseFilters, filter_condition
from app.experiments.tables import (
    Experiment,
    ExperimentCoOwner,
    ExperimentDepartment,
    ExperimentTheme,
)
from app.experiments.vocabulary import DECISIONS, OUTCOMES, STATUSES
from app.i18n import HELSINKI
from app.organisation.tables import Department
from app.rollups import cache
from app.rollups.key_filters import KeyFilter, key_filter
from app.rollups.schemas import (
    Breakdown,
    Campaign,
    Cell,
    DepartmentRow,
    MonthPoint,
    Rollup,
    RollupFilters,
    StrategyInfo,
    ThemeColumn,
)
from app.strategy.tables import Strategy, Theme

# Drafts are private and never counted; deleted experiments are never listed at all.
COUNTED_STATUSES = [status for status in STATUSES if status != "draft"]
BROWSE_URL = "/experiments"
AVERAGE_MONTH_DAYS = 365.2425 / 12
MAX_TREND_MONTHS = 120
NOT_RECORDED = ""  # the key of "no outcome / no decision yet" in a breakdown

TREE_CTE = (
    "tree(ancestor, descendant) AS ("
    " SELECT id, id FROM department"
    " UNION ALL"
    " SELECT tree.ancestor, department.id FROM tree"
    " JOIN department ON department.parent = tree.descendant)"
)


def _table(table: Any) -> str:
    return table._meta.tablename


# --- links to the browse page -------------------------------------------------------------


def _link_values(filters: RollupFilters) -> dict[str, Any]:
    return {
        "strategy": filters.strategy,
        "created_from": filters.start,
        "created_to": filters.end,
        "department": filters.department,
        "theme": filters.theme,
        "cohort": filters.cohort,
        "status": COUNTED_STATUSES,
    }


def browse_filters(filters: RollupFilters, **changes: Any) -> BrowseFilters:
    """The browse filters that list exactly the experiments the rollup counts (the period is
    the day the experiment was logged, in Helsinki time), with some of them changed."""
    return BrowseFilters(**{**_link_values(filters), **changes})


PLAIN = re.compile(r"[A-Za-z0-9_.-]*")
NOT_IN_LINKS = frozenset({"sort", "page", "q"})
LINKED_FIELDS = [name for name in BrowseFilters.model_fields if name not in NOT_IN_LINKS]


@lru_cache(maxsize=4096, typed=True)
def _param(name: str, item: Any) -> str:
    """`name=value`, with `quote_plus` only where needed: ids, dates and codes are already
    safe, and a rollup has hundreds of links (urlencode quoted every character of each)."""
    text = item.isoformat() if isinstance(item, date) else str(item)
    return f"{name}={text if PLAIN.fullmatch(text) else quote_plus(text)}"


def _field(name: str, value: Any) -> str:
    items = value if isinstance(value, list) else (value,)
    return "&".join(_param(name, item) for item in items if item is not None and item != "")


def _joined(parts: dict[str, str]) -> str:
    return f"{BROWSE_URL}?{'&'.join(parts[name] for name in LINKED_FIELDS if parts.get(name))}"


def browse_url(filters: BrowseFilters) -> str:
    return _joined({name: _field(name, value) for name, value in vars(filters).items()})


class Links:
    """The browse-page links of one rollup: `links(**changes)` is
    `browse_url(browse_filters(filters, **changes))`, made without building and validating
    filters for each of a page's ~500 links. The unchanged filters are encoded once; the
    changes come from the rollup's own ids, dates and codes (tests/unit/test_rollup_links.py
    checks that both ways give the same links)."""

    def __init__(self, filters: RollupFilters) -> None:
        self._parts = {name: _field(name, value) for name, value in _link_values(filters).items()}

    def __call__(self, **changes: Any) -> str:
        changed = {name: _field(name, value) for name, value in changes.items()}
        return _joined({**self._parts, **changed})


def _cell(count: int, url: str = "") -> Cell:
    return Cell.model_construct(count=count, url=url)


# --- the pieces ---------------------------------------------------------------------------


async def _strategy(strategy_id: int | None) -> StrategyInfo | None:
    """The chosen strategy, or the current one (also when an old link names one that is gone)."""
    row = None
    if strategy_id:
        row = await Strategy.select().where(Strategy.id == strategy_id).first()
    if row is None:
        row = await Strategy.select().where(Strategy.is_current.eq(True)).first()
    return StrategyInfo(**row) if row else None


async def strategy_choices() -> list[dict[str, Any]]:
    return await Strategy.select(Strategy.id, Strategy.name, Strategy.is_current).order_by(
        Strategy.period_start, ascending=False
    )


async def _themes(strategy_id: int, chosen: list[int]) -> list[ThemeColumn]:
    query = Theme.select().where(Theme.strategy == strategy_id)
    rows = await query.order_by(Theme.position).order_by(Theme.id)
    return [
        ThemeColumn(**row)
        for row in rows
        if (row["id"] in chosen if chosen else not row["archived"])
    ]


async def cohort_choices() -> list[dict[str, Any]]:
    return (
        await Cohort.select(Cohort.id, Cohort.name, Cohort.archived)
        .where(Cohort.deleted_at.is_null())
        .order_by(Cohort.archived)
        .order_by(Cohort.name)
    )


async def theme_choices(strategy_id: int | None) -> list[ThemeColumn]:
    return await _themes(strategy_id, []) if strategy_id else []


def _from_experiment(index: str) -> str:
    """`experiment` for a FROM clause; on SQLite naming the index to read. SQLite's planner
    takes `status IN (…)` for an equality and picks (strategy, status, …) indexes that make
    it read every experiment of the strategy once per person or month, and for a period it
    prefers the (strategy, created_at) index and then sorts every counted experiment to group
    them (3 to 4 times slower at 100,000 experiments than reading the grouping index in its
    order). PostgreSQL's planner, with its statistics, chooses well by itself."""
    if engine().engine_type == "sqlite":
        return f'"experiment" INDEXED BY {index}'
    return '"experiment"'


COUNTS_SQL = f"""
    WITH RECURSIVE {TREE_CTE},
    groups AS MATERIALIZED (
        SELECT department_key, theme_key, status, outcome, decision,
               COUNT(*) AS n, MIN(id) AS rep
          FROM {{}} WHERE {{}}
         GROUP BY department_key, theme_key, status, outcome, decision
    ),
    all_sets AS MATERIALIZED (
        SELECT department_key, theme_key, SUM(n) AS n, MIN(rep) AS rep
          FROM groups GROUP BY department_key, theme_key
    ),
    set_reach AS MATERIALIZED (
        SELECT DISTINCT all_sets.rep AS rep, tree.ancestor AS department
          FROM all_sets
          JOIN {_table(ExperimentDepartment)} ed ON ed.experiment = all_sets.rep
          JOIN tree ON tree.descendant = ed.department
    ),
    sets AS MATERIALIZED (
        SELECT * FROM all_sets WHERE {{}}
    ),
    set_themes AS MATERIALIZED (
        SELECT DISTINCT sets.rep AS rep, et.theme AS theme
          FROM sets JOIN {_table(ExperimentTheme)} et ON et.experiment = sets.rep
    ),
    kept AS MATERIALIZED (
        SELECT g.status, g.outcome, g.decision, g.n, s.rep AS set_rep
          FROM groups g
          JOIN sets s ON s.department_key = g.department_key AND s.theme_key = g.theme_key
    )
    SELECT 'cell' AS kind, r.department AS department, t.theme AS theme,
           NULL AS status, NULL AS outcome, NULL AS decision, SUM(s.n) AS n
      FROM sets s JOIN set_reach r ON r.rep = s.rep JOIN set_themes t ON t.rep = s.rep
     GROUP BY r.department, t.theme
    UNION ALL
    SELECT 'department', r.department, NULL, NULL, NULL, NULL, SUM(s.n)
      FROM sets s JOIN set_reach r ON r.rep = s.rep
     GROUP BY r.department
    UNION ALL
    SELECT 'theme', NULL, t.theme, NULL, NULL, NULL, SUM(s.n)
      FROM sets s JOIN set_themes t ON t.rep = s.rep
     GROUP BY t.theme
    UNION ALL
    SELECT 'all', NULL, NULL, NULL, NULL, NULL, SUM(n) FROM sets
    UNION ALL
    SELECT 'cross', NULL, NULL, NULL, NULL, NULL, SUM(n) FROM sets
     WHERE department_key LIKE '%,%'
    UNION ALL
    SELECT 'breakdown', NULL, t.theme, k.status, k.outcome, k.decision, SUM(k.n)
      FROM kept k JOIN set_themes t ON t.rep = k.set_rep
     GROUP BY t.theme, k.status, k.outcome, k.decision
    UNION ALL
    SELECT 'breakdown', NULL, NULL, status, outcome, decision, SUM(n)
      FROM kept
     GROUP BY status, outcome, decision
"""  # noqa: S608 - only constant table names and {{}} placeholders go in


@dataclass
class Counts:
    """The counted experiments by department (with its subtree) and theme, and by status,
    outcome and decision per theme (None: all themes)."""

    cells: dict[tuple[int, int], int] = field(default_factory=dict)
    departments: dict[int, int] = field(default_factory=dict)
    themes: dict[int, int] = field(default_factory=dict)
    total: int = 0
    cross_department: int = 0
    breakdown: dict[int | None, dict[str, dict[str, int]]] = field(default_factory=dict)


async def _counts(condition: Any, department: int | None) -> Counts:
    """Every count by department and theme, from one scan of the counted experiments.

    The experiments are grouped by their department and theme keys (app/experiments/
    link_keys.py; a few hundred sets at 100,000 experiments) and by status, outcome and
    decision. Only one experiment of each set (`rep`) has its links read: its themes, and
    its departments walked up the tree (the recursive CTE), so that a parent counts an
    experiment once however many of its sub-departments it is linked to.

    `condition` holds every browse filter but the department. A department filter is applied
    to the sets instead (those whose departments reach it), which counts exactly the same
    experiments: all experiments of a set share its department links. Testing each of
    100,000 experiments against a large department's list of experiments took longer than
    the whole count."""
    counts = Counts()
    reaching = (
        QueryString("rep IN (SELECT rep FROM set_reach WHERE department = {})", department)
        if department
        else QueryString("1 = 1")
    )
    rows = await Experiment.raw(
        COUNTS_SQL,
        QueryString(_from_experiment("experiment_groups")),
        condition.querystring,
        reaching,
    )
    for row in rows:
        kind, n = row["kind"], int(row["n"] or 0)
        if kind == "cell":
            counts.cells[(row["department"], row["theme"])] = n
        elif kind == "department":
            counts.departments[row["department"]] = n
        elif kind == "theme":
            counts.themes[row["theme"]] = n
        elif kind == "all":
            counts.total = n
        elif kind == "cross":
            counts.cross_department = n
        else:
            theme = counts.breakdown.setdefault(
                row["theme"], {"status": {}, "outcome": {}, "decision": {}}
            )
            for name in ("status", "outcome", "decision"):
                key = row[name] or NOT_RECORDED
                theme[name][key] = theme[name].get(key, 0) + n
    return counts


async def _participation(condition: Any) -> dict[int | None, tuple[int, int]]:
    """Active people per department subtree (None: the whole organisation), and how many of
    them own or co-own an experiment in scope: a lookup per person in the owner and co-owner
    indexes that stops at the first experiment found, instead of listing everybody involved
    in 100,000 experiments (a scalar subquery, because PostgreSQL would turn EXISTS into a hash of the whole scope)."""
    co_owner = _table(ExperimentCoOwner)
    sql = f"""
        WITH RECURSIVE {TREE_CTE},
        people AS MATERIALIZED (
            SELECT a.department AS department,
                   CASE WHEN (SELECT 1 FROM {_from_experiment("experiment_participation")}
                               WHERE experiment.owner = a.id AND {{}} LIMIT 1) IS NOT NULL
                          OR (SELECT 1 FROM {co_owner} co CROSS JOIN experiment
                               WHERE experiment.id = co.experiment
                                 AND co."user" = a.id AND {{}} LIMIT 1) IS NOT NULL
                        THEN 1 ELSE 0 END AS involved
              FROM account a
             WHERE a.active = {{}}
        ),
        per_department AS MATERIALIZED (
            SELECT department, COUNT(*) AS people, SUM(involved) AS involved
              FROM people GROUP BY department
        )
        SELECT tree.ancestor AS department, SUM(p.people) AS people,
               SUM(p.involved) AS involved
          FROM per_department p JOIN tree ON tree.descendant = p.department
         GROUP BY tree.ancestor
        UNION ALL
        SELECT NULL, SUM(people), SUM(involved) FROM per_department
    """  # noqa: S608 - only constant table names and {} placeholders go in
    where = condition.querystring
    return {
        row["department"]: (int(row["people"] or 0), int(row["involved"] or 0))
        for row in await Experiment.raw(sql, where, where, True)
    }


def _breakdowns(
    filters: RollupFilters, themes: list[ThemeColumn], counts: Counts
) -> list[Breakdown]:
    """Status, outcome and decision per theme and for all themes, each linked to its list."""
    links, result = Links(filters), []
    for theme_id in [*(theme.id for theme in themes), None]:
        found = counts.breakdown.get(theme_id, {"status": {}, "outcome": {}, "decision": {}})
        base = {"theme": [theme_id] if theme_id else filters.theme}

        def cells(kind: str, codes: list[str], found=found, base=base) -> dict[str, Cell]:
            return {
                code: _cell(
                    found[kind].get(code, 0),
                    links(**base, **{kind: [code]}) if code else "",
                )
                for code in codes
            }

        result.append(
            Breakdown(
                theme=theme_id,
                statuses=cells("status", COUNTED_STATUSES),
                outcomes=cells("outcome", [*OUTCOMES, NOT_RECORDED]),
                decisions=cells("decision", [*DECISIONS, NOT_RECORDED]),
                total=sum(found["status"].values()),
            )
        )
    return result


def campaign_figures(
    strategy: StrategyInfo, completed: int, today: date, url: str = ""
) -> Campaign:
    """The campaign's progress and pace: completed experiments against the target, what is
    needed per month from today to reach it by the end, and when it is reached at the pace so
    far (months are average calendar months)."""
    start, end = strategy.period_start, strategy.campaign_end or strategy.period_end
    target = strategy.campaign_target
    months_left = max(0, (end - today).days) / AVERAGE_MONTH_DAYS
    elapsed = max(0, (min(today, end) - start).days) / AVERAGE_MONTH_DAYS
    current_pace = completed / elapsed if elapsed > 0 else None
    remaining = max(0, target - completed) if target else None
    pace_needed = None
    forecast = None
    if remaining is not None:
        if remaining == 0:
            pace_needed = 0.0
        elif months_left > 0:
            pace_needed = remaining / months_left
        if remaining and current_pace:
            forecast = today + timedelta(days=round(remaining / current_pace * AVERAGE_MONTH_DAYS))
    return Campaign(
        name=strategy.campaign_name,
        target=target,
        start=start,
        end=end,
        completed=Cell(count=completed, url=url),
        today=today,
        remaining=remaining,
        months_left=months_left,
        pace_needed=pace_needed,
        current_pace=current_pace,
        forecast=forecast,
        reached=bool(target and completed >= target),
    )


async def _campaign(viewer: policies.Actor, strategy: StrategyInfo, today: date) -> Campaign:
    """Campaign progress counts the whole organisation (the target is the city's), whatever
    the period, department and theme filters say."""
    completed = BrowseFilters(
        strategy=strategy.id,
        status=["completed"],
        completed_from=strategy.period_start,
        completed_to=strategy.campaign_end or strategy.period_end,
    )
    count = await Experiment.count().where(await filter_condition(viewer, completed))
    return campaign_figures(strategy, count, today, browse_url(completed))


def _months(start: date, end: date) -> list[date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months[-MAX_TREND_MONTHS:]


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=HELSINKI)


async def _trend(
    viewer: policies.Actor, filters: RollupFilters, keys: KeyFilter, today: date
) -> list[MonthPoint]:
    """Experiments started (logged) and completed per Helsinki calendar month of the period.

    Each month is counted over exactly the browse filters its number links to (the period
    cut to that month): a subquery per month that reads that month's slice of the
    (strategy, created_at) or (strategy, status, completed_at) index, so no experiment is
    sorted into months; the subquery's own lists (e.g. a department's experiments) are made
    once for all months. One query for the whole trend."""
    assert filters.start and filters.end
    months = _months(filters.start, min(filters.end, max(today, filters.start)))
    if not months:
        return []
    links = Links(filters)
    finished_changes = {"created_from": None, "created_to": None, "status": ["completed"]}
    started = await keys.condition(
        viewer, browse_filters(filters, created_from=None, created_to=None)
    )
    finished = await keys.condition(viewer, browse_filters(filters, **finished_changes))
    points, bounds = [], []
    for month in months:
        month_end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        day_from, day_to = max(month, filters.start), min(month_end, filters.end)
        bounds += [_midnight(day_from), _midnight(day_to + timedelta(days=1))]
        started_url = links(created_from=day_from, created_to=day_to)
        completed_url = links(**finished_changes, completed_from=day_from, completed_to=day_to)
        points.append(
            MonthPoint(
                month=month, started=_cell(0, started_url), completed=_cell(0, completed_url)
            )
        )
    moment = "CAST({} AS timestamptz)" if engine().engine_type == "postgres" else "{}"
    months_sql = ", ".join(f"({index:d}, {moment}, {moment})" for index in range(len(points)))
    sql = f"""
        WITH months(month_index, low, high) AS (VALUES {months_sql})
        SELECT 'started' AS kind, month_index,
               (SELECT COUNT(*) FROM {_from_experiment("experiment_rollup")}
                 WHERE {{}} AND experiment.created_at >= months.low
                   AND experiment.created_at < months.high) AS n
          FROM months
        UNION ALL
        SELECT 'completed', month_index,
               (SELECT COUNT(*) FROM {_from_experiment("experiment_completion")}
                 WHERE {{}} AND experiment.completed_at >= months.low
                   AND experiment.completed_at < months.high)
          FROM months
    """  # noqa: S608 - only constant table names, ints and {} placeholders go in
    for row in await Experiment.raw(sql, *bounds, started.querystring, finished.querystring):
        point = points[int(row["month_index"])]
        getattr(point, row["kind"]).count = int(row["n"] or 0)
    return points


async def _departments() -> list[dict[str, Any]]:
    return await Department.select().order_by(Department.name_fi).order_by(Department.id)


def _department_rows(
    filters: RollupFilters,
    themes: list[ThemeColumn],
    counts: Counts,
    people: dict[int | None, tuple[int, int]],
    rows: list[dict[str, Any]],
) -> list[DepartmentRow]:
    """The department tree depth-first (by Finnish name), from the chosen department down.
    Archived departments show only while something is counted for them."""
    links = Links(filters)
    children: dict[int | None, list[dict[str, Any]]] = {}
    for row in rows:
        children.setdefault(row["parent"], []).append(row)
    roots = (
        [row for row in rows if row["id"] == filters.department]
        if filters.department
        else children.get(None, [])
    )
    result: list[DepartmentRow] = []

    def visit(row: dict[str, Any], depth: int) -> None:
        department = row["id"]
        total = counts.departments.get(department, 0)
        staff, involved = people.get(department, (0, 0))
        if row["archived"] and not (total or staff):
            return
        result.append(
            DepartmentRow(
                **{key: row[key] for key in ("id", "name_fi", "name_sv", "name_en", "parent")},
                depth=depth,
                has_children=bool(children.get(department)),
                cells={
                    theme.id: _cell(
                        counts.cells.get((department, theme.id), 0),
                        links(department=department, theme=[theme.id]),
                    )
                    for theme in themes
                },
                total=_cell(total, links(department=department)),
                people=staff,
                involved=involved,
            )
        )
        for child in children.get(department, []):
            visit(child, depth + 1)

    for root in roots:
        visit(root, 0)
    # A department whose children were all hidden has no children to unfold.
    shown = {row.parent for row in result}
    for row in result:
        row.has_children = row.id in shown
    return result


async def _kudos(condition: Any) -> int:
    """Thanks (kiitos) given to the counted experiments and not withdrawn."""
    rows = await Experiment.raw(
        # Few thanks per experiment: read them all, look each experiment up by its id.
        'SELECT COUNT(*) AS n FROM kudos CROSS JOIN "experiment" '
        'WHERE "experiment".id = kudos.experiment AND kudos.deleted_at IS NULL AND {}',
        condition.querystring,
    )
    return int(rows[0]["n"] or 0)


async def _period_needed(filters: RollupFilters) -> bool:
    """Whether some experiment of the strategy was logged outside the period. Usually the
    period is the strategy's own and holds them all; then the counts need not test each
    experiment's day (at 100,000 experiments that test is half the counting), and they count
    exactly the experiments that the links, which do name the period, list."""
    assert filters.start and filters.end
    experiment = _from_experiment("experiment_rollup")  # (strategy, created_at, …): two seeks
    rows = await Experiment.raw(
        f"SELECT (SELECT MIN(created_at) FROM {experiment} WHERE strategy = {{}}) < {{}}"  # noqa: S608
        f" OR (SELECT MAX(created_at) FROM {experiment} WHERE strategy = {{}}) >= {{}}"
        " AS needed",  # only a constant index name and {} placeholders go in
        filters.strategy,
        _midnight(filters.start),
        filters.strategy,
        _midnight(filters.end + timedelta(days=1)),
    )
    return bool(rows[0]["needed"])


# --- the rollup ---------------------------------------------------------------------------


async def compute_rollup(
    filters: RollupFilters,
    viewer: policies.Actor,
    today: date | None = None,
    *,
    use_cache: bool = True,
) -> Rollup:
    """Every figure of the rollup for the viewer (an HR director or admin: drafts are never
    counted, whoever looks). The period defaults to the strategy's period.

    The answer does not depend on who asks: drafts and deleted experiments are left out for
    everyone, and everything else is visible to every signed-in person. So a computed rollup
    is reused (app/rollups/cache.py) until any of the data behind it changes."""
    today = today or datetime.now(HELSINKI).date()
    if not use_cache:
        return await _compute(filters, viewer, today)
    key = cache.key_for(filters.model_dump_json(), today, await cache.data_version())
    rollup = cache.get(key)
    if rollup is None:
        rollup = await _compute(filters, viewer, today)
        cache.put(key, rollup)
    return rollup  # shared with later requests: read it, never change it


async def _compute(filters: RollupFilters, viewer: policies.Actor, today: date) -> Rollup:
    strategy = await _strategy(filters.strategy)
    if strategy is None:
        return Rollup(strategy=None, filters=filters)
    filters = filters.model_copy(
        update={
            "strategy": strategy.id,
            "start": filters.start or strategy.period_start,
            "end": filters.end or strategy.period_end,
        }
    )
    # The counts use the period only where it leaves experiments out (see _period_needed).
    counted = (
        filters
        if await _period_needed(filters)
        else filters.model_copy(update={"start": None, "end": None})
    )
    keys = await key_filter(strategy.id, filters.department, filters.theme)
    condition, everywhere = await asyncio.gather(
        keys.condition(viewer, browse_filters(counted)),
        keys.without_department().condition(viewer, browse_filters(counted)),
    )
    # Independent queries: on SQLite the counts on a connection of their own and the rest
    # taking turns on the request's shared one (a third connection was no faster on two
    # cores, and each costs a connect); on PostgreSQL each on a pooled connection.
    themes, counts, people, campaign, trend, kudos, departments = await asyncio.gather(
        _themes(strategy.id, filters.theme),
        on_its_own_connection(_counts(everywhere, filters.department)),
        _participation(everywhere),
        _campaign(viewer, strategy, today),
        _trend(viewer, filters, keys, today),
        _kudos(condition),
        _departments(),
    )
    links = Links(filters)
    organisation_people = people.get(None, (0, 0))
    if filters.department:
        organisation_people = people.get(filters.department, (0, 0))
    return Rollup(
        strategy=strategy,
        filters=filters,
        themes=themes,
        departments=_department_rows(filters, themes, counts, people, departments),
        theme_totals={
            theme.id: _cell(counts.themes.get(theme.id, 0), links(theme=[theme.id]))
            for theme in themes
        },
        total=_cell(counts.total, links()),
        cross_department=counts.cross_department,
        breakdowns=_breakdowns(filters, themes, counts),
        campaign=campaign,
        trend=trend,
        people=organisation_people[0],
        involved=organisation_people[1],
        kudos=kudos,
    )
