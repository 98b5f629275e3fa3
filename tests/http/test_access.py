"""Who gets where: role guards, object access by guessed ids, security headers, error pages."""

from __future__ import annotations

import pytest

from app.accounts.tables import User
from tests.factories import make_department, make_strategy, make_theme, make_user
from tests.http.browser import page, post_form, sign_in

ADMIN_PAGES = [
    "/admin/departments",
    "/admin/departments/{department}",
    "/admin/users",
    "/admin/users/new",
    "/admin/users/{user}",
    "/admin/strategies",
    "/admin/strategies/new",
    "/admin/strategies/{strategy}",
    "/admin/strategies/{strategy}/themes/{theme}",
]
ADMIN_WRITES = [
    ("/admin/departments", {"name_fi": "Luvaton"}),
    ("/admin/departments/{department}", {"name_fi": "Luvaton", "version": "1"}),
    ("/admin/departments/{department}/archive", {"version": "1"}),
    ("/admin/departments/{department}/delete", {"version": "1", "confirm": "true"}),
    ("/admin/users/new", {"name": "X", "email": "x@example.fi"}),
    (
        "/admin/users/{user}",
        {"name": "X", "email": "x@example.fi", "is_admin": "true", "version": "1"},
    ),
    ("/admin/users/{user}/deactivate", {"version": "1"}),
    ("/admin/users/{user}/set-password-link", {}),
    (
        "/admin/strategies/new",
        {"name": "X", "period_start": "2024-01-01", "period_end": "2025-01-01"},
    ),
    ("/admin/strategies/{strategy}/themes", {"name_fi": "X"}),
    ("/admin/strategies/{strategy}/themes/{theme}/archive", {"version": "1"}),
]


async def _objects() -> dict[str, int]:
    department = await make_department()
    other = await make_user(department=department.id)
    strategy = await make_strategy()
    theme = await make_theme(strategy)
    return {
        "department": department.id,
        "user": other.id,
        "strategy": strategy.id,
        "theme": theme.id,
    }


@pytest.mark.parametrize("role", ["employee", "lead", "hr"])
async def test_non_admins_get_403_on_every_admin_page_and_write(client, role):
    ids = await _objects()
    user = await make_user(**{f"is_{role}": True} if role != "employee" else {})
    await sign_in(client, user.email)
    for url in ADMIN_PAGES:
        response = await client.get(url.format(**ids))
        assert response.status_code == 403, url
        assert page(response).find("h1")  # a styled error page, not a bare message
    for url, data in ADMIN_WRITES:
        assert (await post_form(client, url.format(**ids), data)).status_code == 403, url
    target = await User.select().where(User.id == ids["user"]).first()
    assert target["is_admin"] is False and target["active"] is True and target["version"] == 1


async def test_anonymous_visitors_are_sent_to_sign_in_for_every_admin_page(client):
    ids = await _objects()
    for url in ADMIN_PAGES:
        response = await client.get(url.format(**ids))
        assert response.status_code == 303 and response.headers["location"].startswith(
            "/sign-in?next="
        ), url


async def test_guessed_ids_of_missing_objects_are_404(client, admin):
    for url in [
        "/admin/departments/9999",
        "/admin/users/9999",
        "/admin/strategies/9999",
        "/admin/strategies/9999/themes/1",
    ]:
        assert (await client.get(url)).status_code == 404, url


EXPECTED_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}


async def test_security_headers_on_every_kind_of_response(client, admin):
    ids = await _objects()
    urls = [
        "/",
        "/sign-in",
        "/accessibility",
        "/static/css/kokeilu.css",
        "/no-such-page",
        "/health",
    ]
    urls += [url.format(**ids) for url in ADMIN_PAGES]
    for url in urls:
        response = await client.get(url)
        for name, value in EXPECTED_HEADERS.items():
            assert value in response.headers.get(name, ""), (url, name)
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert "strict-transport-security" not in response.headers  # served over http here


async def test_no_inline_scripts_or_styles_in_pages(client, admin):
    ids = await _objects()
    for url in ["/", "/sign-in", "/accessibility", *[u.format(**ids) for u in ADMIN_PAGES]]:
        soup = page(await client.get(url))
        assert all(script.get("src") for script in soup.find_all("script")), url
        assert not soup.find_all("style"), url
        assert not soup.select("[style]"), url
        assert not [
            tag for tag in soup.find_all(True) if any(attr.startswith("on") for attr in tag.attrs)
        ], url


async def test_not_found_page_is_styled_and_in_finnish(client):
    response = await client.get("/ei-tallaista", headers={"accept-language": "fi"})
    assert response.status_code == 404
    soup = page(response)
    assert soup.find("html")["lang"] == "fi"
    assert soup.select_one(".error-page")


async def test_server_error_shows_no_traceback(client, admin, monkeypatch):
    from app.organisation import service

    async def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(service, "tree", broken)
    response = await client.get("/admin/departments")
    assert response.status_code == 500
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert page(response).select_one(".error-page")
