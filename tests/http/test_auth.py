"""Sign-in, throttling, session rotation, sign-out, timeouts and CSRF."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from app.accounts.tables import SessionRecord
from app.audit.tables import AuditLog
from tests.factories import make_user
from tests.http.browser import csrf_token, page, post_form, sign_in

SESSION_COOKIE = "kokeilu_session"


def replace_cookie(client, name: str, value: str) -> None:
    client.cookies.delete(name)
    client.cookies.set(name, value, domain="127.0.0.1")


async def test_sign_in_success_redirects_and_shows_the_user(client):
    user = await make_user(name="Aino Asiakas")
    response = await sign_in(client, user.email.upper())  # email is case-insensitive
    assert response.status_code == 303
    home = await client.get("/")
    assert home.status_code == 200
    assert "Aino Asiakas" in home.text
    entries = await AuditLog.select().where(AuditLog.action == "sign_in")
    assert [entry["actor"] for entry in entries] == [user.id]


async def test_wrong_password_and_unknown_email_get_the_same_message(client):
    user = await make_user()
    wrong = await sign_in(client, user.email, "väärä-salasana")
    unknown = await sign_in(client, "ei.ole@example.fi", "väärä-salasana")
    assert wrong.status_code == unknown.status_code == 422
    message = page(wrong).select_one("#sign-in-failure").get_text(strip=True)
    assert message == page(unknown).select_one("#sign-in-failure").get_text(strip=True)
    assert "Sähköpostiosoite tai salasana" in message or "email or password" in message
    assert (await client.get("/")).status_code == 303  # still signed out


async def test_sign_in_keeps_the_email_typed(client):
    response = await sign_in(client, "typo@example.fi", "x")
    assert page(response).find(attrs={"name": "email"})["value"] == "typo@example.fi"
    assert page(response).find(attrs={"name": "password"}).get("value") is None


async def test_failed_sign_ins_are_throttled_per_account(client):
    user = await make_user()
    for _ in range(5):
        await sign_in(client, user.email, "väärä-salasana")
    # The next attempt is refused even with the right password, until the back-off passes.
    response = await sign_in(client, user.email)
    assert response.status_code == 429
    assert (await client.get("/")).status_code == 303


async def test_session_id_changes_at_sign_in_and_sign_out_invalidates_it(client):
    user = await make_user()
    await client.get("/sign-in")
    replace_cookie(client, SESSION_COOKIE, "attacker-chosen-session-id")
    await sign_in(client, user.email)
    session_id = client.cookies.get(SESSION_COOKIE)
    assert session_id and session_id != "attacker-chosen-session-id"
    assert await SessionRecord.exists().where(SessionRecord.key == session_id)

    response = await post_form(client, "/sign-out")
    assert response.status_code == 303
    assert not await SessionRecord.exists().where(SessionRecord.key == session_id)
    # Replaying the old cookie does not sign anyone in.
    replace_cookie(client, SESSION_COOKIE, session_id)
    assert (await client.get("/")).status_code == 303


async def test_idle_session_expires(client):
    user = await make_user()
    await sign_in(client, user.email)
    session_id = client.cookies.get(SESSION_COOKIE)
    row = await SessionRecord.select().where(SessionRecord.key == session_id).first()
    data = json.loads(bytes(row["value"]))
    data["last_seen"] = datetime.now(UTC).timestamp() - 2 * 3600  # idle longer than 60 minutes
    await SessionRecord.update(value=json.dumps(data).encode()).where(
        SessionRecord.key == session_id
    )
    response = await client.get("/")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in")


async def test_absolute_session_lifetime_is_enforced(client):
    user = await make_user()
    await sign_in(client, user.email)
    session_id = client.cookies.get(SESSION_COOKIE)
    row = await SessionRecord.select().where(SessionRecord.key == session_id).first()
    data = json.loads(bytes(row["value"]))
    data["signed_in_at"] = datetime.now(UTC).timestamp() - 13 * 3600
    await SessionRecord.update(value=json.dumps(data).encode()).where(
        SessionRecord.key == session_id
    )
    assert (await client.get("/")).status_code == 303


async def test_deactivated_user_loses_access_at_once(client):
    user = await make_user()
    await sign_in(client, user.email)
    assert (await client.get("/")).status_code == 200
    await type(user).update(active=False).where(type(user).id == user.id)
    assert (await client.get("/")).status_code == 303


async def test_write_without_csrf_token_is_refused(client):
    user = await make_user()
    await client.get("/sign-in")
    response = await client.post("/sign-in", data={"email": user.email, "password": "x"})
    assert response.status_code == 403
    with_token = await client.post(
        "/sign-in",
        data={"email": user.email, "password": "x"},
        headers={"x-csrftoken": csrf_token(client)},
    )
    assert with_token.status_code == 422


async def test_anonymous_visitor_is_sent_to_sign_in_with_return_path(client):
    response = await client.get("/admin/users?q=a")
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=/admin/users%3Fq%3Da"
    assert SESSION_COOKIE not in response.cookies


async def test_sign_in_does_not_redirect_to_another_site(client):
    user = await make_user()
    response = await post_form(
        client,
        "/sign-in",
        {"email": user.email, "password": "oikein-hyvä-salasana", "next": "//evil.example/"},
    )
    assert response.headers["location"] == "/"


async def test_expired_sessions_are_swept_at_sign_in(client):
    from datetime import timedelta

    await SessionRecord.insert(
        SessionRecord(key="old", value=b"{}", expires_at=datetime.now(UTC) - timedelta(hours=1))
    )
    user = await make_user()
    await sign_in(client, user.email)
    assert not await SessionRecord.exists().where(SessionRecord.key == "old")
