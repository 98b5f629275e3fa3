"""An archive button pressed on a stale page (someone saved the item meanwhile) archives nothing
and shows the edit page again with the item as now saved, for every list that has the button
(app/web/form_flow.py: submit_archived and FormOutcome.reshown)."""

from __future__ import annotations

import pytest

from app.experiments.tables import CustomerGroup
from app.organisation.tables import Department
from app.strategy.tables import Theme
from tests.factories import make_department, make_strategy, make_theme
from tests.http.browser import field_value, page, post_form


async def _customer_group():
    group = CustomerGroup(name_fi="Alkuperäinen")
    await group.save()
    return CustomerGroup, group.id, f"/admin/customer-groups/{group.id}"


async def _department():
    unit = await make_department(name_fi="Alkuperäinen")
    return Department, unit.id, f"/admin/departments/{unit.id}"


async def _theme():
    strategy = await make_strategy()
    theme = await make_theme(strategy, name_fi="Alkuperäinen")
    return Theme, theme.id, f"/admin/strategies/{strategy.id}/themes/{theme.id}"


@pytest.mark.parametrize("make", [_customer_group, _department, _theme])
async def test_a_stale_archive_shows_the_saved_item_and_archives_nothing(client, admin, make):
    table, row_id, url = await make()
    # Someone else renames it while the page with the archive button is open
    await table.update({table.name_fi: "Toisen muutos", table.version: 2}).where(table.id == row_id)
    stale = await post_form(client, f"{url}/archive", {"version": "1"})
    assert stale.status_code == 409
    soup = page(stale)
    assert "Toisen muutos" in soup.select_one(".notice--warning").get_text()
    assert field_value(soup, "name_fi") == "Toisen muutos"
    assert {field["value"] for field in soup.select("input[name=version]")} == {"2"}
    row = await table.select(table.archived).where(table.id == row_id).first()
    assert row["archived"] is False
    # The page's button now carries the saved version and works
    assert (await post_form(client, f"{url}/archive", {"version": "2"})).status_code == 303
    row = await table.select(table.archived).where(table.id == row_id).first()
    assert row["archived"] is True
