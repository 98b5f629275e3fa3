"""The read-only API: what a token's user may see (never drafts), filters, pagination with a
fixed number of queries, JSON errors, the rate limit and the OpenAPI schema."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from litestar.testing import AsyncTestClient

from app.api import tokens
from app.experiments.tables import Experiment
from app.main import create_app
from app.settings import get_settings
from tests.factories import (
    make_department,
    make_experiment,
    make_strategy,
    make_theme,
    make_user,
)
from tests.http.browser import page
from tests.http.query_counter import count_queries


async def _bearer(user) -> dict[str, str]:
    created = await tokens.create(user.id, "testi", None)
    return {"Authorization": f"Bearer {created.secret}"}


def _ids(response) -> list[int]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def test_drafts_and_deleted_experiments_never_appear(client):
    owner = await make_user(name="Omistaja")
    admin = await make_user(name="Ylläpitäjä", is_admin=True)
    shown = await make_experiment(owner, title="Julkinen", status="running")
    own_draft = await make_experiment(owner, title="Oma luonnos", status="draft")
    deleted = await make_experiment(
        owner, title="Poistettu", status="completed", deleted_at=datetime.now(UTC)
    )
    for user in (owner, admin):  # not even the owner's own drafts, nor an admin's view
        headers = await _bearer(user)
        assert _ids(await client.get("/api/v1/experiments", headers=headers)) == [shown.id]
        for hidden in (own_draft, deleted):
            response = await client.get(f"/api/v1/experiments/{hidden.id}", headers=headers)
            assert response.status_code == 404
            assert response.json() == {"status": 404, "error": "Not found."}
    assert (await client.get("/api/v1/experiments/999999", headers=headers)).status_code == 404


async def test_a_token_sees_only_what_its_user_may_see(client):
    """A draft co-owned by another person is hidden from a third person's token (and from
    everyone's, as drafts are not in the API at all); a visible one is shown in full."""
    owner, colleague, stranger = await make_user(), await make_user(), await make_user()
    draft = await make_experiment(owner, status="draft", co_owners=[colleague])
    visible = await make_experiment(owner, status="completed", learning="Opimme paljon.")
    for user in (colleague, stranger):
        headers = await _bearer(user)
        assert _ids(await client.get("/api/v1/experiments", headers=headers)) == [visible.id]
        response = await client.get(f"/api/v1/experiments/{draft.id}", headers=headers)
        assert response.status_code == 404
    detail = (await client.get(f"/api/v1/experiments/{visible.id}", headers=headers)).json()
    assert detail["learning"] == "Opimme paljon."
    assert detail["owner"]["id"] == owner.id
    assert detail["url"].endswith(f"/experiments/{visible.id}")
    for key in ("themes", "departments", "measures", "cycles", "outcome", "co_owners"):
        assert key in detail


async def test_a_session_cookie_does_not_authenticate_the_api(client, employee):
    await make_experiment(employee, status="running")
    assert (await client.get("/experiments")).status_code == 200  # the session works for pages
    response = await client.get("/api/v1/experiments")
    assert response.status_code == 401
    assert response.json()["status"] == 401


async def test_filters(client, employee):
    strategy = await make_strategy()
    digital, silent = await make_theme(strategy), await make_theme(strategy)
    sector = await make_department(name_fi="Sote")
    unit = await make_department(name_fi="Kotihoito", parent=sector.id)
    other = await make_department(name_fi="Tekninen")
    in_unit = await make_experiment(
        employee, status="completed", themes=[digital], departments=[unit]
    )
    in_other = await make_experiment(
        employee, status="running", themes=[silent], departments=[other]
    )
    old = await make_experiment(employee, status="running", themes=[digital])
    await Experiment.update(updated_at=datetime(2024, 1, 1, tzinfo=UTC)).where(
        Experiment.id == old.id
    )
    headers = await _bearer(employee)

    async def ids(query: str) -> set[int]:
        return set(_ids(await client.get(f"/api/v1/experiments?{query}", headers=headers)))

    assert await ids(f"department={sector.id}") == {in_unit.id}  # sub-departments count
    assert await ids(f"theme={digital.id}") == {in_unit.id, old.id}
    assert await ids(f"theme={digital.id}&theme={silent.id}") == {in_unit.id, in_other.id, old.id}
    assert await ids("status=running") == {in_other.id, old.id}
    assert await ids("status=draft") == set()
    assert await ids("updated_since=2025-01-01T00:00:00Z") == {in_unit.id, in_other.id}
    bad = await client.get("/api/v1/experiments?updated_since=eilen", headers=headers)
    assert bad.status_code == 400 and bad.json()["error"].startswith("Invalid query")


async def _populate(owner, count: int) -> None:
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    department = await make_department()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    await Experiment.insert(
        *(
            Experiment(
                title=f"Kokeilu {number}",
                owner=owner.id,
                status="running",
                created_at=start + timedelta(minutes=number),
                updated_at=start + timedelta(minutes=number),
            )
            for number in range(count)
        )
    )
    from app.experiments.tables import ExperimentDepartment, ExperimentTheme

    ids = [row["id"] for row in await Experiment.select(Experiment.id)]
    await ExperimentTheme.insert(*(ExperimentTheme(experiment=i, theme=theme.id) for i in ids))
    await ExperimentDepartment.insert(
        *(ExperimentDepartment(experiment=i, department=department.id) for i in ids)
    )


async def test_pages_follow_next_and_cover_every_experiment_once(client):
    owner = await make_user()
    await _populate(owner, 57)
    headers = await _bearer(owner)
    url, seen, totals = "/api/v1/experiments?limit=25&status=running", [], set()
    while url:
        body = (await client.get(url, headers=headers)).json()
        seen += [item["id"] for item in body["items"]]
        totals.add(body["total"])
        url = body["next"] and body["next"].removeprefix("http://127.0.0.1:8000")
        assert not url or "status=running" in url  # filters are kept in the next link
    assert totals == {57}
    assert len(seen) == 57 == len(set(seen))
    newest_first = [
        row["id"]
        for row in await Experiment.select(Experiment.id).order_by(
            Experiment.updated_at, ascending=False
        )
    ]
    assert seen == newest_first
    for limit in (0, 101):
        response = await client.get(f"/api/v1/experiments?limit={limit}", headers=headers)
        assert response.status_code == 400


async def test_a_page_takes_the_same_number_of_queries_for_10_and_for_100_rows(client):
    owner = await make_user()
    headers = await _bearer(owner)
    await _populate(owner, 10)
    await client.get("/api/v1/themes", headers=headers)  # last_used_at is written on first use
    with count_queries() as few:
        response = await client.get("/api/v1/experiments?limit=100", headers=headers)
    assert len(response.json()["items"]) == 10
    await _populate(owner, 90)
    with count_queries() as many:
        response = await client.get("/api/v1/experiments?limit=100", headers=headers)
    assert len(response.json()["items"]) == 100
    assert few["queries"] == many["queries"]


async def test_themes_and_the_department_tree(client):
    user = await make_user()
    strategy = await make_strategy(name="Kaupunkistrategia 2030")
    theme = await make_theme(strategy, name_fi="Sähköiset palvelut", name_sv="E-tjänster")
    await make_theme(strategy, name_fi="Vanha teema", archived=True)
    sector = await make_department(name_fi="Sote")
    unit = await make_department(name_fi="Kotihoito", parent=sector.id)
    headers = await _bearer(user)
    themes = (await client.get("/api/v1/themes", headers=headers)).json()["items"]
    assert [(t["id"], t["name"]["sv"], t["strategy_name"]) for t in themes] == [
        (theme.id, "E-tjänster", "Kaupunkistrategia 2030")
    ]
    everything = (await client.get("/api/v1/themes?include_archived=true", headers=headers)).json()
    assert len(everything["items"]) == 2
    tree = (await client.get("/api/v1/departments", headers=headers)).json()["items"]
    root = next(node for node in tree if node["id"] == sector.id)
    assert [child["id"] for child in root["children"]] == [unit.id]


async def test_the_rate_limit_answers_429_with_retry_after():
    settings = get_settings().model_copy(update={"api_rate_limit_per_minute": 3})
    user = await make_user()
    first, second = await _bearer(user), await _bearer(user)
    async with AsyncTestClient(app=create_app(settings), base_url="http://127.0.0.1:8000") as api:
        statuses = [(await api.get("/api/v1/themes", headers=first)).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        limited = await api.get("/api/v1/themes", headers=first)
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert limited.json()["status"] == 429
        # The limit is per token.
        assert (await api.get("/api/v1/themes", headers=second)).status_code == 200


async def test_the_openapi_schema_documents_the_api_and_only_the_api(client):
    response = await client.get("/api/schema/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert set(schema["paths"]) == {
        "/api/v1/experiments",
        "/api/v1/experiments/{experiment_id}",
        "/api/v1/themes",
        "/api/v1/departments",
        "/api/v1/rollup",
    }
    listing = schema["paths"]["/api/v1/experiments"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {
        "theme", "department", "status", "updated_since", "limit", "offset"
    }  # fmt: skip
    assert {"200", "401", "429"} <= set(listing["responses"])
    assert {"ExperimentPage", "ExperimentDetail", "DepartmentTree"} <= set(
        schema["components"]["schemas"]
    )
    assert schema["components"]["securitySchemes"]["PersonalToken"]["scheme"] == "bearer"
    docs = page(await client.get("/api"))
    assert "/api/v1/experiments/{experiment_id}" in docs.get_text()
    assert not docs.select("script:not([src])")  # nothing inline: the CSP would block it


async def test_rollup_figures_for_hr_tokens_equal_the_rollup_service_and_others_get_403(client):
    from app.rollups.schemas import RollupFilters
    from app.rollups.service import compute_rollup

    strategy = await make_strategy(campaign_target=101)
    theme = await make_theme(strategy)
    department = await make_department()
    owner = await make_user(department=department.id)
    for status in ("running", "completed", "draft"):
        await make_experiment(
            owner, status=status, strategy=strategy.id, themes=[theme], departments=[department]
        )
    hr = await make_user(is_hr=True)

    response = await client.get("/api/v1/rollup", headers=await _bearer(hr))

    assert response.status_code == 200, response.text
    figures = response.json()
    expected = await compute_rollup(RollupFilters(), hr)
    assert figures["total"]["count"] == expected.total.count == 2  # the draft is never counted
    assert figures["campaign"]["target"] == 101
    assert figures["themes"][0]["id"] == theme.id
    refused = await client.get("/api/v1/rollup", headers=await _bearer(owner))
    assert refused.status_code == 403
    assert refused.json()["error"]


async def test_a_path_under_the_api_that_matches_no_route_answers_json(client, employee):
    headers = await _bearer(employee)
    for url in ("/api/v1/experiments/1e-14", "/api/v1/nothing-here"):
        response = await client.get(url, headers=headers)
        assert response.status_code == 404, url
        assert response.json() == {"status": 404, "error": "Not found."}
    assert (await client.get("/experiments/1e-14")).headers["content-type"].startswith("text/html")
