"""The lead's home: the review boards of the cohorts they lead, and nobody else's."""

from __future__ import annotations

from tests.factories import make_cohort, make_user
from tests.http.browser import page, sign_in


async def test_home_lists_the_review_boards_of_the_cohorts_the_lead_leads(client):
    lead = await make_user(is_lead=True)
    other_lead = await make_user(is_lead=True)
    mine = await make_cohort(name="Oma valmennus", leads=[lead])
    theirs = await make_cohort(name="Toisen valmennus", leads=[other_lead])
    archived = await make_cohort(name="Vanha valmennus", leads=[lead], archived=True)
    await sign_in(client, lead.email)

    home = page(await client.get("/"))

    boards = [link["href"] for link in home.select(".lead-boards a.button")]
    assert boards == [f"/cohorts/{mine.id}/board"]
    assert f"/cohorts/{theirs.id}/board" not in str(home)
    assert f"/cohorts/{archived.id}/board" not in str(home)


async def test_an_employee_sees_no_review_boards_on_the_home_page(client):
    employee = await make_user()
    await make_cohort(participants=[employee])
    await sign_in(client, employee.email)

    home = page(await client.get("/"))

    assert home.select(".lead-boards") == []
