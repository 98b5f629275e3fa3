"""Admin: users — list, search and paging, create, edit roles, deactivate, set-password links."""

from __future__ import annotations

from app.accounts.tables import SetPasswordToken, User
from app.audit.tables import AuditLog
from tests.factories import make_department, make_user
from tests.http.browser import field_error, field_value, page, post_form, sign_in


async def test_list_search_and_paging(client, admin):
    for number in range(30):
        await make_user(name=f"Henkilö {number:02d}", email=f"henkilo{number:02d}@example.fi")
    await make_user(name="Liisa Löytyvä", email="liisa@example.fi")
    first = page(await client.get("/admin/users"))
    assert len(first.select("table.data-table tbody tr")) == 25
    second = page(await client.get("/admin/users?page=2"))
    assert len(second.select("table.data-table tbody tr")) == 32 - 25
    found = page(await client.get("/admin/users?q=löytyvä"))
    assert [a.get_text() for a in found.select("tbody a")] == ["Liisa Löytyvä"]


async def test_search_with_htmx_returns_only_the_results_block(client, admin):
    response = await client.get("/admin/users?q=Pää", headers={"HX-Request": "true"})
    soup = page(response)
    assert soup.find(id="user-results") is not None
    assert soup.find("header") is None


async def test_create_user_with_roles(client, admin):
    unit = await make_department()
    response = await post_form(
        client,
        "/admin/users/new",
        {
            "name": "Uusi Valmentaja",
            "email": "Uusi.Valmentaja@Example.fi",
            "department": str(unit.id),
            "language": "sv",
            "is_employee": "true",
            "is_lead": "true",
        },
    )
    assert response.status_code == 303
    user = await User.objects().where(User.email == "uusi.valmentaja@example.fi").first()
    assert (user.department, user.language, user.is_lead, user.is_admin, user.password_hash) == (
        unit.id,
        "sv",
        True,
        False,
        None,
    )
    assert await AuditLog.exists().where(
        (AuditLog.object_type == "user") & (AuditLog.object_id == user.id)
    )


async def test_create_user_bad_input(client, admin):
    await make_user(email="varattu@example.fi")
    cases = [
        ({"name": "", "email": "a@example.fi"}, "name"),
        ({"name": "A" * 201, "email": "a@example.fi"}, "name"),
        ({"name": "Nimi", "email": "ei-sähköposti"}, "email"),
        ({"name": "Nimi", "email": "VARATTU@example.fi"}, "email"),
        ({"name": "Nimi", "email": "a@example.fi", "language": "de"}, "language"),
        ({"name": "Nimi", "email": "a@example.fi", "department": "abc"}, "department"),
    ]
    for data, field in cases:
        response = await post_form(client, "/admin/users/new", data)
        assert response.status_code == 422, data
        soup = page(response)
        assert field_error(soup, field), data
        assert field_value(soup, "email") == data["email"]
    assert await User.count() == 2


async def test_edit_conflict_is_detected(client, admin):
    user = await make_user(name="Alku Nimi")
    data = {"name": "Ensimmäinen", "email": user.email, "language": "fi", "version": "1"}
    assert (await post_form(client, f"/admin/users/{user.id}", data)).status_code == 303
    stale = await post_form(client, f"/admin/users/{user.id}", {**data, "name": "Toinen"})
    assert stale.status_code == 409
    assert "Ensimmäinen" in page(stale).select_one(".notice--warning").get_text()
    assert (await User.select(User.name).where(User.id == user.id).first())["name"] == "Ensimmäinen"


async def test_deactivate_and_reactivate(client, admin):
    user = await make_user()
    assert (
        await post_form(client, f"/admin/users/{user.id}/deactivate", {"version": "1"})
    ).status_code == 303
    assert (await User.select(User.active).where(User.id == user.id).first())["active"] is False
    assert (
        await post_form(client, f"/admin/users/{user.id}/reactivate", {"version": "2"})
    ).status_code == 303
    assert (await User.select(User.active).where(User.id == user.id).first())["active"] is True


async def test_admin_cannot_lock_themselves_out(client, admin):
    response = await post_form(client, f"/admin/users/{admin.id}/deactivate", {"version": "1"})
    assert response.status_code == 422
    assert (await User.select(User.active).where(User.id == admin.id).first())["active"] is True


async def test_set_password_link_works_once(client, admin, app):
    from litestar.testing import AsyncTestClient

    user = await make_user(password_hash=None, email="uusi@example.fi")
    response = await post_form(client, f"/admin/users/{user.id}/set-password-link")
    assert response.status_code == 200
    link = page(response).find(id="set-password-link")["value"]
    path = link.split("127.0.0.1:8000", 1)[1]
    assert await SetPasswordToken.count() == 1
    assert path.split("/")[-1] not in str(await SetPasswordToken.select())  # only a hash is stored

    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as newcomer:
        newcomer.follow_redirects = False
        assert (await newcomer.get(path)).status_code == 200
        short = await post_form(
            newcomer, path, {"new_password": "lyhyt", "new_password_again": "lyhyt"}
        )
        assert short.status_code == 422 and field_error(page(short), "new_password")
        mismatch = await post_form(
            newcomer, path, {"new_password": "pitkä salasana 1", "new_password_again": "toinen"}
        )
        assert field_error(page(mismatch), "new_password_again")
        ok = await post_form(
            newcomer,
            path,
            {"new_password": "pitkä salasana 1", "new_password_again": "pitkä salasana 1"},
        )
        assert ok.status_code == 303
        assert (await newcomer.get("/")).status_code == 200  # signed in
        assert (await newcomer.get(path)).status_code == 404  # used up
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as again:
        again.follow_redirects = False
        assert (await sign_in(again, "uusi@example.fi", "pitkä salasana 1")).status_code == 303


async def test_unknown_or_expired_link_is_404(client):
    assert (await client.get("/set-password/not-a-real-token-at-all-123456")).status_code == 404


async def test_change_own_password(client, employee):
    wrong = await post_form(
        client,
        "/account/password",
        {
            "current_password": "väärä",
            "new_password": "uusi salasana 2",
            "new_password_again": "uusi salasana 2",
        },
    )
    assert wrong.status_code == 422 and field_error(page(wrong), "current_password")
    ok = await post_form(
        client,
        "/account/password",
        {
            "current_password": "oikein-hyvä-salasana",
            "new_password": "uusi salasana 2",
            "new_password_again": "uusi salasana 2",
        },
    )
    assert ok.status_code == 303
    await post_form(client, "/sign-out")
    assert (await sign_in(client, employee.email, "uusi salasana 2")).status_code == 303
