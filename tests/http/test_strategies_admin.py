"""Admin: strategies and themes — create, edit, one current strategy, themes, archive, conflicts."""

from __future__ import annotations

from app.audit.tables import AuditLog
from app.strategy.tables import Strategy, Theme
from app.web.theme_colours import PALETTE
from tests.factories import make_strategy, make_theme
from tests.http.browser import field_error, field_value, page, post_form

VALID = {
    "name": "Kaupunkistrategia 2030",
    "period_start": "2023-01-01",
    "period_end": "2030-12-31",
    "description": "Asukkaat **ensin**. <script>alert(1)</script>",
    "campaign_name": "100+1 tekoa",
    "campaign_target": "101",
    "is_current": "true",
}


async def test_create_strategy_makes_it_the_only_current_one(client, admin):
    old = await make_strategy(name="Vanha", is_current=True)
    response = await post_form(client, "/admin/strategies/new", VALID)
    assert response.status_code == 303
    new = await Strategy.objects().where(Strategy.name == VALID["name"]).first()
    assert new.is_current and new.campaign_target == 101
    assert (await Strategy.select(Strategy.is_current).where(Strategy.id == old.id).first())[
        "is_current"
    ] is False
    detail = await client.get(f"/admin/strategies/{new.id}")
    prose = page(detail).select_one(".prose")
    assert prose.find("strong").get_text() == "ensin"
    assert prose.find("script") is None and "<script>" not in str(prose)  # Markdown is sanitised


async def test_strategy_bad_input(client, admin):
    await make_strategy(name="Olemassa")
    cases = [
        ({**VALID, "name": ""}, "name"),
        ({**VALID, "name": "olemassa"}, "name"),
        ({**VALID, "period_start": "31.12.2026"}, "period_start"),
        ({**VALID, "period_end": "2022-01-01"}, "period_end"),
        ({**VALID, "campaign_target": "sata"}, "campaign_target"),
        ({**VALID, "campaign_target": "0"}, "campaign_target"),
        ({**VALID, "campaign_name": "", "campaign_target": "5"}, "campaign_target"),
        ({**VALID, "description": "x" * 20_001}, "description"),
    ]
    for data, field in cases:
        response = await post_form(client, "/admin/strategies/new", data)
        assert response.status_code == 422, data
        soup = page(response)
        assert field_error(soup, field), data
        assert field_value(soup, "campaign_name") == data["campaign_name"]
    assert await Strategy.count() == 1


async def test_strategy_update_conflict(client, admin):
    strategy = await make_strategy(name="Alku")
    data = {**VALID, "name": "Eka muutos", "version": "1"}
    assert (await post_form(client, f"/admin/strategies/{strategy.id}", data)).status_code == 303
    stale = await post_form(
        client, f"/admin/strategies/{strategy.id}", {**data, "name": "Toka muutos"}
    )
    assert stale.status_code == 409
    assert field_value(page(stale), "name") == "Toka muutos"


async def test_add_edit_and_archive_theme(client, admin):
    strategy = await make_strategy()
    response = await post_form(
        client,
        f"/admin/strategies/{strategy.id}/themes",
        {
            "name_fi": "Sähköiset palvelut",
            "name_sv": "Elektroniska tjänster",
            "colour": PALETTE[2],
            "position": "3",
        },
    )
    assert response.status_code == 303
    theme = await Theme.objects().where(Theme.name_fi == "Sähköiset palvelut").first()
    assert (theme.colour, theme.position, theme.strategy) == (PALETTE[2], 3, strategy.id)

    edit = await post_form(
        client,
        f"/admin/strategies/{strategy.id}/themes/{theme.id}",
        {"name_fi": "Digitaaliset palvelut", "colour": PALETTE[4], "position": "1", "version": "1"},
    )
    assert edit.status_code == 303
    archive = await post_form(
        client, f"/admin/strategies/{strategy.id}/themes/{theme.id}/archive", {"version": "2"}
    )
    assert archive.status_code == 303
    row = await Theme.select().where(Theme.id == theme.id).first()
    assert (row["name_fi"], row["archived"]) == ("Digitaaliset palvelut", True)
    actions = (
        await AuditLog.select(AuditLog.action)
        .where(AuditLog.object_type == "theme")
        .order_by(AuditLog.id)
    )
    assert [a["action"] for a in actions] == ["create", "update", "archive"]


async def test_theme_bad_input_keeps_the_form_open(client, admin):
    strategy = await make_strategy()
    await make_theme(strategy, name_fi="Ketterä kehittäminen")
    cases = [
        ({"name_fi": "", "colour": PALETTE[0]}, "name_fi"),
        ({"name_fi": "ketterä kehittäminen", "colour": PALETTE[0]}, "name_fi"),
        ({"name_fi": "Uusi", "colour": "#ff00ff"}, "colour"),
        ({"name_fi": "Uusi", "colour": PALETTE[0], "position": "-1"}, "position"),
    ]
    for data, field in cases:
        response = await post_form(client, f"/admin/strategies/{strategy.id}/themes", data)
        assert response.status_code == 422, data
        soup = page(response)
        assert field_error(soup, field, prefix="theme"), data
        assert soup.select_one("details.add-theme").has_attr("open")
    assert await Theme.count() == 1


async def test_theme_of_another_strategy_is_not_reachable(client, admin):
    first = await make_strategy()
    second = await make_strategy(is_current=False)
    theme = await make_theme(second)
    assert (await client.get(f"/admin/strategies/{first.id}/themes/{theme.id}")).status_code == 404
    response = await post_form(
        client, f"/admin/strategies/{first.id}/themes/{theme.id}/archive", {"version": "1"}
    )
    assert response.status_code == 404
    assert (await Theme.select(Theme.archived).where(Theme.id == theme.id).first())[
        "archived"
    ] is False


async def test_inline_validation_of_a_theme_field_keeps_its_element_id(client, admin):
    strategy = await make_strategy()
    response = await post_form(
        client,
        f"/admin/strategies/{strategy.id}/themes",
        {"name_fi": "", "_validate": "name_fi", "_error_id": "theme-name_fi-error"},
        headers={"HX-Request": "true"},
    )
    element = page(response).find(id="theme-name_fi-error")
    assert element is not None and element.get_text(strip=True)
    forged = await post_form(
        client,
        f"/admin/strategies/{strategy.id}/themes",
        {"name_fi": "", "_validate": "name_fi", "_error_id": '"><script>x</script>'},
        headers={"HX-Request": "true"},
    )
    assert page(forged).find(id="f-name_fi-error") is not None and "<script>" not in forged.text
    assert await Theme.count() == 0
