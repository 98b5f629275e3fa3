"""A password change, an admin's password reset and deactivation end the user's other
sessions; the session that changed its own password stays signed in."""

from __future__ import annotations

from litestar.testing import AsyncTestClient

from app.accounts.tables import User
from tests.factories import make_user
from tests.http.browser import client_signed_in_as, page, post_form, sign_in

NEW_PASSWORD = "uusi-hyvä-salasana-123"


async def _signed_in(client) -> bool:
    return (await client.get("/account/password")).status_code == 200


async def _version(user_id: int) -> int:
    return (await User.select(User.version).where(User.id == user_id).first())["version"]


async def test_changing_own_password_ends_the_other_sessions_only(app, client):
    user = await make_user()
    await sign_in(client, user.email)
    other = await client_signed_in_as(app, user)
    try:
        assert await _signed_in(client) and await _signed_in(other)
        response = await post_form(
            client,
            "/account/password",
            {
                "current_password": "oikein-hyvä-salasana",
                "new_password": NEW_PASSWORD,
                "new_password_again": NEW_PASSWORD,
            },
        )
        assert response.status_code == 303, page(response).get_text()
        assert await _signed_in(client)
        assert not await _signed_in(other)
        # The other browser signs in again with the new password.
        await sign_in(other, user.email, NEW_PASSWORD)
        assert await _signed_in(other)
    finally:
        await other.__aexit__(None, None, None)


async def test_set_password_link_and_its_use_end_the_users_sessions(app, admin, client):
    user = await make_user()
    first = await client_signed_in_as(app, user)
    try:
        assert await _signed_in(first)
        response = await post_form(client, f"/admin/users/{user.id}/set-password-link")
        assert response.status_code == 200
        assert not await _signed_in(first)  # the admin's reset ends the sessions at once
        assert await _signed_in(client)  # the admin stays signed in

        await sign_in(first, user.email)  # the old password still works until the link is used
        assert await _signed_in(first)
        link = page(response).select_one("#set-password-link")["value"]
        path = "/set-password/" + link.rsplit("/set-password/", 1)[1]
        async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as third:
            third.follow_redirects = False
            used = await post_form(
                third, path, {"new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD}
            )
            assert used.status_code == 303, page(used).get_text()
            assert await _signed_in(third)
            assert not await _signed_in(first)
    finally:
        await first.__aexit__(None, None, None)


async def test_deactivation_ends_the_sessions_even_after_reactivation(app, admin, client):
    user = await make_user()
    other = await client_signed_in_as(app, user)
    try:
        assert await _signed_in(other)
        await post_form(
            client,
            f"/admin/users/{user.id}/deactivate",
            {"version": await _version(user.id)},
        )
        # Reactivated before the other browser's next request: its session is still over.
        await post_form(
            client,
            f"/admin/users/{user.id}/reactivate",
            {"version": await _version(user.id)},
        )
        assert (await User.select(User.active).where(User.id == user.id).first())["active"]
        assert not await _signed_in(other)
    finally:
        await other.__aexit__(None, None, None)
