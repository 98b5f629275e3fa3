"""Personal API tokens: created on the account page, shown once, stored as a hash, revoked
after a confirmation, only by their owner; refused by the API once revoked or expired."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from app.api.tables import ApiToken
from app.audit.tables import AuditLog
from app.i18n import HELSINKI
from tests.factories import make_user
from tests.http.browser import field_error, page, post_form, sign_in


async def _create(client, name: str = "Kuukausiraportti", expires_on: str = "") -> str:
    response = await post_form(
        client, "/account/api-tokens", {"name": name, "expires_on": expires_on}
    )
    assert response.status_code == 201, response.text
    assert response.headers["cache-control"] == "no-store"
    return page(response).find(id="new-token")["value"]


def _bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def test_a_new_token_is_shown_once_and_only_its_hash_is_stored(client, employee):
    secret = await _create(client)
    assert secret.startswith("kok_") and len(secret) > 40
    rows = await ApiToken.select().where(ApiToken.user == employee.id)
    assert len(rows) == 1
    row = rows[0]
    assert row["token_hash"] == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {str(value) for value in row.values()}
    assert secret.startswith(row["prefix"]) and len(row["prefix"]) < 16
    # The list shows the prefix, never the token again.
    listing = await client.get("/account/api-tokens")
    assert secret not in listing.text and row["prefix"] in listing.text
    assert page(listing).find(id="new-token") is None
    audit = await AuditLog.select().where(AuditLog.object_type == "api_token")
    assert [entry["action"] for entry in audit] == ["create"]
    assert secret not in str(audit)
    # The token works, and its use is recorded.
    assert (await client.get("/api/v1/themes", headers=_bearer(secret))).status_code == 200
    used = await ApiToken.select(ApiToken.last_used_at).where(ApiToken.id == row["id"]).first()
    assert used["last_used_at"] is not None


async def test_the_form_explains_its_errors_and_keeps_the_input(client, employee):
    response = await post_form(
        client, "/account/api-tokens", {"name": "", "expires_on": "2001-01-01"}
    )
    assert response.status_code == 422
    soup = page(response)
    assert field_error(soup, "name") and field_error(soup, "expires_on")
    assert soup.find(id="f-expires_on")["value"] == "2001-01-01"
    assert await ApiToken.count() == 0


async def test_revoking_asks_first_and_the_api_then_refuses_the_token(client, employee):
    secret = await _create(client)
    token = await ApiToken.select(ApiToken.id).first()
    confirm = await client.get(f"/account/api-tokens/{token['id']}/revoke")
    assert confirm.status_code == 200
    assert page(confirm).select_one(f"form[action='/account/api-tokens/{token['id']}/revoke']")
    assert (await ApiToken.select().first())["revoked_at"] is None  # nothing happens on GET
    response = await post_form(client, f"/account/api-tokens/{token['id']}/revoke")
    assert response.status_code == 303
    refused = await client.get("/api/v1/experiments", headers=_bearer(secret))
    assert refused.status_code == 401
    assert refused.json() == {"status": 401, "error": "The token has been revoked."}
    assert refused.headers["www-authenticate"].startswith("Bearer")
    actions = await AuditLog.select(AuditLog.action).where(AuditLog.object_type == "api_token")
    assert sorted(entry["action"] for entry in actions) == ["create", "revoke"]


async def test_an_expired_token_is_refused(client, employee):
    # "Today" where the user is: the form refuses days before Helsinki's today, which is
    # already tomorrow in UTC terms between 22:00 and 24:00 UTC.
    secret = await _create(client, expires_on=datetime.now(HELSINKI).date().isoformat())
    assert (await client.get("/api/v1/themes", headers=_bearer(secret))).status_code == 200
    await ApiToken.update(expires_at=datetime.now(UTC) - timedelta(seconds=1)).where(
        ApiToken.user == employee.id
    )
    refused = await client.get("/api/v1/themes", headers=_bearer(secret))
    assert refused.status_code == 401
    assert refused.json()["error"] == "The token has expired."
    listing = page(await client.get("/account/api-tokens"))
    assert len(listing.select("tbody .badge--muted")) == 1  # shown as expired
    assert listing.select("tbody a[href$='/revoke']")  # and may still be revoked


async def test_unknown_tokens_and_deactivated_users_are_refused(client, employee):
    secret = await _create(client)
    for header in (f"Bearer {secret[:-1]}x", "Bearer ", f"Basic {secret}", "Bearer nonsense"):
        response = await client.get("/api/v1/themes", headers={"Authorization": header})
        assert response.status_code == 401, header
        assert response.headers["content-type"].startswith("application/json")
    from app.accounts.tables import User

    await User.update(active=False).where(User.id == employee.id)
    assert (await client.get("/api/v1/themes", headers=_bearer(secret))).status_code == 401


async def test_another_user_can_neither_see_nor_revoke_my_token(client, employee):
    secret = await _create(client)
    token = await ApiToken.select(ApiToken.id).first()
    other = await make_user(name="Toinen Henkilö")
    await sign_in(client, other.email)
    assert (await client.get(f"/account/api-tokens/{token['id']}/revoke")).status_code == 404
    response = await post_form(client, f"/account/api-tokens/{token['id']}/revoke")
    assert response.status_code == 404
    assert (await ApiToken.select().first())["revoked_at"] is None
    assert secret[:12] not in (await client.get("/account/api-tokens")).text
    assert (await client.get("/api/v1/themes", headers=_bearer(secret))).status_code == 200


async def test_the_tokens_page_needs_a_signed_in_user(client):
    response = await client.get("/account/api-tokens")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/sign-in")
