"""Admin: the department tree — create, rename, move, archive, restore, delete."""

from __future__ import annotations

from app.audit.tables import AuditLog
from app.organisation.tables import Department
from tests.factories import make_department, make_user
from tests.http.browser import field_error, field_value, page, post_form


async def test_tree_shows_nested_departments_with_people_counts(client, admin):
    sector = await make_department(name_fi="Sivistyspalvelut")
    youth = await make_department(name_fi="Nuorisopalvelut", parent=sector.id)
    await make_user(department=youth.id)
    soup = page(await client.get("/admin/departments"))
    nested = soup.select("ul.tree ul.tree a")
    assert [a.get_text() for a in nested] == ["Nuorisopalvelut"]
    assert "1" in soup.find("a", string="Nuorisopalvelut").find_next("span").get_text()


async def test_create_department_writes_audit_entry(client, admin):
    parent = await make_department(name_fi="Tekniset palvelut")
    response = await post_form(
        client,
        "/admin/departments",
        {"name_fi": "Ateriapalvelut", "name_sv": "Måltidstjänster", "parent": str(parent.id)},
    )
    assert response.status_code == 303
    created = await Department.objects().where(Department.name_fi == "Ateriapalvelut").first()
    assert created.parent == parent.id and created.name_sv == "Måltidstjänster"
    entry = (
        await AuditLog.select()
        .where((AuditLog.object_type == "department") & (AuditLog.object_id == created.id))
        .output(load_json=True)
        .first()
    )
    assert entry["action"] == "create" and entry["actor"] == admin.id
    assert entry["after"]["name_fi"] == "Ateriapalvelut"


async def test_bad_input_shows_errors_next_to_fields_and_keeps_input(client, admin):
    cases = [
        ({"name_fi": "", "name_sv": "Bra namn"}, "name_fi"),
        ({"name_fi": "x" * 201}, "name_fi"),
        ({"name_fi": "Uusi", "parent": "ei-numero"}, "parent"),
        ({"name_fi": "Uusi", "parent": "999999"}, "parent"),
    ]
    for data, field in cases:
        response = await post_form(client, "/admin/departments", data)
        assert response.status_code == 422, data
        soup = page(response)
        assert field_error(soup, field), (data, field)
        assert soup.find(id=f"f-{field}")["aria-invalid"] == "true"
        if "name_sv" in data:
            assert field_value(soup, "name_sv") == "Bra namn"
    assert await Department.count() == 0


async def test_duplicate_name_under_same_parent_is_refused(client, admin):
    await make_department(name_fi="Vanhuspalvelut")
    response = await post_form(client, "/admin/departments", {"name_fi": "vanhuspalvelut"})
    assert response.status_code == 422
    assert field_error(page(response), "name_fi")


async def test_inline_validation_returns_only_the_field_error(client, admin):
    response = await post_form(
        client,
        "/admin/departments",
        {"name_fi": "", "_validate": "name_fi"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    soup = page(response)
    assert soup.find(id="f-name_fi-error").get_text(strip=True)
    assert soup.find("form") is None
    assert await Department.count() == 0


async def test_rename_and_move(client, admin):
    first = await make_department(name_fi="Toimiala A")
    second = await make_department(name_fi="Toimiala B")
    unit = await make_department(name_fi="Yksikkö", parent=first.id)
    response = await post_form(
        client,
        f"/admin/departments/{unit.id}",
        {"name_fi": "Uusi nimi", "parent": str(second.id), "version": "1"},
    )
    assert response.status_code == 303
    row = await Department.select().where(Department.id == unit.id).first()
    assert (row["name_fi"], row["parent"], row["version"]) == ("Uusi nimi", second.id, 2)


async def test_cannot_move_under_own_sub_department(client, admin):
    top = await make_department(name_fi="Ylin")
    child = await make_department(name_fi="Ala", parent=top.id)
    response = await post_form(
        client,
        f"/admin/departments/{top.id}",
        {"name_fi": "Ylin", "parent": str(child.id), "version": "1"},
    )
    assert response.status_code == 422
    assert field_error(page(response), "parent")


async def test_stale_save_shows_conflict_and_keeps_both_versions(client, admin):
    unit = await make_department(name_fi="Alkuperäinen")
    first = await post_form(
        client, f"/admin/departments/{unit.id}", {"name_fi": "Toisen muutos", "version": "1"}
    )
    assert first.status_code == 303
    stale = await post_form(
        client, f"/admin/departments/{unit.id}", {"name_fi": "Minun muutos", "version": "1"}
    )
    assert stale.status_code == 409
    soup = page(stale)
    notice = soup.select_one(".notice--warning").get_text()
    assert "Toisen muutos" in notice  # the other person's saved value is shown
    assert field_value(soup, "name_fi") == "Minun muutos"  # and what I typed is kept
    assert field_value(soup, "version") == "2"  # saving again is now possible
    row = await Department.select().where(Department.id == unit.id).first()
    assert row["name_fi"] == "Toisen muutos"


async def test_archive_and_restore(client, admin):
    unit = await make_department(name_fi="Arkistoitava")
    assert (
        await post_form(client, f"/admin/departments/{unit.id}/archive", {"version": "1"})
    ).status_code == 303
    assert (await Department.select().where(Department.id == unit.id).first())["archived"] is True
    assert (
        await post_form(client, f"/admin/departments/{unit.id}/restore", {"version": "2"})
    ).status_code == 303
    assert (await Department.select().where(Department.id == unit.id).first())["archived"] is False
    actions = (
        await AuditLog.select(AuditLog.action)
        .where((AuditLog.object_type == "department") & (AuditLog.object_id == unit.id))
        .order_by(AuditLog.id)
    )
    assert [a["action"] for a in actions] == ["archive", "restore"]


async def test_department_with_people_cannot_be_deleted(client, admin):
    unit = await make_department(name_fi="Täysi")
    await make_user(department=unit.id)
    confirmed = {"version": "1", "confirm": "true"}
    response = await post_form(client, f"/admin/departments/{unit.id}/delete", confirmed)
    assert response.status_code == 422
    assert await Department.exists().where(Department.id == unit.id)
    empty = await make_department(name_fi="Tyhjä")
    unconfirmed = await post_form(client, f"/admin/departments/{empty.id}/delete", {"version": "1"})
    assert unconfirmed.status_code == 422
    assert await Department.exists().where(Department.id == empty.id)
    deleted = await post_form(client, f"/admin/departments/{empty.id}/delete", confirmed)
    assert deleted.status_code == 303
    assert not await Department.exists().where(Department.id == empty.id)


async def test_unknown_department_is_404(client, admin):
    assert (await client.get("/admin/departments/424242")).status_code == 404
