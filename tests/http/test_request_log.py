"""The request log: one line per request, with the status the client actually got."""

from __future__ import annotations

import re

from tests.factories import make_user
from tests.http.browser import csrf_token, post_form, sign_in


def _request_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if "event='request'" in line]


def _logged(output: str, method: str, path: str) -> list[str]:
    """The statuses logged for `method path`, one per logged request line."""
    return [
        re.search(r"status=(\d+)", line).group(1)
        for line in _request_lines(output)
        if f"method='{method}'" in line and f"path='{path}'" in line
    ]


async def test_each_request_is_logged_once_with_the_status_sent(client, capsys):
    user = await make_user()
    await client.get("/sign-in")  # the CSRF cookie
    capsys.readouterr()

    statuses = {}
    statuses["sign-in form error"] = (await sign_in(client, "", "")).status_code
    statuses["sign-in"] = (await sign_in(client, user.email)).status_code
    statuses["home"] = (await client.get("/")).status_code
    statuses["unknown"] = (await client.get("/no-such-page")).status_code
    statuses["no csrf"] = (await client.post("/account/password", data={})).status_code
    too_big = await client.post(
        "/account/password",
        content=b"x" * (11 * 1024 * 1024),
        headers={
            "x-csrftoken": csrf_token(client),
            "content-type": "application/x-www-form-urlencoded",
        },
    )
    statuses["too big"] = too_big.status_code
    assert statuses == {
        "sign-in form error": 422,
        "sign-in": 303,
        "home": 200,
        "unknown": 404,
        "no csrf": 403,
        "too big": 413,
    }
    output = capsys.readouterr().out
    assert _logged(output, "POST", "/sign-in") == ["422", "303"]
    assert _logged(output, "GET", "/") == ["200"]
    assert _logged(output, "GET", "/no-such-page") == ["404"]
    assert _logged(output, "POST", "/account/password") == ["403", "413"]
    assert len(_request_lines(output)) == 5 + 1  # the POST to /sign-in twice
    assert all("request_id='" in line for line in _request_lines(output))
    signed_in_lines = [line for line in _request_lines(output) if "path='/'" in line]
    assert f"user_id={user.id}" in signed_in_lines[0]


async def test_a_throttled_sign_in_is_logged_as_429(client, capsys):
    user = await make_user()
    for _ in range(5):
        await sign_in(client, user.email, "väärä-salasana")
    capsys.readouterr()
    response = await post_form(
        client, "/sign-in", {"email": user.email, "password": "väärä-salasana"}
    )
    assert response.status_code == 429
    assert _logged(capsys.readouterr().out, "POST", "/sign-in") == ["429"]
