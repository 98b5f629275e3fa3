"""Browsing everyone's experiments: filters in the URL, htmx updates, paging, a fixed number of
queries whatever the number of rows, and a department's page."""

from __future__ import annotations

from app.experiments.tables import ExperimentChannel
from tests.factories import make_department, make_experiment, make_strategy, make_theme, make_user
from tests.http.browser import page
from tests.http.query_counter import count_queries


def titles(response) -> list[str]:
    return [a.get_text() for a in page(response).select("#results .experiment-card__title a")]


async def test_filters_combine_and_live_in_the_url(client, employee):
    strategy = await make_strategy()
    digital, silent = (
        await make_theme(strategy, name_fi="Sähköiset palvelut"),
        await make_theme(strategy, name_fi="Hiljaiset"),
    )
    sector = await make_department(name_fi="Sivistyspalvelut")
    youth = await make_department(name_fi="Nuorisopalvelut", parent=sector.id)
    other = await make_department(name_fi="Tekniset")
    owner = await make_user(name="Olli Omistaja")
    chat = await make_experiment(
        owner,
        title="Chat iltaisin",
        themes=[digital],
        departments=[youth],
        status="completed",
        outcome="solved",
        learning="Nuoret kirjoittavat iltaisin.",
    )
    await ExperimentChannel.insert(ExperimentChannel(experiment=chat.id, channel="chat"))
    await make_experiment(
        owner, title="Katuvalot", themes=[silent], departments=[other], status="running"
    )
    await make_experiment(
        owner, title="Luonnos piilossa", themes=[digital], departments=[youth], status="draft"
    )
    await make_experiment(employee, title="Oma kokeilu", themes=[silent], status="planned")

    assert set(titles(await client.get("/experiments"))) == {
        "Chat iltaisin",
        "Katuvalot",
        "Oma kokeilu",
    }
    assert titles(await client.get(f"/experiments?theme={digital.id}")) == ["Chat iltaisin"]
    assert titles(await client.get(f"/experiments?department={sector.id}")) == [
        "Chat iltaisin"
    ]  # sub-departments count
    assert titles(await client.get("/experiments?status=running")) == ["Katuvalot"]
    assert titles(await client.get("/experiments?outcome=solved")) == ["Chat iltaisin"]
    assert titles(await client.get("/experiments?channel=chat")) == ["Chat iltaisin"]
    assert titles(await client.get("/experiments?q=kirjoittavat")) == [
        "Chat iltaisin"
    ]  # finds learnings
    assert sorted(titles(await client.get(f"/experiments?owner={owner.id}"))) == [
        "Chat iltaisin",
        "Katuvalot",
    ]
    assert titles(await client.get(f"/experiments?theme={silent.id}&status=planned")) == [
        "Oma kokeilu"
    ]
    assert titles(await client.get("/experiments?sort=title")) == [
        "Chat iltaisin",
        "Katuvalot",
        "Oma kokeilu",
    ]
    assert titles(await client.get("/experiments?created_from=2199-01-01")) == []
    # Bad values in a shared link do not break the page.
    assert (
        await client.get("/experiments?theme=abc&page=-3&status=bogus&created_from=x")
    ).status_code == 200


async def test_htmx_gets_only_the_results(client, employee):
    response = await client.get("/experiments?q=x", headers={"HX-Request": "true"})
    soup = page(response)
    assert soup.find(id="results") is not None and soup.find("form") is None


async def test_paging(client, employee):
    for number in range(30):
        await make_experiment(employee, title=f"Kokeilu {number:02d}", status="running")
    first = await client.get("/experiments?sort=title")
    assert len(titles(first)) == 25
    assert page(first).select_one('a[rel="next"]')["href"] == "?sort=title&page=2"
    assert titles(await client.get("/experiments?sort=title&page=2")) == [
        f"Kokeilu {n}" for n in range(25, 30)
    ]


async def _populate(owner, count: int) -> None:
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    department = await make_department()
    for number in range(count):
        await make_experiment(
            owner, title=f"K{number}", themes=[theme], departments=[department], status="running"
        )


async def test_browse_and_my_experiments_use_a_fixed_number_of_queries(client, employee):
    await _populate(employee, 10)
    with count_queries() as few_browse:
        assert (await client.get("/experiments")).status_code == 200
    with count_queries() as few_mine:
        assert (await client.get("/experiments/mine")).status_code == 200
    await _populate(employee, 190)
    with count_queries() as many_browse:
        assert (await client.get("/experiments")).status_code == 200
    with count_queries() as many_mine:
        response = await client.get("/experiments/mine")
    assert len(page(response).select(".experiment-card")) == 200
    assert few_browse["queries"] == many_browse["queries"]
    assert few_mine["queries"] == many_mine["queries"]


async def test_department_page_shows_its_experiments_and_people(client, employee):
    sector = await make_department(name_fi="Sosiaalipalvelut")
    unit = await make_department(name_fi="Aikuissosiaalityö", parent=sector.id)
    person = await make_user(name="Sanna Sosionomi", department=unit.id)
    await make_experiment(person, title="Ajanvaraus chatissa", departments=[unit], status="running")
    soup = page(await client.get(f"/departments/{sector.id}"))
    assert "Ajanvaraus chatissa" in soup.get_text()
    assert "Aikuissosiaalityö" in soup.get_text()
    unit_page = page(await client.get(f"/departments/{unit.id}"))
    assert "Sanna Sosionomi" in unit_page.get_text()
    assert (await client.get("/departments/999999")).status_code == 404
