"""The strategy rollup: every figure is counted in SQL (GROUP BY over the experiments that the
browse page would list, joined to a recursive walk of the department tree), so that each
number links to the browse page filtered to exactly those experiments.

`compute_rollup(filters, viewer)` returns plain data (pydantic models) for the page, the exports
and the JSON API. It makes a fixed number of queries whatever the number of experiments."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from app import policies
from app.cohorts.tables import Cohort
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


def browse_filters(filters: RollupFilters, **changes: Any) -> BrowseFilters:
    """The browse filters that list exactly the experiments the rollup counts (the period is
    the day the experiment was logged, in Helsinki time), with some of them changed."""
    values: dict[str, Any] = {
        "strategy": filters.strategy,
        "created_from": filters.start,
        "created_to": filters.end,
        "department": filters.department,
        "theme": filters.theme,
        "cohort": filters.cohort,
        "status": COUNTED_STATUSES,
    }
    values.update(changes)
    return BrowseFilters(**values)


def browse_url(filters: BrowseFilters) -> str:
    params: list[tuple[str, str]] = []
    for name, value in filters.model_dump(exclude={"sort", "page", "q"}).items():
        for item in value if isinstance(value, list) else [value]:
            if item is not None and item != "":
                params.append((name, item.isoformat() if isinstance(item, date) else str(item)))
    return f"{BROWSE_URL}?{urlencode(params)}"


def _cell(count: int, filters: BrowseFilters | None) -> Cell:
    return Cell(count=count, url=browse_url(filters) if filters else "")


async def _scope(viewer: policies.Actor, filters: BrowseFilters, *columns: Any) -> Any:
    """The browse page's own query for these filters, as a subquery of experiment ids (and
    of the given columns, which the covering index `experiment_rollup` holds, so that the
    counting queries need not look each experiment up again)."""
    condition = await filter_condition(viewer, filters)
    return Experiment.select(Experiment.id, *columns).where(condition).querystrings[0]


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


async def _matrix(scope: Any) -> dict[str, dict[Any, int]]:
    """Themes x departments, where a department counts its whole subtree and an experiment
    linked to two departments of one subtree counts once there.

    Walking every experiment up the tree is slow (at 100k experiments about half a million
    rows to sort and group), so experiments are first grouped by their set of departments:
    a set of one or two departments is named by its smallest and largest id (lo, hi); an
    experiment with more links is a group of its own (`many` = its id, else 0), and one with
    no department has lo = hi = NULL. There are only a few hundred groups, and only they are
    walked up the tree. Theme totals and the grand total add up the same groups."""
    ed, et = _table(ExperimentDepartment), _table(ExperimentTheme)
    sql = f"""
        WITH RECURSIVE {TREE_CTE},
        scope AS MATERIALIZED ({{}}),
        sets AS MATERIALIZED (
            SELECT scope.id AS experiment, MIN(ed.department) AS lo,
                   MAX(ed.department) AS hi,
                   CASE WHEN COUNT(ed.department) > 2 THEN scope.id ELSE 0 END AS many
              FROM scope LEFT JOIN {ed} ed ON ed.experiment = scope.id
             GROUP BY scope.id
        ),
        group_cells AS MATERIALIZED (
            SELECT sets.lo AS lo, sets.hi AS hi, sets.many AS many, et.theme AS theme,
                   COUNT(DISTINCT sets.experiment) AS n
              FROM sets JOIN {et} et ON et.experiment = sets.experiment
             GROUP BY sets.lo, sets.hi, sets.many, et.theme
        ),
        group_totals AS MATERIALIZED (
            SELECT lo, hi, many, COUNT(*) AS n FROM sets GROUP BY lo, hi, many
        ),
        group_reach AS MATERIALIZED (
            SELECT g.lo AS lo, g.hi AS hi, g.many AS many, tree.ancestor AS department
              FROM group_totals g JOIN tree ON tree.descendant IN (g.lo, g.hi)
             WHERE g.many = 0
            UNION
            SELECT g.lo, g.hi, g.many, tree.ancestor
              FROM group_totals g JOIN {ed} ed ON ed.experiment = g.many
              JOIN tree ON tree.descendant = ed.department
             WHERE g.many <> 0
        )
        SELECT 'cell' AS kind, r.department AS department, c.theme AS theme, SUM(c.n) AS n
          FROM group_cells c
          JOIN group_reach r ON r.lo = c.lo AND r.hi = c.hi AND r.many = c.many
         GROUP BY r.department, c.theme
        UNION ALL
        SELECT 'department', r.department, NULL, SUM(g.n)
          FROM group_totals g
          JOIN group_reach r ON r.lo = g.lo AND r.hi = g.hi AND r.many = g.many
         GROUP BY r.department
        UNION ALL
        SELECT 'theme', NULL, theme, SUM(n) FROM group_cells GROUP BY theme
        UNION ALL
        SELECT 'all', NULL, NULL, SUM(n) FROM group_totals
        UNION ALL
        SELECT 'cross', NULL, NULL, COUNT(*) FROM sets WHERE lo <> hi
    """  # noqa: S608 - only constant table names and {} placeholders go in
    result: dict[str, dict[Any, int]] = {
        "cell": {},
        "department": {},
        "theme": {},
        "all": {},
        "cross": {},
    }
    for row in await Experiment.raw(sql, scope):
        key = (
            (row["department"], row["theme"])
            if row["kind"] == "cell"
            else row["department"]
            if row["kind"] == "department"
            else row["theme"]
        )
        result[row["kind"]][key] = int(row["n"] or 0)
    return result


async def _participation(scope: Any) -> dict[int | None, tuple[int, int]]:
    """Active people per department subtree (None: the whole organisation), and how many of
    them own or co-own an experiment in scope."""
    co_owner = _table(ExperimentCoOwner)
    sql = f"""
        WITH RECURSIVE {TREE_CTE}, scope AS MATERIALIZED ({{}}),
        involved(person) AS MATERIALIZED (
            SELECT owner FROM scope
            UNION
            SELECT co."user" FROM {co_owner} co JOIN scope ON scope.id = co.experiment
        )
        SELECT tree.ancestor AS department, COUNT(*) AS people,
               SUM(CASE WHEN a.id IN (SELECT person FROM involved) THEN 1 ELSE 0 END) AS involved
          FROM account a JOIN tree ON tree.descendant = a.department
         WHERE a.active = {{}}
         GROUP BY tree.ancestor
        UNION ALL
        SELECT NULL, COUNT(*),
               SUM(CASE WHEN a.id IN (SELECT person FROM involved) THEN 1 ELSE 0 END)
          FROM account a WHERE a.active = {{}}
    """  # noqa: S608 - only constant table names and {} placeholders go in
    return {
        row["department"]: (int(row["people"] or 0), int(row["involved"] or 0))
        for row in await Experiment.raw(sql, scope, True, True)
    }


async def _breakdowns(
    viewer: policies.Actor, filters: RollupFilters, themes: list[ThemeColumn]
) -> list[Breakdown]:
    et = _table(ExperimentTheme)
    sql = f"""
        WITH scope AS MATERIALIZED ({{}})
        SELECT et.theme AS theme, scope.status AS status, scope.outcome AS outcome,
               scope.decision AS decision, COUNT(DISTINCT scope.id) AS n
          FROM scope JOIN {et} et ON et.experiment = scope.id
         GROUP BY et.theme, scope.status, scope.outcome, scope.decision
        UNION ALL
        SELECT NULL, status, outcome, decision, COUNT(*)
          FROM scope GROUP BY status, outcome, decision
    """  # noqa: S608 - only constant table names and {} placeholders go in
    columns = (Experiment.status, Experiment.outcome, Experiment.decision)
    rows = await Experiment.raw(sql, await _scope(viewer, browse_filters(filters), *columns))
    counts: dict[int | None, dict[str, dict[str, int]]] = {}
    for row in rows:
        theme = counts.setdefault(row["theme"], {"status": {}, "outcome": {}, "decision": {}})
        for kind in ("status", "outcome", "decision"):
            key = row[kind] or NOT_RECORDED
            theme[kind][key] = theme[kind].get(key, 0) + int(row["n"])
    result = []
    for theme_id in [*(theme.id for theme in themes), None]:
        found = counts.get(theme_id, {"status": {}, "outcome": {}, "decision": {}})
        base = {"theme": [theme_id] if theme_id else filters.theme}

        def cells(kind: str, codes: list[str], found=found, base=base) -> dict[str, Cell]:
            return {
                code: _cell(
                    found[kind].get(code, 0),
                    browse_filters(filters, **base, **{kind: [code]}) if code else None,
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


async def _trend(viewer: policies.Actor, filters: RollupFilters, today: date) -> list[MonthPoint]:
    """Experiments started (logged) and completed per Helsinki calendar month of the period."""
    assert filters.start and filters.end
    months = _months(filters.start, min(filters.end, max(today, filters.start)))
    if not months:
        return []
    bounds = [_midnight(month) for month in months[1:]]
    first, last = _midnight(months[0]), _midnight((months[-1] + timedelta(days=32)).replace(day=1))

    def bucket(column: str, low: int = 0, high: int = len(bounds)) -> tuple[str, list[Any]]:
        """The month's index (how many month starts are at or before the moment) as a
        balanced tree of comparisons: about five per row for three years instead of one per
        month, which counts at 100k experiments."""
        if low == high:
            return str(low), []
        middle = (low + high) // 2
        before, before_args = bucket(column, low, middle)
        after, after_args = bucket(column, middle + 1, high)
        sql = f"CASE WHEN e.{column} < {{}} THEN {before} ELSE {after} END"
        return sql, [bounds[middle], *before_args, *after_args]

    started_case, started_args = bucket("created_at")
    completed_case, completed_args = bucket("completed_at")
    sql = f"""
        WITH started AS MATERIALIZED ({{}}), finished AS MATERIALIZED ({{}})
        SELECT 'started' AS kind, {started_case} AS month_index, COUNT(*) AS n
          FROM started e
         WHERE e.created_at >= {{}} AND e.created_at < {{}}
         GROUP BY 2
        UNION ALL
        SELECT 'completed', {completed_case}, COUNT(*)
          FROM finished e
         WHERE e.completed_at >= {{}} AND e.completed_at < {{}}
         GROUP BY 2
    """  # noqa: S608 - only constant table names and {} placeholders go in
    finished_filters = browse_filters(
        filters,
        created_from=None,
        created_to=None,
        status=["completed"],
        completed_from=filters.start,
        completed_to=filters.end,
    )
    rows = await Experiment.raw(
        sql,
        await _scope(viewer, browse_filters(filters), Experiment.created_at),
        await _scope(viewer, finished_filters, Experiment.completed_at),
        *started_args,
        first,
        last,
        *completed_args,
        first,
        last,
    )
    counts = {(row["kind"], int(row["month_index"])): int(row["n"]) for row in rows}
    points = []
    for index, month in enumerate(months):
        month_end = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        day_from, day_to = max(month, filters.start), min(month_end, filters.end)
        points.append(
            MonthPoint(
                month=month,
                started=_cell(
                    counts.get(("started", index), 0),
                    browse_filters(filters, created_from=day_from, created_to=day_to),
                ),
                completed=_cell(
                    counts.get(("completed", index), 0),
                    finished_filters.model_copy(
                        update={"completed_from": day_from, "completed_to": day_to}
                    ),
                ),
            )
        )
    return points


async def _department_rows(
    filters: RollupFilters,
    themes: list[ThemeColumn],
    matrix: dict[str, dict[Any, int]],
    people: dict[int | None, tuple[int, int]],
) -> list[DepartmentRow]:
    """The department tree depth-first (by Finnish name), from the chosen department down.
    Archived departments show only while something is counted for them."""
    rows = await Department.select().order_by(Department.name_fi).order_by(Department.id)
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
        total = matrix["department"].get(department, 0)
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
                        matrix["cell"].get((department, theme.id), 0),
                        browse_filters(filters, department=department, theme=[theme.id]),
                    )
                    for theme in themes
                },
                total=_cell(total, browse_filters(filters, department=department)),
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


async def _kudos(scope: Any) -> int:
    """Thanks (kiitos) given to the counted experiments and not withdrawn."""
    rows = await Experiment.raw(
        "SELECT COUNT(*) AS n FROM kudos WHERE kudos.deleted_at IS NULL "
        "AND kudos.experiment IN (SELECT id FROM ({}) AS scope)",
        scope,
    )
    return int(rows[0]["n"] or 0)


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
    return rollup.model_copy(deep=True)


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
    themes = await _themes(strategy.id, filters.theme)
    scope = await _scope(viewer, browse_filters(filters))
    matrix = await _matrix(scope)
    people = await _participation(
        await _scope(viewer, browse_filters(filters, department=None), Experiment.owner)
    )
    organisation_people = people.get(None, (0, 0))
    if filters.department:
        organisation_people = people.get(filters.department, (0, 0))
    return Rollup(
        strategy=strategy,
        filters=filters,
        themes=themes,
        departments=await _department_rows(filters, themes, matrix, people),
        theme_totals={
            theme.id: _cell(
                matrix["theme"].get(theme.id, 0), browse_filters(filters, theme=[theme.id])
            )
            for theme in themes
        },
        total=_cell(matrix["all"].get(None, 0), browse_filters(filters)),
        cross_department=matrix["cross"].get(None, 0),
        breakdowns=await _breakdowns(viewer, filters, themes),
        campaign=await _campaign(viewer, strategy, today),
        trend=await _trend(viewer, filters, today),
        people=organisation_people[0],
        involved=organisation_people[1],
        kudos=await _kudos(scope),
    )
