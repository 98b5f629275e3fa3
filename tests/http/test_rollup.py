"""The strategy rollup: every figure computed again in plain Python from generated data and
compared with the SQL answers, the page and the browse page the numbers link to; drafts and
deleted experiments never counted; Helsinki months; who may see it; a fixed number of queries."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook

from app.experiments.vocabulary import DECISIONS, OUTCOMES
from app.i18n import HELSINKI
from app.rollups import cache as rollup_cache
from app.rollups import service
from app.rollups.schemas import RollupFilters
from app.rollups.service import COUNTED_STATUSES, campaign_figures, compute_rollup
from tests.factories import (
    make_cohort,
    make_department,
    make_experiment,
    make_strategy,
    make_theme,
    make_user,
)
from tests.http.browser import page, sign_in
from tests.http.query_counter import count_queries

START, END = date(2025, 6, 1), date(2026, 5, 31)


@pytest.fixture(autouse=True)
def empty_rollup_cache():
    rollup_cache.clear()


@dataclass
class World:
    strategy: object
    other_strategy: object
    themes: list
    departments: dict[int, int | None]  # id -> parent
    people: dict[int, tuple[int | None, bool]]  # id -> (department, active)
    experiments: list[dict] = field(default_factory=list)
    hr: object = None
    cohort: object = None

    def subtree(self, department: int) -> set[int]:
        found, queue = {department}, [department]
        while queue:
            parent = queue.pop()
            for child, its_parent in self.departments.items():
                if its_parent == parent and child not in found:
                    found.add(child)
                    queue.append(child)
        return found


def helsinki_day(moment: datetime) -> date:
    return moment.astimezone(HELSINKI).date()


async def build_world(seed: int = 7, count: int = 90) -> World:
    rng = random.Random(seed)
    strategy = await make_strategy(
        campaign_name="100+1 tekoa",
        campaign_target=101,
        period_start=date(2025, 1, 1),
        period_end=date(2027, 12, 31),
        campaign_end=date(2026, 12, 31),
    )
    other = await make_strategy(is_current=False, name="Vanha strategia")
    themes = [await make_theme(strategy, name_fi=f"Teema {n}", position=n) for n in range(4)]
    old_theme = await make_theme(other, name_fi="Vanha teema")
    departments: dict[int, int | None] = {}
    roots = []
    for n in range(3):
        root = await make_department(name_fi=f"Toimiala {n}")
        departments[root.id] = None
        roots.append(root)
        for m in range(2):
            child = await make_department(name_fi=f"Palvelualue {n}.{m}", parent=root.id)
            departments[child.id] = root.id
            if m == 0:
                unit = await make_department(name_fi=f"Yksikkö {n}.{m}.0", parent=child.id)
                departments[unit.id] = child.id
    people: dict[int, tuple[int | None, bool]] = {}
    users = []
    for n in range(24):
        department = rng.choice([*departments, None])
        active = n % 7 != 3
        user = await make_user(department=department, active=active)
        people[user.id] = (department, active)
        users.append(user)
    hr = await make_user(name="Nina Henkilöstö", is_hr=True, department=roots[0].id)
    people[hr.id] = (roots[0].id, True)
    cohort = await make_cohort(strategy=strategy.id)
    world = World(strategy, other, themes, departments, people, hr=hr, cohort=cohort)
    department_objects = {row_id: row_id for row_id in departments}
    moments = [
        datetime(2026, 1, 31, 22, 30, tzinfo=UTC),  # 1 February in Helsinki
        datetime(2025, 5, 31, 20, 59, tzinfo=UTC),  # 31 May 2025 23:59 in Helsinki: before
        datetime(2025, 5, 31, 21, 0, tzinfo=UTC),  # 1 June 2025 00:00 in Helsinki: first day
        datetime(2026, 5, 31, 20, 59, tzinfo=UTC),  # last minute of the period
        datetime(2026, 5, 31, 21, 0, tzinfo=UTC),  # 1 June 2026 in Helsinki: after
    ]
    for n in range(count):
        owner = rng.choice(users)
        created = (
            moments[n]
            if n < len(moments)
            else datetime(2025, 3, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 700_000))
        )
        status = rng.choice(["draft", "planned", "running", "checking", "completed", "abandoned"])
        completed = None
        if status == "completed":
            completed = (
                datetime(2026, 2, 28, 22, 15, tzinfo=UTC)  # 1 March in Helsinki
                if n % 9 == 0
                else created + timedelta(days=rng.randrange(1, 200))
            )
        strategy_id = other.id if n % 13 == 5 else strategy.id
        chosen_themes = (
            [old_theme]
            if strategy_id == other.id
            else rng.sample(themes, rng.choice([0, 1, 1, 2, 3]))
        )
        chosen_departments = rng.sample(list(department_objects), rng.choice([0, 1, 1, 1, 2, 3]))
        co_owners = [user for user in rng.sample(users, rng.choice([0, 0, 1, 2])) if user != owner]
        outcome = rng.choice([None, *OUTCOMES]) if status in ("completed", "abandoned") else None
        decision = rng.choice([None, *DECISIONS]) if outcome else None
        deleted = datetime(2026, 3, 1, tzinfo=UTC) if n % 17 == 4 else None
        experiment = await make_experiment(
            owner,
            themes=chosen_themes,
            departments=[_Id(d) for d in chosen_departments],
            co_owners=co_owners,
            strategy=strategy_id,
            status=status,
            outcome=outcome,
            decision=decision,
            created_at=created,
            completed_at=completed,
            deleted_at=deleted,
            cohort=cohort.id if n % 3 == 0 else None,
        )
        world.experiments.append(
            {
                "id": experiment.id,
                "strategy": strategy_id,
                "status": status,
                "outcome": outcome,
                "decision": decision,
                "created": created,
                "completed": completed,
                "deleted": deleted,
                "themes": {theme.id for theme in chosen_themes},
                "departments": set(chosen_departments),
                "people": {owner.id, *(user.id for user in co_owners)},
                "cohort": cohort.id if n % 3 == 0 else None,
            }
        )
    return world


@dataclass
class _Id:
    id: int


# --- the same figures, computed in Python ---------------------------------------------------


def expected(world: World, start: date, end: date, department=None, themes=(), cohort=None) -> dict:
    def counted(row, *, period=True, department=department) -> bool:
        if row["deleted"] or row["status"] == "draft" or row["strategy"] != world.strategy.id:
            return False
        if period and not start <= helsinki_day(row["created"]) <= end:
            return False
        if department and not row["departments"] & world.subtree(department):
            return False
        if cohort and row["cohort"] != cohort:
            return False
        return not themes or bool(row["themes"] & set(themes))

    scope = [row for row in world.experiments if counted(row)]
    in_period = [row for row in world.experiments if counted(row, department=None)]
    shown_themes = list(themes) or [theme.id for theme in world.themes]
    cells, totals, participation = {}, {}, {}
    for dept in world.departments:
        sub = world.subtree(dept)
        linked = [row for row in scope if row["departments"] & sub]
        totals[dept] = len(linked)
        for theme in shown_themes:
            cells[(dept, theme)] = sum(1 for row in linked if theme in row["themes"])
        staff = {
            person for person, (home, active) in world.people.items() if active and home in sub
        }
        involved = {person for row in in_period for person in row["people"]} & staff
        participation[dept] = (len(staff), len(involved))
    statuses = {theme: {code: 0 for code in COUNTED_STATUSES} for theme in [*shown_themes, None]}
    for row in scope:
        for theme in [*(row["themes"] & set(shown_themes)), None]:
            statuses[theme][row["status"]] += 1
    outcomes = {theme: {} for theme in [*shown_themes, None]}
    decisions = {theme: {} for theme in [*shown_themes, None]}
    for row in scope:
        for theme in [*(row["themes"] & set(shown_themes)), None]:
            outcomes[theme][row["outcome"] or ""] = outcomes[theme].get(row["outcome"] or "", 0) + 1
            decisions[theme][row["decision"] or ""] = (
                decisions[theme].get(row["decision"] or "", 0) + 1
            )
    campaign = sum(
        1
        for row in world.experiments
        if row["status"] == "completed"
        and not row["deleted"]
        and row["strategy"] == world.strategy.id
        and date(2025, 1, 1) <= helsinki_day(row["completed"]) <= date(2026, 12, 31)
    )
    started, completed = {}, {}
    for row in scope:
        month = helsinki_day(row["created"]).replace(day=1)
        started[month] = started.get(month, 0) + 1
    for row in world.experiments:
        if (
            counted(row, period=False)
            and row["status"] == "completed"
            and start <= helsinki_day(row["completed"]) <= end
        ):
            month = helsinki_day(row["completed"]).replace(day=1)
            completed[month] = completed.get(month, 0) + 1
    return {
        "total": len(scope),
        "cross": sum(1 for row in scope if len(row["departments"]) >= 2),
        "cells": cells,
        "department_totals": totals,
        "theme_totals": {
            theme: sum(1 for row in scope if theme in row["themes"]) for theme in shown_themes
        },
        "participation": participation,
        "statuses": statuses,
        "outcomes": outcomes,
        "decisions": decisions,
        "campaign": campaign,
        "started": started,
        "completed": completed,
    }


def assert_matches(rollup, want: dict, department=None) -> None:
    assert rollup.total.count == want["total"]
    assert rollup.cross_department == want["cross"]
    shown = {row.id for row in rollup.departments}
    for row in rollup.departments:
        assert row.total.count == want["department_totals"][row.id], row.name_fi
        for theme_id, cell in row.cells.items():
            assert cell.count == want["cells"][(row.id, theme_id)], (row.name_fi, theme_id)
        assert (row.people, row.involved) == want["participation"][row.id], row.name_fi
    for theme_id, cell in rollup.theme_totals.items():
        assert cell.count == want["theme_totals"][theme_id]
    for breakdown in rollup.breakdowns:
        assert {code: cell.count for code, cell in breakdown.statuses.items()} == want["statuses"][
            breakdown.theme
        ]
        for code, cell in breakdown.outcomes.items():
            assert cell.count == want["outcomes"][breakdown.theme].get(code, 0)
        for code, cell in breakdown.decisions.items():
            assert cell.count == want["decisions"][breakdown.theme].get(code, 0)
    assert rollup.campaign.completed.count == want["campaign"]
    for point in rollup.trend:
        assert point.started.count == want["started"].get(point.month, 0), point.month
        assert point.completed.count == want["completed"].get(point.month, 0), point.month
    assert sum(point.started.count for point in rollup.trend) == want["total"]
    if department:
        assert shown == set() or department in shown


async def test_every_figure_matches_an_independent_count():
    world = await build_world()
    viewer = world.hr
    whole = await compute_rollup(RollupFilters(start=START, end=END), viewer)
    assert_matches(whole, expected(world, START, END))
    # Sub-departments fold into their parents: a parent counts each experiment once.
    parent = next(dept for dept, up in world.departments.items() if up is None)
    assert_matches(
        await compute_rollup(RollupFilters(start=START, end=END, department=parent), viewer),
        expected(world, START, END, department=parent),
        department=parent,
    )
    # A theme filter, and another period whose edges fall on the boundary moments.
    theme = world.themes[1].id
    assert_matches(
        await compute_rollup(RollupFilters(start=START, end=END, theme=[theme]), viewer),
        expected(world, START, END, themes=[theme]),
    )
    # A sub-department and a theme together (the counts filter the department per set of
    # departments, the other figures per experiment).
    child = next(dept for dept, up in world.departments.items() if up is not None)
    both = RollupFilters(start=START, end=END, department=child, theme=[theme])
    want = expected(world, START, END, department=child, themes=[theme])
    assert want["total"] > 0
    assert_matches(await compute_rollup(both, viewer), want, department=child)
    assert_matches(
        await compute_rollup(RollupFilters(start=START, end=END, cohort=world.cohort.id), viewer),
        expected(world, START, END, cohort=world.cohort.id),
    )
    short_start, short_end = date(2026, 2, 1), date(2026, 2, 28)
    assert_matches(
        await compute_rollup(RollupFilters(start=short_start, end=short_end), viewer),
        expected(world, short_start, short_end),
    )
    # A period that holds every experiment of the strategy: the counts skip the day test.
    wide_start, wide_end = date(2020, 1, 1), date(2029, 12, 31)
    wide = RollupFilters(strategy=world.strategy.id, start=wide_start, end=wide_end)
    assert not await service._period_needed(wide)
    assert await service._period_needed(wide.model_copy(update={"start": START, "end": END}))
    assert_matches(await compute_rollup(wide, viewer), expected(world, wide_start, wide_end))


async def test_helsinki_months_and_period_boundaries():
    strategy = await make_strategy(period_start=date(2025, 1, 1), period_end=date(2027, 12, 31))
    theme = await make_theme(strategy)
    owner = await make_user(is_hr=True)
    for moment in (
        datetime(2026, 1, 31, 22, 30, tzinfo=UTC),  # February in Helsinki
        datetime(2026, 1, 31, 21, 59, tzinfo=UTC),  # still January (23:59 in Helsinki)
    ):
        await make_experiment(
            owner, themes=[theme], strategy=strategy.id, status="running", created_at=moment
        )
    await make_experiment(  # a draft is never counted
        owner,
        themes=[theme],
        strategy=strategy.id,
        status="draft",
        created_at=datetime(2026, 1, 10, tzinfo=UTC),
    )
    rollup = await compute_rollup(
        RollupFilters(start=date(2026, 1, 1), end=date(2026, 2, 28)), owner
    )
    assert [(point.month, point.started.count) for point in rollup.trend] == [
        (date(2026, 1, 1), 1),
        (date(2026, 2, 1), 1),
    ]
    february = await compute_rollup(
        RollupFilters(start=date(2026, 2, 1), end=date(2026, 2, 1)), owner
    )
    assert february.total.count == 1


async def test_cells_link_to_browse_pages_with_the_same_counts(client):
    world = await build_world(seed=11, count=60)
    await sign_in(client, world.hr.email)
    query = f"start={START}&end={END}"
    cohort_page = page(await client.get(f"/rollup?{query}&cohort={world.cohort.id}"))
    for link in cohort_page.select(".rollup-matrix a")[:4]:
        browse = page(await client.get(link["href"]))
        heading = browse.select_one("#results-heading").get_text()
        assert int(re.sub(r"\D", "", heading) or 0) == int(link.get_text()), link["href"]
    soup = page(await client.get(f"/rollup?{query}"))
    links = soup.select(".rollup-matrix a")
    assert len(links) > 10
    parent = next(dept for dept, up in world.departments.items() if up is None)
    chosen = [link for link in links if f"department={parent}&" in link["href"]][:3]
    chosen += links[:: max(1, len(links) // 6)]
    chosen += soup.select("#rollup-results table a[href*='completed_from']")[:2]
    for link in chosen:
        browse = page(await client.get(link["href"]))
        heading = browse.select_one("#results-heading").get_text()
        assert int(re.sub(r"\D", "", heading) or 0) == int(link.get_text()), link["href"]
    # The figures on the page are the service's figures.
    rollup = await compute_rollup(RollupFilters(start=START, end=END), world.hr)
    assert soup.select_one("[data-figure=total]").get_text() == str(rollup.total.count)
    assert soup.select_one("[data-figure=cross]").get_text() == str(rollup.cross_department)


async def test_only_hr_directors_and_admins_see_the_rollup(client):
    await make_strategy()
    employee = await make_user(name="Tavallinen")
    lead = await make_user(is_lead=True)
    for person in (employee, lead):
        await sign_in(client, person.email)
        for url in ("/rollup", "/rollup/print", "/rollup/export.csv", "/rollup/export.xlsx"):
            assert (await client.get(url)).status_code == 403, url
        assert "/rollup" not in (await client.get("/")).text
        await client.post("/sign-out", data={"_csrf_token": client.cookies.get("kokeilu_csrf")})
    for person in (await make_user(is_hr=True), await make_user(is_admin=True)):
        await sign_in(client, person.email)
        response = await client.get("/rollup")
        assert response.status_code == 200
        assert page(response).select_one('nav a[href="/rollup"]') is not None
    client.cookies.clear()
    assert (await client.get("/rollup")).status_code in (302, 303, 401)


async def test_the_rollup_makes_a_fixed_number_of_queries(client):
    strategy = await make_strategy()
    themes = [await make_theme(strategy) for _ in range(3)]
    department = await make_department()
    hr = await make_user(is_hr=True, department=department.id)
    await sign_in(client, hr.email)

    async def add(n: int) -> None:
        for index in range(n):
            await make_experiment(
                hr,
                themes=themes[: index % 3 + 1],
                departments=[department],
                strategy=strategy.id,
                status="running",
            )

    await add(10)
    with count_queries() as few:
        assert (await client.get("/rollup")).status_code == 200
    await add(190)
    with count_queries() as many:
        assert (await client.get("/rollup")).status_code == 200
    assert few["queries"] == many["queries"]


def test_campaign_pace_and_forecast():
    from app.rollups.schemas import StrategyInfo

    strategy = StrategyInfo(
        id=1,
        name="S",
        period_start=date(2025, 1, 1),
        period_end=date(2030, 12, 31),
        campaign_target=101,
        campaign_end=date(2027, 1, 1),
    )
    today = date(2026, 1, 1)  # 12 months in, 12 months left
    figures = campaign_figures(strategy, 63, today)
    assert figures.remaining == 38
    assert figures.pace_needed == pytest.approx(38 / (365 / (365.2425 / 12)), rel=1e-6)
    assert figures.current_pace == pytest.approx(63 / (365 / (365.2425 / 12)), rel=1e-6)
    # 38 more at ~5.2 a month: a little over seven months from today.
    assert date(2026, 8, 1) < figures.forecast < date(2026, 8, 15)
    assert campaign_figures(strategy, 120, today).reached
    assert campaign_figures(strategy, 0, today).forecast is None


async def test_rollup_exports_carry_the_page_numbers(client):
    world = await build_world(seed=3, count=40)
    await sign_in(client, world.hr.email)
    query = f"start={START}&end={END}"
    rollup = await compute_rollup(RollupFilters(start=START, end=END), world.hr)
    response = await client.get(f"/rollup/export.xlsx?{query}")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    workbook = load_workbook(BytesIO(response.content))
    matrix = workbook.worksheets[1]
    rows = list(matrix.iter_rows(values_only=True))
    assert rows[0][0] == "Yksikkö"  # Finnish headers
    by_name = {row[0]: row for row in rows[1:]}
    for department in rollup.departments:
        row = by_name[department.name_fi]
        assert list(row[2:]) == [
            *(department.cells[theme.id].count for theme in rollup.themes),
            department.total.count,
        ]
    assert rows[-1][-1] == rollup.total.count
    trend = {row[0]: row[1:] for row in workbook.worksheets[-1].iter_rows(values_only=True)}
    assert (
        sum(row[0] for key, row in trend.items() if not isinstance(row[0], str))
        == rollup.total.count
    )

    csv_response = await client.get(f"/rollup/export.csv?{query}")
    text = csv_response.content.decode("utf-8")
    assert csv_response.content.startswith(b"\xef\xbb\xbf")
    assert "Yksikkö;" in text
    assert f"Kokeilut;{rollup.total.count}" in text
    assert f"{START:%d.%m.%Y}" in text


async def test_experiment_list_exports_follow_the_browse_filters(client):
    world = await build_world(seed=5, count=30)
    await sign_in(client, world.hr.email)
    theme = world.themes[0].id
    browse = page(await client.get(f"/experiments?theme={theme}"))
    shown = int(re.sub(r"\D", "", browse.select_one("#results-heading").get_text()))
    assert browse.select_one(f'a[href="/experiments/export.xlsx?theme={theme}"]') is not None
    workbook = load_workbook(
        BytesIO((await client.get(f"/experiments/export.xlsx?theme={theme}")).content)
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][1:3] == ("Otsikko", "Tila")
    assert len(rows) - 1 == shown
    created = {row["id"]: helsinki_day(row["created"]) for row in world.experiments}
    for row in rows[1:]:
        assert row[8].date() == created[row[0]]
    response = await client.get(f"/experiments/export.csv?theme={theme}")
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) - 1 == shown
    assert ";Otsikko;Tila;" in lines[0]
    first = next(row for row in world.experiments if row["id"] == int(lines[1].split(";")[0]))
    assert f"{helsinki_day(first['created']):%d.%m.%Y}" in lines[1]


async def test_experiment_export_reads_in_fixed_queries_per_batch(client, monkeypatch):
    from app.rollups import exports

    monkeypatch.setattr(exports, "BATCH_SIZE", 10)
    owner = await make_user()
    await sign_in(client, owner.email)

    async def add(n: int) -> None:
        for _ in range(n):
            await make_experiment(owner, status="running")

    await add(5)
    with count_queries() as one_batch:
        await client.get("/experiments/export.csv")
    await add(4)
    with count_queries() as same_batch:
        await client.get("/experiments/export.csv")
    assert same_batch["queries"] == one_batch["queries"]
    await add(21)  # 30 rows: three full batches of three queries, then one empty read
    with count_queries() as three_batches:
        response = await client.get("/experiments/export.csv")
    assert len(response.content.decode("utf-8-sig").strip().splitlines()) == 31
    assert three_batches["queries"] - one_batch["queries"] == 2 * 3 + 1


async def test_a_cached_rollup_is_not_reused_after_a_change():
    from app.organisation.tables import Department

    world = await build_world(seed=13, count=30)
    filters = RollupFilters(start=START, end=END)
    before = await compute_rollup(filters, world.hr)
    assert (await compute_rollup(filters, world.hr)) == before  # served again, unchanged
    # Move a top-level department (with its experiments) under another one.
    roots = [dept for dept, up in world.departments.items() if up is None]
    await Department.update(
        {Department.parent: roots[0], Department.updated_at: datetime.now(UTC)}
    ).where(Department.id == roots[1])
    world.departments[roots[1]] = roots[0]
    moved = await compute_rollup(filters, world.hr)
    assert_matches(moved, expected(world, START, END))
    assert [row.id for row in moved.departments if row.depth == 0] != [
        row.id for row in before.departments if row.depth == 0
    ]
    # A new experiment shows at once.
    await make_experiment(
        world.hr,
        strategy=world.strategy.id,
        status="running",
        created_at=datetime(2025, 9, 1, tzinfo=UTC),
    )
    assert (await compute_rollup(filters, world.hr)).total.count == moved.total.count + 1


async def test_admin_sets_the_campaign_end_date(client, admin):
    from app.strategy.tables import Strategy
    from tests.http.browser import field_error, post_form

    form = {
        "name": "Kaupunkistrategia 2030",
        "period_start": "2023-01-01",
        "period_end": "2030-12-31",
        "campaign_name": "100+1 tekoa",
        "campaign_target": "101",
        "is_current": "true",
    }
    response = await post_form(
        client, "/admin/strategies/new", {**form, "campaign_end": "2022-12-31"}
    )
    assert field_error(page(response), "campaign_end")
    response = await post_form(
        client, "/admin/strategies/new", {**form, "campaign_end": "2027-12-31"}
    )
    assert response.status_code == 303
    saved = await Strategy.objects().where(Strategy.name == form["name"]).first()
    assert saved.campaign_end == date(2027, 12, 31)
    rollup = await compute_rollup(RollupFilters(), admin)
    assert rollup.campaign.end == date(2027, 12, 31)


async def test_kudos_given_to_counted_experiments_are_counted_and_withdrawn_ones_are_not(client):
    from datetime import UTC, datetime

    from app.conversation.tables import Kudos

    strategy = await make_strategy()
    theme = await make_theme(strategy)
    owner = await make_user()
    shared = await make_experiment(owner, status="running", strategy=strategy.id, themes=[theme])
    draft = await make_experiment(owner, status="draft", strategy=strategy.id, themes=[theme])
    givers = [await make_user() for _ in range(3)]
    await Kudos.insert(
        Kudos(experiment=shared.id, giver=givers[0].id),
        Kudos(experiment=shared.id, giver=givers[1].id),
        Kudos(experiment=shared.id, giver=givers[2].id, deleted_at=datetime.now(UTC)),
        Kudos(experiment=draft.id, giver=givers[0].id),
    )
    hr = await make_user(is_hr=True)

    assert (await compute_rollup(RollupFilters(), hr, use_cache=False)).kudos == 2
    await sign_in(client, hr.email)
    shown = page(await client.get("/rollup"))
    assert shown.select_one("[data-figure=kudos]").get_text(strip=True) == "2"
