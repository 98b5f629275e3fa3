"""The browse filter form's lists are reused between requests while nothing behind them has
changed, and follow every change: audited writes and writes that bypass the audit log."""

from __future__ import annotations

from datetime import UTC, datetime

from app.organisation.tables import Department
from tests.factories import make_department, make_user
from tests.http.browser import page
from tests.http.query_counter import count_queries


def _people(response) -> set[str]:
    return {option.text for option in page(response).select("#filter-owner option")}


def _departments(response) -> set[str]:
    return {
        option.text.strip("— ") for option in page(response).select("#filter-department option")
    }


async def test_lists_are_reused_until_something_behind_them_changes(client, employee):
    department = await make_department(name_fi="Kirjastopalvelut")
    with count_queries() as first:
        shown = await client.get("/library")
    assert employee.name in _people(shown) and "Kirjastopalvelut" in _departments(shown)
    with count_queries() as again:
        await client.get("/library")
    assert again["queries"] < first["queries"]  # the lists came from memory

    # A new person (not through the app, so not audited: the count changes).
    await make_user(name="Uusi Työntekijä")
    assert "Uusi Työntekijä" in _people(await client.get("/library"))
    # A renamed department (its updated_at changes).
    await Department.update(
        {Department.name_fi: "Kaupunginkirjasto", Department.updated_at: datetime.now(UTC)}
    ).where(Department.id == department.id)
    names = _departments(await client.get("/experiments"))
    assert "Kaupunginkirjasto" in names and "Kirjastopalvelut" not in names
