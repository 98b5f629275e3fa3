"""Pages that depend on the session are never stored by the browser (Back after sign-out must
not show a private page); static files stay cacheable."""

from __future__ import annotations

import pytest

from tests.factories import make_user
from tests.http.browser import client_signed_in_as


def _plain_get_paths(app) -> list[str]:
    """Every GET route of the app that takes no path parameter, static files aside."""
    return sorted(
        {
            route.path
            for route in app.routes
            if "GET" in getattr(route, "methods", ())
            and not route.path_parameters
            and not route.path.startswith("/static")
        }
    )


def test_the_walk_covers_the_app(app):
    paths = _plain_get_paths(app)
    assert {"/", "/sign-in", "/account/password", "/admin/users"} <= set(paths)
    assert len(paths) > 20


@pytest.mark.parametrize("role", ["employee", "admin"])
async def test_every_signed_in_page_says_no_store(app, role):
    user = await make_user(is_admin=role == "admin")
    client = await client_signed_in_as(app, user)
    try:
        missing = {}
        for path in _plain_get_paths(app):
            response = await client.get(path)
            if response.headers.get("cache-control") != "no-store":
                missing[path] = (response.status_code, response.headers.get("cache-control"))
        assert missing == {}
    finally:
        await client.__aexit__(None, None, None)


async def test_sign_in_page_and_redirects_say_no_store(client):
    sign_in_page = await client.get("/sign-in")
    assert sign_in_page.headers["cache-control"] == "no-store"
    assert "_csrf_token" in sign_in_page.text
    assert (await client.get("/")).headers["cache-control"] == "no-store"  # redirect to sign-in


async def test_static_files_stay_cacheable(client):
    response = await client.get("/static/css/kokeilu.css")
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("cache-control", "")
