"""Language: Accept-Language before sign-in, the switcher, and the choice remembered per user."""

from __future__ import annotations

from app.accounts.tables import User
from tests.factories import make_user
from tests.http.browser import page, post_form, sign_in


async def test_accept_language_picks_the_language_before_sign_in(client):
    for header, expected in [
        ("sv-FI,sv;q=0.9", "sv"),
        ("en-GB", "en"),
        ("de-DE", "fi"),
        ("de, en;q=0.5", "en"),
    ]:
        response = await client.get("/sign-in", headers={"accept-language": header})
        assert page(response).find("html")["lang"] == expected, header


async def test_switcher_changes_language_and_returns_to_the_page(client):
    response = await post_form(client, "/language", {"language": "sv", "next": "/accessibility"})
    assert response.status_code == 303 and response.headers["location"] == "/accessibility"
    assert page(await client.get("/accessibility")).find("html")["lang"] == "sv"


async def test_choice_is_remembered_per_user(client, app):
    from litestar.testing import AsyncTestClient

    user = await make_user(language="fi")
    await sign_in(client, user.email)
    await post_form(client, "/language", {"language": "en", "next": "/"})
    assert (await User.select(User.language).where(User.id == user.id).first())["language"] == "en"
    async with AsyncTestClient(app=app, base_url="http://127.0.0.1:8000") as other_device:
        other_device.follow_redirects = False
        await sign_in(other_device, user.email)
        home = await other_device.get("/", headers={"accept-language": "fi"})
        assert page(home).find("html")["lang"] == "en"


async def test_unknown_language_is_ignored(client):
    await post_form(client, "/language", {"language": "xx", "next": "/sign-in"})
    assert (
        page(await client.get("/sign-in", headers={"accept-language": "fi"})).find("html")["lang"]
        == "fi"
    )


async def test_finnish_texts_and_dates(client):
    from datetime import date

    from app import i18n

    i18n.activate("fi")
    assert i18n.format_date(date(2026, 11, 23)) == "23.11.2026"
    i18n.activate("sv")
    assert "nov" in i18n.format_date(date(2026, 11, 23))
    response = await client.get("/sign-in", headers={"accept-language": "fi"})
    assert (
        page(response)
        .find("button", attrs={"type": "submit", "class": "button"})
        .get_text(strip=True)
        != "Sign in"
    )
