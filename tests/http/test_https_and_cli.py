"""Behind https: __Host- cookies, Secure and HSTS. Expiring links, per-client throttling, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from litestar.testing import AsyncTestClient

from app.accounts.tables import SetPasswordToken, User
from app.main import create_app
from app.settings import Settings
from tests.factories import make_user
from tests.http.browser import post_form, sign_in

ROOT = Path(__file__).resolve().parents[2]


async def test_https_deployment_uses_host_prefixed_secure_cookies_and_hsts():
    app = create_app(Settings(base_url="https://kokeilu.example.fi"))
    user = await make_user()
    async with AsyncTestClient(app=app, base_url="https://kokeilu.example.fi") as client:
        client.follow_redirects = False
        page = await client.get("/sign-in")
        assert "max-age=" in page.headers["strict-transport-security"]
        response = await post_form(
            client, "/sign-in", {"email": user.email, "password": "oikein-hyvä-salasana"}
        )
        assert response.status_code == 303
        session_cookie = next(
            header
            for header in response.headers.get_list("set-cookie")
            if header.startswith("__Host-kokeilu_session=")
        )
        lowered = session_cookie.lower()
        assert (
            "secure" in lowered
            and "httponly" in lowered
            and "samesite=lax" in lowered
            and "path=/" in lowered
        )
        assert "domain=" not in lowered


async def test_a_few_failed_sign_ins_across_accounts_do_not_lock_the_address(client):
    for number in range(5):
        await sign_in(client, f"arvaus{number}@example.fi", "väärä")
    user = await make_user()
    # Another account behind the same address signs in: the address's own ceiling is far
    # higher (tests/http/test_sign_in_throttling.py).
    assert (await sign_in(client, user.email)).status_code == 303


async def test_expired_set_password_link_is_refused(client, admin):
    user = await make_user()
    response = await post_form(client, f"/admin/users/{user.id}/set-password-link")
    assert response.status_code == 200
    link = response.text.split('id="set-password-link" type="text" readonly value="', 1)[1].split(
        '"', 1
    )[0]
    path = link.split("127.0.0.1:8000", 1)[1]
    await SetPasswordToken.update(expires_at=datetime.now(UTC) - timedelta(minutes=1)).where(
        SetPasswordToken.user == user.id
    )
    assert (await client.get(path)).status_code == 404


def test_create_user_command_makes_the_first_admin():
    env = {**os.environ, "KOKEILU_PASSWORD": "ensimmäinen-salasana"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "create-user",
            "--email",
            "Ensimmainen@Example.fi",
            "--name",
            "Eka Admin",
            "--admin",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ensimmainen@example.fi" in result.stdout
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "create-user",
            "--email",
            "ensimmainen@example.fi",
            "--name",
            "Toinen",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode != 0 and "already exists" in again.stderr


async def test_created_admin_can_sign_in(client):
    env = {**os.environ, "KOKEILU_PASSWORD": "toinen-hyvä-salasana"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "app.cli",
            "create-user",
            "--email",
            "admin2@example.fi",
            "--name",
            "Admin Kaksi",
            "--admin",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    user = await User.objects().where(User.email == "admin2@example.fi").first()
    assert user.is_admin and user.is_employee
    assert (await sign_in(client, "admin2@example.fi", "toinen-hyvä-salasana")).status_code == 303
    assert (await client.get("/admin/users")).status_code == 200
